package org.epermit.api.client;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import org.epermit.api.gateway.GatewayConfig;
import org.epermit.api.gateway.ratelimit.RateLimitConfig;
import org.epermit.api.gateway.auth.ApiKeyFormat;
import org.epermit.api.client.ClientRequests.ClientChange;
import org.epermit.api.client.ClientRequests.CreatedClient;
import org.epermit.api.client.ClientRequests.IssuedKey;
import org.epermit.api.client.ClientRequests.NewClient;
import org.epermit.api.delegation.Delegations;
import org.epermit.api.problem.ApiException;
import org.epermit.api.problem.ErrorCode;
import org.epermit.api.problem.FieldError;
import org.epermit.api.problem.Message;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The client registry: registering clients, changing them, issuing, rotating and revoking their keys. Each change
 * runs in the transaction it is given, which also carries its idempotency record and audit row (WriteTransaction).
 */
@ApplicationScoped
public class ClientRegistry {

    private static final String SELECT_CLIENT = """
            SELECT c.id, c.name, c.organisation, c.contact_email, c.roles, c.scopes, c.region_code, e.credit_code,
                   c.plan, c.status, c.oidc_client_id, c.created_at, c.updated_at,
                   coalesce((SELECT json_agg(json_build_object('id', k.id, 'createdAt', k.created_at,
                                                               'expiresAt', k.expires_at, 'revokedAt', k.revoked_at)
                                             ORDER BY k.created_at)
                             FROM api_key k WHERE k.client_id = c.id), '[]'::json)
            FROM api_client c LEFT JOIN enterprise e ON e.id = c.enterprise_id
            """;

    private final Pool pool;
    private final GatewayConfig config;
    private final RateLimitConfig plans;
    private final Clock clock;
    private final Delegations delegations;

    public ClientRegistry(Pool pool, GatewayConfig config, RateLimitConfig plans, Clock clock, Delegations delegations) {
        this.pool = pool;
        this.config = config;
        this.plans = plans;
        this.clock = clock;
        this.delegations = delegations;
    }

    /** Registers a client in a transaction of its own (tests, demo callers); the API goes through the one below. */
    public Uni<CreatedClient> create(NewClient body) {
        return pool.withTransaction(tx -> create(tx, body));
    }

    /** Registers a client and issues its first key, through the caller's transaction {@code tx}. */
    public Uni<CreatedClient> create(SqlClient tx, NewClient body) {
        if (body == null) {
            throw bodyRequired();
        }
        ClientValidation v = new ClientValidation();
        String name = v.text("body.name", body.name(), true);
        String organisation = v.text("body.organisation", body.organisation(), true);
        String email = v.email("body.contactEmail", body.contactEmail());
        List<String> roles = v.values("body.roles", body.roles(), ClientValidation.ROLES, true);
        List<String> scopes = v.values("body.scopes", body.scopes(), ClientValidation.SCOPES, true);
        String region = v.region("body.regionCode", body.regionCode());
        String creditCode = v.creditCode("body.enterpriseCreditCode", body.enterpriseCreditCode());
        String plan = v.oneOf("body.plan", body.plan() == null ? config.defaultPlan() : body.plan(), plans.plans().keySet());
        String oidc = v.text("body.oidcClientId", body.oidcClientId(), false);
        checkRoleRules(v, roles, scopes, region, body.enterpriseCreditCode());
        v.throwIfInvalid();

        UUID id = UUID.randomUUID();
        ApiKeyFormat.NewKey key = ApiKeyFormat.generate();
        return enterpriseId(tx, creditCode).flatMap(enterpriseId -> tx.preparedQuery("""
                        INSERT INTO api_client (id, name, organisation, contact_email, roles, scopes, region_code,
                                                enterprise_id, plan, status, oidc_client_id)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'ACTIVE', $10)""")
                .execute(Tuple.from(Arrays.asList(id, name, organisation, email, roles.toArray(String[]::new),
                        scopes.toArray(String[]::new), region, enterpriseId.orElse(null), plan, oidc)))
                .flatMap(done -> insertKey(tx, id, key)))
                .onFailure(PgException.class).transform(ClientRegistry::conflict)
                .flatMap(done -> find(tx, id))
                .map(view -> new CreatedClient(view.orElseThrow(), key.key()));
    }

    public Uni<Optional<ClientView>> find(UUID id) {
        return find(pool, id);
    }

