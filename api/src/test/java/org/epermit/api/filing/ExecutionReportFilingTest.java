package org.epermit.api.filing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.epermit.api.client.ClientRegistry;
import org.epermit.api.client.ClientRequests.CreatedClient;
import org.epermit.api.gateway.TestClients;
import org.epermit.api.testing.Db;
import org.epermit.sdk.receipt.ReceiptClaims;
import org.epermit.sdk.receipt.ReceiptVerificationException;
import org.epermit.sdk.receipt.ReceiptVerifier;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Filing execution reports through the API, on demo permits: the blank report filled in, evaluated, submitted with
 * its receipt, refused, corrected, read back by each role, and retried without duplicates.
 */
@QuarkusTest
public class ExecutionReportFilingTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ClientRegistry registry;

    @Inject
    Pool pool;

    /** The {@code nth} KEY permit held through 2024 and 2025 that requires annual and quarterly reports, and its enterprise's code. */
    String[] keyPermit(int nth) {
        return keyPermit(pool, nth);
    }

    public static String[] keyPermit(Pool pool, int nth) {
        String number = Db.string(pool, """
                SELECT p.permit_number FROM permit p
                WHERE p.category = 'KEY' AND p.status = 'VALID' AND p.valid_from < DATE '2024-01-01' AND p.valid_to > DATE '2026-12-31'
                  AND EXISTS (SELECT 1 FROM permit_report_obligation o WHERE o.permit_id = p.id AND o.report_type = 'QUARTERLY')
                  AND NOT EXISTS (SELECT 1 FROM permit_report_obligation o WHERE o.permit_id = p.id AND o.report_type = 'MONTHLY')
                  AND EXISTS (SELECT 1 FROM permit_annual_quantity q WHERE q.permit_id = p.id AND q.year = 2025)
                  AND EXISTS (SELECT 1 FROM permit_outlet o WHERE o.permit_id = p.id)
                  AND NOT EXISTS (SELECT 1 FROM permit_version v WHERE v.permit_id = p.id AND v.version > 1)
                ORDER BY p.permit_number OFFSET $1 LIMIT 1""", nth);
        String creditCode = Db.string(pool, "SELECT e.credit_code FROM permit p JOIN enterprise e ON e.id = p.enterprise_id WHERE p.permit_number = $1", number);
        return new String[] {number, creditCode};
    }

    CreatedClient delegatedVendor(String[] permit) {
        return TestClients.filingVendor(registry, permit[1], permit[0]);
    }

    public static ObjectNode blank(String key, String permit, String type, String period) {
        Response r = given().header("X-API-Key", key).queryParam("type", type).queryParam("period", period)
                .get("/v1/permits/{n}/execution-reports/blank", permit);
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
        return (ObjectNode) read(r.asString());
    }

    /** The blank report, completed: half the licensed quantity of each pollutant, every sample taken, everything confirmed. */
    public static ObjectNode completed(ObjectNode blank) {
        for (JsonNode e : blank.withArray("actualEmissions")) {
            ((ObjectNode) e).put("tonnes", new BigDecimal(e.get("licensedTonnes").asText()).divide(BigDecimal.valueOf(2)));
            ((ObjectNode) e).put("method", "MEASURED");
        }
        for (JsonNode m : blank.withArray("monitoring")) {
            ((ObjectNode) m).put("performedSamples", m.get("requiredSamples").asLong());
        }
        ObjectNode statements = blank.putObject("statements");
        statements.put("ledgerKept", true).put("disclosed", true).put("truthful", true);
        blank.putObject("signatory").put("name", "王建国").put("role", "法定代表人");
        // late by now (the test runs after the deadlines of 2025): the finding needs no explanation
        return blank;
    }

    public static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static Response submit(String key, String permit, JsonNode body) {
        return given().header("X-API-Key", key).contentType("application/json").body(body.toString())
                .post("/v1/permits/{n}/execution-reports", permit);
    }

    long reports(String permit) {
        return Db.count(pool, "SELECT count(*) FROM execution_report r JOIN permit p ON p.id = r.permit_id WHERE p.permit_number = $1", permit);
    }

    @Test
    void a_vendor_files_the_blank_report_completed_and_gets_a_receipt_that_verifies_offline() throws Exception {
        String[] permit = keyPermit(0);
        String key = delegatedVendor(permit).apiKey();
        ObjectNode report = completed(blank(key, permit[0], "ANNUAL", "2025"));

        Response evaluation = given().header("X-API-Key", key).contentType("application/json").body(report.toString())
                .post("/v1/permits/{n}/execution-reports/validation", permit[0]);
        assertThat(evaluation.statusCode()).isEqualTo(200);
        assertThat(evaluation.jsonPath().getBoolean("acceptable")).as(evaluation.asString()).isTrue();
        assertThat(evaluation.jsonPath().getList("findings.code")).containsExactly("LATE");
        assertThat(reports(permit[0])).as("an evaluation stores nothing").isZero();

        Response filed = submit(key, permit[0], report);
        assertThat(filed.statusCode()).as(filed.asString()).isEqualTo(201);
        long id = filed.jsonPath().getLong("id");
        assertThat(filed.header("Location")).endsWith("/v1/execution-reports/" + id);
        assertThat(filed.jsonPath().getString("type")).isEqualTo("ANNUAL");
        assertThat(filed.jsonPath().getBoolean("late")).isTrue();
        assertThat(filed.jsonPath().getList("versions.findings[0].code")).containsExactly("LATE");

        String jwks = given().get("/v1/receipts/keys").asString();
        ReceiptVerifier verifier = ReceiptVerifier.fromJwks(jwks);
        String jws = filed.jsonPath().getString("versions[0].receipt.jws");
        ReceiptClaims claims = verifier.verify(jws);
        assertThat(claims.permitNumber()).isEqualTo(permit[0]);
        assertThat(claims.reportId()).isEqualTo(id);
        assertThat(claims.period()).isEqualTo("2025");
        assertThat(claims.late()).isTrue();
        JsonNode stored = read(filed.asString()).at("/versions/0/content");
        assertThat(ReceiptVerifier.contentMatches(claims, stored)).isTrue();
        ((ObjectNode) stored.at("/actualEmissions/0")).put("tonnes", new BigDecimal("0.13"));
        assertThat(ReceiptVerifier.contentMatches(claims, stored)).as("a changed figure no longer matches the receipt").isFalse();
        char[] tampered = jws.toCharArray();
        int inPayload = jws.indexOf('.') + 5;
        tampered[inPayload] = tampered[inPayload] == 'A' ? 'B' : 'A';
        assertThatThrownBy(() -> verifier.verify(new String(tampered))).isInstanceOf(ReceiptVerificationException.class);

        Response again = submit(key, permit[0], report);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.jsonPath().getString("code")).isEqualTo("REPORT_EXISTS");
        assertThat(again.jsonPath().getString("detail")).contains("/v1/execution-reports/" + id);

        Response read = given().header("X-API-Key", key).get("/v1/execution-reports/{id}", id);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.jsonPath().getString("versions[0].receipt.jws")).isEqualTo(jws);
    }

    @Test
    void hard_errors_refuse_a_submission_with_every_failing_field_and_nothing_is_stored() {
        String[] permit = keyPermit(1);
        String key = delegatedVendor(permit).apiKey();
        ObjectNode report = completed(blank(key, permit[0], "ANNUAL", "2025"));
        ArrayNode emissions = report.withArray("actualEmissions");
        String dropped = emissions.get(0).get("pollutantCode").asText();
        emissions.remove(0);
        ((ObjectNode) emissions.get(0)).put("tonnes", -1);
        emissions.addObject().put("pollutantCode", "a99999").put("tonnes", 1).put("method", "ESTIMATED");

        Response refused = given().header("X-API-Key", key).header("Accept-Language", "zh-CN").contentType("application/json")
                .body(report.toString()).post("/v1/permits/{n}/execution-reports", permit[0]);
        assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.jsonPath().getString("code")).isEqualTo("FILING_REJECTED");
        assertThat(refused.jsonPath().getList("errors.code")).contains("VALUE_NEGATIVE", "POLLUTANT_NOT_LICENSED", "POLLUTANT_MISSING");
        assertThat(refused.jsonPath().getList("errors.path")).contains("/actualEmissions/0/tonnes",
                "/actualEmissions/" + (emissions.size() - 1) + "/pollutantCode", "/actualEmissions");
        assertThat(refused.asString()).contains(dropped).contains("缺少");
        assertThat(reports(permit[0])).isZero();
    }

    @Test
    void a_correction_adds_a_version_and_every_version_stays_readable() {
        String[] permit = keyPermit(2);
        String key = delegatedVendor(permit).apiKey();
        ObjectNode report = completed(blank(key, permit[0], "QUARTERLY", "2025-Q3"));
        Response filed = submit(key, permit[0], report);
        assertThat(filed.statusCode()).as(filed.asString()).isEqualTo(201);
        long id = filed.jsonPath().getLong("id");

        ObjectNode correction = report.deepCopy();
        correction.remove("type");
        correction.remove("period");
        ((ObjectNode) correction.withArray("actualEmissions").get(0)).put("tonnes", 0);
        Response corrected = given().header("X-API-Key", key).contentType("application/json").body(correction.toString())
                .post("/v1/execution-reports/{id}/corrections", id);
        assertThat(corrected.statusCode()).as(corrected.asString()).isEqualTo(201);
        assertThat(corrected.jsonPath().getInt("currentVersion")).isEqualTo(2);
        assertThat(corrected.jsonPath().getList("versions.number")).containsExactly(1, 2);
        assertThat(corrected.jsonPath().getList("versions[1].findings.code")).containsExactly("CORRECTED_AFTER_DEADLINE");
        assertThat(corrected.jsonPath().getBoolean("versions[1].afterDeadline")).isTrue();
        assertThat(corrected.jsonPath().getString("versions[0].content.actualEmissions[0].tonnes"))
                .isEqualTo(report.at("/actualEmissions/0/tonnes").asText());

        ObjectNode wrongPeriod = correction.deepCopy().put("period", "2025-Q2");
        Response mismatch = given().header("X-API-Key", key).contentType("application/json").body(wrongPeriod.toString())
                .post("/v1/execution-reports/{id}/corrections/validation", id);
        assertThat(mismatch.statusCode()).isEqualTo(200);
        assertThat(mismatch.jsonPath().getList("errors.code")).containsExactly("REPORT_MISMATCH");

        Response publicList = given().get("/v1/public/permits/{n}/execution-reports", permit[0]);
        assertThat(publicList.statusCode()).isEqualTo(200);
        assertThat(publicList.jsonPath().getList("items.period")).containsExactly("2025-Q3");
        assertThat(publicList.jsonPath().getInt("items[0].version")).isEqualTo(2);
        assertThat(publicList.jsonPath().getBoolean("items[0].onTime")).isFalse();
        assertThat(publicList.asString()).doesNotContain("王建国").doesNotContain("signatory");

        Response obligations = given().header("X-API-Key", key).queryParam("year", 2025).get("/v1/permits/{n}/obligations", permit[0]);
        assertThat(obligations.statusCode()).as(obligations.asString()).isEqualTo(200);
        List<String> statuses = obligations.jsonPath().getList("reports.findAll { it.period == '2025-Q3' }.status");
        assertThat(statuses).containsExactly("SUBMITTED_LATE");
        assertThat(obligations.jsonPath().getList("reports.findAll { it.period == '2025' }.status")).containsExactly("OVERDUE");
        assertThat(obligations.jsonPath().getList("reports.findAll { it.period == '2025-Q4' }.skipRule")).containsExactly("COVERED_BY_LONGER_REPORT");
        assertThat(obligations.jsonPath().getList("monitoring")).isNotEmpty();
    }

    @Test
    void eight_parallel_submissions_with_one_idempotency_key_file_one_report() throws Exception {
        String[] permit = keyPermit(3);
        String key = delegatedVendor(permit).apiKey();
        String body = completed(blank(key, permit[0], "QUARTERLY", "2025-Q2")).toString();
        String idempotencyKey = UUID.randomUUID().toString();
        List<Integer> statuses = parallel(8, () -> given().header("X-API-Key", key).header("Idempotency-Key", idempotencyKey)
                .contentType("application/json").body(body).post("/v1/permits/{n}/execution-reports", permit[0]).statusCode());
        assertThat(statuses).allMatch(s -> s == 201 || s == 409);
        assertThat(statuses).contains(201);
        assertThat(reports(permit[0])).isEqualTo(1);

        String other = completed(blank(key, permit[0], "QUARTERLY", "2025-Q1")).toString();
        List<Integer> withoutKey = parallel(8, () -> given().header("X-API-Key", key).contentType("application/json").body(other)
                .post("/v1/permits/{n}/execution-reports", permit[0]).statusCode());
        assertThat(withoutKey).filteredOn(s -> s == 201).hasSize(1);
        assertThat(withoutKey).filteredOn(s -> s == 409).hasSize(7);
        assertThat(reports(permit[0])).isEqualTo(2);
    }

    @Test
    void each_role_files_and_reads_only_what_it_may() {
        String[] permit = keyPermit(4);
        String vendorKey = delegatedVendor(permit).apiKey();
        String stranger = TestClients.vendor(registry).apiKey();
        String enterprise = TestClients.enterprise(registry, permit[1]).apiKey();
        String province = permit[0].substring(2, 4);
        String here = TestClients.regulator(registry, Db.string(pool, "SELECT province_code FROM permit WHERE permit_number = $1", permit[0])).apiKey();
        String elsewhere = TestClients.regulator(registry, Db.string(pool,
                "SELECT province_code FROM permit WHERE province_code <> (SELECT province_code FROM permit WHERE permit_number = $1) LIMIT 1", permit[0])).apiKey();

        assertThat(given().header("X-API-Key", stranger).queryParam("type", "ANNUAL").queryParam("period", "2024")
                .get("/v1/permits/{n}/execution-reports/blank", permit[0]).jsonPath().getString("code")).isEqualTo("NOT_DELEGATED");
        ObjectNode report = completed(blank(enterprise, permit[0], "ANNUAL", "2024"));
        assertThat(submit(here, permit[0], report).jsonPath().getString("code")).as("a regulator does not file").isEqualTo("INSUFFICIENT_SCOPE");
        Response filed = submit(enterprise, permit[0], report);
        assertThat(filed.statusCode()).as(filed.asString()).isEqualTo(201);
        long id = filed.jsonPath().getLong("id");

        assertThat(given().header("X-API-Key", vendorKey).get("/v1/execution-reports/{id}", id).statusCode()).isEqualTo(200);
        assertThat(given().header("X-API-Key", here).get("/v1/execution-reports/{id}", id).statusCode()).isEqualTo(200);
        assertThat(given().header("X-API-Key", elsewhere).get("/v1/execution-reports/{id}", id).jsonPath().getString("code")).isEqualTo("OUTSIDE_REGION");
        assertThat(given().header("X-API-Key", stranger).get("/v1/execution-reports/{id}", id).jsonPath().getString("code")).isEqualTo("NOT_DELEGATED");
        assertThat(given().header("X-API-Key", vendorKey).get("/v1/execution-reports/{id}", 999_999_999L).jsonPath().getString("code")).isEqualTo("REPORT_NOT_FOUND");
        assertThat(given().header("X-API-Key", here).get("/v1/permits/{n}/execution-reports", permit[0]).jsonPath().getList("items.id"))
                .containsExactly((int) id);
        assertThat(province).isNotBlank();
    }

    static <T> List<T> parallel(int n, Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(call));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }
}
