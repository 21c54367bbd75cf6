package org.epermit.api.gateway;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who is calling, whatever the credential: an API key or (later) a Keycloak token both resolve to a registered
 * API client and end in this one principal.
 */
public record Caller(UUID clientId, String name, CredentialType credentialType, String subject, Set<String> scopes,
                     Set<String> roles, Optional<String> regionCode, Optional<Long> enterpriseId, String plan) {

    /** The {@code SecurityIdentity} attribute that carries the caller. */
    public static final String ATTRIBUTE = "epermit.caller";

    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
