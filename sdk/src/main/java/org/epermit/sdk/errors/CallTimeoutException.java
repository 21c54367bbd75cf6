package org.epermit.sdk.errors;

/**
 * The call (all its attempts and the waits between them) did not finish within its total timeout. Code
 * {@code CALL_TIMEOUT}.
 */
public class CallTimeoutException extends ConnectionException {

    private static final long serialVersionUID = 1L;

    /** The code of total-call timeouts. */
    public static final String CODE = "CALL_TIMEOUT";

    /**
     * Creates the exception.
     *
     * @param details what is known about the failure
     * @param cause   the failure of the last attempt, or {@code null}
     */
    public CallTimeoutException(ErrorDetails details, Throwable cause) {
        super(details, "Give the call more time (EPermitClient.builder().timeout, or RequestOptions.timeout for one "
                + "call), or try again later if the API is slow right now.", cause);
    }
}
