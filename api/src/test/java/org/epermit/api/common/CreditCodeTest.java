package org.epermit.api.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Optional;

import org.epermit.api.problem.ApiException;
import org.epermit.api.problem.ErrorCode;
import org.epermit.api.problem.FieldError;
import org.epermit.api.problem.Message;
import org.epermit.codes.Strictness;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CreditCodeTest {

    private static final String PATH = "path.creditCode";

    /** A pseudo-code of the sequence form: issued in 440100, sequence 00123, letter k. */
    private static final String PSEUDO = "H9440100000000123k";

    private static FieldError failure(String raw) {
        Optional<FieldError> problem = CreditCode.check(raw, PATH, Strictness.LOOKUP);
        assertThat(problem).as("check(%s)", raw).isPresent();
        return problem.get();
    }

    @Nested
    class Valid_codes {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"91130200699229617X", "91350200776049653A", "913502000728319549",
                "91440101MA5CJQ4N59"})
        void the_four_examples_from_the_domain_reference_are_accepted(String raw) {
            assertThat(CreditCode.check(raw, PATH, Strictness.LOOKUP)).isEmpty();
            assertThat(CreditCode.isValid(raw, Strictness.LOOKUP)).isTrue();
            assertThat(CreditCode.parse(raw, PATH, Strictness.LOOKUP).value()).isEqualTo(raw);
        }

        @Test
        void lower_case_input_is_accepted_and_upper_cased() {
            CreditCode code = CreditCode.parse("91440101ma5cjq4n59", PATH, Strictness.LOOKUP);
            assertThat(code.value()).isEqualTo("91440101MA5CJQ4N59");
            assertThat(code).isEqualTo(new CreditCode("91440101MA5CJQ4N59"));
        }

        @Test
        void the_division_code_is_positions_3_to_8() {
            assertThat(CreditCode.parse("91130200699229617X", PATH, Strictness.LOOKUP).divisionCode()).isEqualTo("130200");
            assertThat(CreditCode.parse("91440101MA5CJQ4N59", PATH, Strictness.LOOKUP).divisionCode()).isEqualTo("440101");
        }

        @Test
        void a_real_code_is_not_a_pseudo_code() {
            assertThat(CreditCode.parse("91130200699229617X", PATH, Strictness.LOOKUP).isPseudo()).isFalse();
        }

        @Test
        void the_check_character_of_the_first_17_characters_is_computed_for_generators() {
            assertThat(CreditCode.checkCharacter("91130200699229617")).isEqualTo('X');
            assertThat(CreditCode.checkCharacter("91350200776049653")).isEqualTo('A');
            assertThat(CreditCode.checkCharacter("91350200072831954")).isEqualTo('9');
            assertThat(CreditCode.checkCharacter("91440101MA5CJQ4N5")).isEqualTo('9');
        }

        @Test
        void the_check_character_generator_rejects_anything_but_17_alphabet_characters() {
            assertThatThrownBy(() -> CreditCode.checkCharacter("9113020069922961"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> CreditCode.checkCharacter("9113O200699229617"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> CreditCode.checkCharacter("91440101ma5cjq4n5"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Strictness_levels {

        /** 91440101MA5CJQ4N59 with position 17 changed to 6, position 18 recomputed: as a genuine early code may be. */
        private final String early = "91440101MA5CJQ4N6" + CreditCode.checkCharacter("91440101MA5CJQ4N6");

        @Test
        void a_code_failing_only_its_organisation_check_passes_a_lookup() {
            assertThat(CreditCode.parse(early, PATH, Strictness.LOOKUP).value()).isEqualTo(early);
            assertThat(new CreditCode(early).value()).isEqualTo(early);
        }

        @Test
        void and_fails_a_registration_with_ORGANISATION_CHECKSUM_in_both_languages() {
            ApiException e = catchThrowableOfType(ApiException.class,
                    () -> CreditCode.parse(early, PATH, Strictness.REGISTRATION));
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CREDIT_CODE);
            assertThat(e.errors()).containsExactly(new FieldError(PATH, "ORGANISATION_CHECKSUM", Message.of(
                    "check character of the organisation code (position 17, GB 11714) should be '5', got '6'",
                    "组织机构代码校验码（第17位，GB 11714）应为'5'，实际为'6'")));
        }

        @Test
        void the_organisation_check_character_is_computed_for_generators() {
            assertThat(CreditCode.organisationCheckCharacter("MA5CJQ4N")).isEqualTo('5');
        }
    }

    @Nested
    class Pseudo_codes {

        @Test
        void a_pseudo_code_is_accepted_with_its_lower_case_letter_at_both_levels() {
            CreditCode code = CreditCode.parse(PSEUDO, PATH, Strictness.REGISTRATION);
            assertThat(code.value()).isEqualTo(PSEUDO);
            assertThat(code.isPseudo()).isTrue();
            assertThat(code.divisionCode()).isEqualTo("440100");
        }

        @Test
        void typed_in_lower_case_it_keeps_only_its_last_letter_lower_case() {
            assertThat(CreditCode.parse("h9440101ma5cjq4n5a", PATH, Strictness.LOOKUP).value())
                    .isEqualTo("H9440101MA5CJQ4N5a");
            assertThat(CreditCode.normalize("h9440100000000123k001p")).isEqualTo("H9440100000000123k001P");
        }

        @Test
        void upper_cased_it_is_refused_with_PSEUDO_CODE_not_taken_for_a_credit_code() {
            FieldError error = failure("H9440100000000123K");
            assertThat(error.code()).isEqualTo("PSEUDO_CODE");
            assertThat(error.message().zh()).isEqualTo("临时代码（H9开头）末位应为除i、o外的小写字母a-z，实际为'K'（大小写不可更改）");
        }

        @Test
        void a_pseudo_code_must_still_have_18_characters() {
            assertThat(failure("H944010000000012k").code()).isEqualTo("LENGTH");
        }

        @Test
        void a_code_with_a_wrong_check_character_and_another_prefix_is_not_pseudo() {
            assertThat(failure("H8110000MA0000000X").code()).isEqualTo("CHECKSUM");
        }
    }

    @Nested
    class Failures {

        @Test
        void a_code_of_17_characters_fails_with_LENGTH_in_both_languages() {
            FieldError error = failure("91130200699229617");
            assertThat(error.path()).isEqualTo(PATH);
            assertThat(error.code()).isEqualTo("LENGTH");
            assertThat(error.message()).isEqualTo(Message.of("must be 18 characters, got 17", "应为18位，实际为17位"));
        }

        @Test
        void null_and_empty_input_fail_with_LENGTH_0() {
            assertThat(failure(null).message().en()).isEqualTo("must be 18 characters, got 0");
            assertThat(failure("").message().en()).isEqualTo("must be 18 characters, got 0");
        }

        @Test
        void surrounding_whitespace_is_not_trimmed() {
            assertThat(failure(" 91130200699229617X").message().en()).isEqualTo("must be 18 characters, got 19");
            FieldError error = failure(" 91130200699229617");
            assertThat(error.code()).isEqualTo("CHARACTER");
            assertThat(error.message().en()).startsWith("character ' ' at position 1 ");
        }

        @Test
        void a_letter_outside_the_alphabet_fails_with_CHARACTER_and_its_position_in_both_languages() {
            FieldError error = failure("9113O200699229617X");
            assertThat(error.code()).isEqualTo("CHARACTER");
            assertThat(error.message()).isEqualTo(Message.of(
                    "character 'O' at position 5 is not allowed (allowed: 0-9 and A-Z except I, O, S, V, Z)",
                    "第5位字符'O'不合法（允许0-9及除I、O、S、V、Z外的大写字母）"));
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(chars = {'I', 'O', 'S', 'V', 'Z', 'i', 'o', 's', 'v', 'z', '-', '*'})
        void each_excluded_character_fails_with_CHARACTER(char c) {
            FieldError error = failure("91130200699229617" + c);
            assertThat(error.code()).isEqualTo("CHARACTER");
            assertThat(error.message().en()).startsWith("character '" + Character.toUpperCase(c) + "' at position 18 ");
        }

        @Test
        void the_first_bad_character_is_reported() {
            assertThat(failure("91I30200699229617O").message().en()).startsWith("character 'I' at position 3 ");
        }

        @Test
        void a_letter_in_the_division_fails_with_DIVISION_in_both_languages() {
            FieldError error = failure("9113A200699229617X");
            assertThat(error.code()).isEqualTo("DIVISION");
            assertThat(error.message()).isEqualTo(Message.of(
                    "character 'A' at position 5 is not allowed (positions 3-8 are the GB/T 2260 division code: "
                            + "digits only)",
                    "第5位字符'A'不合法（第3-8位为GB/T 2260行政区划代码，只允许数字）"));
        }

        @Test
        void a_wrong_check_character_fails_with_CHECKSUM_in_both_languages() {
            FieldError error = failure("911302006992296177");
            assertThat(error.code()).isEqualTo("CHECKSUM");
            assertThat(error.message()).isEqualTo(
                    Message.of("check character should be 'X', got '7'", "校验码应为'X'，实际为'7'"));
        }

        @Test
        void length_is_checked_before_characters_and_characters_before_the_checksum() {
            assertThat(failure("OOOO").code()).isEqualTo("LENGTH");
            assertThat(failure("9113O2006992296177").code()).isEqualTo("CHARACTER");
        }

        @Test
        void a_character_outside_the_basic_plane_counts_as_one_character() {
            FieldError error = failure("91130200699229617\uD83D\uDE00");
            assertThat(error.code()).isEqualTo("CHARACTER");
            assertThat(error.message().en()).startsWith("character '\uD83D\uDE00' at position 18 ");
        }

        @Test
        void non_ASCII_letters_are_not_upper_cased_into_alphabet_characters() {
            // "ﬀ".toUpperCase() would be "FF": 17 characters must not turn into a valid-looking 18
            FieldError error = failure("9113020069922961ﬀ");
            assertThat(error.code()).isEqualTo("LENGTH");
            assertThat(failure("91130200699229617ﬀ").message().en()).startsWith("character 'ﬀ' at position 18 ");
        }

        @Test
        void full_width_digits_are_not_digits() {
            assertThat(failure("９1130200699229617X").code()).isEqualTo("CHARACTER");
        }
    }

    @Nested
    class Parsing {

        @Test
        void parse_throws_INVALID_CREDIT_CODE_with_the_failing_field_and_a_summary() {
            ApiException e = catchThrowableOfType(ApiException.class,
                    () -> CreditCode.parse("911302006992296177", PATH, Strictness.LOOKUP));
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CREDIT_CODE);
            assertThat(e.errors()).containsExactly(new FieldError(PATH, "CHECKSUM",
                    Message.of("check character should be 'X', got '7'", "校验码应为'X'，实际为'7'")));
            assertThat(e.detail()).isEqualTo(Message.of(
                    "'911302006992296177' is not a valid unified social credit code: "
                            + "check character should be 'X', got '7'",
                    "'911302006992296177'不是有效的统一社会信用代码：校验码应为'X'，实际为'7'"));
        }

        @Test
        void control_characters_are_shown_as_unicode_escapes() {
            ApiException e = catchThrowableOfType(ApiException.class,
                    () -> CreditCode.parse("9113020069922961\t\u0000", PATH, Strictness.LOOKUP));
            assertThat(e.errors().get(0).message().en()).startsWith("character '\\u0009' at position 17 ");
            assertThat(e.detail().en()).startsWith("'9113020069922961\\u0009\\u0000' is not a valid");
            assertThat(e.detail().en()).doesNotContain("\t", "\u0000");
        }

        @Test
        void invisible_and_direction_changing_characters_are_shown_as_unicode_escapes() {
            ApiException e = catchThrowableOfType(ApiException.class,
                    () -> CreditCode.parse("9113020069922961\u202E\u200B", PATH, Strictness.LOOKUP));
            assertThat(e.detail().en()).startsWith("'9113020069922961\\u202E\\u200B' ");
            assertThat(e.errors().get(0).message().zh()).isEqualTo(
                    "第17位字符'\\u202E'不合法（允许0-9及除I、O、S、V、Z外的大写字母）");
        }

        @Test
        void at_most_40_characters_of_the_input_are_echoed() {
            String input = "A".repeat(40) + "SECRET".repeat(1000);
            ApiException e = catchThrowableOfType(ApiException.class, () -> CreditCode.parse(input, PATH, Strictness.LOOKUP));
            assertThat(e.detail().en()).startsWith("'" + "A".repeat(40) + "…' is not a valid")
                    .doesNotContain("SECRET")
                    .endsWith("must be 18 characters, got 6040");
            assertThat(e.detail().zh()).startsWith("'" + "A".repeat(40) + "…'不是有效的").doesNotContain("SECRET");
        }
    }

    @Nested
    class The_canonical_constructor {

        @Test
        void accepts_canonical_codes_and_pseudo_codes() {
            assertThat(new CreditCode("91130200699229617X").value()).isEqualTo("91130200699229617X");
            assertThat(new CreditCode(PSEUDO).isPseudo()).isTrue();
        }

        @Test
        void rejects_lower_case_and_invalid_codes_as_programming_errors() {
            assertThatThrownBy(() -> new CreditCode("91440101ma5cjq4n59"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new CreditCode("911302006992296177"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("check character should be 'X', got '7'");
            assertThatThrownBy(() -> new CreditCode(null)).isInstanceOf(NullPointerException.class);
        }
    }
}
