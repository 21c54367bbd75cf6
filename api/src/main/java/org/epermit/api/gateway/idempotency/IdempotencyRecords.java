package org.epermit.api.gateway.idempotency;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import org.epermit.api.gateway.TransactionSql;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** The stored outcomes of idempotent requests, read and written inside the write's own transaction. */
@ApplicationScoped
public class IdempotencyRecords {

    private final Pool pool;
    private final Vertx vertx;
    private final Clock clock;
    private final IdempotencyConfig config;
    private long timer = -1;

    public IdempotencyRecords(Pool pool, Vertx vertx, Clock clock, IdempotencyConfig config) {
        this.pool = pool;
        this.vertx = vertx;
        this.clock = clock;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(config.purgeInterval().toMillis(), id -> purge().subscribe().with(
                deleted -> Log.debugf("%d expired idempotency keys deleted", deleted),
                failure -> Log.warnf(failure, "expired idempotency keys could not be deleted; next try in %s", config.purgeInterval())));
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /**
     * Takes the key for this transaction, or tells that another transaction holds it (a request with the same key
     * still running). A transaction-scoped advisory lock rather than the primary key: waiting on the other's row lock
     * would hold a connection for the whole of the other write, and the caller learns nothing. Two keys whose 64-bit
     * lock ids collide only make one of them wait its turn (a 409), never share an outcome.
     */
    public Uni<Boolean> tryLock(TransactionSql tx, UUID client, IdempotencyKey key) {
        return tx.query("SELECT pg_try_advisory_xact_lock($1) AS locked", lockId(client, key))
                .map(rows -> rows.get(0).bool("locked"));
    }

    /** The outcome stored for the key, unless it has expired (an expired one is deleted, so the key starts afresh). */
    public Uni<Optional<StoredOutcome>> find(TransactionSql tx, UUID client, IdempotencyKey key) {
        return tx.query("""
                        SELECT request_sha256, status, location, body, secret_withheld, expires_at > $3 AS live
                        FROM idempotency_record WHERE client_id = $1 AND idempotency_key = $2""", client, key.value(), now())
                .flatMap(rows -> {
                    if (rows.isEmpty()) {
                        return Uni.createFrom().item(Optional.<StoredOutcome>empty());
                    }
                    TransactionSql.SqlRow r = rows.get(0);
                    if (!r.bool("live")) {
                        return tx.update("DELETE FROM idempotency_record WHERE client_id = $1 AND idempotency_key = $2",
                                client, key.value()).map(done -> Optional.<StoredOutcome>empty());
                    }
                    return Uni.createFrom().item(Optional.of(new StoredOutcome(r.bytes("request_sha256"), r.integer("status"),
                            r.string("location"), r.string("body"), r.bool("secret_withheld"))));
                });
    }

    public Uni<Void> store(TransactionSql tx, UUID client, IdempotencyKey key, StoredOutcome outcome) {
        OffsetDateTime now = now();
        return tx.update("""
                        INSERT INTO idempotency_record (client_id, idempotency_key, request_sha256, status, location, body,
                                                        secret_withheld, created_at, expires_at)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)""",
                        client, key.value(), outcome.requestSha256(), (short) outcome.status(), outcome.location(),
                        outcome.body(), outcome.secretWithheld(), now, now.plus(config.retention()))
                .replaceWithVoid();
    }

    /** Deletes the keys past their retention; returns how many. */
    public Uni<Integer> purge() {
        return pool.preparedQuery("DELETE FROM idempotency_record WHERE expires_at <= $1").execute(Tuple.of(now()))
                .map(rows -> rows.rowCount());
    }

    /** The digest a retry must match: method, path with query, and the body's SHA-256 (empty when none was read). */
    public static byte[] requestDigest(String method, String pathAndQuery, byte[] bodySha256) {
        MessageDigest digest = sha256();
        digest.update((method + "\n" + pathAndQuery + "\n").getBytes(StandardCharsets.UTF_8));
        if (bodySha256 != null) {
            digest.update(bodySha256);
        }
        return digest.digest();
    }

    /** Package-visible for the test that holds a key's lock to catch a request in flight. */
    static long lockId(UUID client, IdempotencyKey key) {
        MessageDigest digest = sha256();
        digest.update(("idempotency\n" + client + "\n" + key.value()).getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.wrap(digest.digest()).getLong();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
