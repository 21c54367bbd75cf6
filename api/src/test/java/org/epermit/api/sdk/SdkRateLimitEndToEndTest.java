package org.epermit.api.sdk;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.epermit.api.gateway.TestClients;
import org.epermit.api.gateway.audit.AuditRecorder;
import org.epermit.api.client.ClientRegistry;
import org.epermit.api.client.ClientRequests.CreatedClient;
import org.epermit.api.testing.Db;
import org.epermit.sdk.Credentials;
import org.epermit.sdk.EPermitClient;
import org.epermit.sdk.RequestOptions;
import org.epermit.sdk.errors.RateLimitedException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SDK meeting the service's real rate limit ({@link TinyPlanProfile}: bursts of 2, one more call per second):
 * with retries it waits the 429's {@code Retry-After} and the call succeeds; without, it throws
 * {@link RateLimitedException} with what the service said. The attempt that was served is in the audit log under
 * the correlation id the SDK's call sends on each of its attempts; the 429s before it are counted
 * (epermit.audit.requests.unrecorded, reason rate_limited), not audited row by row.
 */
@QuarkusTest
@TestProfile(TinyPlanProfile.class)
class SdkRateLimitEndToEndTest {

    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);   // the plan's refill: one call per second

    @TestHTTPResource("/")
    URL base;

    @Inject
    ClientRegistry registry;

    @Inject
    AuditRecorder recorder;

    @Inject
    io.micrometer.core.instrument.MeterRegistry meters;

    @Inject
    Pool pool;

    private EPermitClient.Builder sdk(CreatedClient client) {
        return EPermitClient.builder().baseUrl(base.toString()).appInfo("sdk-e2e/1")
                .credentials(Credentials.apiKey(client.apiKey()));
    }

    @Test
    void calls_beyond_the_burst_wait_for_retry_after_then_succeed() {
        CreatedClient client = TestClients.onPlan(registry, TinyPlanProfile.PLAN);
        // A backoff far shorter than Retry-After: a retry that waited a second waited for Retry-After.
        EPermitClient sdk = sdk(client).maxRetries(2).retryBackoff(Duration.ofMillis(50), Duration.ofMillis(100)).build();

        double limitedBefore = rateLimited();
        Map<String, Long> millisByCorrelationId = new LinkedHashMap<>();
        for (int i = 0; i < TinyPlanProfile.BURST + 3; i++) {
            String correlationId = "sdk-rate-limit-" + UUID.randomUUID() + "-" + i;
            long started = System.nanoTime();
            var me = sdk.me().get(RequestOptions.builder().header("X-Correlation-Id", correlationId).build());
            millisByCorrelationId.put(correlationId, (System.nanoTime() - started) / 1_000_000);
            assertThat(me.getClientId()).isEqualTo(client.client().id());
        }

        Map<String, List<Attempt>> attempts = audited(client, millisByCorrelationId.keySet(), 200);
        List<String> ids = new ArrayList<>(millisByCorrelationId.keySet());
        for (String id : ids) {
            assertThat(attempts.get(id)).as("the served attempt, once").extracting(Attempt::status).containsExactly(200);
        }
        List<String> retried = new ArrayList<>();
        for (String id : ids.subList(TinyPlanProfile.BURST, ids.size())) {
            // served at once only if the machine stalled a second between calls and a token came back meanwhile
            if (millisByCorrelationId.get(id) >= RETRY_AFTER.toMillis() - 100) {
                retried.add(id);
                assertThat(millisByCorrelationId.get(id)).as("the call's time: about Retry-After")
                        .isBetween(RETRY_AFTER.toMillis() - 100, RETRY_AFTER.toMillis() + 5_000);
            }
        }
        assertThat(retried).as("calls beyond the burst were refused once and retried").isNotEmpty();
        assertThat(rateLimited() - limitedBefore).as("one 429 per retried call").isEqualTo(retried.size());
    }

    private double rateLimited() {
        var counter = meters.find("epermit.audit.requests.unrecorded").tag("reason", "rate_limited").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void without_retries_the_sdk_throws_rate_limited_with_retry_after_and_the_request_id() throws InterruptedException {
        CreatedClient client = TestClients.onPlan(registry, TinyPlanProfile.PLAN);
        EPermitClient sdk = sdk(client).maxRetries(0).build();

        RateLimitedException refused = null;
        int calls = 0;
        while (refused == null && calls < TinyPlanProfile.BURST + 5) {
            calls++;
            try {
                sdk.me().get();
            } catch (RateLimitedException e) {
                refused = e;
            }
        }
        assertThat(refused).as("refused within a few calls past the burst of " + TinyPlanProfile.BURST).isNotNull();
        assertThat(calls).isGreaterThan(TinyPlanProfile.BURST);
        assertThat(refused.getStatusCode()).isEqualTo(429);
        assertThat(refused.getCode()).isEqualTo("RATE_LIMITED");
        assertThat(refused.isQuotaExceeded()).isFalse();
        assertThat(refused.getRetryAfter()).contains(RETRY_AFTER);
        assertThat(refused.getAttempts()).as("not retried").isEqualTo(1);
        assertThat(refused.getMessage()).contains("wait at least 1 s");
        // the request id is the service's own; a 429 is counted, not audited row by row
        String requestId = refused.getRequestId();
        assertThat(requestId).matches("[0-9a-f-]{36}");
        recorder.flush().await().indefinitely();
        assertThat(Db.count(pool, "SELECT count(*) FROM audit_log WHERE request_id = $1", requestId)).isZero();

        // and Retry-After is true: after it, the same client is served again
        Thread.sleep(RETRY_AFTER.toMillis());
        assertThat(sdk.me().get().getClientId()).isEqualTo(client.client().id());
    }

    private record Attempt(int status, OffsetDateTime at) {
    }

    /**
     * The audit log's rows of {@code client} under each correlation id, in the order they were answered, once each id's
     * last attempt (answered {@code finalStatus}) is written: rows are queued after each response and written in
     * order, in batches.
     */
    private Map<String, List<Attempt>> audited(CreatedClient client, java.util.Collection<String> correlationIds,
                                               int finalStatus) {
        String[] ids = correlationIds.toArray(String[]::new);
        for (int i = 0; i < 100; i++) {
            recorder.flush().await().indefinitely();
            if (Db.count(pool, "SELECT count(DISTINCT correlation_id) FROM audit_log WHERE correlation_id = ANY ($1) "
                    + "AND status = $2", ids, finalStatus) == ids.length) {
                break;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        Map<String, List<Attempt>> byId = new LinkedHashMap<>();
        for (Row row : Db.rows(pool, "SELECT correlation_id, status, occurred_at, client_id FROM audit_log "
                + "WHERE correlation_id = ANY ($1) ORDER BY occurred_at", (Object) ids)) {
            assertThat(row.getUUID("client_id")).isEqualTo(client.client().id());
            byId.computeIfAbsent(row.getString("correlation_id"), k -> new ArrayList<>())
                    .add(new Attempt(row.getInteger("status"), row.getOffsetDateTime("occurred_at")));
        }
        assertThat(byId.keySet()).as("every request audited").containsExactlyInAnyOrderElementsOf(correlationIds);
        return byId;
    }
}
