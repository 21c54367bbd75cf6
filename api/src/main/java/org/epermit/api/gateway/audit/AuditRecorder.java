package org.epermit.api.gateway.audit;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.mutiny.core.Vertx;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.epermit.api.gateway.Caller;
import org.epermit.api.gateway.CallerAddresses;
import org.epermit.api.gateway.CredentialType;
import org.epermit.api.gateway.TransactionSql;
import org.epermit.api.common.RequestIds;
import org.epermit.api.gateway.idempotency.IdempotencyKey;
import org.epermit.api.gateway.auth.ApiKeyAuthenticationMechanism;
import org.epermit.api.gateway.auth.CredentialHeaders;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Records in the append-only audit log the requests {@link AuditRule} says are worth a row, and counts the others.
 * A write's row is written in the write's own transaction ({@link #recordNow}, used by WriteTransaction), so an
 * acknowledged write is never without its row; every other row is written after the response, in batches, so
 * auditing a read adds no database round trip to its latency.
 */
@ApplicationScoped
public class AuditRecorder {

    /** RoutingContext keys set by {@link AuditRouteFilter}. */
    public static final String ROUTE = "epermit.audit.route";
    public static final String PERMIT_NUMBER = "epermit.audit.permit-number";
    public static final String BODY_SHA256 = "epermit.audit.body-sha256";
    public static final String CALLER = "epermit.audit.caller";
    /** Set once the request's row is written (in its write's transaction): the batch then leaves it alone. */
    public static final String AUDITED = "epermit.audit.audited";
    /** The request's valid Idempotency-Key, and whether its answer was replayed rather than executed. */
    public static final String IDEMPOTENCY_KEY = "epermit.audit.idempotency-key";
    public static final String REPLAYED = "epermit.audit.replayed";
    private static final String STARTED = "epermit.audit.started";

    private static final int MAX_QUEUED = 100_000;
    private static final int BATCH = 1000;

    private final Pool pool;
    private final Vertx vertx;
    private final CallerAddresses addresses;
    private final MeterRegistry registry;
    private final ConcurrentLinkedQueue<AuditRow> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private long timer = -1;
    private java.util.concurrent.CompletableFuture<Void> tail = java.util.concurrent.CompletableFuture.completedFuture(null);

    public AuditRecorder(Pool pool, Vertx vertx, CallerAddresses addresses, MeterRegistry registry) {
        this.pool = pool;
        this.vertx = vertx;
        this.addresses = addresses;
        this.registry = registry;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(rc -> {
            long started = System.nanoTime();
            rc.put(STARTED, started);
            rc.addBodyEndHandler(ignored -> record(rc, started));
            rc.next();
        });
        timer = vertx.setPeriodic(250, id -> flush());
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        flush().await().atMost(java.time.Duration.ofSeconds(10));
    }

    /**
     * Writes the request's row now, through {@code client} (a write's transaction, so the row commits with the write),
     * with the status its response will carry and the resource the write acted on ({@code null} if it acted on none).
     * Once it has succeeded, call {@link #markAudited} so the batch skips the request.
     */
    public Uni<Void> recordNow(TransactionSql client, RoutingContext rc, int status, AuditedResource resource) {
        Long started = rc.get(STARTED);
        return client.update(AuditRow.INSERT, row(rc, started == null ? System.nanoTime() : started, status, resource).values())
                .replaceWithVoid();
    }

    public static void markAudited(RoutingContext rc) {
        rc.put(AUDITED, Boolean.TRUE);
    }

    private void record(RoutingContext rc, long started) {
        if (rc.get(AUDITED) != null) {
            return;  // written in the write's own transaction
        }
        int status = rc.response().getStatusCode();
        boolean presentedCredentials = rc.request().getHeader(ApiKeyAuthenticationMechanism.HEADER) != null
                || CredentialHeaders.hasBearerToken(rc.request());
        AuditRule.Verdict verdict = AuditRule.of(caller(rc) != null, presentedCredentials, rc.get(ROUTE) != null, status);
        if (verdict.recorded()) {
            enqueue(row(rc, started, status, null));
        } else if (verdict.countedAs() != null) {
            Counter.builder("epermit.audit.requests.unrecorded")
                    .description("Requests counted instead of audited row by row (see AuditRule), by reason")
                    .tag("reason", verdict.countedAs()).register(registry).increment();
        }
    }

    /** Queues a row for the next batch; a full queue loses it, counted and logged, never silently. */
    void enqueue(AuditRow row) {
        if (queued.incrementAndGet() > MAX_QUEUED) {
            queued.decrementAndGet();
            lost("queue_full", List.of(row), null);
            return;
        }
        queue.add(row);
    }

    private AuditRow row(RoutingContext rc, long started, int status, AuditedResource resource) {
        HttpMethod method = rc.request().method();
        Caller caller = caller(rc);
        CredentialType type = caller != null ? caller.credentialType()
                : rc.request().getHeader(ApiKeyAuthenticationMechanism.HEADER) != null ? CredentialType.API_KEY
                : CredentialHeaders.hasBearerToken(rc.request()) ? CredentialType.OAUTH2 : CredentialType.ANONYMOUS;
        String route = rc.get(ROUTE);
        // The caller's address as the rate limiter counts it (behind a trusted proxy, the address the proxy forwarded
        // for), so that a row names the address the rate limits and the brute-force lockout counted.
        String address = addresses.of(rc).getHostAddress();
        BigDecimal latency = BigDecimal.valueOf((System.nanoTime() - started) / 1_000L, 3).setScale(3, RoundingMode.HALF_UP);
        return new AuditRow(OffsetDateTime.now(), caller == null ? null : caller.clientId(),
                caller == null ? null : caller.subject(), type, method.name(), route != null ? route : "(no route)",
                rc.get(PERMIT_NUMBER), status, latency, RequestIds.of(rc), rc.get(BODY_SHA256), address,
                idempotencyKey(rc, method), Boolean.TRUE.equals(rc.get(REPLAYED)), RequestIds.correlationOf(rc).orElse(null),
                resource == null ? null : resource.type(), resource == null ? null : resource.id(),
                resource == null ? null : resource.changedFields());
    }

    /**
     * The write's Idempotency-Key: as the write transaction read it, or, for a POST refused before it opened one (its
     * fields, its path), the header as sent when it is a well-formed key.
     */
    private static String idempotencyKey(RoutingContext rc, HttpMethod method) {
        String read = rc.get(IDEMPOTENCY_KEY);
        if (read != null || method != HttpMethod.POST) {
            return read;
        }
        String sent = rc.request().getHeader(IdempotencyKey.HEADER);
        return IdempotencyKey.wellFormed(sent) ? sent : null;
    }

    private static Caller caller(RoutingContext rc) {
        Caller matched = rc.get(CALLER);
        if (matched != null) {
            return matched;
        }
        if (rc.user() instanceof QuarkusHttpUser user) {
            SecurityIdentity identity = user.getSecurityIdentity();
            return identity.isAnonymous() ? null : identity.getAttribute(Caller.ATTRIBUTE);
        }
        return null;
    }

    /**
     * Writes what is queued. Flushes run one after another, so a caller that waits for this (tests, shutdown)
     * also waits for a batch the timer already took.
     */
    public synchronized Uni<Void> flush() {
        tail = tail.thenCompose(previous -> writeQueued().subscribeAsCompletionStage());
        return Uni.createFrom().completionStage(tail);
    }

    private Uni<Void> writeQueued() {
        List<AuditRow> batch = new ArrayList<>();
        for (AuditRow row; batch.size() < BATCH && (row = queue.poll()) != null; ) {
            batch.add(row);
        }
        if (batch.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        queued.addAndGet(-batch.size());
        return write(batch)
                .onFailure().recoverWithItem(e -> {
                    lost("refused", batch, e);  // write() recovers by itself; this keeps the flush chain alive regardless
                    return null;
                })
                .flatMap(done -> queue.isEmpty() ? Uni.createFrom().voidItem() : writeQueued());
    }

    /**
     * One statement for the whole batch, which is all or nothing; if it fails, each row on its own, so that a row the
     * database refuses takes no other row with it.
     */
    private Uni<Void> write(List<AuditRow> batch) {
        return pool.preparedQuery(AuditRow.INSERT).executeBatch(batch.stream().map(AuditRow::tuple).toList()).replaceWithVoid()
                .onFailure().recoverWithUni(batchFailure -> {
                    Log.warnf("a batch of %d audit rows was refused (%s); writing them one by one", batch.size(),
                            batchFailure.getMessage());
                    List<AuditRow> refused = new java.util.concurrent.CopyOnWriteArrayList<>();
                    List<Throwable> causes = new java.util.concurrent.CopyOnWriteArrayList<>();
                    return Multi.createFrom().iterable(batch)
                            .onItem().transformToUniAndConcatenate(row -> pool.preparedQuery(AuditRow.INSERT)
                                    .execute(row.tuple()).replaceWithVoid()
                                    .onFailure().recoverWithItem(e -> {
                                        refused.add(row);
                                        causes.add(e);
                                        return null;
                                    }))
                            .collect().last()
                            .invoke(done -> {
                                if (!refused.isEmpty()) {
                                    lost("refused", refused, causes.get(0));
                                }
                            })
                            .replaceWithVoid();
                });
    }

    /** Rows that will never be written: counted, and logged with their request ids so the gap can be traced. */
    private void lost(String reason, List<AuditRow> rows, Throwable cause) {
        Counter.builder("epermit.audit.rows.lost").description("Audit rows that could not be written")
                .tag("reason", reason).register(registry).increment(rows.size());
        Log.errorf(cause, "%d audit row(s) lost (%s): request ids %s", rows.size(), reason,
                String.join(", ", rows.stream().map(AuditRow::requestId).toList()));
    }
}
