package org.epermit.api.gateway.auth;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import org.epermit.api.gateway.Caller;

/**
 * The one shape of an authenticated identity, whatever the credential: the client id as principal, the caller's
 * roles, its scopes as string permissions, and the {@link Caller} as an attribute. API keys and bearer tokens both
 * end here, so authorisation never needs to know which credential was used.
 */
public final class CallerIdentity {

    private CallerIdentity() {
    }

    public static SecurityIdentity of(Caller caller) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(caller.clientId().toString()))
                .addRoles(caller.roles())
                .addPermissionsAsString(caller.scopes())
                .addAttribute(Caller.ATTRIBUTE, caller)
                .build();
    }
}
