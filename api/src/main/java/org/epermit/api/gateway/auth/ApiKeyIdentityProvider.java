package org.epermit.api.gateway.auth;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.epermit.api.gateway.Caller;
import org.epermit.api.gateway.CredentialType;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Resolves an API key to its client with one indexed read per request, so a revoked key or a suspended client
 * stops at once on every instance. Every failure looks the same to the caller.
 */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyAuthenticationRequest> {

    static final String LOOKUP = """
            SELECT k.secret_sha256, k.expires_at, k.revoked_at, c.id, c.name, c.roles, c.scopes, c.region_code,
                   c.enterprise_id, c.plan, c.status
            FROM api_key k JOIN api_client c ON c.id = k.client_id
            WHERE k.id = $1""";

    private final Pool pool;
    private final Clock clock;

    public ApiKeyIdentityProvider(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    @Override
    public Class<ApiKeyAuthenticationRequest> getRequestType() {
        return ApiKeyAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiKeyAuthenticationRequest request, AuthenticationRequestContext context) {
        ApiKeyFormat.Presented key = request.key();
        return pool.preparedQuery(LOOKUP).execute(Tuple.of(key.id())).map(rows -> {
            var it = rows.iterator();
            if (!it.hasNext()) {
                throw new AuthenticationFailedException();
            }
            Row r = it.next();
            OffsetDateTime now = OffsetDateTime.now(clock);
            OffsetDateTime expires = r.getOffsetDateTime(1);
            boolean usable = ApiKeyFormat.matches(key.secretSha256(), r.getBuffer(0).getBytes())
                    && r.getOffsetDateTime(2) == null
                    && (expires == null || expires.isAfter(now))
                    && "ACTIVE".equals(r.getString(10));
            if (!usable) {
                throw new AuthenticationFailedException();
            }
            Caller caller = new Caller(r.getUUID(3), r.getString(4), CredentialType.API_KEY, "key:" + key.id(),
                    Set.copyOf(Arrays.asList(r.getArrayOfStrings(6))), Set.copyOf(Arrays.asList(r.getArrayOfStrings(5))),
                    Optional.ofNullable(r.getString(7)), Optional.ofNullable(r.getLong(8)), r.getString(9));
            return CallerIdentity.of(caller);
        });
    }
}
