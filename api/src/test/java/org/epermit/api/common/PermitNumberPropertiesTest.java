package org.epermit.api.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epermit.api.common.CreditCodePropertiesTest.properties;

import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Properties of {@link PermitNumber} over generated input, run like {@link CreditCodePropertiesTest}'s. */
class PermitNumberPropertiesTest {

    /** Valid credit codes, pseudo-codes included (one in ten). */
    static Gen<CreditCode> creditCodes() {
        Gen<CreditCode> real = CreditCodePropertiesTest.realCodes().map(CreditCode::new);
        Gen<CreditCode> pseudo = CreditCodePropertiesTest.stringsOf(CreditCode.ALPHABET, Generate.constant(16))
                .map(rest -> new CreditCode(CreditCode.PSEUDO_PREFIX + rest));
        return Generate.frequency(Pair.of(9, real), Pair.of(1, pseudo));
    }

    @Test
    void a_number_built_with_of_round_trips_through_parse() {
        properties().forAll(creditCodes(), Generate.range(1, 999), Generate.characters('A', 'Z'))
                .checkAssert((code, serial, letter) -> {
                    PermitNumber built = PermitNumber.of(code, serial, letter);

                    PermitNumber parsed = PermitNumber.parse(built.value(), "path.permitNumber", Set.of(letter));

                    assertThat(parsed).isEqualTo(built);
                    assertThat(parsed.creditCode()).isEqualTo(code);
                    assertThat(parsed.siteSerial()).isEqualTo(serial);
                    assertThat(parsed.letter()).isEqualTo(letter);
                    assertThat(PermitNumber.parse(built.value().toLowerCase(Locale.ROOT), "p", Set.of(letter)))
                            .isEqualTo(built);
                });
    }

    @Test
    void a_number_ending_in_a_letter_that_is_not_allowed_fails_with_LETTER() {
        properties().forAll(creditCodes(), Generate.range(1, 999)).checkAssert((code, serial) -> {
            String raw = PermitNumber.of(code, serial, 'W').value();
            assertThat(PermitNumber.check(raw, "p", Set.of('P')))
                    .hasValueSatisfying(error -> assertThat(error.code()).isEqualTo("LETTER"));
        });
    }

    @Test
    void the_credit_code_part_is_checked_like_a_credit_code() {
        properties().forAll(creditCodes(), Generate.range(0, 17), Generate.characters('0', 'Z'))
                .checkAssert((code, index, replacement) -> {
                    String changed = code.value().substring(0, index) + replacement
                            + code.value().substring(index + 1);
                    assertThat(PermitNumber.check(changed + "001P", "p", Set.of('P')).map(e -> e.code()))
                            .isEqualTo(CreditCode.check(changed, "p").map(e -> e.code()));
                });
    }
}
