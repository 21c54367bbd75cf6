package org.epermit.api.gateway.write;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.epermit.api.gateway.Caller;
import org.epermit.api.gateway.audit.AuditRecorder;
import org.epermit.api.gateway.auth.CurrentCaller;
import org.epermit.api.gateway.idempotency.IdempotencyKey;
import org.epermit.api.gateway.idempotency.IdempotencyRecords;
import org.epermit.api.gateway.idempotency.StoredOutcome;
import org.epermit.api.problem.ApiException;
import org.epermit.api.problem.ErrorCode;
import org.epermit.api.problem.Message;

import java.net.URI;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one way a resource performs a write: in one database transaction it runs the write, stores its outcome under
 * the request's {@code Idempotency-Key} (POST only) and writes its audit row, which names the resource the write
 * acted on and the fields it changed ({@link WriteOutcome#resource()}), so an acknowledged write always has both and a
 * crash leaves none of the three. A retry of a stored request is answered from the record without
 * running the write again. A refused write (4xx) is rolled back and audited on its own, and its outcome is not
 * stored (docs/idempotency.md says why).
 */
@ApplicationScoped
public class WriteTransaction {

    private final Pool pool;
    private final CurrentVertxRequest request;
    private final CurrentCaller caller;
    private final IdempotencyRecords records;
    private final AuditRecorder audit;
    private final ObjectMapper json;

    public WriteTransaction(Pool pool, CurrentVertxRequest request, CurrentCaller caller, IdempotencyRecords records,
                            AuditRecorder audit, ObjectMapper json) {
        this.pool = pool;
        this.request = request;
        this.caller = caller;
        this.records = records;
        this.audit = audit;
        this.json = json;
    }

    /** Runs {@code write} in a transaction with everything it entails; see the class comment. */
    public Uni<Response> run(Function<SqlClient, Uni<WriteOutcome>> write) {
        RoutingContext rc = request.getCurrent();
        return Uni.createFrom().deferred(() -> {
                    Optional<IdempotencyKey> key = rc.request().method() == HttpMethod.POST
                            ? IdempotencyKey.of(rc.request().getHeader(IdempotencyKey.HEADER)) : Optional.empty();
                    key.ifPresent(k -> rc.put(AuditRecorder.IDEMPOTENCY_KEY, k.value()));
                    Caller who = caller.required();
                    return pool.withTransaction(tx -> key.isPresent()
                            ? idempotent(tx, rc, who, key.get(), write)
                            : execute(tx, write).flatMap(outcome -> audited(tx, rc, outcome, respond(outcome))));
                })
                .invoke(done -> AuditRecorder.markAudited(rc))
                .onFailure(ApiException.class).call(e -> auditRefusal(rc, (ApiException) e));
    }

    private Uni<Response> idempotent(SqlClient tx, RoutingContext rc, Caller who, IdempotencyKey key,
                                     Function<SqlClient, Uni<WriteOutcome>> write) {
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
            return execute(tx, write).flatMap(outcome -> records.store(tx, who.clientId(), key, new StoredOutcome(
                            digest, outcome.status(), location(outcome), serialise(outcome.bodyWithoutSecret()), outcome.showsSecret()))
                    .flatMap(done -> audited(tx, rc, outcome, respond(outcome))));
        });
    }

    private Uni<Response> replay(SqlClient tx, RoutingContext rc, byte[] digest, StoredOutcome stored) {
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

    private static Uni<WriteOutcome> execute(SqlClient tx, Function<SqlClient, Uni<WriteOutcome>> write) {
        return Uni.createFrom().deferred(() -> write.apply(tx));
    }

    private Uni<Response> audited(SqlClient tx, RoutingContext rc, WriteOutcome outcome, Response response) {
        return audit.recordNow(tx, rc, outcome.status(), outcome.resource()).replaceWith(response);
    }

    /** A refused write: its transaction is rolled back, so its row is written on its own, before the answer. */
    private Uni<Void> auditRefusal(RoutingContext rc, ApiException refusal) {
        return audit.recordNow(pool, rc, refusal.code().status(), null)
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
