package org.epermit.api.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.epermit.api.gateway.audit.AuditRecorder;
import org.epermit.api.client.ClientRegistry;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class AuditLogTest {

    @Inject
    ClientRegistry registry;

    @Inject
    AuditRecorder recorder;

    @Inject
    Pool pool;

    @Test
    void authenticated_reads_refusals_and_writes_are_audited_with_their_route_template() {
        var vendor = TestClients.vendor(registry);
        String admin = TestClients.admin(registry).apiKey();
        given().header("X-API-Key", vendor.apiKey()).header("X-Request-Id", "audit-read-0001").get("/v1/me").then().statusCode(200);
        given().header("X-API-Key", vendor.apiKey()).header("X-Request-Id", "audit-deny-0001").get("/v1/admin/clients").then().statusCode(403);
        given().header("X-API-Key", vendor.apiKey()).get("/v1/public/permits/91130200699229617X999P").then().statusCode(404);
        given().header("X-API-Key", admin).header("X-Request-Id", "audit-write-001").contentType("application/json")
                .body("{\"name\":\"renamed\"}").patch("/v1/admin/clients/{id}", vendor.client().id()).then().statusCode(200);
        awaitAudited("audit-write-001");

        String client = vendor.client().id().toString();
        given().header("X-API-Key", admin).queryParam("client", client).get("/v1/admin/audit").then().statusCode(200)
                .body("items.route", hasItem("/v1/me"))
                .body("items.route", hasItem("/v1/admin/clients"))
                .body("items.route", hasItem("/v1/public/permits/{permitNumber}"))
                .body("items.find { it.correlationId == 'audit-deny-0001' }.status", equalTo(403))
                .body("items.find { it.route == '/v1/public/permits/{permitNumber}' }.permitNumber", equalTo("91130200699229617X999P"))
                .body("items.find { it.correlationId == 'audit-read-0001' }.credentialType", equalTo("API_KEY"))
                .body("items.find { it.correlationId == 'audit-read-0001' }.bodySha256", nullValue());
        given().header("X-API-Key", admin).queryParam("path", "/v1/admin/clients/{id}").queryParam("status", 200)
                .get("/v1/admin/audit").then().statusCode(200)
                .body("items.find { it.correlationId == 'audit-write-001' }.method", equalTo("PATCH"))
                .body("items.find { it.correlationId == 'audit-write-001' }.bodySha256", notNullValue());
    }

    @Test
    void a_callers_request_id_is_recorded_as_its_correlation_id_and_never_as_ours() {
        var vendor = TestClients.vendor(registry);
        String admin = TestClients.admin(registry).apiKey();
        String theirs = "same-id-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String first = given().header("X-API-Key", vendor.apiKey()).header("X-Request-Id", theirs).get("/v1/me").then()
                .statusCode(200).header("X-Correlation-Id", theirs).extract().header("X-Request-Id");
        String second = given().header("X-API-Key", vendor.apiKey()).header("X-Correlation-Id", theirs).get("/v1/me").then()
                .statusCode(200).header("X-Correlation-Id", theirs).extract().header("X-Request-Id");
        assertThat(first).matches("[0-9a-f-]{36}").isNotEqualTo(second);
        assertThat(second).matches("[0-9a-f-]{36}");
        for (int i = 0; i < 50 && org.epermit.api.testing.Db.count(pool,
                "SELECT count(*) FROM audit_log WHERE correlation_id = $1", theirs) < 2; i++) {
            awaitAudited(theirs);
        }
        assertThat(org.epermit.api.testing.Db.strings(pool, "SELECT request_id FROM audit_log WHERE correlation_id = $1", theirs))
                .containsExactlyInAnyOrder(first, second);
        given().header("X-API-Key", admin).queryParam("correlationId", theirs).get("/v1/admin/audit").then().statusCode(200)
                .body("items.requestId", org.hamcrest.Matchers.containsInAnyOrder(first, second))
                .body("items.correlationId", org.hamcrest.Matchers.everyItem(equalTo(theirs)));
    }

    @Test
    void a_failed_authentication_is_audited_without_a_client() {
        given().header("X-API-Key", "epk_zzzzzzzzzzzzzzzz_" + "B".repeat(43)).header("X-Request-Id", "audit-401-0001")
                .get("/v1/me").then().statusCode(401);
        awaitAudited("audit-401-0001");
        var rows = pool.query("SELECT client_id, credential_type, status FROM audit_log WHERE correlation_id = 'audit-401-0001'")
                .execute().await().indefinitely();
        assertThat(rows.size()).isEqualTo(1);
        var row = rows.iterator().next();
        assertThat(row.getUUID(0)).isNull();
        assertThat(row.getString(1)).isEqualTo("API_KEY");
        assertThat(row.getInteger(2)).isEqualTo(401);
    }

    @Test
    void hostile_path_parameters_cannot_make_the_audit_log_lose_anyones_rows() {
        var vendor = TestClients.vendor(registry);
        String run = java.util.UUID.randomUUID().toString().substring(0, 8);
        String nul = "audit-nul-" + run;
        String tooLong = "audit-long-" + run;
        java.util.List<String> others = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String read = "audit-ok-" + run + "-" + i;
            String failedLogin = "audit-bad-" + run + "-" + i;
            others.add(read);
            others.add(failedLogin);
            given().header("X-API-Key", vendor.apiKey()).header("X-Request-Id", read).get("/v1/me").then().statusCode(200);
            // NUL, which PostgreSQL text refuses; 30 × ß in a varchar(22) (recorded in the lookup's case: only ASCII
            // letters are upper-cased, so it is not turned into SS either)
            given().urlEncodingEnabled(false).header("X-API-Key", vendor.apiKey()).header("X-Request-Id", nul + "-" + i)
                    .get("/v1/permits/%00").then().statusCode(400);
            given().urlEncodingEnabled(false).header("X-API-Key", vendor.apiKey()).header("X-Request-Id", tooLong + "-" + i)
                    .get("/v1/permits/" + "%C3%9F".repeat(30)).then().statusCode(400);
            given().header("X-API-Key", "epk_zzzzzzzzzzzzzzzz_" + "C".repeat(43)).header("X-Request-Id", failedLogin)
                    .get("/v1/me").then().statusCode(401);
        }
        for (String id : others) {
            awaitAudited(id);
        }
        for (int i = 0; i < 3; i++) {
            awaitAudited(nul + "-" + i);
            awaitAudited(tooLong + "-" + i);
        }
        assertThat(org.epermit.api.testing.Db.strings(pool, "SELECT permit_number FROM audit_log WHERE correlation_id = $1", nul + "-0"))
                .containsExactly("\\u0000");
        assertThat(org.epermit.api.testing.Db.strings(pool, "SELECT permit_number FROM audit_log WHERE correlation_id = $1", tooLong + "-0"))
                .containsExactly("ß".repeat(21) + "…");
    }

    /** A row is queued when the response has been written, which the client may see a moment earlier. */
    private void awaitAudited(String requestId) {
        for (int i = 0; i < 50; i++) {
            recorder.flush().await().indefinitely();
            if (pool.preparedQuery("SELECT count(*) FROM audit_log WHERE correlation_id = $1").execute(io.vertx.mutiny.sqlclient.Tuple.of(requestId))
                    .await().indefinitely().iterator().next().getLong(0) > 0) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("request " + requestId + " was not audited");
    }

    @Test
    void audit_time_filters_outside_the_years_1900_to_9999_are_errors() {
        String admin = TestClients.admin(registry).apiKey();
        given().header("X-API-Key", admin).queryParam("from", "+300000-01-01T00:00:00Z").queryParam("to", "1899-12-31T23:59:59Z")
                .get("/v1/admin/audit").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.path", org.hamcrest.Matchers.containsInAnyOrder("query.from", "query.to"))
                .body("errors.code", org.hamcrest.Matchers.everyItem(equalTo("RANGE")));
        given().header("X-API-Key", admin).queryParam("from", "1900-01-01T00:00:00Z").queryParam("to", "9999-12-31T23:59:59+08:00")
                .get("/v1/admin/audit").then().statusCode(200);
    }

    @Test
    void the_audit_log_cannot_be_altered() {
        given().header("X-API-Key", TestClients.admin(registry).apiKey()).get("/v1/me").then().statusCode(200);
        recorder.flush().await().indefinitely();
        assertThatThrownBy(() -> pool.query("UPDATE audit_log SET status = 200").execute().await().indefinitely())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> pool.query("DELETE FROM audit_log").execute().await().indefinitely())
                .hasMessageContaining("append-only");
    }

    @Test
    void anonymous_public_reads_are_not_audited() {
        given().header("X-Request-Id", "audit-anon-001").get("/v1/reference/pollutants").then().statusCode(200);
        recorder.flush().await().indefinitely();
        assertThat(pool.query("SELECT count(*) FROM audit_log WHERE correlation_id = 'audit-anon-001'").execute()
                .await().indefinitely().iterator().next().getLong(0)).isZero();
    }
}
