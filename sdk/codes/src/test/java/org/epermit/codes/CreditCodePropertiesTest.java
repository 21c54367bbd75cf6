package org.epermit.codes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/**
 * Properties of {@link CreditCodeRules} over generated input. Each runs {@link #EXAMPLES} examples from a fresh seed;
 * a failure prints its seed, and {@code -DQT_SEED=…} replays it.
 */
class CreditCodePropertiesTest {

    static final int EXAMPLES = 1000;

    static QuickTheory properties() {
        return qt().withExamples(EXAMPLES);
    }

    /** Strings of {@code length} characters, each drawn from {@code characters}. */
    static Gen<String> stringsOf(String characters, Gen<Integer> length) {
        return Generate.intArrays(length, Generate.range(0, characters.length() - 1)).map(indexes -> {
            StringBuilder out = new StringBuilder(indexes.length);
            for (int index : indexes) {
                out.append(characters.charAt(index));
            }
            return out.toString();
        });
    }

    static Gen<Character> alphabetCharacters() {
        return Generate.pick(CreditCodeRules.ALPHABET.chars().mapToObj(c -> (char) c).toList());
    }

    /** Positions 1–16 of a credit code: authority and type (never H9, the pseudo-codes' prefix), division, body. */
    static Gen<String> first16() {
        return stringsOf(CreditCodeRules.ALPHABET, Generate.constant(2))
                .assuming(s -> !s.equals(CreditCodeRules.PSEUDO_PREFIX))
                .zip(stringsOf("0123456789", Generate.constant(6)),
                        stringsOf(CreditCodeRules.ALPHABET, Generate.constant(8)), (a, b, c) -> a + b + c);
    }

    /** Credit codes valid in full: both check characters right. */
    static Gen<String> realCodes() {
        return first16().map(s -> withCheck(s + CreditCodeRules.organisationCheckCharacter(s.substring(8))));
    }

    /**
     * Codes like the genuine early ones: right in everything but the organisation code's own check character (position
     * 17), which is some other alphabet character; position 18 is right for what position 17 holds.
     */
    static Gen<String> earlyCodes() {
        return first16().zip(alphabetCharacters(), (s, c) -> s + c)
                .assuming(s -> s.charAt(16) != CreditCodeRules.organisationCheckCharacter(s.substring(8, 16)))
                .map(CreditCodePropertiesTest::withCheck);
    }

    /** Pseudo-codes of both forms: H9 + division + 0000 + sequence, or + an organisation code; a lower-case letter. */
    static Gen<String> pseudoCodes() {
        return Generate.oneOf(pseudoCodes(stringsOf("0123456789", Generate.constant(5)).map(s -> "0000" + s)),
                organisationPseudoCodes());
    }

    /** Pseudo-codes that hold the unit's organisation code (any of GB 11714's characters, its check right). */
    static Gen<String> organisationPseudoCodes() {
        return pseudoCodes(stringsOf("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", Generate.constant(8))
                .assuming(s -> !s.startsWith("0000"))
                .map(s -> s + CreditCodeRules.organisationCheckCharacter(s)));
    }

    private static Gen<String> pseudoCodes(Gen<String> positions9to17) {
        return stringsOf("0123456789", Generate.constant(6)).zip(positions9to17,
                stringsOf(CreditCodeRules.PSEUDO_LETTERS, Generate.constant(1)),
                (division, middle, letter) -> CreditCodeRules.PSEUDO_PREFIX + division + middle + letter);
    }

    static String withCheck(String first17) {
        return first17 + CreditCodeRules.checkCharacter(first17);
    }

    /** The GB 11714 value of a character: 0–9, then A = 10 … Z = 35. */
    static int organisationValue(char c) {
        return Character.isDigit(c) ? c - '0' : c - 'A' + 10;
    }

    /** Alphabet strings, strings of any non-surrogate BMP character, and strings of any UTF-16 unit, up to 40 long. */
    static Gen<String> stringsNot18CharactersLong() {
        return Generate.oneOf(
                stringsOf(CreditCodeRules.ALPHABET, Generate.range(0, 40)),
                bmpWithoutSurrogates(40),
                anyUtf16(40))
                .assuming(s -> s.codePointCount(0, s.length()) != CreditCodeRules.LENGTH);
    }

