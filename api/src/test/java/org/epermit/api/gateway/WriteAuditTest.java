package org.epermit.api.gateway;

import org.epermit.api.testing.DelegationTimes;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import org.epermit.api.gateway.audit.AuditRecorder;
import org.epermit.api.client.ClientRegistry;
import org.epermit.api.client.ClientRequests.CreatedClient;
import org.epermit.api.testing.Db;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Every write's audit row is committed with the write: it is in the log the moment the write is answered, without
 * waiting for the batch, and there is exactly one row per request.
 */
@QuarkusTest
class WriteAuditTest {

    @Inject
    ClientRegistry registry;

    @Inject
    AuditRecorder recorder;

    @Inject
    Pool pool;

    private CreatedClient admin;
    private CreatedClient vendor;
    private String creditCode;

    @BeforeEach
    void callers() {
        admin = TestClients.admin(registry);
        vendor = TestClients.vendor(registry);
        creditCode = Db.string(pool, "SELECT credit_code FROM enterprise WHERE NOT pseudo_credit_code ORDER BY credit_code LIMIT 1");
    }

    private String delegation() {
        return """
                {"enterpriseCreditCode": "%s", "vendorClientId": "%s", "scopes": ["permits:read"], "validTo": "%s"}"""
                .formatted(creditCode, vendor.client().id(), DelegationTimes.inAYear());
    }

    /** The rows of a request, read straight after its response: no flush of the batch, no waiting. */
    private List<Row> auditRows(String requestId) {
        return Db.rows(pool, "SELECT status, method, route, idempotency_key, replayed, client_id, body_sha256 FROM audit_log WHERE correlation_id = $1",
                requestId);
    }

    private List<Row> auditRowsAfterTheBatch(String requestId) throws InterruptedException {
        recorder.flush().await().indefinitely();
        Thread.sleep(300);  // longer than the batch period: a second row would have been written by now
        recorder.flush().await().indefinitely();
        return auditRows(requestId);
    }

