package org.epermit.api.gateway.auth;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.epermit.api.gateway.RegisteredClients;
import org.epermit.api.gateway.CredentialType;

import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * Resolves an API key to its client with one indexed read per request, so a revoked key or a suspended client
 * stops at once on every instance. Every failure looks the same to the caller.
 */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyAuthenticationRequest> {

    private final RegisteredClients clients;
    private final Clock clock;

    public ApiKeyIdentityProvider(RegisteredClients clients, Clock clock) {
        this.clients = clients;
        this.clock = clock;
    }

    @Override
    public Class<ApiKeyAuthenticationRequest> getRequestType() {
        return ApiKeyAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiKeyAuthenticationRequest request, AuthenticationRequestContext context) {
        ApiKeyFormat.Presented key = request.key();
        return clients.byApiKey(key.id()).map(found -> {
            RegisteredClients.KeyHolder holder = found.orElseThrow(AuthenticationFailedException::new);
            OffsetDateTime now = OffsetDateTime.now(clock);
            boolean usable = ApiKeyFormat.matches(key.secretSha256(), holder.secretSha256())
                    && holder.revokedAt() == null
                    && (holder.expiresAt() == null || holder.expiresAt().isAfter(now))
                    && holder.client().active();
            if (!usable) {
                throw new AuthenticationFailedException();
            }
            return CallerIdentity.of(holder.client().caller(CredentialType.API_KEY, "key:" + key.id()));
        });
    }
}
