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

    /** A pseudo-code: its real check character would be 'G', so it does not pass the checksum. */
    private static final String PSEUDO = "H9110000MA0000000X";

    private static Violation violation(String raw) {
        return CreditCodeRules.check(raw).orElseThrow(() -> new AssertionError("accepted: " + raw));
    }

    @Nested
    class Valid_codes {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"91130200699229617X", "91350200776049653A", "913502000728319549",
                "91440101MA5CJQ4N59"})
        void the_four_examples_from_the_domain_reference_are_accepted(String raw) {
            assertThat(CreditCodeRules.check(raw)).isEmpty();
            assertThat(CreditCodeRules.requireCanonical(raw)).isEqualTo(raw);
        }

        @Test
        void lower_case_input_is_accepted_and_normalizes_to_upper_case() {
            assertThat(CreditCodeRules.check("91440101ma5cjq4n59")).isEmpty();
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
    class Pseudo_codes {

        @Test
        void a_pseudo_code_starting_with_H9_is_accepted_although_its_check_character_is_wrong() {
            assertThat(CreditCodeRules.checkCharacter(PSEUDO.substring(0, 17))).isNotEqualTo(PSEUDO.charAt(17));
            assertThat(CreditCodeRules.check(PSEUDO)).isEmpty();
            assertThat(CreditCodeRules.check("h9110000ma0000000x")).isEmpty();
            assertThat(CreditCodeRules.isPseudo(PSEUDO)).isTrue();
            assertThat(CreditCodeRules.isPseudo("91130200699229617X")).isFalse();
        }

        @Test
        void a_pseudo_code_must_still_have_18_characters_from_the_alphabet() {
            assertThat(violation("H9110000MA0000000").reason()).isEqualTo(Reason.LENGTH);
            assertThat(violation("H9110000MA000000OX").position()).isEqualTo(17);
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
        void a_wrong_check_character_violates_CHECKSUM_at_18() {
            assertThat(violation("911302006992296177")).isEqualTo(new Violation(Identifier.CREDIT_CODE,
                    Reason.CHECKSUM, 18, "X", "7",
                    "check character should be 'X', got '7'", "校验码应为'X'，实际为'7'"));
        }

        @Test
        void length_is_checked_before_characters_and_characters_before_the_checksum() {
            assertThat(violation("OOOO").reason()).isEqualTo(Reason.LENGTH);
            assertThat(violation("9113O2006992296177").reason()).isEqualTo(Reason.CHARACTER);
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
        void are_accepted_when_valid_or_pseudo_and_upper_case() {
            assertThat(CreditCodeRules.requireCanonical(PSEUDO)).isEqualTo(PSEUDO);
        }

        @Test
        void reject_lower_case_and_invalid_codes_as_programming_errors() {
            assertThatThrownBy(() -> CreditCodeRules.requireCanonical("91440101ma5cjq4n59"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("upper case");
            assertThatThrownBy(() -> CreditCodeRules.requireCanonical("911302006992296177"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("not a unified social credit code: '911302006992296177': "
                            + "check character should be 'X', got '7'");
            assertThatThrownBy(() -> CreditCodeRules.requireCanonical(null)).isInstanceOf(NullPointerException.class);
        }
    }
}
