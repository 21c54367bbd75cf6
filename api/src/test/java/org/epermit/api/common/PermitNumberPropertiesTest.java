package org.epermit.api.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.IntRange;

class PermitNumberPropertiesTest {

    /** Valid credit codes, pseudo-codes included. */
    @Provide
    Arbitrary<CreditCode> creditCodes() {
        Arbitrary<CreditCode> real = CreditCodePropertiesTest.realCodes().map(CreditCode::new);
        Arbitrary<CreditCode> pseudo = Arbitraries.strings().withChars(CreditCode.ALPHABET.toCharArray()).ofLength(16)
                .map(rest -> new CreditCode(CreditCode.PSEUDO_PREFIX + rest));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(9, real),
                net.jqwik.api.Tuple.of(1, pseudo));
    }

    @Property
    void a_number_built_with_of_round_trips_through_parse(
            @ForAll("creditCodes") CreditCode code,
            @ForAll @IntRange(min = 1, max = 999) int serial,
            @ForAll @CharRange(from = 'A', to = 'Z') char letter) {
        PermitNumber built = PermitNumber.of(code, serial, letter);

        PermitNumber parsed = PermitNumber.parse(built.value(), "path.permitNumber", Set.of(letter));

        assertThat(parsed).isEqualTo(built);
        assertThat(parsed.creditCode()).isEqualTo(code);
        assertThat(parsed.siteSerial()).isEqualTo(serial);
        assertThat(parsed.letter()).isEqualTo(letter);
        assertThat(PermitNumber.parse(built.value().toLowerCase(Locale.ROOT), "p", Set.of(letter))).isEqualTo(built);
    }

    @Property
    void a_number_ending_in_a_letter_that_is_not_allowed_fails_with_LETTER(
            @ForAll("creditCodes") CreditCode code,
            @ForAll @IntRange(min = 1, max = 999) int serial) {
        String raw = PermitNumber.of(code, serial, 'W').value();
        assertThat(PermitNumber.check(raw, "p", Set.of('P')))
                .hasValueSatisfying(error -> assertThat(error.code()).isEqualTo("LETTER"));
    }

    @Property
    void the_credit_code_part_is_checked_like_a_credit_code(
            @ForAll("creditCodes") CreditCode code,
            @ForAll @IntRange(min = 0, max = 17) int index,
            @ForAll @CharRange(from = '0', to = 'Z') char replacement) {
        String changed = code.value().substring(0, index) + replacement + code.value().substring(index + 1);
        assertThat(PermitNumber.check(changed + "001P", "p", Set.of('P')).map(e -> e.code()))
                .isEqualTo(CreditCode.check(changed, "p").map(e -> e.code()));
    }
}
