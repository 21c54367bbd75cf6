package org.epermit.api.filing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import org.epermit.api.client.ClientRegistry;
import org.epermit.api.gateway.TestClients;
import org.epermit.api.testing.Db;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cross-checks of a report against the monitoring records we hold for its period, end to end: records sent through
 * the API (or, for a quarter of hourly data, written straight into the table) show up in the blank report, and a
 * report that contradicts them is caught.
 */
@QuarkusTest
public class CrossCheckTest {

    @Inject
    ClientRegistry registry;

    @Inject
    Pool pool;

    /**
     * A KEY permit held through 2025, requiring quarterly reports, with an air pollutant licensed for 2025 that only one
     * outlet discharges, monitored automatically there with the flue-gas flow: its number, credit code, outlet, pollutant.
     */
    Row permit(int nth) {
        return Db.rows(pool, """
                SELECT p.permit_number, e.credit_code, o.code AS outlet, op.pollutant_code AS pollutant, op.limit_value
                FROM permit p JOIN enterprise e ON e.id = p.enterprise_id
                JOIN permit_outlet o ON o.permit_id = p.id
                JOIN permit_outlet_pollutant op ON op.outlet_id = o.id
                WHERE p.category = 'KEY' AND p.status = 'VALID' AND p.valid_from < DATE '2024-01-01' AND p.valid_to > DATE '2026-12-31'
                  AND NOT EXISTS (SELECT 1 FROM permit_version v WHERE v.permit_id = p.id AND v.version > 1)
                  AND EXISTS (SELECT 1 FROM permit_report_obligation r WHERE r.permit_id = p.id AND r.report_type = 'QUARTERLY')
                  AND op.monitoring_mode = 'AUTOMATIC' AND op.limit_value IS NOT NULL AND op.pollutant_code LIKE 'a%'
                  AND EXISTS (SELECT 1 FROM permit_annual_quantity q WHERE q.permit_id = p.id AND q.year = 2025 AND q.pollutant_code = op.pollutant_code)
                  AND EXISTS (SELECT 1 FROM permit_outlet_pollutant f WHERE f.outlet_id = o.id AND f.pollutant_code = 'a00000' AND f.monitoring_mode = 'AUTOMATIC')
                  AND (SELECT count(*) FROM permit_outlet o2 JOIN permit_outlet_pollutant op2 ON op2.outlet_id = o2.id
                       WHERE o2.permit_id = p.id AND op2.pollutant_code = op.pollutant_code) = 1
                ORDER BY p.permit_number DESC, o.code, op.pollutant_code OFFSET $1 LIMIT 1""", nth).get(0);
    }

    String vendorFor(Row p) {
        var vendor = TestClients.filingVendor(registry, p.getString("credit_code"), p.getString("permit_number"));
        return vendor.apiKey();
    }

    @Test
    void an_exceedance_in_the_records_is_in_the_blank_report_and_undeclared_it_needs_an_explanation() {
        Row p = permit(0);
        String number = p.getString("permit_number");
        String key = vendorFor(p);
        BigDecimal above = p.getBigDecimal("limit_value").add(BigDecimal.TEN);
        Response sent = given().header("X-API-Key", key).contentType("application/json").body("""
                        {"records": [
                          {"outletCode": "%1$s", "pollutantCode": "%2$s", "kind": "AUTOMATIC", "averaging": "HOURLY", "from": "2025-08-02T03:00:00+08:00", "value": %3$s, "unit": "mg/m3"},
                          {"outletCode": "%1$s", "pollutantCode": "%2$s", "kind": "AUTOMATIC", "averaging": "HOURLY", "from": "2025-08-02T04:00:00+08:00", "value": 1, "unit": "mg/m3"}
                        ]}""".formatted(p.getString("outlet"), p.getString("pollutant"), above.toPlainString()))
                .post("/v1/permits/{n}/monitoring-records", number);
        assertThat(sent.statusCode()).as(sent.asString()).isIn(200, 201);

        ObjectNode report = ExecutionReportFilingTest.completed(ExecutionReportFilingTest.blank(key, number, "QUARTERLY", "2025-Q3"));
        assertThat(report.withArray("exceedances")).hasSize(1);
        JsonNode prefilled = report.withArray("exceedances").get(0);
        assertThat(prefilled.get("outletCode").asText()).isEqualTo(p.getString("outlet"));
        assertThat(new BigDecimal(prefilled.get("measuredValue").asText())).isEqualByComparingTo(above);

        ObjectNode undeclared = report.deepCopy();
        undeclared.putArray("exceedances");
        Response evaluation = given().header("X-API-Key", key).contentType("application/json").body(undeclared.toString())
                .post("/v1/permits/{n}/execution-reports/validation", number);
        assertThat(evaluation.jsonPath().getList("explanationsRequired.code")).contains("UNDECLARED_EXCEEDANCE");
        assertThat(evaluation.jsonPath().getList("errors.code")).contains("EXPLANATION_REQUIRED");

        ((ObjectNode) report.withArray("exceedances").get(0)).put("reason", "脱硝喷氨调节滞后").put("measures", "已优化控制逻辑");
        acknowledgeWhatNeedsIt(key, number, report);
        Response filed = ExecutionReportFilingTest.submit(key, number, report);
        assertThat(filed.statusCode()).as(filed.asString()).isEqualTo(201);
        assertThat(filed.jsonPath().getList("versions[0].findings.code")).contains("EXCEEDANCES_DECLARED").doesNotContain("UNDECLARED_EXCEEDANCE");

        Response compliance = given().header("X-API-Key", key).queryParam("year", 2025).get("/v1/permits/{n}/compliance", number);
        assertThat(compliance.statusCode()).as(compliance.asString()).isEqualTo(200);
        assertThat(compliance.jsonPath().getList("exceedances.findAll { it.outletCode == '" + p.getString("outlet") + "' && it.pollutantCode == '"
                + p.getString("pollutant") + "' }.recorded")).containsExactly(1);
        assertThat(compliance.jsonPath().getList("exceedances.findAll { it.outletCode == '" + p.getString("outlet") + "' && it.pollutantCode == '"
                + p.getString("pollutant") + "' }.declared")).containsExactly(1);
        assertThat(compliance.jsonPath().getInt("reports.submitted")).isEqualTo(1);
    }

