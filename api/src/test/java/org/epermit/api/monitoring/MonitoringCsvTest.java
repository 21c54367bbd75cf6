package org.epermit.api.monitoring;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.epermit.api.client.ClientRegistry;
import org.epermit.api.gateway.TestClients;
import org.epermit.api.monitoring.MonitoringTestData.Target;
import org.epermit.api.testing.Db;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.epermit.api.monitoring.MonitoringTestData.hour;
import static org.epermit.api.monitoring.MonitoringTestData.stored;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * CSV batches as stations export them: UTF-8 with or without a byte-order mark, CRLF or LF, quoted fields (with
 * commas, quotes and Chinese text inside), the header's columns in any order; a wrong header refuses the document, a
 * row of the wrong width refuses the batch like any invalid record.
 */
@QuarkusTest
class MonitoringCsvTest {

    @Inject
    Pool pool;

    @Inject
    ClientRegistry registry;

    private ValidatableResponse send(Target t, String csv) {
        return given().header("X-API-Key", TestClients.enterprise(registry, t.creditCode()).apiKey())
                .contentType("text/csv; charset=UTF-8").body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/v1/permits/{n}/monitoring-records", t.permitNumber()).then();
    }

    @Test
    void a_csv_with_a_bom_crlf_quoted_fields_and_its_columns_in_another_order_is_stored() {
        Target t = MonitoringTestData.hourlyAir(pool, 20);
        String csv = "\uFEFFvalue,unit,from,averaging,kind,pollutantCode,outletCode\r\n"
                + "\"12.5\",\"" + t.unit() + "\"," + hour(2, 8) + ",HOURLY,AUTOMATIC," + t.pollutant() + ",\"" + t.outlet() + "\"\r\n"
                + " 13.5 , " + t.unit() + " ," + hour(2, 9) + ",HOURLY,AUTOMATIC," + t.pollutant() + "," + t.outlet() + "\r\n"
                + "\r\n";
        send(t, csv).statusCode(201).body("received", equalTo(2)).body("inserted", equalTo(2));
        assertThat(Db.strings(pool, "SELECT value::text FROM monitoring_record WHERE permit_id = $1 ORDER BY measured_from", t.permitId()))
                .containsExactly("12.5", "13.5");
        assertThat(Db.strings(pool, "SELECT DISTINCT source FROM monitoring_record WHERE permit_id = $1", t.permitId()))
                .containsExactly("CSV");
        // the same rows without the mark, with LF and the optional columns, are the same records
        String again = "outletCode,pollutantCode,kind,averaging,from,to,value,unit,flag\n"
                + t.outlet() + "," + t.pollutant() + ",AUTOMATIC,HOURLY," + hour(2, 8) + "," + hour(2, 9) + ",12.50," + t.unit() + ",VALID\n";
        send(t, again).statusCode(200).body("duplicates", equalTo(1));
    }

    @Test
    void a_quoted_field_keeps_its_commas_and_chinese_text() {
        Target t = MonitoringTestData.hourlyAir(pool, 21);
        String csv = "outletCode,pollutantCode,kind,averaging,from,value,unit\n"
                + t.outlet() + "," + t.pollutant() + ",AUTOMATIC,HOURLY," + hour(2, 8) + ",1,\"毫克/立方米, \"\"标态\"\"\"\n";
        send(t, csv).statusCode(422).body("code", equalTo("MONITORING_RECORDS_INVALID"))
                .body("errors.path", contains("body.records[0].unit"))
                .body("errors.code", contains("WRONG_UNIT"))
                .body("errors[0].message", containsString("'毫克/立方米, \"标态\"'"));
        assertThat(stored(pool, t.permitId())).isZero();
    }

    @Test
    void an_unknown_repeated_or_missing_column_refuses_the_document() {
        Target t = MonitoringTestData.hourlyAir(pool, 22);
        String row = t.outlet() + "," + t.pollutant() + ",AUTOMATIC,HOURLY," + hour(2, 8) + ",1," + t.unit();
        send(t, "outletCode,pollutantCode,kind,averaging,from,value,unit,备注\n" + row + ",夜班\n").statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.path", contains("body.header[7]")).body("errors.code", contains("UNKNOWN_COLUMN"))
                .body("errors[0].message", containsString("'备注'"));
        send(t, "outletCode,pollutantCode,kind,averaging,from,unit,unit\n" + row + "\n").statusCode(400)
                .body("errors.path", contains("body.header[6]", "body.header"))
                .body("errors.code", contains("REPEATED", "MISSING_COLUMN"))
                .body("errors[1].message", containsString("value"));
        send(t, "\uFEFF").statusCode(400).body("errors[0].path", equalTo("body.header")).body("errors[0].code", equalTo("REQUIRED"));
        send(t, "outletCode,pollutantCode,kind,averaging,from,value,unit\n").statusCode(400)
                .body("errors[0].path", equalTo("body.records")).body("errors[0].code", equalTo("REQUIRED"));
        assertThat(stored(pool, t.permitId())).isZero();
    }

    @Test
    void a_row_of_the_wrong_width_is_an_invalid_record_and_refuses_the_batch() {
        Target t = MonitoringTestData.hourlyAir(pool, 23);
        String header = "outletCode,pollutantCode,kind,averaging,from,value,unit\n";
        String csv = header
                + t.outlet() + "," + t.pollutant() + ",AUTOMATIC,HOURLY," + hour(2, 8) + ",1," + t.unit() + "\n"
                + t.outlet() + "," + t.pollutant() + ",AUTOMATIC,HOURLY," + hour(2, 9) + ",1,5," + t.unit() + "\n"
                + t.outlet() + "," + t.pollutant() + ",AUTOMATIC,HOURLY," + hour(2, 10) + ",NaN," + t.unit() + "\n";
        send(t, csv).statusCode(422)
                .body("errors.path", contains("body.records[1]", "body.records[2].value"))
                .body("errors.code", contains("COLUMN_COUNT", "NOT_FINITE"))
                .body("detail", containsString("2 of the 3 records are invalid"));
        assertThat(stored(pool, t.permitId())).isZero();
    }

    @Test
    void a_batch_above_the_configured_size_is_refused_whole() {
        Target t = MonitoringTestData.hourlyAir(pool, 24);
        StringBuilder csv = new StringBuilder("outletCode,pollutantCode,kind,averaging,from,value,unit\n");
        String row = t.outlet() + "," + t.pollutant() + ",MANUAL,SAMPLE," + hour(2, 8) + ",1," + t.unit() + "\n";
        for (int i = 0; i <= 10_000; i++) {
            csv.append(row);
        }
        send(t, csv.toString()).statusCode(400).body("errors[0].path", equalTo("body.records"))
                .body("errors[0].code", equalTo("TOO_MANY"));
    }
}
