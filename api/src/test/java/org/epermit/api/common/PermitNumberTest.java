package org.epermit.api.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Optional;

import org.epermit.api.problem.ApiException;
import org.epermit.api.problem.ErrorCode;
import org.epermit.api.problem.FieldError;
import org.epermit.api.problem.Message;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PermitNumberTest {

    private static final String PATH = "path.permitNumber";
    private static FieldError failure(String raw) {
        Optional<FieldError> problem = PermitNumber.check(raw, PATH);
        assertThat(problem).as("check(%s)", raw).isPresent();
        assertThat(problem.get().path()).isEqualTo(PATH);
        return problem.get();
    }

    @Nested
    class Valid_numbers {

        @Test
        void the_example_from_the_domain_reference_is_accepted_and_split_into_its_parts() {
            PermitNumber number = PermitNumber.parse("91130200699229617X001P", PATH);
            assertThat(number.value()).isEqualTo("91130200699229617X001P");
            assertThat(number.creditCode()).isEqualTo(new CreditCode("91130200699229617X"));
            assertThat(number.siteSerial()).isEqualTo(1);
            assertThat(number.letter()).isEqualTo('P');
        }

        @Test
        void any_upper_case_identification_letter_is_accepted_for_a_lookup() {
            PermitNumber number = PermitNumber.parse("91440101MA5CJQ4N59999W", PATH);
            assertThat(number.siteSerial()).isEqualTo(999);
            assertThat(number.letter()).isEqualTo('W');
            assertThat(PermitNumber.parse("91130200699229617X001q", PATH).value()).isEqualTo("91130200699229617X001Q");
            assertThat(PermitNumber.isValid("91130200699229617X001X")).isTrue();
        }

        @Test
        void lower_case_input_is_accepted_and_upper_cased() {
            assertThat(PermitNumber.parse("91440101ma5cjq4n59002p", PATH).value())
                    .isEqualTo("91440101MA5CJQ4N59002P");
        }

        @Test
        void a_pseudo_code_holder_s_number_keeps_the_code_s_lower_case_letter() {
            PermitNumber number = PermitNumber.parse("h9440100000000123k001p", PATH);
            assertThat(number.value()).isEqualTo("H9440100000000123k001P");
            assertThat(number.creditCode().isPseudo()).isTrue();
            assertThat(failure("H9440100000000123K001P").code()).isEqualTo("PSEUDO_CODE");
        }

        @Test
        void of_builds_a_number_from_its_parts() {
            PermitNumber number = PermitNumber.of(new CreditCode("913502000728319549"), 12, 'P');
            assertThat(number.value()).isEqualTo("913502000728319549012P");
        }

        @Test
        void of_rejects_a_serial_outside_1_to_999_and_a_letter_outside_A_to_Z() {
            CreditCode code = new CreditCode("913502000728319549");
            assertThatThrownBy(() -> PermitNumber.of(code, 0, 'P')).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> PermitNumber.of(code, 1000, 'P')).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> PermitNumber.of(code, 1, 'p')).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Failures {

        @Test
        void a_number_of_21_characters_fails_with_LENGTH_in_both_languages() {
            FieldError error = failure("91130200699229617X001");
            assertThat(error.code()).isEqualTo("LENGTH");
            assertThat(error.message()).isEqualTo(Message.of("must be 22 characters, got 21", "应为22位，实际为21位"));
        }

        @Test
        void a_bare_credit_code_fails_with_LENGTH() {
            assertThat(failure("91130200699229617X").message().en())
                    .isEqualTo("must be 22 characters, got 18");
        }

        @Test
        void a_character_outside_the_alphabet_in_the_credit_code_fails_with_CHARACTER_in_both_languages() {
            FieldError error = failure("9113O200699229617X001P");
            assertThat(error.code()).isEqualTo("CHARACTER");
            assertThat(error.message()).isEqualTo(Message.of(
                    "character 'O' at position 5 is not allowed (allowed: 0-9 and A-Z except I, O, S, V, Z)",
                    "第5位字符'O'不合法（允许0-9及除I、O、S、V、Z外的大写字母）"));
        }

        @Test
        void a_non_digit_in_the_site_serial_fails_with_CHARACTER_in_both_languages() {
            FieldError error = failure("91130200699229617X0A1P");
            assertThat(error.code()).isEqualTo("CHARACTER");
            assertThat(error.message()).isEqualTo(Message.of(
                    "character 'A' at position 20 is not allowed (positions 19-21 are the site serial: digits only)",
                    "第20位字符'A'不合法（第19-21位为场所序号，只允许数字）"));
        }

        @Test
        void a_wrong_check_character_of_the_credit_code_fails_with_CHECKSUM_in_both_languages() {
            FieldError error = failure("911302006992296177001P");
            assertThat(error.code()).isEqualTo("CHECKSUM");
            assertThat(error.message()).isEqualTo(Message.of(
                    "check character of the credit code (position 18) should be 'X', got '7'",
                    "信用代码校验码（第18位）应为'X'，实际为'7'"));
        }

        @Test
        void site_serial_000_fails_with_SERIAL_in_both_languages() {
            FieldError error = failure("91130200699229617X000P");
            assertThat(error.code()).isEqualTo("SERIAL");
            assertThat(error.message()).isEqualTo(Message.of(
                    "site serial (positions 19-21) must be 001-999, got '000'",
                    "场所序号（第19-21位）应为001-999，实际为'000'"));
        }

        @Test
        void a_last_character_that_is_no_upper_case_letter_fails_with_LETTER_in_both_languages() {
            FieldError error = failure("91130200699229617X0011");
            assertThat(error.code()).isEqualTo("LETTER");
            assertThat(error.message()).isEqualTo(Message.of(
                    "must end with an upper-case letter A-Z (the HJ 608 identification letter), got '1'",
                    "末位应为大写字母A-Z（HJ 608标识码），实际为'1'"));
        }

        @Test
        void a_control_character_as_the_letter_is_shown_as_a_unicode_escape() {
            assertThat(failure("91130200699229617X001\u0007").message().en()).isEqualTo(
                    "must end with an upper-case letter A-Z (the HJ 608 identification letter), got '\\u0007'");
        }

        @Test
        void problems_are_reported_in_the_order_length_character_checksum_serial_letter() {
            assertThat(failure("9113O2006992296177000X").code()).isEqualTo("CHARACTER");
            assertThat(failure("911302006992296177000X").code()).isEqualTo("CHECKSUM");
            assertThat(failure("91130200699229617X000X").code()).isEqualTo("SERIAL");
        }
    }

    @Nested
    class Parsing {

        @Test
        void parse_throws_INVALID_PERMIT_NUMBER_with_the_failing_field_and_a_summary() {
            ApiException e = catchThrowableOfType(ApiException.class,
                    () -> PermitNumber.parse("91130200699229617x000p", PATH));
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PERMIT_NUMBER);
            assertThat(e.errors()).singleElement().satisfies(error -> {
                assertThat(error.path()).isEqualTo(PATH);
                assertThat(error.code()).isEqualTo("SERIAL");
            });
            assertThat(e.detail()).isEqualTo(Message.of(
                    "'91130200699229617x000p' is not a valid permit number: "
                            + "site serial (positions 19-21) must be 001-999, got '000'",
                    "'91130200699229617x000p'不是有效的排污许可证编号：场所序号（第19-21位）应为001-999，实际为'000'"));
        }

        @Test
        void at_most_40_characters_of_the_input_are_echoed() {
            ApiException e = catchThrowableOfType(ApiException.class,
                    () -> PermitNumber.parse("9".repeat(40) + "\u0000".repeat(500), PATH));
            assertThat(e.detail().en()).startsWith("'" + "9".repeat(40) + "…' is not a valid permit number: ")
                    .doesNotContain("\u0000", "\\u0000");
        }
    }

    @Nested
    class The_canonical_constructor {

        @Test
        void accepts_any_letter_A_to_Z() {
            assertThat(new PermitNumber("91130200699229617X001W").letter()).isEqualTo('W');
        }

        @Test
        void rejects_lower_case_and_invalid_numbers_as_programming_errors() {
            assertThatThrownBy(() -> new PermitNumber("91130200699229617X001p"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new PermitNumber("91130200699229617X000P"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
