package org.epermit.sdk.errors;

/**
 * The caller is authenticated but may not do this (HTTP 403). With code {@code NOT_DELEGATED}, the enterprise has
 * not delegated the permit to the calling client ({@link #isNotDelegated()}).
 */
public class PermissionException extends EPermitException {

    private static final long serialVersionUID = 1L;

    /** The code of a 403 caused by a missing delegation from the enterprise. */
    public static final String NOT_DELEGATED = "NOT_DELEGATED";

    /**
     * Creates the exception.
     *
     * @param details what is known about the failure
     */
    public PermissionException(ErrorDetails details) {
        super(details, NOT_DELEGATED.equals(details.code())
                ? "The enterprise has not delegated this permit to your client: ask it to grant (or renew) the "
                        + "delegation, then retry."
                : "Your credentials do not allow this operation: ask your administrator for the scope or role it needs.",
                null);
    }

    /**
     * Tells whether the refusal is a missing delegation ({@code NOT_DELEGATED}).
     *
     * @return {@code true} when the enterprise has not delegated the permit to the calling client
     */
    public boolean isNotDelegated() {
        return NOT_DELEGATED.equals(getCode());
    }
}
