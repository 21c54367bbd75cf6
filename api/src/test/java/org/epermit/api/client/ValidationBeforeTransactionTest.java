package org.epermit.api.client;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import org.epermit.api.client.ClientRequests.CreatedClient;
import org.epermit.api.gateway.TestClients;
import org.epermit.api.gateway.audit.AuditRecorder;
import org.epermit.api.testing.Db;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItems;

/**
 * A request refused for its fields is refused before any transaction opens: no BEGIN, no lock, no rollback, no write
 * of its own; its one audit row is written like any other refused request of an authenticated caller (AuditRule), by
 * the batch after the response.
 */
@QuarkusTest
class ValidationBeforeTransactionTest {

    @Inject
    ClientRegistry registry;

    @Inject
    MeterRegistry meters;

    @Inject
    AuditRecorder recorder;

    @Inject
    Pool pool;

    private double writeTransactions() {
        return meters.find("epermit.write.transactions").counters().stream().mapToDouble(Counter::count).sum();
    }

    @Test
    void an_invalid_registration_or_change_opens_no_transaction_and_has_one_audit_row() {
        CreatedClient admin = TestClients.admin(registry);
        CreatedClient vendor = TestClients.vendor(registry);
        double before = writeTransactions();
        String post = "invalid-post-" + UUID.randomUUID();
        given().header("X-API-Key", admin.apiKey()).header("X-Correlation-Id", post).header("Idempotency-Key", post)
                .contentType("application/json").body("{\"name\": \"\", \"roles\": [\"pilot\"], \"scopes\": []}")
                .post("/v1/admin/clients").then().statusCode(400)
                .body("code", org.hamcrest.Matchers.equalTo("VALIDATION_FAILED"))
                .body("errors.path", hasItems("body.organisation", "body.roles[0]", "body.scopes"));
        String patch = "invalid-patch-" + UUID.randomUUID();
        given().header("X-API-Key", admin.apiKey()).header("X-Correlation-Id", patch)
                .contentType("application/json").body("{\"status\": \"GONE\", \"name\": null}")
                .patch("/v1/admin/clients/{id}", vendor.client().id()).then().statusCode(400)
                .body("errors.path", hasItems("body.status", "body.name"));
        assertThat(writeTransactions()).as("no write transaction was opened").isEqualTo(before);

        recorder.flush().await().indefinitely();
        for (String request : List.of(post, patch)) {
            List<Row> rows = Db.rows(pool, "SELECT status, resource_type, idempotency_key FROM audit_log WHERE correlation_id = $1", request);
            assertThat(rows).as("one audit row for " + request).singleElement().satisfies(r -> {
                assertThat(r.getInteger("status")).isEqualTo(400);
                assertThat(r.getString("resource_type")).isNull();
                assertThat(r.getString("idempotency_key")).as("the key the refused write was sent with")
                        .isEqualTo(request.equals(post) ? post : null);
            });
        }
        assertThat(Db.count(pool, "SELECT count(*) FROM idempotency_record WHERE idempotency_key = $1", post)).isZero();

        // a valid one opens exactly one
        given().header("X-API-Key", admin.apiKey()).contentType("application/json").body("{\"name\": \"valid\"}")
                .patch("/v1/admin/clients/{id}", vendor.client().id()).then().statusCode(200);
        assertThat(writeTransactions()).isEqualTo(before + 1);
    }
}
