package org.epermit.sdk.errors;

/**
 * The {@code Idempotency-Key} was already used for a <em>different</em> request (code {@code IDEMPOTENCY_CONFLICT}),
 * or the first request with it is still being processed.
 */
public class IdempotencyConflictException extends ConflictException {

    private static final long serialVersionUID = 1L;

    /** The API's code for this failure. */
    public static final String CODE = "IDEMPOTENCY_CONFLICT";

    /**
     * Creates the exception.
     *
     * @param details what is known about the failure
     */
    public IdempotencyConflictException(ErrorDetails details) {
        super(details, "Use a new idempotency key for a new request; reuse a key only to retry exactly the same "
                + "request (RequestOptions.idempotencyKey). Leave it unset and the SDK makes one per call.");
    }
}
