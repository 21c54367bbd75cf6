package org.epermit.sdk.codes;

import java.util.Optional;
import org.epermit.codes.CreditCodeRules;
import org.epermit.codes.Strictness;
import org.epermit.sdk.errors.FieldError;
import org.epermit.sdk.errors.ValidationException;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The SDK's adapter over the shared rules (whose own tests, vectors and properties, live with the library in
 * {@code sdk/codes}): a violation becomes the error the API would give.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CreditCodeTest {

    private static final String PATH = "path.creditCode";

    @Test
    void a_valid_code_parses_to_its_canonical_form() {
        assertThat(CreditCode.parse("91440101ma5cjq4n59").value()).isEqualTo("91440101MA5CJQ4N59");
        assertThat(CreditCode.parse("H9440100000000123k", PATH).isPseudo()).isTrue();
        assertThat(CreditCode.parse("h9440100000000123k", PATH).value()).isEqualTo("H9440100000000123k");
        assertThat(CreditCode.isValid("91130200699229617X")).isTrue();
        assertThat(CreditCode.isValid(null)).isFalse();
        assertThat(CreditCode.checkCharacter("91130200699229617")).isEqualTo('X');
        assertThat(new CreditCode("91130200699229617X")).hasToString("91130200699229617X");
    }

    @Test
    void check_reports_the_rules_violation_as_the_apis_field_error_in_english() {
        Optional<FieldError> problem = CreditCode.check("9113O200699229617X", PATH);
        assertThat(problem).contains(new FieldError(PATH, "CHARACTER",
                "character 'O' at position 5 is not allowed (allowed: 0-9 and A-Z except I, O, S, V, Z)"));
        assertThat(problem.map(FieldError::message))
                .isEqualTo(CreditCodeRules.check("9113O200699229617X", Strictness.LOOKUP).map(v -> v.en()));
        assertThat(CreditCode.check("91130200699229617X", PATH)).isEmpty();
    }

    @Test
    void a_code_failing_only_its_organisation_check_passes_a_lookup_and_fails_a_registration() {
        String early = "91440101MA5CJQ4N6" + CreditCodeRules.checkCharacter("91440101MA5CJQ4N6");
        assertThat(CreditCode.isValid(early)).isTrue();
        assertThat(CreditCode.parse(early).value()).isEqualTo(early);
        assertThat(CreditCode.check(early, PATH, Strictness.REGISTRATION)).contains(new FieldError(PATH,
                "ORGANISATION_CHECKSUM",
                "check character of the organisation code (position 17, GB 11714) should be '5', got '6'"));
        assertThat(CreditCode.check("91440101MA5CJQ4N59", PATH, Strictness.REGISTRATION)).isEmpty();
    }

    @Test
    void an_upper_cased_pseudo_code_is_refused() {
        assertThat(CreditCode.check("H9440100000000123K", PATH).map(FieldError::code)).contains("PSEUDO_CODE");
    }

    @Test
    void parse_throws_INVALID_CREDIT_CODE_with_the_field_error_and_a_summary_found_locally() {
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> CreditCode.parse("911302006992296177", PATH));
        assertThat(e.getCode()).isEqualTo("INVALID_CREDIT_CODE");
        assertThat(e.getStatusCode()).isEqualTo(400);
        assertThat(e.getAttempts()).isZero();
        assertThat(e.getFieldErrors()).containsExactly(
                new FieldError(PATH, "CHECKSUM", "check character should be 'X', got '7'"));
        assertThat(e.getDetail()).isEqualTo("'911302006992296177' is not a valid unified social credit code: "
                + "check character should be 'X', got '7'");
    }

    @Test
    void parse_without_a_path_names_the_field_value() {
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> CreditCode.parse("\t"));
        assertThat(e.getFieldErrors()).singleElement().satisfies(f -> {
            assertThat(f.path()).isEqualTo("value");
            assertThat(f.code()).isEqualTo("LENGTH");
        });
        assertThatThrownBy(() -> CreditCode.parse("91130200699229617X", null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void the_canonical_constructor_rejects_non_canonical_values() {
        assertThatThrownBy(() -> new CreditCode("91440101ma5cjq4n59")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CreditCode("911302006992296177")).isInstanceOf(IllegalArgumentException.class);
    }
}
