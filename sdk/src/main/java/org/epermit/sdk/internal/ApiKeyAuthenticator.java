package org.epermit.sdk.internal;

import java.time.Duration;

/** Sends an API key in {@code X-API-Key}. */
public final class ApiKeyAuthenticator implements Authenticator {

    /** The header the API reads keys from. */
    public static final String HEADER = "X-API-Key";

    private final Authorization authorization;

    /**
     * Creates the authenticator.
     *
     * @param key the API key
     */
    public ApiKeyAuthenticator(String key) {
        this.authorization = new Authorization(HEADER, key, false);
    }

    @Override
    public Authorization authorize(Duration timeout) {
        return authorization;
    }
}
