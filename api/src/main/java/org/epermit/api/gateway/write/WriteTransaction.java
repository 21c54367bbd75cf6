package org.epermit.api.gateway.write;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.epermit.api.common.RequestIds;
import org.epermit.api.gateway.Caller;
import org.epermit.api.gateway.TransactionSql;
import org.epermit.api.gateway.audit.AuditRecorder;
import org.epermit.api.gateway.auth.CurrentCaller;
import org.epermit.api.gateway.idempotency.IdempotencyKey;
import org.epermit.api.gateway.idempotency.IdempotencyRecords;
import org.epermit.api.gateway.idempotency.StoredOutcome;
import org.epermit.api.problem.ApiException;
import org.epermit.api.problem.ErrorCode;
import org.epermit.api.problem.Message;
import org.hibernate.StaleStateException;

import java.net.URI;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The one way a resource performs a write: in one database transaction it runs the write, stores its outcome under
 * the request's {@code Idempotency-Key} (POST only), appends the event of an aggregate's write to the outbox
 * ({@link Outbox}) and writes its audit row, which names the resource the write acted on and the fields it changed
 * ({@link WriteOutcome#resource()}), so an acknowledged write always has all of them and a crash leaves none. A retry
 * of a stored request is answered from the record without running the write again. A refused write (4xx) is rolled
 * back and audited on its own, and its outcome is not stored (docs/idempotency.md says why).
 *
 * <p>The write runs either on the reactive SQL client ({@link #run}: bulk and set-based writes) or on Hibernate
 * Reactive entities ({@link #runOnEntities}: domain aggregates, with optimistic locking). Either way the idempotency,
 * outbox and audit statements run on the same connection, in the same transaction ({@link TransactionSql}). A write of
 * entities is flushed before those statements, so a stale version (another write committed the same aggregate since
 * this one read it) fails the write with {@code CONCURRENT_MODIFICATION} (409) and nothing of it is kept.
 *
 * <p>Requests are validated before this is called: a request refused for its fields costs no transaction.
 */
@ApplicationScoped
public class WriteTransaction {

    private final Pool pool;
    private final CurrentVertxRequest request;
    private final CurrentCaller caller;
    private final IdempotencyRecords records;
    private final AuditRecorder audit;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final MeterRegistry registry;

    public WriteTransaction(Pool pool, CurrentVertxRequest request, CurrentCaller caller, IdempotencyRecords records,
                            AuditRecorder audit, Outbox outbox, ObjectMapper json, MeterRegistry registry) {
        this.pool = pool;
        this.request = request;
        this.caller = caller;
        this.records = records;
        this.audit = audit;
        this.outbox = outbox;
        this.json = json;
        this.registry = registry;
    }

    /** Runs {@code write} on the reactive SQL client, in a transaction with everything it entails; see the class comment. */
    public Uni<Response> run(Function<SqlClient, Uni<WriteOutcome>> write) {
        return perform(work -> pool.withTransaction(tx -> work.apply(TransactionSql.of(tx),
                Uni.createFrom().deferred(() -> write.apply(tx)))));
    }

    /**
     * Runs {@code write}, which changes Hibernate Reactive entities through the current Panache session and may run SQL
     * in the same transaction through the {@link TransactionSql} it is given; see the class comment.
     */
    public Uni<Response> runOnEntities(Function<TransactionSql, Uni<WriteOutcome>> write) {
        return perform(work -> Panache.withTransaction(() -> Panache.getSession().flatMap(session -> {
                    TransactionSql sql = TransactionSql.of(session);
                    return work.apply(sql, Uni.createFrom().deferred(() -> write.apply(sql)).call(done -> session.flush()));
                }))
                .onFailure(WriteTransaction::staleVersion).transform(stale -> new ApiException(ErrorCode.CONCURRENT_MODIFICATION,
                        Message.of("Another request changed this resource after this one read it, so this change was not made "
                                        + "(it would have overwritten the other). Read the resource again and retry the change if it still applies.",
                                "在本请求读取之后，另一请求修改了该资源，为避免覆盖对方的修改，本次修改未执行。请重新读取该资源，如仍需修改请重试。"))));
    }

    /** Opens the write's transaction and runs in it {@code work}: given the transaction's SQL and the write, its answer. */
    private interface Transaction {
        Uni<Response> open(BiFunction<TransactionSql, Uni<WriteOutcome>, Uni<Response>> work);
    }

    private Uni<Response> perform(Transaction transaction) {
        RoutingContext rc = request.getCurrent();
        AtomicBoolean opened = new AtomicBoolean();  // a malformed key is refused before any transaction: not counted
        return Uni.createFrom().deferred(() -> {
                    Optional<IdempotencyKey> key = rc.request().method() == HttpMethod.POST
                            ? IdempotencyKey.of(rc.request().getHeader(IdempotencyKey.HEADER)) : Optional.empty();
                    key.ifPresent(k -> rc.put(AuditRecorder.IDEMPOTENCY_KEY, k.value()));
                    Caller who = caller.required();
                    return transaction.open((tx, write) -> {
                        opened.set(true);
                        return key.isPresent()
                                ? idempotent(tx, rc, who, key.get(), write)
                                : write.flatMap(outcome -> entailed(tx, rc, outcome));
                    });
                })
                .invoke(done -> {
                    AuditRecorder.markAudited(rc);
                    count(opened, "committed");
                })
                .onFailure(ApiException.class).call(e -> {
                    count(opened, "refused");
                    return auditRefusal(rc, (ApiException) e);
                })
                .onFailure(e -> !(e instanceof ApiException)).invoke(e -> count(opened, "failed"));
    }

    /** What a write's outcome entails in its transaction: its event, if it wrote an aggregate, and its audit row. */
    private Uni<Response> entailed(TransactionSql tx, RoutingContext rc, WriteOutcome outcome) {
        Uni<Void> event = Uni.createFrom().voidItem();
        for (AggregateEvent e : outcome.events()) {
            event = event.flatMap(done -> outbox.append(tx, e, RequestIds.of(rc)));
        }
        return event.flatMap(done -> audited(tx, rc, outcome, respond(outcome)));
    }

    private void count(AtomicBoolean opened, String outcome) {
        if (!opened.get()) {
            return;
        }
        Counter.builder("epermit.write.transactions")
                .description("Write transactions opened, by how they ended: committed, refused (a 4xx, rolled back) or failed")
                .tag("outcome", outcome).register(registry).increment();
    }

    /** A stale version: Hibernate's optimistic lock found the row changed (or gone) since this session read it. */
    private static boolean staleVersion(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof StaleStateException || t instanceof OptimisticLockException) {
                return true;
            }
        }
        return false;
    }

    private Uni<Response> idempotent(TransactionSql tx, RoutingContext rc, Caller who, IdempotencyKey key,
                                     Uni<WriteOutcome> write) {
        byte[] digest = IdempotencyRecords.requestDigest(rc.request().method().name(), rc.request().uri(),
                rc.get(AuditRecorder.BODY_SHA256));
        return records.tryLock(tx, who.clientId(), key).flatMap(locked -> {
            if (!locked) {
                rc.response().putHeader("Retry-After", "1");
                throw new ApiException(ErrorCode.IDEMPOTENCY_IN_PROGRESS, Message.of(
                        "A request with this Idempotency-Key is still being processed. Retry it in a moment to get its outcome.",
                        "使用该幂等键的请求仍在处理中，请稍后重试以获取其结果。"));
            }
            return records.find(tx, who.clientId(), key);
        }).flatMap(stored -> {
            if (stored.isPresent()) {
                return replay(tx, rc, digest, stored.get());
            }
            return write.flatMap(outcome -> records.store(tx, who.clientId(), key, new StoredOutcome(
                            digest, outcome.status(), location(outcome), serialise(outcome.bodyWithoutSecret()), outcome.showsSecret()))
                    .flatMap(done -> entailed(tx, rc, outcome)));
        });
    }

    private Uni<Response> replay(TransactionSql tx, RoutingContext rc, byte[] digest, StoredOutcome stored) {
        if (!Arrays.equals(digest, stored.requestSha256())) {
            throw new ApiException(ErrorCode.IDEMPOTENCY_CONFLICT, Message.of(
                    "This Idempotency-Key was already used for a different request (method, path or body). Use a new key for a new request.",
                    "该幂等键已用于另一个请求（方法、路径或请求体不同）。新的请求请使用新的幂等键。"));
        }
        rc.put(AuditRecorder.REPLAYED, Boolean.TRUE);
        if (stored.secretWithheld()) {
            // The secret was shown in the first response and is not stored anywhere: answering 201 without it would
            // look like success to a caller that never saw the key. Say what was done and how to get a new key.
            rc.response().putHeader(IdempotencyKey.REPLAYED_HEADER, "true");
            if (stored.location() != null) {
                // absolute, as JAX-RS makes the Location of every other answer
                rc.response().putHeader(HttpHeaders.LOCATION,
                        URI.create(rc.request().absoluteURI()).resolve(stored.location()).toString());
            }
            throw new ApiException(ErrorCode.SECRET_ALREADY_SHOWN, Message.of(
                    "This request was already carried out" + (stored.location() == null ? "" : " (" + stored.location() + ")")
                            + "; the API key it issued was shown once, in its response, and is not kept. If that key is lost, "
                            + "rotate the client's key (POST /v1/admin/clients/{id}/keys).",
                    "该请求已执行" + (stored.location() == null ? "" : "（" + stored.location() + "）")
                            + "；其签发的 API 密钥仅在当时的响应中显示一次，不会保存。如密钥已丢失，请轮换该客户端的密钥（POST /v1/admin/clients/{id}/keys）。"));
        }
        Response.ResponseBuilder response = Response.status(stored.status()).header(IdempotencyKey.REPLAYED_HEADER, "true");
        if (stored.location() != null) {
            response.location(URI.create(stored.location()));
        }
        if (stored.body() != null) {
            response.entity(stored.body()).type(MediaType.APPLICATION_JSON_TYPE);
        }
        // the first request's row names the resource; this one is its replay (same Idempotency-Key, replayed: true)
        return audit.recordNow(tx, rc, stored.status(), null).replaceWith(response.build());
    }

    private Uni<Response> audited(TransactionSql tx, RoutingContext rc, WriteOutcome outcome, Response response) {
        return audit.recordNow(tx, rc, outcome.status(), outcome.resource()).replaceWith(response);
    }

    /** A refused write: its transaction is rolled back, so its row is written on its own, before the answer. */
    private Uni<Void> auditRefusal(RoutingContext rc, ApiException refusal) {
        return audit.recordNow(TransactionSql.of(pool), rc, refusal.code().status(), null)
                .invoke(done -> AuditRecorder.markAudited(rc))
                // left to the batch, which still records it after the response
                .onFailure().recoverWithNull();
    }

    private Response respond(WriteOutcome outcome) {
        Response.ResponseBuilder response = Response.status(outcome.status());
        if (outcome.location() != null) {
            response.location(outcome.location());
        }
        if (outcome.body() != null) {
            response.entity(serialise(outcome.body())).type(MediaType.APPLICATION_JSON_TYPE);
        }
        return response.build();
    }

    private static String location(WriteOutcome outcome) {
        return outcome.location() == null ? null : outcome.location().toString();
    }

    private String serialise(Object body) {
        if (body == null) {
            return null;
        }
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a response body could not be serialised", e);
        }
    }
}
