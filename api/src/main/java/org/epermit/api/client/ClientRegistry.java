package org.epermit.api.client;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import org.epermit.api.client.ClientRequests.CreatedClient;
import org.epermit.api.client.ClientRequests.IssuedKey;
import org.epermit.api.client.ClientRequests.NewClient;
import org.epermit.api.common.FieldValidator;
import org.epermit.api.delegation.Delegations;
import org.epermit.api.gateway.GatewayConfig;
import org.epermit.api.gateway.TransactionSql;
import org.epermit.api.gateway.auth.ApiKeyFormat;
import org.epermit.api.gateway.ratelimit.RateLimitConfig;
import org.epermit.api.problem.ApiException;
import org.epermit.api.problem.ErrorCode;
import org.epermit.api.problem.FieldError;
import org.epermit.api.problem.Message;
import org.hibernate.exception.ConstraintViolationException;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The client registry: registering clients, changing them, issuing, rotating and revoking their keys. Writes change
 * the client aggregate's entities ({@link ApiClient}, {@link ApiKey}) in the session of the write's transaction
 * (WriteTransaction.runOnEntities, which also carries the idempotency record, the outbox event and the audit row), and
 * report the aggregate's new version; reads (the views) are one SQL query each, on the reactive client.
 */
@ApplicationScoped
public class ClientRegistry {

    private static final String SELECT_CLIENT = """
            SELECT c.id, c.name, c.organisation, c.contact_email, c.roles, c.scopes, c.region_code,
                   e.credit_code AS enterprise_credit_code, c.plan, c.status, c.oidc_client_id, c.created_at, c.updated_at,
                   coalesce((SELECT json_agg(json_build_object('id', k.id, 'createdAt', k.created_at,
                                                               'expiresAt', k.expires_at, 'revokedAt', k.revoked_at)
                                             ORDER BY k.created_at)
                             FROM api_key k WHERE k.client_id = c.id), '[]'::json) AS keys
            FROM api_client c LEFT JOIN enterprise e ON e.id = c.enterprise_id
            """;

    private final Pool pool;
    private final ApiClients clients;
    private final ApiKeys keys;
    private final GatewayConfig config;
    private final RateLimitConfig plans;
    private final Clock clock;
    private final Delegations delegations;

    public ClientRegistry(Pool pool, ApiClients clients, ApiKeys keys, GatewayConfig config, RateLimitConfig plans,
                          Clock clock, Delegations delegations) {
        this.pool = pool;
        this.clients = clients;
        this.keys = keys;
        this.config = config;
        this.plans = plans;
        this.clock = clock;
        this.delegations = delegations;
    }

    /**
     * What a write of the aggregate did: its result, the client as the write left it ({@code null} for a write of a key,
     * whose event tells only the key), the key a write of a key wrote, and its event's number.
     */
    record Written<T>(T result, ClientView client, ClientView.KeyView key, long sequence) {
    }

    /** The payload of a key's event: which key of which client, and its lifetime (never its secret). */
    record KeyEvent(java.util.UUID clientId, ClientView.KeyView key) {
    }

    /** A change's outcome, with the fields (as the API names them) it changed. */
    record Changed(ClientView client, List<String> changedFields, long sequence) {
    }

    /** Checks a registration's fields (before any transaction). */
    ClientCommands.Registration registration(NewClient body) {
        return ClientCommands.registration(body, config.defaultPlan(), plans.plans().keySet());
    }

    /** Checks a change's fields (before any transaction). */
    ClientCommands.Change change(ClientPatch patch) {
        return ClientCommands.change(patch, plans.plans().keySet());
    }

