package org.epermit.codes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules of GB 32100-2015 as the API applies them: each violation in full, in both languages. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CreditCodeRulesTest {

    /** A pseudo-code of the sequence form: issued in 440100, sequence 00123, letter k. */
    private static final String PSEUDO = "H9440100000000123k";
    /** A pseudo-code of the organisation-code form: the unit's organisation code MA5CJQ4N5. */
    private static final String PSEUDO_WITH_ORGANISATION = "H9440101MA5CJQ4N5a";
    /** 91440101MA5CJQ4N59 with position 17 changed to 6 and position 18 recomputed: as a genuine early code may be. */
    private static final String EARLY = "91440101MA5CJQ4N6" + CreditCodeRules.checkCharacter("91440101MA5CJQ4N6");

    private static Violation violation(String raw) {
        return violation(raw, Strictness.LOOKUP);
    }

    private static Violation violation(String raw, Strictness strictness) {
        return CreditCodeRules.check(raw, strictness).orElseThrow(() -> new AssertionError("accepted: " + raw));
    }

    @Nested
    class Valid_codes {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"91130200699229617X", "91350200776049653A", "913502000728319549",
                "91440101MA5CJQ4N59"})
        void the_four_examples_from_the_domain_reference_pass_both_levels(String raw) {
            assertThat(CreditCodeRules.check(raw, Strictness.LOOKUP)).isEmpty();
            assertThat(CreditCodeRules.check(raw, Strictness.REGISTRATION)).isEmpty();
            assertThat(CreditCodeRules.requireCanonical(raw)).isEqualTo(raw);
        }

        @Test
        void lower_case_input_is_accepted_and_normalizes_to_upper_case() {
            assertThat(CreditCodeRules.check("91440101ma5cjq4n59", Strictness.REGISTRATION)).isEmpty();
            assertThat(CreditCodeRules.normalize("91440101ma5cjq4n59")).isEqualTo("91440101MA5CJQ4N59");
            assertThat(CreditCodeRules.normalize(null)).isEmpty();
        }

        @Test
        void the_division_code_is_positions_3_to_8() {
            assertThat(CreditCodeRules.divisionCode("91130200699229617X")).isEqualTo("130200");
        }

        @Test
        void the_check_character_of_the_first_17_characters_is_computed_for_generators() {
            assertThat(CreditCodeRules.checkCharacter("91130200699229617")).isEqualTo('X');
            assertThat(CreditCodeRules.checkCharacter("91350200776049653")).isEqualTo('A');
            assertThat(CreditCodeRules.checkCharacter("91350200072831954")).isEqualTo('9');
            assertThat(CreditCodeRules.checkCharacter("91440101MA5CJQ4N5")).isEqualTo('9');
        }

        @Test
        void the_organisation_check_character_follows_GB_11714_with_letters_valued_10_to_35() {
            // M=22 A=10 5 C=12 J=19 Q=26 4 N=23: Σ = 666, 666 mod 11 = 6, 11 - 6 = 5
            assertThat(CreditCodeRules.organisationCheckCharacter("MA5CJQ4N")).isEqualTo('5');
            assertThat(CreditCodeRules.organisationCheckCharacter("69922961")).isEqualTo('7');
            assertThat(CreditCodeRules.organisationCheckCharacter("77604965")).isEqualTo('3');
            assertThat(CreditCodeRules.organisationCheckCharacter("07283195")).isEqualTo('4');
            // remainder 1 → 10 → X; remainder 0 → 11 → 0
            assertThat(CreditCodeRules.organisationCheckCharacter("00000006")).isEqualTo('X');  // Σ = 12
            assertThat(CreditCodeRules.organisationCheckCharacter("00000000")).isEqualTo('0');
            assertThatThrownBy(() -> CreditCodeRules.organisationCheckCharacter("MA5CJQ4"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("need 8 characters, got 7");
            assertThatThrownBy(() -> CreditCodeRules.organisationCheckCharacter("ma5cjq4n"))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void the_check_character_generator_rejects_anything_but_17_alphabet_characters() {
            assertThatThrownBy(() -> CreditCodeRules.checkCharacter("9113020069922961"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("need 17 characters, got 16");
            assertThatThrownBy(() -> CreditCodeRules.checkCharacter("9113O200699229617"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("character 'O' at position 5 is not in the alphabet");
            assertThatThrownBy(() -> CreditCodeRules.checkCharacter("91440101ma5cjq4n5"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Early_codes {

        @Test
        void a_code_failing_only_the_organisation_check_passes_a_lookup() {
            assertThat(CreditCodeRules.check(EARLY, Strictness.LOOKUP)).isEmpty();
            assertThat(CreditCodeRules.requireCanonical(EARLY)).isEqualTo(EARLY);
        }

        @Test
        void and_fails_a_registration_with_ORGANISATION_CHECKSUM_at_17_naming_the_right_character() {
            assertThat(violation(EARLY, Strictness.REGISTRATION)).isEqualTo(new Violation(Identifier.CREDIT_CODE,
                    Reason.ORGANISATION_CHECKSUM, 17, "5", "6",
                    "check character of the organisation code (position 17, GB 11714) should be '5', got '6'",
                    "组织机构代码校验码（第17位，GB 11714）应为'5'，实际为'6'"));
        }

        @Test
        void the_mod_31_check_character_is_verified_first_at_both_levels() {
            assertThat(violation("91440101MA5CJQ4N69", Strictness.REGISTRATION).reason()).isEqualTo(Reason.CHECKSUM);
        }
    }

    @Nested
    class Pseudo_codes {

        @Test
        void both_forms_pass_both_levels_without_a_mod_31_check_character() {
            for (String code : new String[] {PSEUDO, PSEUDO_WITH_ORGANISATION}) {
                assertThat(CreditCodeRules.check(code, Strictness.LOOKUP)).as(code).isEmpty();
                assertThat(CreditCodeRules.check(code, Strictness.REGISTRATION)).as(code).isEmpty();
                assertThat(CreditCodeRules.isPseudo(CreditCodeRules.requireCanonical(code))).isTrue();
            }
            assertThat(CreditCodeRules.isPseudo("91130200699229617X")).isFalse();
            assertThat(CreditCodeRules.divisionCode(PSEUDO)).isEqualTo("440100");
        }

        @Test
        void keep_their_lower_case_letter_and_upper_case_the_rest() {
            assertThat(CreditCodeRules.normalize(PSEUDO)).isEqualTo(PSEUDO);
            assertThat(CreditCodeRules.normalize("h9440101ma5cjq4n5a")).isEqualTo(PSEUDO_WITH_ORGANISATION);
            assertThat(CreditCodeRules.check("h9440101ma5cjq4n5a", Strictness.REGISTRATION)).isEmpty();
        }

        @Test
        void an_upper_cased_one_is_refused_with_PSEUDO_CODE_at_18() {
            assertThat(violation("H9440100000000123K")).isEqualTo(new Violation(Identifier.CREDIT_CODE,
                    Reason.PSEUDO_CODE, 18, CreditCodeRules.PSEUDO_LETTERS, "K",
                    "a pseudo-code (starting H9) must end with a lower-case letter a-z other than i and o, got 'K' "
                            + "(its case is part of the code)",
                    "临时代码（H9开头）末位应为除i、o外的小写字母a-z，实际为'K'（大小写不可更改）"));
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"H94401000000001231", "H9440100000000123i", "H9440100000000123o"})
        void the_last_character_must_be_a_lower_case_letter_other_than_i_and_o(String raw) {
            assertThat(violation(raw).reason()).isEqualTo(Reason.PSEUDO_CODE);
            assertThat(violation(raw).position()).isEqualTo(18);
        }

        @Test
        void the_issuing_division_must_be_digits() {
            Violation v = violation("H944A100000000123k");
            assertThat(v.reason()).isEqualTo(Reason.DIVISION);
            assertThat(v.position()).isEqualTo(5);
        }

        @Test
        void positions_9_to_17_are_digits_and_upper_case_letters_of_GB_11714() {
            // an organisation code may hold letters the credit-code alphabet lacks (I, O, S, V, Z)
            String withO = "H9440101OA0000000" + "a";
            String body = withO.substring(8, 16);
            String valid = withO.substring(0, 16) + CreditCodeRules.organisationCheckCharacter(body) + "a";
            assertThat(CreditCodeRules.check(valid, Strictness.REGISTRATION)).isEmpty();
            Violation v = violation("H9440101MA5C-Q4N5a");
            assertThat(v.reason()).isEqualTo(Reason.PSEUDO_CODE);
            assertThat(v.position()).isEqualTo(13);
            assertThat(v.en()).startsWith("character '-' at position 13 is not allowed (in a pseudo-code");
        }

        @Test
        void the_organisation_code_of_one_is_checked_at_registration_and_the_sequence_form_has_none() {
            assertThat(CreditCodeRules.check("H9440101MA5CJQ4N6a", Strictness.LOOKUP)).isEmpty();
            assertThat(violation("H9440101MA5CJQ4N6a", Strictness.REGISTRATION).reason())
                    .isEqualTo(Reason.ORGANISATION_CHECKSUM);
            assertThat(CreditCodeRules.check("H9440100000009999z", Strictness.REGISTRATION)).isEmpty();
        }

        @Test
        void a_code_with_a_wrong_check_character_and_another_prefix_is_not_pseudo() {
            assertThat(violation("H8110000MA0000000X").reason()).isEqualTo(Reason.CHECKSUM);
        }
    }

    @Nested
    class Violations {

        @Test
        void a_code_of_17_characters_violates_LENGTH() {
            assertThat(violation("91130200699229617")).isEqualTo(new Violation(Identifier.CREDIT_CODE, Reason.LENGTH,
                    0, "18", "17", "must be 18 characters, got 17", "应为18位，实际为17位"));
        }

        @Test
        void null_and_empty_input_violate_LENGTH_with_0() {
            assertThat(violation(null).actual()).isEqualTo("0");
            assertThat(violation("").en()).isEqualTo("must be 18 characters, got 0");
        }

        @Test
        void surrounding_whitespace_is_not_trimmed() {
            assertThat(violation(" 91130200699229617X").en()).isEqualTo("must be 18 characters, got 19");
            Violation v = violation(" 91130200699229617");
            assertThat(v.reason()).isEqualTo(Reason.CHARACTER);
            assertThat(v.position()).isEqualTo(1);
            assertThat(v.actual()).isEqualTo(" ");
        }

        @Test
        void a_letter_outside_the_alphabet_violates_CHARACTER_at_its_position() {
            assertThat(violation("9113O200699229617X")).isEqualTo(new Violation(Identifier.CREDIT_CODE,
                    Reason.CHARACTER, 5, CreditCodeRules.ALPHABET, "O",
                    "character 'O' at position 5 is not allowed (allowed: 0-9 and A-Z except I, O, S, V, Z)",
                    "第5位字符'O'不合法（允许0-9及除I、O、S、V、Z外的大写字母）"));
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(chars = {'I', 'O', 'S', 'V', 'Z', 'i', 'o', 's', 'v', 'z', '-', '*'})
        void each_excluded_character_violates_CHARACTER(char c) {
            Violation v = violation("91130200699229617" + c);
            assertThat(v.reason()).isEqualTo(Reason.CHARACTER);
            assertThat(v.actual()).isEqualTo(String.valueOf(Character.toUpperCase(c)));
            assertThat(v.en()).startsWith("character '" + Character.toUpperCase(c) + "' at position 18 ");
        }

        @Test
        void the_first_bad_character_is_reported() {
            assertThat(violation("91I30200699229617O").position()).isEqualTo(3);
        }

        @Test
        void a_letter_in_the_division_violates_DIVISION_at_its_position() {
            assertThat(violation("9113A200699229617X")).isEqualTo(new Violation(Identifier.CREDIT_CODE,
                    Reason.DIVISION, 5, "0123456789", "A",
                    "character 'A' at position 5 is not allowed (positions 3-8 are the GB/T 2260 division code: "
                            + "digits only)",
                    "第5位字符'A'不合法（第3-8位为GB/T 2260行政区划代码，只允许数字）"));
        }

        @Test
        void a_wrong_check_character_violates_CHECKSUM_at_18() {
            assertThat(violation("911302006992296177")).isEqualTo(new Violation(Identifier.CREDIT_CODE,
                    Reason.CHECKSUM, 18, "X", "7",
                    "check character should be 'X', got '7'", "校验码应为'X'，实际为'7'"));
        }

        @Test
        void length_is_checked_before_characters_and_characters_before_the_checksum() {
            assertThat(violation("OOOO").reason()).isEqualTo(Reason.LENGTH);
            assertThat(violation("9113O2006992296177").reason()).isEqualTo(Reason.CHARACTER);
            assertThat(violation("9113A2006992296177").reason()).isEqualTo(Reason.DIVISION);
        }

        @Test
        void a_character_outside_the_basic_plane_counts_as_one_character() {
            Violation v = violation("91130200699229617\uD83D\uDE00");
            assertThat(v.position()).isEqualTo(18);
            assertThat(v.actual()).isEqualTo("\uD83D\uDE00");
        }

        @Test
        void non_ASCII_letters_are_not_upper_cased_into_alphabet_characters() {
            // "ﬀ".toUpperCase() would be "FF": 17 characters must not turn into a valid-looking 18
            assertThat(violation("9113020069922961ﬀ").reason()).isEqualTo(Reason.LENGTH);
            assertThat(violation("91130200699229617ﬀ").en()).startsWith("character 'ﬀ' at position 18 ");
        }

        @Test
        void full_width_digits_are_not_digits() {
            assertThat(violation("９1130200699229617X").reason()).isEqualTo(Reason.CHARACTER);
        }

        @Test
        void an_invisible_character_is_escaped_in_the_messages_but_not_in_actual() {
            Violation v = violation("9113020069922961\u202E\u200B");
            assertThat(v.actual()).isEqualTo("\u202E");
            assertThat(v.zh()).isEqualTo("第17位字符'\\u202E'不合法（允许0-9及除I、O、S、V、Z外的大写字母）");
        }
    }

    @Nested
    class Summaries {

        @Test
        void quote_the_input_and_the_violation_in_both_languages() {
            Violation v = violation("911302006992296177");
            assertThat(v.summaryEn("911302006992296177")).isEqualTo(
                    "'911302006992296177' is not a valid unified social credit code: "
                            + "check character should be 'X', got '7'");
            assertThat(v.summaryZh("911302006992296177"))
                    .isEqualTo("'911302006992296177'不是有效的统一社会信用代码：校验码应为'X'，实际为'7'");
        }

        @Test
        void echo_at_most_40_characters_of_the_input_and_escape_controls() {
            String input = "A".repeat(40) + "SECRET".repeat(1000);
            Violation v = violation(input);
            assertThat(v.summaryEn(input)).startsWith("'" + "A".repeat(40) + "…' is not a valid")
                    .doesNotContain("SECRET").endsWith("must be 18 characters, got 6040");
            String control = "9113020069922961\t\u0000";
            assertThat(violation(control).summaryEn(control))
                    .startsWith("'9113020069922961\\u0009\\u0000' is not a valid")
                    .doesNotContain("\t", "\u0000");
        }
    }

    @Nested
    class Canonical_values {

        @Test
        void are_accepted_when_valid_at_lookup_or_pseudo_and_in_canonical_case() {
            assertThat(CreditCodeRules.requireCanonical(PSEUDO)).isEqualTo(PSEUDO);
        }

        @Test
        void reject_lower_case_and_invalid_codes_as_programming_errors() {
            assertThatThrownBy(() -> CreditCodeRules.requireCanonical("91440101ma5cjq4n59"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("canonical case");
            assertThatThrownBy(() -> CreditCodeRules.requireCanonical("h9440100000000123k"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("canonical case");
            assertThatThrownBy(() -> CreditCodeRules.requireCanonical("911302006992296177"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("not a unified social credit code: '911302006992296177': "
                            + "check character should be 'X', got '7'");
            assertThatThrownBy(() -> CreditCodeRules.requireCanonical(null)).isInstanceOf(NullPointerException.class);
        }
    }
}
