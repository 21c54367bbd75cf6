package org.epermit.sdk.codes;

import org.epermit.codes.PermitLetters;
import org.epermit.sdk.errors.FieldError;
import org.epermit.sdk.errors.ValidationException;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The SDK's adapter over the shared rules (tested with the library in {@code sdk/codes}): the letters are a
 * parameter, the national ones by default, and a violation becomes the error the API would give.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PermitNumberTest {

    private static final String PATH = "path.permitNumber";
    /** A province whose registration receipts end with D. */
    private static final PermitLetters WITH_D = PermitLetters.of('P', 'D');

    @Test
    void a_valid_number_parses_and_splits_into_its_parts() {
        PermitNumber number = PermitNumber.parse("91130200699229617x001p");
        assertThat(number.creditCode()).isEqualTo(new CreditCode("91130200699229617X"));
        assertThat(number.siteSerial()).isEqualTo(1);
        assertThat(number.letter()).isEqualTo('P');
        assertThat(number).hasToString("91130200699229617X001P");
    }

    @Test
    void without_letters_the_national_ones_apply() {
        assertThat(PermitNumber.isValid("91440101MA5CJQ4N59999W")).isTrue();
        assertThat(PermitNumber.check("91440101MA5CJQ4N59999D", PATH)).contains(
                new FieldError(PATH, "LETTER", "must end with one of P, W; got 'D'"));
    }

    @Test
    void with_letters_those_apply_instead() {
        assertThat(PermitNumber.parse("91440101MA5CJQ4N59999D", PATH, WITH_D).letter()).isEqualTo('D');
        assertThat(PermitNumber.isValid("91440101MA5CJQ4N59999D", WITH_D)).isTrue();
        assertThat(PermitNumber.check("91440101MA5CJQ4N59999W", PATH, WITH_D)).contains(
                new FieldError(PATH, "LETTER", "must end with one of D, P; got 'W'"));
    }

    @Test
    void parse_throws_INVALID_PERMIT_NUMBER_with_the_field_error_and_a_summary_found_locally() {
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> PermitNumber.parse("91130200699229617x000p", PATH));
        assertThat(e.getCode()).isEqualTo("INVALID_PERMIT_NUMBER");
        assertThat(e.getAttempts()).isZero();
        assertThat(e.getFieldErrors()).containsExactly(new FieldError(PATH, "SERIAL",
                "site serial (positions 19-21) must be 001-999, got '000'"));
        assertThat(e.getDetail()).isEqualTo("'91130200699229617x000p' is not a valid permit number: "
                + "site serial (positions 19-21) must be 001-999, got '000'");
        assertThat(catchThrowableOfType(ValidationException.class, () -> PermitNumber.parse(null))
                .getFieldErrors().get(0).path()).isEqualTo("value");
    }

    @Test
    void the_canonical_constructor_accepts_any_letter_but_only_canonical_values() {
        assertThat(new PermitNumber("91130200699229617X001D").letter()).isEqualTo('D');
        assertThatThrownBy(() -> new PermitNumber("91130200699229617X001p")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PermitNumber("91130200699229617X000P")).isInstanceOf(IllegalArgumentException.class);
    }
}