    /**
     * Registers a client in a transaction of its own, outside any request (tests set up their callers with it); the
     * API registers through WriteTransaction and {@link #create(TransactionSql, ClientCommands.Registration)}.
     */
    public Uni<CreatedClient> create(NewClient body) {
        ClientCommands.Registration registration = registration(body);
        return Uni.createFrom().item(() -> {
            try {
                return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession()
                        .flatMap(session -> create(TransactionSql.of(session), registration))).map(Written::result));
            } catch (RuntimeException e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Registers a client and issues its first key, in the write's session. */
    Uni<Written<CreatedClient>> create(TransactionSql tx, ClientCommands.Registration r) {
        OffsetDateTime now = now();
        ApiKeyFormat.NewKey key = ApiKeyFormat.generate();
        return enterpriseId(tx, r.enterpriseCreditCode()).flatMap(enterpriseId -> {
            ApiClient client = new ApiClient();
            client.id = UUID.randomUUID();
            client.name = r.name();
            client.organisation = r.organisation();
            client.contactEmail = r.contactEmail();
            client.roles = r.roles().toArray(String[]::new);
            client.scopes = r.scopes().toArray(String[]::new);
            client.regionCode = r.regionCode();
            client.enterpriseId = enterpriseId.orElse(null);
            client.plan = r.plan();
            client.status = "ACTIVE";
            client.oidcClientId = r.oidcClientId();
            client.createdAt = now;
            client.updatedAt = now;
            ApiKey first = newKey(client.id, key, now);
            // a new client's view needs no query: its unit's code was given, its one key is this one
            return clients.persist(client).flatMap(done -> keys.persist(first))
                    .flatMap(done -> flushed(client, r.enterpriseCreditCode(), List.of(first)))
                    .map(written -> new Written<>(new CreatedClient(written.client(), key.key()), written.client(), null, written.sequence()));
        });
    }

    public Uni<Optional<ClientView>> find(UUID id) {
        return pool.preparedQuery(SELECT_CLIENT + "WHERE c.id = $1").execute(Tuple.of(id))
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
     * the optional ones: contact, region, Keycloak client id), a value sets it. The client is read first and written
     * back with its version: a write that committed in between makes this one fail (CONCURRENT_MODIFICATION).
     */
    Uni<Changed> change(TransactionSql tx, UUID id, ClientCommands.Change c) {
        ClientPatch patch = c.patch();
        return existing(id).flatMap(client -> Administrators.keepingOne(tx, id, now(), clients::flush, () -> {
            Map<String, Object> before = client.apiFields();
            List<String> newRoles = c.roles() != null ? c.roles() : List.of(client.roles);
            List<String> newScopes = c.scopes() != null ? c.scopes() : List.of(client.scopes);
            String newRegion = patch.sends("regionCode") ? c.regionCode() : client.regionCode;
            FieldValidator rules = new FieldValidator();
            // an enterprise client's unit cannot be changed: the rule only asks whether it has one
            ClientCommands.roleRules(rules, newRoles, newScopes, newRegion,
                    client.enterpriseId == null ? null : client.enterpriseId.toString());
            rules.throwIfInvalid();
            if (c.name() != null) {
                client.name = c.name();
            }
            if (c.organisation() != null) {
                client.organisation = c.organisation();
            }
            if (patch.sends("contactEmail")) {
                client.contactEmail = c.contactEmail();
            }
            client.roles = newRoles.toArray(String[]::new);
            client.scopes = newScopes.toArray(String[]::new);
            client.regionCode = newRegion;
            if (c.plan() != null) {
                client.plan = c.plan();
            }
            if (c.status() != null) {
                client.status = c.status();
            }
            if (patch.sends("oidcClientId")) {
                client.oidcClientId = c.oidcClientId();
            }
            Map<String, Object> after = client.apiFields();
            List<String> changed = before.keySet().stream().filter(f -> !Objects.equals(before.get(f), after.get(f)))
                    .map(f -> f.equals("enterpriseId") ? "enterpriseCreditCode" : f).toList();
            client.updatedAt = now();  // also a change that changes nothing is a write: a new version, an event
            return flushed(client).map(written -> new Changed(written.client(), changed, written.sequence()));
        }));
    }

    /**
     * Deletes a client: it and all its keys stop at once, and the delegations naming it end with it; the row stays
     * for the audit log.
     */
    Uni<Written<Void>> delete(TransactionSql tx, UUID id) {
        OffsetDateTime now = now();
        return existing(id).flatMap(client -> Administrators.keepingOne(tx, id, now, clients::flush, () -> {
            client.status = "DELETED";
            client.updatedAt = now;  // also the delegations' revocation time: they read as ended by the deletion
            return keys.list("clientId = ?1 and revokedAt is null", id)
                    .invoke(live -> live.forEach(k -> k.revokedAt = now))
                    .flatMap(done -> delegations.endWithDeletedVendor(tx, id, now))
                    .flatMap(done -> flushed(client))
                    .map(written -> new Written<Void>(null, written.client(), null, written.sequence()));
        }));
    }

    /** A new key; the client's other live keys keep working for the configured overlap, then stop. */
    Uni<Written<IssuedKey>> rotate(UUID id) {
        ApiKeyFormat.NewKey key = ApiKeyFormat.generate();
        OffsetDateTime now = now();
        OffsetDateTime until = now.plus(config.keyRotationOverlap());
        return existing(id).flatMap(client -> {
            if (!"ACTIVE".equals(client.status)) {
                throw new ApiException(ErrorCode.CONFLICT, Message.of("Only an active client can get a new key.",
                        "只有处于启用状态的客户端才能获得新密钥。"));
            }
            client.updatedAt = now;  // a key is part of the client: its version guards both
            ApiKey issued = newKey(id, key, now);
            return keys.list("clientId = ?1 and revokedAt is null and (expiresAt is null or expiresAt > ?2)", id, until)
                    .invoke(overlapping -> overlapping.forEach(k -> k.expiresAt = until))
                    .flatMap(done -> keys.persist(issued))
                    .flatMap(done -> keyWritten(client, issued, new IssuedKey(key.id(), key.key(), until)));
        });
    }

    /** Revokes one key at once. */
    Uni<Written<Void>> revokeKey(TransactionSql tx, UUID id, String keyId) {
        OffsetDateTime now = now();
        return existing(id).flatMap(client -> Administrators.keepingOne(tx, id, now, clients::flush, () -> keys
                .find("id = ?1 and clientId = ?2 and revokedAt is null", keyId, id).firstResult()
                .flatMap(key -> {
                    if (key == null) {
                        throw noSuchKey();
                    }
                    key.revokedAt = now;
                    client.updatedAt = now;
                    return keyWritten(client, key, (Void) null);
                })));
    }

    static ApiException noSuchKey() {
        return new ApiException(ErrorCode.RESOURCE_NOT_FOUND, Message.of(
                "The client has no live key with that id.", "该客户端没有此编号的有效密钥。"));
    }

    private Uni<ApiClient> existing(UUID id) {
        return clients.findById(id).map(client -> {
            if (client == null || client.isDeleted()) {
                throw new ApiException(ErrorCode.CLIENT_NOT_FOUND,
                        Message.of("No API client has the id " + id + ".", "没有编号为" + id + "的接口客户端。"));
            }
            return client;
        });
    }

    /** Writes the session's changes now (so a taken Keycloak id or a stale version fails here) and views the result. */
    private Uni<Written<Void>> flushed(ApiClient client) {
        return flushed(client, null, null);
    }

    /** As {@link #flushed(ApiClient)}, with the client's unit's credit code and its keys when the write knows them. */
    private Uni<Written<Void>> flushed(ApiClient client, String knownCreditCode, List<ApiKey> knownKeys) {
        return clients.flush()
                .onFailure(ClientRegistry::uniqueViolation).transform(e -> new ApiException(ErrorCode.CONFLICT,
                        Message.of("Another client already uses this Keycloak client id.", "该 Keycloak 客户端编号已被其他客户端使用。"),
                        List.of(new FieldError("body.oidcClientId", "TAKEN", Message.of("is already in use", "已被使用")))))
                .flatMap(done -> entityView(client, knownCreditCode, knownKeys))
                .map(view -> new Written<>(null, view, null, client.eventSequence()));
    }

    /** A write of a key, flushed; its event tells the key (loading every key of the client would cost each rotation more). */
    private <T> Uni<Written<T>> keyWritten(ApiClient client, ApiKey key, T result) {
        return clients.flush().map(done -> new Written<>(result, null,
                new ClientView.KeyView(key.id, utc(key.createdAt), utc(key.expiresAt), utc(key.revokedAt)), client.eventSequence()));
    }

    private Uni<ClientView> entityView(ApiClient client, String knownCreditCode, List<ApiKey> knownKeys) {
        Uni<String> creditCode = client.enterpriseId == null || knownCreditCode != null ? Uni.createFrom().item(knownCreditCode)
                : Panache.getSession().flatMap(s -> TransactionSql.of(s)
                        .query("SELECT credit_code FROM enterprise WHERE id = $1", client.enterpriseId))
                .map(rows -> rows.get(0).string("credit_code"));
        Uni<List<ApiKey>> allKeys = knownKeys != null ? Uni.createFrom().item(knownKeys)
                : keys.list("clientId", Sort.by("createdAt"), client.id);
        return creditCode.flatMap(code -> allKeys.map(all -> new ClientView(
                client.id, client.name, client.organisation, client.contactEmail, List.of(client.roles),
                List.of(client.scopes), client.regionCode, code, client.plan, ClientView.ClientStatus.valueOf(client.status),
                client.oidcClientId, all.stream().map(k -> new ClientView.KeyView(k.id, utc(k.createdAt), utc(k.expiresAt),
                utc(k.revokedAt))).toList(), utc(client.createdAt), utc(client.updatedAt))));
    }

    private static ApiKey newKey(UUID clientId, ApiKeyFormat.NewKey key, OffsetDateTime now) {
        ApiKey k = new ApiKey();
        k.id = key.id();
        k.clientId = clientId;
        k.secretSha256 = key.secretSha256();
        k.createdAt = now;
        return k;
    }

    private static Uni<Optional<Long>> enterpriseId(TransactionSql tx, String creditCode) {
        if (creditCode == null) {
            return Uni.createFrom().item(Optional.empty());
        }
        return tx.query("SELECT id FROM enterprise WHERE credit_code = $1", creditCode).map(rows -> {
            if (rows.isEmpty()) {
                throw ApiException.validation(List.of(new FieldError("body.enterpriseCreditCode", "UNKNOWN_ENTERPRISE",
                        Message.of("no enterprise has this credit code", "没有使用该统一社会信用代码的排污单位"))));
            }
            return Optional.of(((Number) rows.get(0).get("id")).longValue());
        });
    }

    private static boolean uniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PgException pg && "23505".equals(pg.getSqlState())) {
                return true;
            }
            if (t instanceof ConstraintViolationException c && c.getKind() == ConstraintViolationException.ConstraintKind.UNIQUE) {
                return true;
            }
        }
        return false;
    }

    /** Times as the database keeps them: microseconds, and shown in UTC as every read shows them. */
    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    private static OffsetDateTime utc(OffsetDateTime t) {
        return t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static ClientView view(Row r) {
        JsonArray json = r.getJsonArray("keys");
        List<ClientView.KeyView> keys = new ArrayList<>();
        for (int i = 0; i < json.size(); i++) {
            JsonObject k = json.getJsonObject(i);
            keys.add(new ClientView.KeyView(k.getString("id"), time(k.getString("createdAt")),
                    time(k.getString("expiresAt")), time(k.getString("revokedAt"))));
        }
        return new ClientView(r.getUUID("id"), r.getString("name"), r.getString("organisation"), r.getString("contact_email"),
                Arrays.asList(r.getArrayOfStrings("roles")), Arrays.asList(r.getArrayOfStrings("scopes")),
                r.getString("region_code"), r.getString("enterprise_credit_code"), r.getString("plan"),
                ClientView.ClientStatus.valueOf(r.getString("status")), r.getString("oidc_client_id"), List.copyOf(keys),
                utc(r.getOffsetDateTime("created_at")), utc(r.getOffsetDateTime("updated_at")));
    }

    private static OffsetDateTime time(String iso) {
        return iso == null ? null : OffsetDateTime.parse(iso).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
