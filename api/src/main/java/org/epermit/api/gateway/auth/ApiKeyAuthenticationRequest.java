package org.epermit.api.gateway.auth;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A presented API key, parsed. */
public class ApiKeyAuthenticationRequest extends BaseAuthenticationRequest {

    private final ApiKeyFormat.Presented key;

    public ApiKeyAuthenticationRequest(ApiKeyFormat.Presented key) {
        this.key = key;
    }

    public ApiKeyFormat.Presented key() {
        return key;
    }
}
