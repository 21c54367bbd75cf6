package org.epermit.sdk.errors;

/**
 * The request conflicts with the current state of the resource (HTTP 409): it changed meanwhile, or exists already.
 */
public class ConflictException extends EPermitException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param details what is known about the failure
     */
    public ConflictException(ErrorDetails details) {
        this(details, "Read the resource's current state, then decide whether to send the request again.");
    }

    /**
     * Creates the exception with other advice, for subclasses.
     *
     * @param details what is known about the failure
     * @param advice  what the caller should do
     */
    protected ConflictException(ErrorDetails details, String advice) {
        super(details, advice, null);
    }
}
