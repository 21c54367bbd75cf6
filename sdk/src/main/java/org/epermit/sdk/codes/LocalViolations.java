package org.epermit.sdk.codes;

import java.util.List;
import org.epermit.codes.Violation;
import org.epermit.sdk.errors.ErrorDetails;
import org.epermit.sdk.errors.FieldError;
import org.epermit.sdk.errors.ValidationException;

/** The SDK's side of the shared codes library: a {@link Violation} becomes the field error the API would report. */
final class LocalViolations {

    private LocalViolations() {
    }

    /** Code {@link org.epermit.codes.Reason#name()}, message in English (the API's default language). */
    static FieldError fieldError(Violation violation, String path) {
        return new FieldError(path, violation.reason().name(), violation.en());
    }

    /** The 400 the API would answer, found locally: no request is sent. */
    static ValidationException rejection(String errorCode, String raw, String path, Violation violation) {
        return new ValidationException(ErrorDetails.local(400, errorCode, violation.summaryEn(raw),
                List.of(fieldError(violation, path))));
    }
}
