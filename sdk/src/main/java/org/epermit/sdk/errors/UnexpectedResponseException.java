package org.epermit.sdk.errors;

/**
 * The API answered with something this SDK version does not expect: a status no other exception covers (e.g. 405,
 * 406, 413, 415, a redirect) or a body it cannot read.
 */
public class UnexpectedResponseException extends EPermitException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param details what is known about the failure
     * @param cause   the underlying failure (e.g. a JSON parse error), or {@code null}
     */
    public UnexpectedResponseException(ErrorDetails details, Throwable cause) {
        super(details, "Check that the base URL points at the ePermit API and that this SDK version is current; "
                + "if both are right, report it with the request id.", cause);
    }
}
