package org.epermit.api.gateway;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who is calling, whatever the credential: an API key or a Keycloak bearer token both resolve to a registered
 * API client and end in this one principal.
 */
public record Caller(UUID clientId, String name, CredentialType credentialType, String subject, Set<String> scopes,
                     Set<String> roles, Optional<String> regionCode, Optional<Long> enterpriseId, String plan) {

    /** The {@code SecurityIdentity} attribute that carries the caller. */
    public static final String ATTRIBUTE = "epermit.caller";

    /** The roles a client can hold; anything else a credential claims is ignored. */
    public static final Set<String> ROLES = Set.of("vendor", "enterprise", "regulator", "admin");

    /** The scopes a client can hold; anything else a credential claims is ignored. */
    public static final Set<String> SCOPES = Set.of("permits:read", "filings:write", "applications:write", "reviews:write", "stats:read", "admin");

    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