    @Test
    void an_answered_post_has_its_audit_row_at_once_and_only_one() throws Exception {
        String requestId = "write-audit-" + UUID.randomUUID();
        given().header("X-API-Key", admin.apiKey()).header("X-Request-Id", requestId).header("Idempotency-Key", requestId)
                .contentType("application/json").body(delegation()).post("/v1/delegations").then().statusCode(201);

        List<Row> rows = auditRows(requestId);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).getInteger(0)).isEqualTo(201);
        assertThat(rows.get(0).getString(1)).isEqualTo("POST");
        assertThat(rows.get(0).getString(2)).isEqualTo("/v1/delegations");
        assertThat(rows.get(0).getString(3)).isEqualTo(requestId);
        assertThat(rows.get(0).getBoolean(4)).isFalse();
        assertThat(rows.get(0).getUUID(5)).isEqualTo(admin.client().id());
        assertThat(rows.get(0).getBuffer(6)).isNotNull();
        assertThat(auditRowsAfterTheBatch(requestId)).hasSize(1);
    }

    @Test
    void a_replay_is_audited_as_a_replay() throws Exception {
        String key = "replay-audit-" + UUID.randomUUID();
        // One body for both: a replay is the same request, and validTo moves with the clock.
        String body = delegation();
        given().header("X-API-Key", admin.apiKey()).header("Idempotency-Key", key)
                .contentType("application/json").body(body).post("/v1/delegations").then().statusCode(201);
        String requestId = "replay-audit-" + UUID.randomUUID();
        given().header("X-API-Key", admin.apiKey()).header("X-Request-Id", requestId).header("Idempotency-Key", key)
                .contentType("application/json").body(body).post("/v1/delegations").then().statusCode(201)
                .header("Idempotency-Replayed", "true");

        List<Row> rows = auditRows(requestId);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).getInteger(0)).isEqualTo(201);
        assertThat(rows.get(0).getBoolean(4)).isTrue();
        assertThat(auditRowsAfterTheBatch(requestId)).hasSize(1);
        given().header("X-API-Key", admin.apiKey()).queryParam("client", admin.client().id().toString())
                .get("/v1/admin/audit").then().statusCode(200)
                .body("items.find { it.correlationId == '" + requestId + "' }.replayed", equalTo(true))
                .body("items.find { it.correlationId == '" + requestId + "' }.idempotencyKey", equalTo(key));
    }

    @Test
    void a_refused_write_is_audited_at_once_though_its_transaction_rolled_back() throws Exception {
        String requestId = "refused-audit-" + UUID.randomUUID();
        given().header("X-API-Key", admin.apiKey()).header("X-Request-Id", requestId).contentType("application/json")
                .body(delegation().replace(vendor.client().id().toString(), admin.client().id().toString()))
                .post("/v1/delegations").then().statusCode(400);

        List<Row> rows = auditRows(requestId);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).getInteger(0)).isEqualTo(400);
        assertThat(auditRowsAfterTheBatch(requestId)).hasSize(1);
    }

    @Test
    void patch_and_delete_are_audited_with_their_write() throws Exception {
        String patch = "patch-audit-" + UUID.randomUUID();
        given().header("X-API-Key", admin.apiKey()).header("X-Request-Id", patch).contentType("application/json")
                .body("{\"name\":\"renamed\"}").patch("/v1/admin/clients/{id}", vendor.client().id()).then().statusCode(200);
        assertThat(auditRows(patch)).singleElement().satisfies(r -> {
            assertThat(r.getInteger(0)).isEqualTo(200);
            assertThat(r.getString(2)).isEqualTo("/v1/admin/clients/{id}");
        });
        String delete = "delete-audit-" + UUID.randomUUID();
        given().header("X-API-Key", admin.apiKey()).header("X-Request-Id", delete)
                .delete("/v1/admin/clients/{id}", vendor.client().id()).then().statusCode(204);
        assertThat(auditRows(delete)).singleElement().satisfies(r -> assertThat(r.getInteger(0)).isEqualTo(204));
        String missing = "delete-404-audit-" + UUID.randomUUID();
        given().header("X-API-Key", admin.apiKey()).header("X-Request-Id", missing)
                .delete("/v1/admin/clients/{id}", vendor.client().id()).then().statusCode(404);
        assertThat(auditRows(missing)).singleElement().satisfies(r -> assertThat(r.getInteger(0)).isEqualTo(404));
        assertThat(auditRowsAfterTheBatch(patch)).hasSize(1);
        assertThat(auditRowsAfterTheBatch(delete)).hasSize(1);
    }

    /** The resource a request's write acted on, as its audit row names it: type, id, changed fields. */
    private List<Object> resource(String correlationId) {
        List<Row> rows = Db.rows(pool, "SELECT resource_type, resource_id, changed_fields FROM audit_log WHERE correlation_id = $1",
                correlationId);
        assertThat(rows).hasSize(1);
        Row r = rows.get(0);
        return java.util.Arrays.asList(r.getString(0), r.getString(1),
                r.getArrayOfStrings(2) == null ? null : List.of(r.getArrayOfStrings(2)));
    }

    private String write(String method, String path, String body) {
        String correlationId = "resource-audit-" + UUID.randomUUID();
        var request = given().header("X-API-Key", admin.apiKey()).header("X-Correlation-Id", correlationId);
        if (body != null) {
            request = request.contentType("application/json").body(body);
        }
        request.request(method, path).then().statusCode(org.hamcrest.Matchers.lessThan(300));
        return correlationId;
    }

    @Test
    void every_write_names_the_resource_it_acted_on_and_the_fields_it_changed() {
        String created = write("POST", "/v1/delegations", delegation());
        String delegationId = Db.string(pool, "SELECT resource_id FROM audit_log WHERE correlation_id = $1", created);
        assertThat(resource(created)).containsExactly("delegation", delegationId, null);
        String revoked = write("DELETE", "/v1/delegations/" + delegationId, null);
        assertThat(resource(revoked)).containsExactly("delegation", delegationId, List.of("revokedAt"));
        String again = write("DELETE", "/v1/delegations/" + delegationId, null);
        assertThat(resource(again)).as("revoking it again changed nothing").containsExactly("delegation", delegationId, List.of());

        String client = vendor.client().id().toString();
        String patched = write("PATCH", "/v1/admin/clients/" + client, "{\"name\":\"renamed " + UUID.randomUUID() + "\", \"plan\":\"standard\"}");
        assertThat(resource(patched)).as("the plan was standard already").containsExactly("client", client, List.of("name"));
        String rotated = write("POST", "/v1/admin/clients/" + client + "/keys", null);
        String newKey = Db.string(pool, "SELECT id FROM api_key WHERE client_id = $1 ORDER BY created_at DESC LIMIT 1", vendor.client().id());
        assertThat(resource(rotated)).containsExactly("api_key", newKey, null);
        String revokedKey = write("DELETE", "/v1/admin/clients/" + client + "/keys/" + newKey, null);
        assertThat(resource(revokedKey)).containsExactly("api_key", newKey, List.of("revokedAt"));
        String deleted = write("DELETE", "/v1/admin/clients/" + client, null);
        assertThat(resource(deleted)).containsExactly("client", client, List.of("status"));
        String registered = write("POST", "/v1/admin/clients", """
                {"name": "Audited client", "organisation": "测试", "roles": ["vendor"], "scopes": ["permits:read"]}""");
        assertThat(resource(registered).get(0)).isEqualTo("client");

        // who revoked delegation X: the audit log answers
        given().header("X-API-Key", admin.apiKey()).queryParam("resourceType", "delegation").queryParam("resourceId", delegationId)
                .get("/v1/admin/audit").then().statusCode(200)
                .body("items.size()", equalTo(3))
                .body("items.find { it.correlationId == '" + revoked + "' }.clientId", equalTo(admin.client().id().toString()))
                .body("items.find { it.correlationId == '" + revoked + "' }.method", equalTo("DELETE"))
                .body("items.find { it.correlationId == '" + revoked + "' }.changedFields", equalTo(List.of("revokedAt")))
                .body("items.find { it.correlationId == '" + created + "' }.changedFields", org.hamcrest.Matchers.nullValue());
    }
}
