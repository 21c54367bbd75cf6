package org.epermit.sdk.codes;

import java.util.List;
import java.util.Locale;
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
        return fieldError(violation, path, Locale.ENGLISH);
    }

    /** As {@link #fieldError(Violation, String)}, the message in Chinese when {@code locale} is Chinese. */
    static FieldError fieldError(Violation violation, String path, Locale locale) {
        return new FieldError(path, violation.reason().name(), chinese(locale) ? violation.zh() : violation.en());
    }

    /** The 400 the API would answer, found locally, in the API's language for {@code locale}: no request is sent. */
    static ValidationException rejection(String errorCode, String raw, String path, Violation violation, Locale locale) {
        return new ValidationException(ErrorDetails.local(400, errorCode,
                chinese(locale) ? violation.summaryZh(raw) : violation.summaryEn(raw),
                List.of(fieldError(violation, path, locale))));
    }

    // The API answers in Chinese for any zh range (zh, zh-CN, zh-Hans…) and in English otherwise.
    private static boolean chinese(Locale locale) {
        return "zh".equals(locale.getLanguage());
    }
}
