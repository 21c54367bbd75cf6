package org.epermit.sdk.errors;

import java.util.List;
import java.util.Objects;

/**
 * What is known about a failure: the fields of the API's RFC 9457 problem document, the HTTP status and how many
 * attempts the SDK made. Failures that never reached the API (connection, local validation) fill what applies.
 *
 * @param statusCode HTTP status, or 0 when no response was received
 * @param code       stable error code, e.g. {@code PERMIT_NOT_FOUND}; never {@code null}
 * @param type       the problem's type URI, or {@code null}
 * @param title      the problem's short title, or {@code null}
 * @param detail     explanation of this occurrence, or {@code null}
 * @param requestId  the request id (problem body or {@code X-Request-Id} header), or {@code null} if no response
 * @param fieldErrors the failing fields, empty when the failure is not about input
 * @param attempts   how many HTTP attempts were made (0 when the failure was found locally, before any call)
 */
public record ErrorDetails(int statusCode, String code, String type, String title, String detail, String requestId,
                           List<FieldError> fieldErrors, int attempts) {

    /**
     * Copies the field errors and replaces a missing code by {@code UNKNOWN}.
     *
     * @param statusCode the HTTP status, or 0
     * @param code the error code, {@code null} for {@code UNKNOWN}
     * @param type the problem type
     * @param title the title
     * @param detail the detail
     * @param requestId the request id
     * @param fieldErrors the failing fields, {@code null} for none
     * @param attempts the attempts made
     */
    public ErrorDetails {
        code = Objects.requireNonNullElse(code, "UNKNOWN");
        fieldErrors = fieldErrors == null ? List.of() : List.copyOf(fieldErrors);
    }

    /**
     * Details of a failure found without any HTTP call or response.
     *
     * @param statusCode the status the API would have given (e.g. 400 for a malformed permit number), or 0
     * @param code       the stable error code
     * @param detail     what went wrong
     * @param fieldErrors the failing fields, may be empty
     * @return the details, with no request id and zero attempts
     */
    public static ErrorDetails local(int statusCode, String code, String detail, List<FieldError> fieldErrors) {
        return new ErrorDetails(statusCode, code, null, null, detail, null, fieldErrors, 0);
    }

    /**
     * The same details with another attempt count.
     *
     * @param attempts how many HTTP attempts were made
     * @return a copy with that count
     */
    public ErrorDetails withAttempts(int attempts) {
        return new ErrorDetails(statusCode, code, type, title, detail, requestId, fieldErrors, attempts);
    }
}
