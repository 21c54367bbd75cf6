package org.epermit.codes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epermit.codes.CreditCodePropertiesTest.properties;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Properties of {@link PermitNumberRules} over generated input, run like {@link CreditCodePropertiesTest}'s. */
class PermitNumberPropertiesTest {

    /** Valid credit codes, genuine early ones (one in ten) and pseudo-codes (one in ten) included. */
    static Gen<String> creditCodes() {
        return Generate.frequency(Pair.of(8, CreditCodePropertiesTest.realCodes()),
                Pair.of(1, CreditCodePropertiesTest.earlyCodes()), Pair.of(1, CreditCodePropertiesTest.pseudoCodes()));
    }

    /** Non-empty sets of letters A–Z. */
    static Gen<PermitLetters> letterSets() {
        return CreditCodePropertiesTest.stringsOf("ABCDEFGHIJKLMNOPQRSTUVWXYZ", Generate.range(1, 4))
                .map(s -> PermitLetters.of(s.toCharArray()));
    }

    @Test
    void a_number_built_with_compose_round_trips_through_check_and_its_parts() {
        properties().forAll(creditCodes(), Generate.range(1, 999), Generate.characters('A', 'Z'))
                .checkAssert((code, serial, letter) -> {
                    String built = PermitNumberRules.compose(code, serial, letter);

                    assertThat(PermitNumberRules.check(built)).isEmpty();
                    assertThat(PermitNumberRules.check(built, PermitLetters.of(letter))).isEmpty();
                    assertThat(PermitNumberRules.requireCanonical(built)).isEqualTo(built);
                    assertThat(PermitNumberRules.creditCode(built)).isEqualTo(code);
                    assertThat(PermitNumberRules.siteSerial(built)).isEqualTo(serial);
                    assertThat(PermitNumberRules.letter(built)).isEqualTo(letter);
                    // typed in lower case: only a pseudo-code's letter keeps its case
                    String lower = built.toLowerCase(Locale.ROOT);
                    assertThat(PermitNumberRules.check(lower, PermitLetters.of(letter))).isEmpty();
                    assertThat(CreditCodeRules.normalize(lower)).isEqualTo(built);
                });
    }

    @Test
    void a_lookup_accepts_a_well_formed_number_whatever_upper_case_letter_it_ends_with() {
        properties().forAll(creditCodes(), Generate.range(1, 999), Generate.characters('A', 'Z'))
                .checkAssert((code, serial, letter) -> assertThat(PermitNumberRules.check(
                        code + String.format("%03d", serial) + letter)).isEmpty());
    }

    @Test
    void an_issued_number_passes_exactly_when_its_letter_is_one_of_the_allowed_letters() {
        properties().forAll(creditCodes(), Generate.range(1, 999), Generate.characters('A', 'Z'), letterSets())
                .checkAssert((code, serial, letter, letters) -> {
                    Optional<Violation> violation = PermitNumberRules.check(
                            PermitNumberRules.compose(code, serial, letter), letters);
                    if (letters.letters().contains(letter)) {
                        assertThat(violation).isEmpty();
                    } else {
                        assertThat(violation).hasValueSatisfying(v -> {
                            assertThat(v.reason()).isEqualTo(Reason.LETTER);
                            assertThat(v.position()).isEqualTo(22);
                            assertThat(v.expected()).isEqualTo(letters.asString());
                            assertThat(v.actual()).isEqualTo(String.valueOf(letter));
                        });
                    }
                });
    }

    @Test
    void the_credit_code_part_is_checked_like_a_credit_code_looked_up() {
        properties().forAll(creditCodes(), Generate.range(0, 17), Generate.characters('0', 'z'))
                .checkAssert((code, index, replacement) -> {
                    String changed = CreditCodePropertiesTest.replace(code, index, replacement);
                    Optional<Violation> asNumber = PermitNumberRules.check(changed + "001P", PermitLetters.of('P'));
                    Optional<Violation> asCode = CreditCodeRules.check(changed, Strictness.LOOKUP);
                    assertThat(asNumber.map(Violation::reason)).isEqualTo(asCode.map(Violation::reason));
                    assertThat(asNumber.map(Violation::position)).isEqualTo(asCode.map(Violation::position));
                    assertThat(asNumber.map(Violation::expected)).isEqualTo(asCode.map(Violation::expected));
                    assertThat(asNumber.map(Violation::actual)).isEqualTo(asCode.map(Violation::actual));
                    asNumber.ifPresent(v -> assertThat(v.identifier()).isEqualTo(Identifier.PERMIT_NUMBER));
                });
    }

    @Test
    void a_serial_that_is_not_three_digits_fails_with_CHARACTER_at_its_position() {
        properties().forAll(creditCodes(), Generate.range(0, 2), Generate.characters(' ', '~'))
                .assuming((code, index, c) -> c < '0' || c > '9')
                .checkAssert((code, index, c) -> {
                    String serial = CreditCodePropertiesTest.replace("001", index, c);
                    assertThat(PermitNumberRules.check(code + serial + "P", PermitLetters.NATIONAL))
                            .hasValueSatisfying(v -> {
                                assertThat(v.reason()).isEqualTo(Reason.CHARACTER);
                                assertThat(v.position()).isEqualTo(19 + index);
                                assertThat(v.actual()).isEqualTo(String.valueOf(c).toUpperCase(Locale.ROOT));
                            });
                });
    }

    @Test
    void any_string_either_passes_or_gets_one_violation_whose_messages_are_short_and_printable() {
        Gen<String> inputs = Generate.oneOf(CreditCodePropertiesTest.anyUtf16(100),
                CreditCodePropertiesTest.stringsOf(CreditCodeRules.ALPHABET + "pw0 \t\u0000\u202E",
                        Generate.constant(PermitNumberRules.LENGTH)),
                CreditCodePropertiesTest.pseudoCodes().zip(Generate.range(0, 21),
                        CreditCodePropertiesTest.stringsOf("0aAiIzZ-\u0000", Generate.constant(1)),
                        (code, index, c) -> CreditCodePropertiesTest.replace(code + "001P", index, c.charAt(0))));
        properties().forAll(inputs, letterSets()).checkAssert((raw, letters) -> {
            Optional<Violation> violation = PermitNumberRules.check(raw, letters);
            if (violation.isEmpty()) {
                String canonical = PermitNumberRules.requireCanonical(CreditCodeRules.normalize(raw));
                assertThat(letters.letters()).contains(PermitNumberRules.letter(canonical));
                return;
            }
            Violation v = violation.get();
            assertThat(v.identifier()).isEqualTo(Identifier.PERMIT_NUMBER);
            assertThat(v.position()).isBetween(0, 22);
            for (String message : List.of(v.en(), v.zh(), v.summaryEn(raw), v.summaryZh(raw))) {
                CreditCodePropertiesTest.assertShortAndPrintable(message);
            }
        });
    }
}
