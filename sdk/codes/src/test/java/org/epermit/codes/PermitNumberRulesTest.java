package org.epermit.codes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The rules of HJ 608-2017 as the API applies them: each violation in full, in both languages. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PermitNumberRulesTest {

    private static final PermitLetters PERMITS = PermitLetters.of('P');

    private static Violation violation(String raw, PermitLetters letters) {
        return PermitNumberRules.check(raw, letters).orElseThrow(() -> new AssertionError("accepted: " + raw));
    }

    @Nested
    class Valid_numbers {

        @Test
        void the_example_from_the_domain_reference_is_accepted_and_split_into_its_parts() {
            String number = "91130200699229617X001P";
            assertThat(PermitNumberRules.check(number)).isEmpty();
            assertThat(PermitNumberRules.check(number, PERMITS)).isEmpty();
            assertThat(PermitNumberRules.creditCode(number)).isEqualTo("91130200699229617X");
            assertThat(PermitNumberRules.siteSerial(number)).isEqualTo(1);
            assertThat(PermitNumberRules.letter(number)).isEqualTo('P');
        }

        @Test
        void a_lookup_accepts_any_upper_case_identification_letter() {
            for (char letter = 'A'; letter <= 'Z'; letter++) {
                assertThat(PermitNumberRules.check("91130200699229617X001" + letter)).as("%s", letter).isEmpty();
            }
        }

        @Test
        void an_issued_number_ends_with_one_of_the_configured_letters() {
            assertThat(PermitNumberRules.check("91440101MA5CJQ4N59999W", PermitLetters.NATIONAL)).isEmpty();
            assertThat(PermitNumberRules.check("91440101MA5CJQ4N59999D", PermitLetters.of('P', 'D'))).isEmpty();
        }

        @Test
        void lower_case_input_is_accepted() {
            assertThat(PermitNumberRules.check("91440101ma5cjq4n59002p")).isEmpty();
            assertThat(CreditCodeRules.normalize("91440101ma5cjq4n59002p")).isEqualTo("91440101MA5CJQ4N59002P");
        }

        @Test
        void a_pseudo_code_holder_s_number_keeps_the_code_s_lower_case_letter() {
            assertThat(PermitNumberRules.check("H9440100000000123k001P", PERMITS)).isEmpty();
            assertThat(PermitNumberRules.check("h9440101ma5cjq4n5a002p")).isEmpty();
            assertThat(CreditCodeRules.normalize("h9440101ma5cjq4n5a002p")).isEqualTo("H9440101MA5CJQ4N5a002P");
            assertThat(PermitNumberRules.creditCode("H9440100000000123k001P")).isEqualTo("H9440100000000123k");
        }

        @Test
        void the_holder_s_code_is_checked_at_lookup_level_so_a_genuine_early_code_does_not_hide_its_permits() {
            String early = "91440101MA5CJQ4N6" + CreditCodeRules.checkCharacter("91440101MA5CJQ4N6");
            assertThat(PermitNumberRules.check(early + "001P", PERMITS)).isEmpty();
        }

        @Test
        void compose_builds_a_number_from_its_parts() {
            assertThat(PermitNumberRules.compose("913502000728319549", 12, 'P')).isEqualTo("913502000728319549012P");
            assertThat(PermitNumberRules.compose("H9440100000000123k", 3, 'W')).isEqualTo("H9440100000000123k003W");
        }

        @Test
        void compose_rejects_a_bad_code_a_serial_outside_1_to_999_and_a_letter_outside_A_to_Z() {
            String code = "913502000728319549";
            assertThatThrownBy(() -> PermitNumberRules.compose(code, 0, 'P'))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> PermitNumberRules.compose(code, 1000, 'P'))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> PermitNumberRules.compose(code, 1, 'p'))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> PermitNumberRules.compose("913502000728319548", 1, 'P'))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Violations {

        @Test
        void a_number_of_21_characters_violates_LENGTH() {
            assertThat(violation("91130200699229617X001", PERMITS)).isEqualTo(new Violation(Identifier.PERMIT_NUMBER,
                    Reason.LENGTH, 0, "22", "21", "must be 22 characters, got 21", "应为22位，实际为21位"));
            assertThat(violation("91130200699229617X", PERMITS).en()).isEqualTo("must be 22 characters, got 18");
        }

        @Test
        void a_character_outside_the_alphabet_in_the_credit_code_violates_CHARACTER() {
            assertThat(violation("9113O200699229617X001P", PERMITS)).isEqualTo(new Violation(Identifier.PERMIT_NUMBER,
                    Reason.CHARACTER, 5, CreditCodeRules.ALPHABET, "O",
                    "character 'O' at position 5 is not allowed (allowed: 0-9 and A-Z except I, O, S, V, Z)",
                    "第5位字符'O'不合法（允许0-9及除I、O、S、V、Z外的大写字母）"));
        }

        @Test
        void a_non_digit_in_the_site_serial_violates_CHARACTER() {
            assertThat(violation("91130200699229617X0A1P", PERMITS)).isEqualTo(new Violation(Identifier.PERMIT_NUMBER,
                    Reason.CHARACTER, 20, "0123456789", "A",
                    "character 'A' at position 20 is not allowed (positions 19-21 are the site serial: digits only)",
                    "第20位字符'A'不合法（第19-21位为场所序号，只允许数字）"));
        }

        @Test
        void a_letter_in_the_division_violates_DIVISION() {
            assertThat(violation("9113A200699229617X001P", PERMITS).reason()).isEqualTo(Reason.DIVISION);
        }

        @Test
        void an_upper_cased_pseudo_code_violates_PSEUDO_CODE() {
            Violation v = violation("H9440100000000123K001P", PERMITS);
            assertThat(v.reason()).isEqualTo(Reason.PSEUDO_CODE);
            assertThat(v.position()).isEqualTo(18);
            assertThat(v.identifier()).isEqualTo(Identifier.PERMIT_NUMBER);
        }

        @Test
        void a_wrong_check_character_of_the_credit_code_violates_CHECKSUM() {
            assertThat(violation("911302006992296177001P", PERMITS)).isEqualTo(new Violation(Identifier.PERMIT_NUMBER,
                    Reason.CHECKSUM, 18, "X", "7",
                    "check character of the credit code (position 18) should be 'X', got '7'",
                    "信用代码校验码（第18位）应为'X'，实际为'7'"));
        }

        @Test
        void site_serial_000_violates_SERIAL() {
            assertThat(violation("91130200699229617X000P", PERMITS)).isEqualTo(new Violation(Identifier.PERMIT_NUMBER,
                    Reason.SERIAL, 19, "001-999", "000",
                    "site serial (positions 19-21) must be 001-999, got '000'",
                    "场所序号（第19-21位）应为001-999，实际为'000'"));
        }

        @Test
        void a_letter_that_is_not_allowed_violates_LETTER_listing_the_allowed_letters() {
            assertThat(violation("91130200699229617X001X", PermitLetters.of('W', 'P'))).isEqualTo(new Violation(
                    Identifier.PERMIT_NUMBER, Reason.LETTER, 22, "PW", "X",
                    "must end with one of P, W; got 'X'", "末位应为P、W之一，实际为'X'"));
            assertThat(violation("91130200699229617X001W", PERMITS)).isEqualTo(new Violation(
                    Identifier.PERMIT_NUMBER, Reason.LETTER, 22, "P", "W",
                    "must end with P; got 'W'", "末位应为P，实际为'W'"));
        }

        @Test
        void a_lookup_refuses_a_last_character_that_is_not_an_upper_case_letter() {
            assertThat(PermitNumberRules.check("91130200699229617X0011")).contains(new Violation(
                    Identifier.PERMIT_NUMBER, Reason.LETTER, 22, "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "1",
                    "must end with an upper-case letter A-Z (the HJ 608 identification letter), got '1'",
                    "末位应为大写字母A-Z（HJ 608标识码），实际为'1'"));
        }

        @Test
        void a_control_character_as_the_letter_is_escaped_in_the_message() {
            Violation v = violation("91130200699229617X001\u0007", PERMITS);
            assertThat(v.en()).isEqualTo("must end with P; got '\\u0007'");
            assertThat(v.actual()).isEqualTo("\u0007");
        }

        @Test
        void a_letter_outside_the_basic_plane_is_one_character() {
            assertThat(violation("91130200699229617X001\uD83D\uDE00", PERMITS).actual()).isEqualTo("\uD83D\uDE00");
        }

        @Test
        void violations_are_reported_in_the_order_length_character_checksum_serial_letter() {
            assertThat(violation("9113O2006992296177000X", PERMITS).reason()).isEqualTo(Reason.CHARACTER);
            assertThat(violation("911302006992296177A00X", PERMITS).reason()).isEqualTo(Reason.CHARACTER);
            assertThat(violation("911302006992296177000X", PERMITS).reason()).isEqualTo(Reason.CHECKSUM);
            assertThat(violation("91130200699229617X000X", PERMITS).reason()).isEqualTo(Reason.SERIAL);
        }

        @Test
        void the_summary_names_a_permit_number() {
            String raw = "91130200699229617x000p";
            Violation v = violation(raw, PERMITS);
            assertThat(v.summaryEn(raw)).isEqualTo("'91130200699229617x000p' is not a valid permit number: "
                    + "site serial (positions 19-21) must be 001-999, got '000'");
            assertThat(v.summaryZh(raw)).isEqualTo(
                    "'91130200699229617x000p'不是有效的排污许可证编号：场所序号（第19-21位）应为001-999，实际为'000'");
        }
    }

    @Nested
    class Canonical_values {

        @Test
        void may_end_with_any_letter_A_to_Z_as_a_lookup_accepts() {
            assertThat(PermitNumberRules.requireCanonical("91130200699229617X001Q")).endsWith("Q");
        }

        @Test
        void reject_lower_case_and_invalid_numbers_as_programming_errors() {
            assertThatThrownBy(() -> PermitNumberRules.requireCanonical("91130200699229617X001p"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("permit number must be in canonical case: '91130200699229617X001p'");
            assertThatThrownBy(() -> PermitNumberRules.requireCanonical("91130200699229617X000P"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("not a permit number: '91130200699229617X000P': site serial");
        }
    }
}
