package org.epermit.sdk.internal;

import java.net.http.HttpRequest;
import java.time.Duration;

/** Puts credentials on requests. Implementations are thread-safe. */
public interface Authenticator {

    /** No credentials. */
    Authenticator NONE = timeout -> Authorization.NONE;

    /**
     * The header to send with the next attempt; may fetch a token.
     *
     * @param timeout how long fetching a token may take
     * @return the authorization, {@link Authorization#NONE} for none
     * @throws org.epermit.sdk.errors.EPermitException if a token could not be obtained
     */
    Authorization authorize(Duration timeout);

    /**
     * Forgets a credential the API refused (HTTP 401), so the next attempt gets a new one.
     *
     * @param refused the authorization that was refused
     */
    default void invalidate(Authorization refused) {
    }

    /**
     * A header that authorizes a request.
     *
     * @param header    the header name, or {@code null} for none
     * @param value     the header value
     * @param renewable whether a refused value may be replaced by a new one ({@link #invalidate}) and the request
     *                  retried once: true for a cached OAuth2 token
     */
    record Authorization(String header, String value, boolean renewable) {

        /** No header. */
        public static final Authorization NONE = new Authorization(null, null, false);

        /**
         * Sets the header on a request.
         *
         * @param request the request being built
         */
        public void applyTo(HttpRequest.Builder request) {
            if (header != null) {
                request.setHeader(header, value);
            }
        }
    }
}
