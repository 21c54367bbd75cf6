package org.epermit.sdk.codes;

import java.util.Optional;
import org.epermit.sdk.errors.FieldError;
import org.epermit.sdk.errors.ValidationException;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The API's own test vectors (api/src/test/.../common/CreditCodeTest), with its English messages. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CreditCodeTest {

    private static final String PATH = "path.creditCode";
    private static final String PSEUDO = "H9110000MA0000000X";

    private static FieldError failure(String raw) {
        Optional<FieldError> problem = CreditCode.check(raw, PATH);
        assertThat(problem).as("check(%s)", raw).isPresent();
        assertThat(problem.get().path()).isEqualTo(PATH);
        return problem.get();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"91130200699229617X", "91350200776049653A", "913502000728319549", "91440101MA5CJQ4N59"})
    void the_four_examples_from_the_domain_reference_are_accepted(String raw) {
        assertThat(CreditCode.check(raw, PATH)).isEmpty();
        assertThat(CreditCode.isValid(raw)).isTrue();
        assertThat(CreditCode.parse(raw).value()).isEqualTo(raw);
    }

    @Test
    void lower_case_input_is_accepted_and_upper_cased() {
        assertThat(CreditCode.parse("91440101ma5cjq4n59").value()).isEqualTo("91440101MA5CJQ4N59");
    }

    @Test
    void the_check_character_of_the_first_17_characters_is_computed() {
        assertThat(CreditCode.checkCharacter("91130200699229617")).isEqualTo('X');
        assertThat(CreditCode.checkCharacter("91350200776049653")).isEqualTo('A');
        assertThat(CreditCode.checkCharacter("91350200072831954")).isEqualTo('9');
        assertThat(CreditCode.checkCharacter("91440101MA5CJQ4N5")).isEqualTo('9');
        assertThatThrownBy(() -> CreditCode.checkCharacter("9113O200699229617")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_pseudo_code_starting_with_H9_is_accepted_although_its_check_character_is_wrong() {
        assertThat(CreditCode.checkCharacter(PSEUDO.substring(0, 17))).isNotEqualTo(PSEUDO.charAt(17));
        assertThat(CreditCode.parse(PSEUDO).isPseudo()).isTrue();
        assertThat(CreditCode.parse("h9110000ma0000000x").isPseudo()).isTrue();
        assertThat(failure("H9110000MA0000000").code()).isEqualTo("LENGTH");
        assertThat(failure("H9110000MA000000OX").message()).startsWith("character 'O' at position 17 ");
        assertThat(failure("H8110000MA0000000X").code()).isEqualTo("CHECKSUM");
    }

    @Test
    void a_code_of_17_characters_fails_with_LENGTH() {
        FieldError error = failure("91130200699229617");
        assertThat(error.code()).isEqualTo("LENGTH");
        assertThat(error.message()).isEqualTo("must be 18 characters, got 17");
        assertThat(failure(null).message()).isEqualTo("must be 18 characters, got 0");
        assertThat(failure(" 91130200699229617X").message()).isEqualTo("must be 18 characters, got 19");
    }

    @Test
    void a_letter_outside_the_alphabet_fails_with_CHARACTER_and_its_position() {
        FieldError error = failure("9113O200699229617X");
        assertThat(error.code()).isEqualTo("CHARACTER");
        assertThat(error.message()).isEqualTo(
                "character 'O' at position 5 is not allowed (allowed: 0-9 and A-Z except I, O, S, V, Z)");
        assertThat(failure(" 91130200699229617").message()).startsWith("character ' ' at position 1 ");
        assertThat(failure("91I30200699229617O").message()).startsWith("character 'I' at position 3 ");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(chars = {'I', 'O', 'S', 'V', 'Z', 'i', 'o', 's', 'v', 'z', '-', '*'})
    void each_excluded_character_fails_with_CHARACTER(char c) {
        FieldError error = failure("91130200699229617" + c);
        assertThat(error.code()).isEqualTo("CHARACTER");
        assertThat(error.message()).startsWith("character '" + Character.toUpperCase(c) + "' at position 18 ");
    }

    @Test
    void a_wrong_check_character_fails_with_CHECKSUM() {
        FieldError error = failure("911302006992296177");
        assertThat(error.code()).isEqualTo("CHECKSUM");
        assertThat(error.message()).isEqualTo("check character should be 'X', got '7'");
        assertThat(failure("OOOO").code()).isEqualTo("LENGTH");
        assertThat(failure("9113O2006992296177").code()).isEqualTo("CHARACTER");
    }

    @Test
    void unicode_edge_cases_are_handled_as_the_api_does() {
        assertThat(failure("91130200699229617\uD83D\uDE00").message()).startsWith("character '\uD83D\uDE00' at position 18 ");
        assertThat(failure("9113020069922961ﬀ").code()).isEqualTo("LENGTH");
        assertThat(failure("９1130200699229617X").code()).isEqualTo("CHARACTER");
    }

    @Test
    void parse_throws_INVALID_CREDIT_CODE_with_the_field_error_and_a_summary() {
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> CreditCode.parse("911302006992296177", PATH));
        assertThat(e.getCode()).isEqualTo("INVALID_CREDIT_CODE");
        assertThat(e.getStatusCode()).isEqualTo(400);
        assertThat(e.getFieldErrors()).containsExactly(
                new FieldError(PATH, "CHECKSUM", "check character should be 'X', got '7'"));
        assertThat(e.getDetail()).isEqualTo("'911302006992296177' is not a valid unified social credit code: "
                + "check character should be 'X', got '7'");
    }

    @Test
    void input_is_quoted_safely() {
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> CreditCode.parse("9113020069922961\t\u0000", PATH));
        assertThat(e.getDetail()).startsWith("'9113020069922961\\u0009\\u0000' is not a valid");
        String input = "A".repeat(40) + "SECRET".repeat(1000);
        assertThat(catchThrowableOfType(ValidationException.class, () -> CreditCode.parse(input)).getDetail())
                .startsWith("'" + "A".repeat(40) + "…' is not a valid").doesNotContain("SECRET");
    }

    @Test
    void the_canonical_constructor_rejects_non_canonical_values() {
        assertThatThrownBy(() -> new CreditCode("91440101ma5cjq4n59")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CreditCode("911302006992296177")).isInstanceOf(IllegalArgumentException.class);
    }
}