    /** The client as {@code client} (a write's transaction) sees it, deleted ones included. */
    public static Uni<Optional<ClientView>> find(SqlClient client, UUID id) {
        return client.preparedQuery(SELECT_CLIENT + "WHERE c.id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(view(rows.iterator().next())));
    }

    /** Clients ordered by id, after {@code after}. */
    public Uni<List<ClientView>> list(Optional<UUID> after, int limit) {
        return pool.preparedQuery(SELECT_CLIENT + "WHERE c.status <> 'DELETED' AND c.id > $1 ORDER BY c.id LIMIT $2")
                .execute(Tuple.of(after.orElse(new UUID(0L, 0L)), limit))
                .map(rows -> {
                    List<ClientView> list = new ArrayList<>();
                    rows.forEach(r -> list.add(view(r)));
                    return list;
                });
    }

    /**
     * Applies a merge patch (RFC 7396) to a client: a member left out keeps its field, {@code null} clears it (only
     * the optional ones: contact, region, Keycloak client id), a value sets it.
     */
    public Uni<ClientView> change(SqlClient tx, UUID id, ClientPatch patch) {
        if (patch == null) {
            throw bodyRequired();
        }
        ClientChange body = patch.values();
        ClientValidation v = new ClientValidation();
        for (String required : List.of("name", "organisation", "roles", "scopes", "plan", "status")) {
            v.rule(!patch.clears(required), "body." + required, "REQUIRED", Message.of(
                    "cannot be cleared: leave it out to keep it as it is", "不能清空：如不修改请省略该字段"));
        }
        String name = v.text("body.name", body.name(), false);
        String organisation = v.text("body.organisation", body.organisation(), false);
        String email = v.email("body.contactEmail", body.contactEmail());
        List<String> roles = v.values("body.roles", body.roles(), ClientValidation.ROLES, false);
        List<String> scopes = v.values("body.scopes", body.scopes(), ClientValidation.SCOPES, false);
        String region = v.region("body.regionCode", body.regionCode());
        String plan = v.oneOf("body.plan", body.plan(), plans.plans().keySet());
        String status = v.oneOf("body.status", body.status(), ClientValidation.SETTABLE_STATUSES);
        String oidc = v.text("body.oidcClientId", body.oidcClientId(), false);
        v.throwIfInvalid();
        return Administrators.keepingOne(tx, id, OffsetDateTime.now(clock), () -> existing(tx, id).flatMap(current -> {
            ClientValidation rules = new ClientValidation();
            List<String> newRoles = roles != null ? roles : current.roles();
            List<String> newScopes = scopes != null ? scopes : current.scopes();
            String newEmail = patch.sends("contactEmail") ? email : current.contactEmail();
            String newRegion = patch.sends("regionCode") ? region : current.regionCode();
            String newOidc = patch.sends("oidcClientId") ? oidc : current.oidcClientId();
            checkRoleRules(rules, newRoles, newScopes, newRegion, current.enterpriseCreditCode());
            rules.throwIfInvalid();
            // the row is locked (Administrators), so writing back what was read loses no concurrent change
            return tx.preparedQuery("""
                            UPDATE api_client SET name = coalesce($2, name), organisation = coalesce($3, organisation),
                                   contact_email = $4, roles = $5, scopes = $6, region_code = $7, plan = coalesce($8, plan),
                                   status = coalesce($9, status), oidc_client_id = $10, updated_at = now()
                            WHERE id = $1""")
                    .execute(Tuple.from(Arrays.asList(id, name, organisation, newEmail, newRoles.toArray(String[]::new),
                            newScopes.toArray(String[]::new), newRegion, plan, status, newOidc)))
                    .onFailure(PgException.class).transform(ClientRegistry::conflict)
                    .flatMap(done -> find(tx, id)).map(Optional::orElseThrow);
        }));
    }

    /**
     * Deletes a client: it and all its keys stop at once, and the delegations naming it end with it; the row stays
     * for the audit log.
     */
    public Uni<Void> delete(SqlClient tx, UUID id) {
        return Administrators.keepingOne(tx, id, OffsetDateTime.now(clock), () -> existing(tx, id).flatMap(current -> tx
                .preparedQuery("UPDATE api_client SET status = 'DELETED', updated_at = now() WHERE id = $1").execute(Tuple.of(id))
                .flatMap(done -> tx.preparedQuery("UPDATE api_key SET revoked_at = now() WHERE client_id = $1 AND revoked_at IS NULL")
                        .execute(Tuple.of(id)))
                .flatMap(done -> delegations.endWithDeletedVendor(tx, id))));
    }

    /** A new key; the client's other live keys keep working for the configured overlap, then stop. */
    public Uni<IssuedKey> rotate(SqlClient tx, UUID id) {
        ApiKeyFormat.NewKey key = ApiKeyFormat.generate();
        OffsetDateTime until = OffsetDateTime.now(clock).plus(config.keyRotationOverlap());
        return existing(tx, id).flatMap(current -> {
            if (!"ACTIVE".equals(current.status().name())) {
                throw new ApiException(ErrorCode.CONFLICT, Message.of("Only an active client can get a new key.",
                        "只有处于启用状态的客户端才能获得新密钥。"));
            }
            return tx.preparedQuery("""
                            UPDATE api_key SET expires_at = $2
                            WHERE client_id = $1 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > $2)""")
                    .execute(Tuple.of(id, until))
                    .flatMap(done -> insertKey(tx, id, key));
        }).map(done -> new IssuedKey(key.id(), key.key(), until));
    }

    /** Revokes one key at once. */
    public Uni<Void> revokeKey(SqlClient tx, UUID id, String keyId) {
        if (!org.epermit.api.gateway.auth.ApiKeyFormat.isKeyId(keyId)) {
            // not a key id at all (it would reach the database as text it may refuse, a NUL): no key has it
            return Uni.createFrom().failure(new ApiException(ErrorCode.RESOURCE_NOT_FOUND, Message.of(
                    "The client has no live key with that id.", "该客户端没有此编号的有效密钥。")));
        }
        return Administrators.keepingOne(tx, id, OffsetDateTime.now(clock), () -> existing(tx, id).flatMap(c -> tx.preparedQuery(
                        "UPDATE api_key SET revoked_at = now() WHERE id = $1 AND client_id = $2 AND revoked_at IS NULL")
                .execute(Tuple.of(keyId, id))).map(rows -> {
            if (rows.rowCount() == 0) {
                throw new ApiException(ErrorCode.RESOURCE_NOT_FOUND, Message.of(
                        "The client has no live key with that id.", "该客户端没有此编号的有效密钥。"));
            }
            return null;
        }));
    }

    private static Uni<ClientView> existing(SqlClient tx, UUID id) {
        return find(tx, id).map(found -> found.filter(c -> c.status() != ClientView.ClientStatus.DELETED)
                .orElseThrow(() -> new ApiException(ErrorCode.CLIENT_NOT_FOUND,
                        Message.of("No API client has the id " + id + ".", "没有编号为" + id + "的接口客户端。"))));
    }

    private static Uni<Void> insertKey(SqlClient tx, UUID clientId, ApiKeyFormat.NewKey key) {
        return tx.preparedQuery("INSERT INTO api_key (id, client_id, secret_sha256) VALUES ($1, $2, $3)")
                .execute(Tuple.of(key.id(), clientId, Buffer.buffer(key.secretSha256()))).replaceWithVoid();
    }

    private static Uni<Optional<Long>> enterpriseId(SqlClient tx, String creditCode) {
        if (creditCode == null) {
            return Uni.createFrom().item(Optional.empty());
        }
        return tx.preparedQuery("SELECT id FROM enterprise WHERE credit_code = $1").execute(Tuple.of(creditCode))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw ApiException.validation(List.of(new FieldError("body.enterpriseCreditCode", "UNKNOWN_ENTERPRISE",
                                Message.of("no enterprise has this credit code", "没有使用该统一社会信用代码的排污单位"))));
                    }
                    return Optional.of(rows.iterator().next().getLong(0));
                });
    }

    private static void checkRoleRules(ClientValidation v, List<String> roles, List<String> scopes, String region,
                                       String enterpriseCreditCode) {
        if (roles == null || scopes == null) {
            return;
        }
        v.rule(!scopes.contains("admin") || roles.contains("admin"), "body.scopes", "ROLE_REQUIRED",
                Message.of("the admin scope is only for clients with the admin role", "admin 权限范围仅限具有 admin 角色的客户端"));
        v.rule(!roles.contains("regulator") || region != null, "body.regionCode", "REQUIRED",
                Message.of("is required for a regulator", "监管部门客户端必须填写"));
        v.rule(!roles.contains("enterprise") || enterpriseCreditCode != null, "body.enterpriseCreditCode", "REQUIRED",
                Message.of("is required for an enterprise client", "排污单位客户端必须填写"));
    }

    private static Throwable conflict(Throwable failure) {
        if (failure instanceof PgException pg && "23505".equals(pg.getSqlState())) {
            return new ApiException(ErrorCode.CONFLICT, Message.of("Another client already uses this Keycloak client id.",
                    "该 Keycloak 客户端编号已被其他客户端使用。"),
                    List.of(new FieldError("body.oidcClientId", "TAKEN", Message.of("is already in use", "已被使用"))));
        }
        return failure;
    }

    private static ApiException bodyRequired() {
        return ApiException.validation(List.of(new FieldError("body", "REQUIRED", Message.of("is required", "为必填项"))));
    }

    private static ClientView view(Row r) {
        List<ClientView.KeyView> keys = new ArrayList<>();
        var json = r.getJsonArray(13);
        for (int i = 0; i < json.size(); i++) {
            var k = json.getJsonObject(i);
            keys.add(new ClientView.KeyView(k.getString("id"), time(k.getString("createdAt")),
                    time(k.getString("expiresAt")), time(k.getString("revokedAt"))));
        }
        return new ClientView(r.getUUID(0), r.getString(1), r.getString(2), r.getString(3),
                List.of(r.getArrayOfStrings(4)), List.of(r.getArrayOfStrings(5)), r.getString(6), r.getString(7),
                r.getString(8), ClientView.ClientStatus.valueOf(r.getString(9)), r.getString(10), List.copyOf(keys),
                r.getOffsetDateTime(11), r.getOffsetDateTime(12));
    }

    private static OffsetDateTime time(String iso) {
        return iso == null ? null : OffsetDateTime.parse(iso);
    }
}
