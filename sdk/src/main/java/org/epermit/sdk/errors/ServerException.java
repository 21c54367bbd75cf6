package org.epermit.sdk.errors;

/**
 * The API failed (HTTP 5xx: {@code INTERNAL_ERROR}, {@code SERVICE_UNAVAILABLE}, or a gateway's 502/504), still so
 * after the SDK's retries where the status allows them.
 */
public class ServerException extends EPermitException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param details what is known about the failure
     */
    public ServerException(ErrorDetails details) {
        super(details, "This is not caused by your request: try again later. If it persists, report it with the request "
                + "id" + (details.requestId() == null ? "" : " " + details.requestId()) + ".", null);
    }
}
