package org.epermit.sdk.errors;

import java.util.List;

/**
 * Base of every exception the SDK throws for a failed call. Unchecked, so that auto-paging streams and lambdas stay
 * usable; catch it (or a subclass) around calls.
 *
 * <p>Each carries the HTTP status, the API's stable error {@link #getCode() code} (the same code whether the failure
 * was found by the API or locally by the SDK), the {@link #getRequestId() request id} to quote to support, the
 * {@link #getFieldErrors() failing fields}, and a message that says what to do about it.
 */
public class EPermitException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorDetails details;

    /**
     * Creates an exception from the failure's details and advice for the caller.
     *
     * @param details what is known about the failure
     * @param advice  what the caller should do, one or two sentences; appended to the message
     * @param cause   the underlying exception, or {@code null}
     */
    protected EPermitException(ErrorDetails details, String advice, Throwable cause) {
        super(message(details, advice), cause);
        this.details = details;
    }

    /**
     * Returns the HTTP status of the response, or 0 when no response was received (connection failure).
     *
     * @return the HTTP status of the response, or 0 when no response was received (connection failure)
     */
    public int getStatusCode() {
        return details.statusCode();
    }

    /**
     * Returns the stable error code to branch on: the API's code, e.g. {@code PERMIT_NOT_FOUND} or
     * {@code VALIDATION_FAILED}; for failures without a response, an SDK code such as {@code CONNECTION_FAILED} or
     * {@code CALL_TIMEOUT}.
     *
     * @return the stable error code, never {@code null}
     */
    public String getCode() {
        return details.code();
    }

    /**
     * Returns the request id to quote when asking for support, or {@code null} when no response was received.
     *
     * @return the request id to quote when asking for support, or {@code null} when no response was received
     */
    public String getRequestId() {
        return details.requestId();
    }

    /**
     * Returns the failing fields or parameters (empty when the failure is not about input); never {@code null}.
     *
     * @return the failing fields or parameters (empty when the failure is not about input); never {@code null}
     */
    public List<FieldError> getFieldErrors() {
        return details.fieldErrors();
    }

    /**
     * Returns the problem's short title (in the language asked for), or {@code null}.
     *
     * @return the problem's short title (in the language asked for), or {@code null}
     */
    public String getTitle() {
        return details.title();
    }

    /**
     * Returns the explanation of this occurrence, or {@code null}.
     *
     * @return the explanation of this occurrence, or {@code null}
     */
    public String getDetail() {
        return details.detail();
    }

    /**
     * Returns how many HTTP attempts the SDK made (0 when the failure was found locally, before any call).
     *
     * @return how many HTTP attempts the SDK made (0 when the failure was found locally, before any call)
     */
    public int getAttempts() {
        return details.attempts();
    }

    /**
     * Returns all details of the failure in one value.
     *
     * @return all details of the failure in one value
     */
    public ErrorDetails getDetails() {
        return details;
    }

    private static String message(ErrorDetails d, String advice) {
        StringBuilder out = new StringBuilder();
        String what = d.detail() != null && !d.detail().isBlank() ? d.detail()
                : d.title() != null ? d.title() : d.code();
        out.append(what);
        out.append(" [");
        if (d.statusCode() > 0) {
            out.append("HTTP ").append(d.statusCode()).append(", ");
        }
        out.append("code ").append(d.code());
        if (d.requestId() != null) {
            out.append(", request id ").append(d.requestId());
        }
        if (d.attempts() > 1) {
            out.append(", ").append(d.attempts()).append(" attempts");
        } else if (d.attempts() == 0 && d.statusCode() > 0) {
            out.append(", found locally: no request was sent");
        }
        out.append(']');
        for (FieldError e : d.fieldErrors()) {
            out.append("\n  - ").append(e);
        }
        if (advice != null && !advice.isBlank()) {
            out.append(d.fieldErrors().isEmpty() ? " " : "\n").append(advice);
        }
        return out.toString();
    }
}
