package org.epermit.api.gateway.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.epermit.api.gateway.TestClients;
import org.epermit.api.gateway.audit.AuditRecorder;
import org.epermit.api.client.ClientRegistry;
import org.epermit.api.testing.Db;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What anyone can send at no cost (rate-limited requests, oversized bodies, requests that match no operation) is
 * counted by reason, not written to the append-only audit log row by row; what an authenticated caller attempted at
 * an operation, and a failed authentication, still is. SmallPlansProfile: 4 anonymous requests per address, then
 * one a second; 127.0.0.1 is a trusted proxy, so X-Forwarded-For makes each test another address.
 */
@QuarkusTest
@TestProfile(SmallPlansProfile.class)
class UnrecordedRequestsTest {

    private static final List<String> REASONS = List.of("no_route", "rate_limited", "payload_too_large", "unauthenticated");

    @Inject
    AuditRecorder recorder;

    @Inject
    Pool pool;

    @Inject
    MeterRegistry registry;

    @Inject
    ClientRegistry clients;

    private static String freshAddress() {
        return "198.19." + ThreadLocalRandom.current().nextInt(256) + "." + ThreadLocalRandom.current().nextInt(1, 255);
    }

    private Map<String, Double> counted() {
        Map<String, Double> counts = new HashMap<>();
        for (String reason : REASONS) {
            var counter = registry.find("epermit.audit.requests.unrecorded").tag("reason", reason).counter();
            counts.put(reason, counter == null ? 0 : counter.count());
        }
        return counts;
    }

    /** The counters move once each response has been written, which the client may see a moment earlier. */
    private Map<String, Double> countedSince(Map<String, Double> before, Map<String, Integer> expected) throws InterruptedException {
        Map<String, Double> delta = new HashMap<>();
        for (int i = 0; i < 100; i++) {
            Map<String, Double> now = counted();
            REASONS.forEach(r -> delta.put(r, now.get(r) - before.get(r)));
            if (expected.entrySet().stream().allMatch(e -> delta.get(e.getKey()) >= e.getValue())) {
                break;
            }
            Thread.sleep(20);
        }
        return delta;
    }

    private long auditRows(String correlationPattern) throws InterruptedException {
        recorder.flush().await().indefinitely();
        Thread.sleep(300);  // longer than the batch period: a row would have been written by now
        recorder.flush().await().indefinitely();
        return Db.count(pool, "SELECT count(*) FROM audit_log WHERE correlation_id LIKE $1", correlationPattern);
    }

    @Test
    void anonymous_requests_refused_before_any_operation_are_counted_not_audited() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String address = freshAddress();
        Map<String, Double> before = counted();
        Map<Integer, Integer> statuses = new HashMap<>();
        for (int i = 0; i < 12; i++) {
            int status = given().header("X-Forwarded-For", address).header("X-Correlation-Id", "unrec-post-" + run + "-" + i)
                    .contentType("application/json").body("{}").post("/v1/public/permits").statusCode();
            statuses.merge(status, 1, Integer::sum);
        }
        assertThat(statuses.keySet()).containsExactlyInAnyOrder(405, 429);
        given().header("X-Forwarded-For", freshAddress()).header("X-Correlation-Id", "unrec-huge-" + run)
                .contentType("application/json").body("{\"name\":\"" + "x".repeat(1_100_000) + "\"}")
                .post("/v1/delegations").then().statusCode(413);
        given().header("X-Forwarded-For", freshAddress()).header("X-Correlation-Id", "unrec-anon-" + run)
                .contentType("application/json").body("{}").post("/v1/delegations").then().statusCode(401);

        Map<String, Double> delta = countedSince(before, Map.of("no_route", statuses.get(405),
                "rate_limited", statuses.get(429), "payload_too_large", 1, "unauthenticated", 1));
        assertThat(auditRows("unrec-%-" + run)).as("audit rows of anonymous refusals").isZero();
        assertThat(delta).containsEntry("no_route", (double) statuses.get(405))
                .containsEntry("rate_limited", (double) statuses.get(429))
                .containsEntry("payload_too_large", 1.0)
                .containsEntry("unauthenticated", 1.0);
    }

    @Test
    void an_authenticated_caller_is_audited_at_operations_and_counted_elsewhere_and_a_failed_login_is_audited()
            throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String key = TestClients.vendor(clients).apiKey();
        Map<String, Double> before = counted();
        given().header("X-Forwarded-For", freshAddress()).header("X-API-Key", key)
                .header("X-Correlation-Id", "unrec-op-" + run).get("/v1/me").then().statusCode(200);
        given().header("X-Forwarded-For", freshAddress()).header("X-API-Key", key)
                .header("X-Correlation-Id", "unrec-none-" + run).get("/v1/nothing-here").then().statusCode(404);
        given().header("X-Forwarded-For", freshAddress()).header("X-API-Key", "epk_zzzzzzzzzzzzzzzz_" + "E".repeat(43))
                .header("X-Correlation-Id", "unrec-bad-" + run).get("/v1/me").then().statusCode(401);

        assertThat(countedSince(before, Map.of("no_route", 1))).containsEntry("no_route", 1.0);
        assertThat(auditRows("unrec-op-" + run)).isEqualTo(1);
        assertThat(auditRows("unrec-bad-" + run)).as("a failed authentication is evidence: audited").isEqualTo(1);
        assertThat(auditRows("unrec-none-" + run)).isZero();
    }
}
