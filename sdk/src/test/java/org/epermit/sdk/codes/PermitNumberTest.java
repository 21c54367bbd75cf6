package org.epermit.sdk.codes;

import java.util.Optional;
import org.epermit.sdk.errors.FieldError;
import org.epermit.sdk.errors.ValidationException;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The API's own test vectors (api/src/test/.../common/PermitNumberTest) with letters P and W. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PermitNumberTest {

    private static final String PATH = "path.permitNumber";

    private static FieldError failure(String raw) {
        Optional<FieldError> problem = PermitNumber.check(raw, PATH);
        assertThat(problem).as("check(%s)", raw).isPresent();
        assertThat(problem.get().path()).isEqualTo(PATH);
        return problem.get();
    }

    @Test
    void the_example_from_the_domain_reference_is_accepted_and_split_into_its_parts() {
        PermitNumber number = PermitNumber.parse("91130200699229617X001P");
        assertThat(number.creditCode()).isEqualTo(new CreditCode("91130200699229617X"));
        assertThat(number.siteSerial()).isEqualTo(1);
        assertThat(number.letter()).isEqualTo('P');
        assertThat(number).hasToString("91130200699229617X001P");
    }

    @Test
    void registration_receipts_lower_case_and_pseudo_codes_are_accepted() {
        assertThat(PermitNumber.parse("91440101MA5CJQ4N59999W").letter()).isEqualTo('W');
        assertThat(PermitNumber.parse("91440101ma5cjq4n59002p").value()).isEqualTo("91440101MA5CJQ4N59002P");
        assertThat(PermitNumber.parse("H9110000MA0000000X001P").creditCode().isPseudo()).isTrue();
    }

    @Test
    void each_failure_has_the_apis_reason_code_and_message() {
        assertThat(failure("91130200699229617X001")).isEqualTo(new FieldError(PATH, "LENGTH", "must be 22 characters, got 21"));
        assertThat(failure("91130200699229617X").message()).isEqualTo("must be 22 characters, got 18");
        assertThat(failure("9113O200699229617X001P")).isEqualTo(new FieldError(PATH, "CHARACTER",
                "character 'O' at position 5 is not allowed (allowed: 0-9 and A-Z except I, O, S, V, Z)"));
        assertThat(failure("91130200699229617X0A1P")).isEqualTo(new FieldError(PATH, "CHARACTER",
                "character 'A' at position 20 is not allowed (positions 19-21 are the site serial: digits only)"));
        assertThat(failure("911302006992296177001P")).isEqualTo(new FieldError(PATH, "CHECKSUM",
                "check character of the credit code (position 18) should be 'X', got '7'"));
        assertThat(failure("91130200699229617X000P")).isEqualTo(new FieldError(PATH, "SERIAL",
                "site serial (positions 19-21) must be 001-999, got '000'"));
        assertThat(failure("91130200699229617X001X")).isEqualTo(new FieldError(PATH, "LETTER",
                "must end with one of P, W; got 'X'"));
        assertThat(failure("91130200699229617X001\u0007").message()).isEqualTo("must end with one of P, W; got '\\u0007'");
    }

    @Test
    void problems_are_reported_in_the_order_length_character_checksum_serial_letter() {
        assertThat(failure("9113O2006992296177000X").code()).isEqualTo("CHARACTER");
        assertThat(failure("911302006992296177000X").code()).isEqualTo("CHECKSUM");
        assertThat(failure("91130200699229617X000X").code()).isEqualTo("SERIAL");
    }

    @Test
    void parse_throws_INVALID_PERMIT_NUMBER_with_the_field_error_and_a_summary() {
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> PermitNumber.parse("91130200699229617x000p", PATH));
        assertThat(e.getCode()).isEqualTo("INVALID_PERMIT_NUMBER");
        assertThat(e.getFieldErrors()).singleElement().satisfies(f -> assertThat(f.code()).isEqualTo("SERIAL"));
        assertThat(e.getDetail()).isEqualTo("'91130200699229617x000p' is not a valid permit number: "
                + "site serial (positions 19-21) must be 001-999, got '000'");
        assertThat(PermitNumber.isValid("91130200699229617X001P")).isTrue();
        assertThat(PermitNumber.isValid(null)).isFalse();
    }

    @Test
    void the_canonical_constructor_rejects_non_canonical_values() {
        assertThatThrownBy(() -> new PermitNumber("91130200699229617X001p")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PermitNumber("91130200699229617X000P")).isInstanceOf(IllegalArgumentException.class);
    }
}
