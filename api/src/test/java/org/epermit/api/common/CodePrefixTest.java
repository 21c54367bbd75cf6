package org.epermit.api.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.epermit.api.problem.FieldError;
import org.epermit.api.problem.Message;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CodePrefixTest {

    @Nested
    class Region_prefixes {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"44", "4403", "440305", "11", "1101", "110108"})
        void a_province_city_or_county_prefix_of_2_4_or_6_digits_is_accepted(String raw) {
            assertThat(CodePrefix.checkRegion(raw, "query.region")).isEmpty();
            assertThat(CodePrefix.isRegion(raw)).isTrue();
        }

        @ParameterizedTest(name = "''{0}''")
        @ValueSource(strings = {"", "4", "440", "44030", "4403051", "4a", "４４", " 44", "44 ", "-44", "4.4"})
        void anything_else_fails_with_FORMAT(String raw) {
            assertThat(CodePrefix.checkRegion(raw, "query.region"))
                    .hasValueSatisfying(error -> {
                        assertThat(error.path()).isEqualTo("query.region");
                        assertThat(error.code()).isEqualTo("FORMAT");
                    });
            assertThat(CodePrefix.isRegion(raw)).isFalse();
        }

        @Test
        void the_FORMAT_message_explains_the_expected_form_in_both_languages() {
            assertThat(CodePrefix.checkRegion("440", "query.region").orElseThrow().message()).isEqualTo(Message.of(
                    "must be 2, 4 or 6 digits (a GB/T 2260 division code or prefix, e.g. 44, 4403, 440305), got '440'",
                    "应为2、4或6位数字（GB/T 2260行政区划代码或其前缀，如44、4403、440305），实际为'440'"));
        }

        @Test
        void a_missing_parameter_is_no_filter_and_no_error() {
            assertThat(CodePrefix.checkRegion(null, "query.region")).isEmpty();
            assertThat(CodePrefix.isRegion(null)).isFalse();
        }
    }

    @Nested
    class Industry_prefixes {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"4", "44", "441", "4411", "3011", "2614", "4620"})
        void a_prefix_of_1_to_4_digits_is_accepted(String raw) {
            assertThat(CodePrefix.checkIndustry(raw, "query.industry")).isEmpty();
            assertThat(CodePrefix.isIndustry(raw)).isTrue();
        }

        @ParameterizedTest(name = "''{0}''")
        @ValueSource(strings = {"", "44111", "D4411", "D", "44a", "４４", " 44"})
        void anything_else_including_a_section_letter_fails_with_FORMAT(String raw) {
            assertThat(CodePrefix.checkIndustry(raw, "query.industry"))
                    .hasValueSatisfying(error -> assertThat(error.code()).isEqualTo("FORMAT"));
        }

        @Test
        void the_FORMAT_message_explains_the_expected_form_in_both_languages() {
            assertThat(CodePrefix.checkIndustry("D4411", "query.industry").orElseThrow().message()).isEqualTo(
                    Message.of("must be 1 to 4 digits (a GB/T 4754 industry code or prefix, e.g. 44, 441, 4411), "
                                    + "got 'D4411'",
                            "应为1至4位数字（GB/T 4754国民经济行业代码或其前缀，如44、441、4411），实际为'D4411'"));
        }

        @Test
        void a_missing_parameter_is_no_filter_and_no_error() {
            assertThat(CodePrefix.checkIndustry(null, "query.industry")).isEmpty();
        }
    }

    @Test
    void the_echoed_input_is_truncated_and_control_characters_are_escaped() {
        String message = CodePrefix.checkRegion("\u0001" + "9".repeat(100), "query.region").orElseThrow()
                .message().en();
        assertThat(message).endsWith("got '\\u0001" + "9".repeat(39) + "…'");
    }

    @Test
    void a_search_can_collect_every_failing_parameter_at_once() {
        List<FieldError> errors = Stream.of(
                        CodePrefix.checkRegion("440", "query.region"),
                        CodePrefix.checkIndustry("D44", "query.industry"),
                        CreditCode.check("91130200699229617", "query.creditCode", org.epermit.codes.Strictness.LOOKUP),
                        PermitNumber.check(null, "query.permitNumber"),
                        CodePrefix.checkRegion("44", "query.otherRegion"))
                .flatMap(Optional::stream)
                .toList();
        assertThat(errors).extracting(FieldError::path, FieldError::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple("query.region", "FORMAT"),
                org.assertj.core.groups.Tuple.tuple("query.industry", "FORMAT"),
                org.assertj.core.groups.Tuple.tuple("query.creditCode", "LENGTH"),
                org.assertj.core.groups.Tuple.tuple("query.permitNumber", "LENGTH"));
    }
}
