package org.epermit.sdk.errors;

/**
 * No usable response arrived: the connection could not be made or broke, or an attempt ran out of time, on every
 * attempt the SDK made. Code {@code CONNECTION_FAILED}, status 0, no request id.
 */
public class ConnectionException extends EPermitException {

    private static final long serialVersionUID = 1L;

    /** The code of connection failures. */
    public static final String CODE = "CONNECTION_FAILED";

    /**
     * Creates the exception.
     *
     * @param details what is known about the failure
     * @param cause   the I/O failure of the last attempt, or {@code null}
     */
    public ConnectionException(ErrorDetails details, Throwable cause) {
        this(details, "Check the base URL, the network path and any proxy or firewall between you and the API; "
                + "then try again. The SDK already retried (EPermitClient.builder().maxRetries).", cause);
    }

    /**
     * Creates the exception with other advice, for subclasses.
     *
     * @param details what is known about the failure
     * @param advice  what the caller should do
     * @param cause   the underlying failure, or {@code null}
     */
    protected ConnectionException(ErrorDetails details, String advice, Throwable cause) {
        super(details, advice, cause);
    }
}