    /** What a vendor does with an evaluation: an explanation for each finding that needs one. */
    public static void acknowledgeWhatNeedsIt(String key, String number, ObjectNode report) {
        Response evaluation = given().header("X-API-Key", key).contentType("application/json").body(report.toString())
                .post("/v1/permits/{n}/execution-reports/validation", number);
        for (JsonNode f : ExecutionReportFilingTest.read(evaluation.asString()).withArray("explanationsRequired")) {
            report.withArray("acknowledgements").addObject().put("code", f.get("code").asText()).put("path", f.get("path").asText())
                    .put("explanation", "在线监测数据由国家平台直传，未全部报送本平台");
        }
    }

    @Test
    void emissions_far_from_what_a_quarter_of_hourly_records_implies_are_found() {
        Row p = permit(1);
        String number = p.getString("permit_number");
        String key = vendorFor(p);
        long permitId = Db.count(pool, "SELECT id FROM permit WHERE permit_number = $1", number);
        // Q3 2025: 92 days of hourly means; flow 100 m3/s and a concentration chosen so the quarter emits 30% of its share
        BigDecimal share = new BigDecimal(ExecutionReportFilingTest.blank(key, number, "QUARTERLY", "2025-Q3").withArray("actualEmissions").findValues("licensedTonnes")
                .get(0).asText());
        int hours = 92 * 24;
        String pollutant = p.getString("pollutant");
        JsonNode licensed = ExecutionReportFilingTest.blank(key, number, "QUARTERLY", "2025-Q3").withArray("actualEmissions");
        for (JsonNode e : licensed) {
            if (e.get("pollutantCode").asText().equals(pollutant)) {
                share = new BigDecimal(e.get("licensedTonnes").asText());
            }
        }
        BigDecimal expected = share.multiply(new BigDecimal("0.3"));
        // t = mg/m3 × m3/s × 3600 s × 1e-9 per hour
        BigDecimal concentration = expected.divide(new BigDecimal("100").multiply(new BigDecimal("0.0000036")).multiply(BigDecimal.valueOf(hours)), MathContext.DECIMAL64);
        assertThat(concentration).isLessThan(p.getBigDecimal("limit_value"));
        for (Object[] series : List.of(new Object[] {pollutant, concentration, "mg/m3"}, new Object[] {"a00000", new BigDecimal("100"), "m3/s"})) {
            pool.preparedQuery("""
                    INSERT INTO monitoring_record (permit_id, permit_version, outlet_code, pollutant_code, kind, averaging,
                        measured_from, measured_to, value, unit, flag, exceedance, received_at, batch_id, source)
                    SELECT $1, 1, $2, $3, 'AUTOMATIC', 'HOURLY', h, h + interval '1 hour', $4, $5, 'VALID', false, now(),
                           gen_random_uuid(), 'JSON'
                    FROM generate_series(timestamptz '2025-07-01 00:00+08', timestamptz '2025-09-30 23:00+08', interval '1 hour') AS h""")
                    .execute(io.vertx.mutiny.sqlclient.Tuple.of(permitId, p.getString("outlet"), series[0], series[1], series[2]))
                    .await().indefinitely();
        }

        ObjectNode report = ExecutionReportFilingTest.completed(ExecutionReportFilingTest.blank(key, number, "QUARTERLY", "2025-Q3"));
        JsonNode implied = null;
        int index = -1;
        for (int i = 0; i < report.withArray("actualEmissions").size(); i++) {
            if (report.withArray("actualEmissions").get(i).get("pollutantCode").asText().equals(pollutant)) {
                implied = report.withArray("actualEmissions").get(i);
                index = i;
            }
        }
        assertThat(implied).isNotNull();
        // completed() overwrote tonnes with half the share; the blank itself pre-filled what the records imply
        JsonNode blank = ExecutionReportFilingTest.blank(key, number, "QUARTERLY", "2025-Q3").withArray("actualEmissions").get(index);
        assertThat(new BigDecimal(blank.get("tonnes").asText())).isCloseTo(expected, org.assertj.core.data.Percentage.withPercentage(0.01));
        assertThat(blank.get("method").asText()).isEqualTo("MEASURED");

        ((ObjectNode) implied).put("tonnes", expected.multiply(new BigDecimal("0.3")));
        Response evaluation = given().header("X-API-Key", key).contentType("application/json").body(report.toString())
                .post("/v1/permits/{n}/execution-reports/validation", number);
        assertThat(evaluation.jsonPath().getList("findings.findAll { it.code == 'EMISSIONS_DIFFER_FROM_RECORDS' }.path"))
                .containsExactly("/actualEmissions/" + index + "/tonnes");
        ((ObjectNode) implied).put("tonnes", expected);
        Response close = given().header("X-API-Key", key).contentType("application/json").body(report.toString())
                .post("/v1/permits/{n}/execution-reports/validation", number);
        assertThat(close.jsonPath().getList("findings.code")).doesNotContain("EMISSIONS_DIFFER_FROM_RECORDS");
    }
}
