package org.epermit.sdk.codes;

import org.epermit.sdk.errors.FieldError;
import org.epermit.sdk.errors.ValidationException;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The SDK's adapter over the shared rules (tested with the library in {@code sdk/codes}): it accepts what the API
 * looks up, any identification letter included, and a violation becomes the error the API would give.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PermitNumberTest {

    private static final String PATH = "path.permitNumber";

    @Test
    void a_valid_number_parses_and_splits_into_its_parts() {
        PermitNumber number = PermitNumber.parse("91130200699229617x001p");
        assertThat(number.creditCode()).isEqualTo(new CreditCode("91130200699229617X"));
        assertThat(number.siteSerial()).isEqualTo(1);
        assertThat(number.letter()).isEqualTo('P');
        assertThat(number).hasToString("91130200699229617X001P");
    }

    @Test
    void any_upper_case_identification_letter_is_accepted_as_the_api_looks_the_number_up() {
        for (char letter = 'A'; letter <= 'Z'; letter++) {
            assertThat(PermitNumber.isValid("91440101MA5CJQ4N59999" + letter)).as("%s", letter).isTrue();
        }
        assertThat(PermitNumber.parse("91440101MA5CJQ4N59999q", PATH).letter()).isEqualTo('Q');
        assertThat(PermitNumber.check("91440101MA5CJQ4N599991", PATH)).contains(new FieldError(PATH, "LETTER",
                "must end with an upper-case letter A-Z (the HJ 608 identification letter), got '1'"));
    }

    @Test
    void a_pseudo_code_holder_s_number_keeps_the_code_s_lower_case_letter() {
        PermitNumber number = PermitNumber.parse("h9440100000000123k002w");
        assertThat(number).hasToString("H9440100000000123k002W");
        assertThat(number.creditCode().isPseudo()).isTrue();
        assertThat(PermitNumber.check("H9440100000000123K002W", PATH).map(FieldError::code)).contains("PSEUDO_CODE");
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