    static Gen<String> anyStrings() {
        return Generate.oneOf(
                anyUtf16(100),
                stringsOf(CreditCodeRules.ALPHABET + "abcioszvH9 \t\u0000", Generate.constant(CreditCodeRules.LENGTH)),
                pseudoCodes().zip(Generate.range(0, 17), stringsOf("0aAiIzZ-\u0000", Generate.constant(1)),
                        (code, index, c) -> replace(code, index, c.charAt(0))));
    }

    /** Any sequence of UTF-16 units (lone surrogates included) up to {@code maxLength} units long. */
    static Gen<String> anyUtf16(int maxLength) {
        return SourceDSL.strings().betweenCodePoints(Character.MIN_VALUE, Character.MAX_VALUE)
                .ofLengthBetween(0, maxLength);
    }

    /** Strings of BMP characters other than surrogates, up to {@code maxLength} long. */
    static Gen<String> bmpWithoutSurrogates(int maxLength) {
        int surrogates = Character.MAX_SURROGATE - Character.MIN_SURROGATE + 1;
        return Generate.intArrays(Generate.range(0, maxLength), Generate.range(0, Character.MAX_VALUE - surrogates))
                .map(units -> {
                    StringBuilder out = new StringBuilder(units.length);
                    for (int unit : units) {
                        out.append((char) (unit < Character.MIN_SURROGATE ? unit : unit + surrogates));
                    }
                    return out.toString();
                });
    }

    /** A message may quote input, but nothing invisible or direction-changing, and not at any length. */
    static void assertShortAndPrintable(String message) {
        assertThat(message.codePoints()).noneMatch(cp -> Character.isISOControl(cp)
                || Character.getType(cp) == Character.FORMAT
                || Character.getType(cp) == Character.SURROGATE);
        // 40 echoed characters, each at most a 12-character escape, plus the fixed text
        assertThat(message.length()).isLessThan(40 * 12 + 200);
    }

    @Test
    void every_code_valid_in_full_passes_both_levels_and_is_canonical() {
        properties().forAll(realCodes()).checkAssert(code -> {
            assertThat(CreditCodeRules.check(code, Strictness.LOOKUP)).isEmpty();
            assertThat(CreditCodeRules.check(code, Strictness.REGISTRATION)).isEmpty();
            assertThat(CreditCodeRules.requireCanonical(code)).isEqualTo(code);
            assertThat(CreditCodeRules.isPseudo(code)).isFalse();
        });
    }

    @Test
    void a_valid_code_is_also_accepted_in_lower_case_and_normalizes_to_itself() {
        properties().forAll(realCodes()).checkAssert(code -> {
            String lower = code.toLowerCase(Locale.ROOT);
            assertThat(CreditCodeRules.check(lower, Strictness.REGISTRATION)).isEmpty();
            assertThat(CreditCodeRules.normalize(lower)).isEqualTo(code);
        });
    }

    @Test
    void a_code_failing_only_the_organisation_check_passes_a_lookup_and_fails_a_registration() {
        properties().forAll(earlyCodes()).checkAssert(code -> {
            assertThat(CreditCodeRules.check(code, Strictness.LOOKUP)).isEmpty();
            assertThat(CreditCodeRules.requireCanonical(code)).isEqualTo(code);
            assertThat(CreditCodeRules.check(code, Strictness.REGISTRATION)).hasValueSatisfying(v -> {
                assertThat(v.reason()).isEqualTo(Reason.ORGANISATION_CHECKSUM);
                assertThat(v.position()).isEqualTo(17);
                assertThat(v.actual()).isEqualTo(code.substring(16, 17));
                assertThat(v.expected()).isEqualTo(
                        String.valueOf(CreditCodeRules.organisationCheckCharacter(code.substring(8, 16))));
            });
        });
    }

