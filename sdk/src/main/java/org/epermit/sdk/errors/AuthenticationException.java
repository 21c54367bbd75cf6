package org.epermit.sdk.errors;

/**
 * The credentials were missing, wrong or expired (HTTP 401), or the OAuth2 token endpoint refused the client
 * (then the code is the OAuth2 error in upper case, e.g. {@code INVALID_CLIENT}).
 */
public class AuthenticationException extends EPermitException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param details what is known about the failure
     */
    public AuthenticationException(ErrorDetails details) {
        super(details, "Check the credentials given to EPermitClient.builder().credentials(...): the API key, or the "
                + "OAuth2 token URL, client id and secret. Keys and secrets can be rotated or revoked by your "
                + "administrator.", null);
    }
}
