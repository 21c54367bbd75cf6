package org.epermit.api.client;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.epermit.api.delegation.Vendors;
import org.epermit.api.gateway.RegisteredClients;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who a credential belongs to, for the gateway ({@link RegisteredClients}): one indexed read per authenticated request,
 * on the reactive SQL client (the hot path: no ORM mapping), so a revoked key or a suspended client stops at once on
 * every instance. The one mapping from an {@code api_client} row to a registration is {@link #registration(Row)}.
 * It also tells the delegation feature what a delegation shows of its vendor ({@link Vendors}).
 */
@ApplicationScoped
public class ClientDirectory implements RegisteredClients, Vendors {

    private static final String CLIENT_COLUMNS =
            "c.id, c.name, c.roles, c.scopes, c.region_code, c.enterprise_id, c.plan, c.status";

    private final Pool pool;

    public ClientDirectory(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<Optional<KeyHolder>> byApiKey(String keyId) {
        return pool.preparedQuery("SELECT k.secret_sha256, k.expires_at, k.revoked_at, " + CLIENT_COLUMNS
                        + " FROM api_key k JOIN api_client c ON c.id = k.client_id WHERE k.id = $1")
                .execute(Tuple.of(keyId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next()).map(r -> new KeyHolder(
                        registration(r), r.getBuffer("secret_sha256").getBytes(), r.getOffsetDateTime("expires_at"),
                        r.getOffsetDateTime("revoked_at"))));
    }

    @Override
    public Uni<Optional<Registration>> byOidcClient(String oidcClientId) {
        return one(pool, "SELECT " + CLIENT_COLUMNS + " FROM api_client c WHERE c.oidc_client_id = $1", oidcClientId);
    }

    @Override
    public Uni<Optional<Registration>> byId(SqlClient client, UUID id) {
        return one(client, "SELECT " + CLIENT_COLUMNS + " FROM api_client c WHERE c.id = $1", id);
    }

    @Override
    public Uni<Map<UUID, Vendor>> byIds(SqlClient client, Set<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return client.preparedQuery("SELECT id, name, status, updated_at FROM api_client WHERE id = ANY ($1)")
                .execute(Tuple.of(ids.toArray(UUID[]::new))).map(rows -> {
                    Map<UUID, Vendor> found = new HashMap<>();
                    rows.forEach(r -> found.put(r.getUUID("id"), new Vendor(r.getString("name"),
                            "DELETED".equals(r.getString("status")), r.getOffsetDateTime("updated_at"))));
                    return found;
                });
    }

    private static Uni<Optional<Registration>> one(SqlClient client, String sql, Object key) {
        return client.preparedQuery(sql).execute(Tuple.of(key))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(registration(rows.iterator().next())));
    }

    private static Registration registration(Row r) {
        return new Registration(r.getUUID("id"), r.getString("name"), setOf(r.getArrayOfStrings("roles")),
                setOf(r.getArrayOfStrings("scopes")), Optional.ofNullable(r.getString("region_code")),
                Optional.ofNullable(r.getLong("enterprise_id")), r.getString("plan"), r.getString("status"));
    }

    private static Set<String> setOf(String[] values) {
        return Set.copyOf(Arrays.asList(values));
    }
}