    /** GB 32100's mod-31 check detects every single substitution within the alphabet (31 is prime). */
    @Test
    void changing_any_single_character_of_a_valid_code_to_another_alphabet_character_fails_a_lookup() {
        properties().forAll(realCodes(), Generate.range(0, 17), alphabetCharacters())
                .assuming((code, index, replacement) -> code.charAt(index) != replacement)
                .checkAssert((code, index, replacement) -> {
                    String changed = replace(code, index, replacement);
                    Reason expected = changed.startsWith(CreditCodeRules.PSEUDO_PREFIX) ? Reason.PSEUDO_CODE
                            : index >= 2 && index <= 7 && !Character.isDigit(replacement) ? Reason.DIVISION
                            : Reason.CHECKSUM;
                    assertThat(CreditCodeRules.check(changed, Strictness.LOOKUP)).hasValueSatisfying(v -> {
                        assertThat(v.reason()).isEqualTo(expected);
                        if (expected == Reason.CHECKSUM) {
                            assertThat(v.position()).isEqualTo(18);
                            assertThat(v.actual()).isEqualTo(String.valueOf(changed.charAt(17)));
                            assertThat(v.expected()).isEqualTo(
                                    String.valueOf(CreditCodeRules.checkCharacter(changed.substring(0, 17))));
                        }
                    });
                });
    }

    /**
     * A typo in the organisation code made before position 18 was computed (so position 18 agrees with it) is caught
     * by GB 11714's mod-11 check, where that check guarantees it: a changed position 17, or a change in positions
     * 9–16 by a value that is no multiple of 11 (0 and B, values 0 and 11, are indistinguishable to it).
     */
    @Test
    void a_single_change_in_the_organisation_code_with_position_18_recomputed_fails_a_registration() {
        properties().forAll(realCodes(), Generate.range(8, 16), alphabetCharacters())
                .assuming((code, index, replacement) -> code.charAt(index) != replacement)
                .assuming((code, index, replacement) -> index == 16
                        || (organisationValue(code.charAt(index)) - organisationValue(replacement)) % 11 != 0)
                .checkAssert((code, index, replacement) -> {
                    String changed = withCheck(replace(code, index, replacement).substring(0, 17));
                    assertThat(CreditCodeRules.check(changed, Strictness.LOOKUP)).isEmpty();
                    assertThat(CreditCodeRules.check(changed, Strictness.REGISTRATION)).hasValueSatisfying(
                            v -> assertThat(v.reason()).isEqualTo(Reason.ORGANISATION_CHECKSUM));
                });
    }

    @Test
    void swapping_two_adjacent_different_characters_of_a_valid_code_fails_a_lookup() {
        properties().forAll(realCodes(), Generate.range(0, 16))
                .assuming((code, index) -> code.charAt(index) != code.charAt(index + 1))
                .checkAssert((code, index) -> assertThat(CreditCodeRules.check(swap(code, index), Strictness.LOOKUP))
                        .isPresent());
    }

    @Test
    void pseudo_codes_of_both_forms_pass_both_levels_with_their_case_kept() {
        properties().forAll(pseudoCodes()).checkAssert(code -> {
            assertThat(CreditCodeRules.check(code, Strictness.LOOKUP)).isEmpty();
            assertThat(CreditCodeRules.check(code, Strictness.REGISTRATION)).isEmpty();
            assertThat(CreditCodeRules.normalize(code)).isEqualTo(code);
            assertThat(CreditCodeRules.isPseudo(CreditCodeRules.requireCanonical(code))).isTrue();
            // typed in lower case: everything but the last letter is upper-cased back
            String lower = code.toLowerCase(Locale.ROOT);
            assertThat(CreditCodeRules.normalize(lower)).isEqualTo(code);
            assertThat(CreditCodeRules.check(lower, Strictness.REGISTRATION)).isEmpty();
        });
    }

    @Test
    void an_upper_cased_pseudo_code_is_refused_and_never_taken_for_a_credit_code() {
        properties().forAll(pseudoCodes(), Generate.pick(List.of(Strictness.values()))).checkAssert((code, level) -> {
            String upper = code.toUpperCase(Locale.ROOT);
            assertThat(CreditCodeRules.normalize(upper)).isEqualTo(upper);
            assertThat(CreditCodeRules.check(upper, level)).hasValueSatisfying(v -> {
                assertThat(v.reason()).isEqualTo(Reason.PSEUDO_CODE);
                assertThat(v.position()).isEqualTo(18);
                assertThat(v.expected()).isEqualTo(CreditCodeRules.PSEUDO_LETTERS);
                assertThat(v.actual()).isEqualTo(upper.substring(17));
            });
        });
    }

