package org.epermit.api.common;

import java.util.List;

import org.epermit.api.problem.ApiException;
import org.epermit.api.problem.ErrorCode;
import org.epermit.api.problem.FieldError;
import org.epermit.api.problem.Message;
import org.epermit.codes.Violation;

/** The service's side of the shared codes library: a {@link Violation} becomes a field error or a 400 problem. */
final class CodeViolations {

    private CodeViolations() {
    }

    /** The field error: code {@link org.epermit.codes.Reason#name()}, the violation's text in both languages. */
    static FieldError fieldError(Violation violation, String path) {
        return new FieldError(path, violation.reason().name(), Message.of(violation.en(), violation.zh()));
    }

    /** The problem {@code parse} throws: the summary quoting the input, and the one field error. */
    static ApiException rejection(ErrorCode code, String raw, String path, Violation violation) {
        return new ApiException(code, Message.of(violation.summaryEn(raw), violation.summaryZh(raw)),
                List.of(fieldError(violation, path)));
    }
}
