package org.epermit.sdk;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * How the client authenticates: {@link #none()} for the public operations, an {@link #apiKey API key} sent as
 * {@code X-API-Key}, or {@link #clientCredentials OAuth2 client credentials} exchanged at a token endpoint for bearer
 * tokens that the client caches and refreshes before they expire.
 */
public sealed interface Credentials permits Credentials.None, Credentials.ApiKey, Credentials.ClientCredentials {

    /**
     * No credentials: only public operations will succeed.
     *
     * @return the anonymous credentials
     */
    static Credentials none() {
        return None.INSTANCE;
    }

    /**
     * An API key, sent in the {@code X-API-Key} header of every request.
     *
     * @param key the key as issued
     * @return the credentials
     */
    static Credentials apiKey(String key) {
        return new ApiKey(key);
    }

    /**
     * OAuth2 client credentials (RFC 6749 §4.4): the client asks the token endpoint for an access token with its id
     * and secret (HTTP Basic), sends it as {@code Authorization: Bearer}, reuses it until shortly before it expires and
     * then fetches a new one.
     *
     * @param tokenUrl     the token endpoint, e.g. {@code https://sso.example/realms/epermit/protocol/openid-connect/token}
     * @param clientId     the client id
     * @param clientSecret the client secret
     * @param scopes       the scopes to ask for, none for the client's defaults
     * @return the credentials
     */
    static Credentials clientCredentials(URI tokenUrl, String clientId, String clientSecret, String... scopes) {
        return new ClientCredentials(tokenUrl, clientId, clientSecret, List.of(scopes));
    }

    /** No credentials. */
    final class None implements Credentials {
        static final None INSTANCE = new None();

        private None() {
        }

        /**
         * Describes the credentials.
         *
         * @return {@code "Credentials.none()"}
         */
        @Override
        public String toString() {
            return "Credentials.none()";
        }
    }

    /**
     * An API key.
     *
     * @param key the key; never shown by {@link #toString()}
     */
    record ApiKey(String key) implements Credentials {

        /**
         * Checks the key is present.
         *
         * @param key the key
         */
        public ApiKey {
            Objects.requireNonNull(key, "key");
            if (key.isBlank()) {
                throw new IllegalArgumentException("the API key is empty");
            }
        }

        /**
         * Describes the credentials without revealing the key.
         *
         * @return a masked description
         */
        @Override
        public String toString() {
            return "Credentials.apiKey(****)";
        }
    }

    /**
     * OAuth2 client credentials.
     *
     * @param tokenUrl     the token endpoint
     * @param clientId     the client id
     * @param clientSecret the client secret; never shown by {@link #toString()}
     * @param scopes       the scopes to ask for, empty for the client's defaults
     */
    record ClientCredentials(URI tokenUrl, String clientId, String clientSecret, List<String> scopes)
            implements Credentials {

        /**
         * Checks every part is present and copies the scopes.
         *
         * @param tokenUrl the token endpoint
         * @param clientId the client id
         * @param clientSecret the client secret
         * @param scopes the scopes
         */
        public ClientCredentials {
            Objects.requireNonNull(tokenUrl, "tokenUrl");
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(clientSecret, "clientSecret");
            scopes = List.copyOf(scopes);
            if (!tokenUrl.isAbsolute()) {
                throw new IllegalArgumentException("the token URL must be absolute, got " + tokenUrl);
            }
        }

        /**
         * Describes the credentials without revealing the secret.
         *
         * @return a masked description
         */
        @Override
        public String toString() {
            return "Credentials.clientCredentials(" + tokenUrl + ", " + clientId + ", ****, " + scopes + ")";
        }
    }
}