    @Test
    void a_pseudo_code_with_a_non_digit_division_fails_with_DIVISION() {
        properties().forAll(pseudoCodes(), Generate.range(2, 7), Generate.characters('A', 'Z'))
                .checkAssert((code, index, c) -> assertThat(
                        CreditCodeRules.check(replace(code, index, c), Strictness.LOOKUP)).hasValueSatisfying(v -> {
                            assertThat(v.reason()).isEqualTo(Reason.DIVISION);
                            assertThat(v.position()).isEqualTo(index + 1);
                        }));
    }

    @Test
    void the_organisation_code_in_a_pseudo_code_is_checked_at_registration_only() {
        properties().forAll(organisationPseudoCodes(), alphabetCharacters())
                .assuming((code, c) -> code.charAt(16) != c)
                .checkAssert((code, c) -> {
                    String changed = replace(code, 16, c);
                    assertThat(CreditCodeRules.check(changed, Strictness.LOOKUP)).isEmpty();
                    assertThat(CreditCodeRules.check(changed, Strictness.REGISTRATION)).hasValueSatisfying(
                            v -> assertThat(v.reason()).isEqualTo(Reason.ORGANISATION_CHECKSUM));
                });
    }

    @Test
    void any_string_whose_length_is_not_18_fails_with_LENGTH() {
        properties().forAll(stringsNot18CharactersLong()).checkAssert(raw -> {
            int length = raw.codePointCount(0, raw.length());
            assertThat(CreditCodeRules.check(raw, Strictness.LOOKUP)).contains(new Violation(Identifier.CREDIT_CODE, Reason.LENGTH, 0,
                    "18", String.valueOf(length),
                    "must be 18 characters, got " + length, "应为18位，实际为" + length + "位"));
        });
    }

    @Test
    void a_character_violation_names_the_first_character_outside_the_alphabet_and_its_position() {
        properties().forAll(anyStrings()).checkAssert(raw -> {
            Optional<Violation> violation = CreditCodeRules.check(raw, Strictness.LOOKUP);
            if (violation.isEmpty() || violation.get().reason() != Reason.CHARACTER) {
                return;
            }
            Violation v = violation.get();
            int[] codePoints = CreditCodeRules.normalize(raw).codePoints().toArray();
            int index = v.position() - 1;
            assertThat(new String(codePoints, index, 1)).isEqualTo(v.actual());
            assertThat(v.expected()).isEqualTo(CreditCodeRules.ALPHABET).doesNotContain(v.actual());
            for (int i = 0; i < index; i++) {
                assertThat(CreditCodeRules.ALPHABET.indexOf(codePoints[i])).isNotNegative();
            }
        });
    }

    @Test
    void any_string_either_passes_or_gets_one_violation_whose_messages_are_short_and_printable() {
        properties().forAll(anyStrings(), Generate.pick(List.of(Strictness.values()))).checkAssert((raw, level) -> {
            Optional<Violation> violation = CreditCodeRules.check(raw, level);
            if (violation.isEmpty()) {
                assertThat(CreditCodeRules.requireCanonical(CreditCodeRules.normalize(raw))).hasSize(18);
                return;
            }
            Violation v = violation.get();
            assertThat(v.identifier()).isEqualTo(Identifier.CREDIT_CODE);
            for (String message : new String[] {v.en(), v.zh(), v.summaryEn(raw), v.summaryZh(raw)}) {
                assertShortAndPrintable(message);
            }
        });
    }

    static String replace(String code, int index, char replacement) {
        return code.substring(0, index) + replacement + code.substring(index + 1);
    }

    private static String swap(String code, int index) {
        return code.substring(0, index) + code.charAt(index + 1) + code.charAt(index) + code.substring(index + 2);
    }
}
