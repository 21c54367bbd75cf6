package org.epermit.api.monitoring;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.epermit.api.client.ClientRegistry;
import org.epermit.api.gateway.TestClients;
import org.epermit.api.monitoring.MonitoringTestData.Target;
import org.epermit.api.testing.Db;
import org.epermit.api.testing.DelegationTimes;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.epermit.api.monitoring.MonitoringTestData.batch;
import static org.epermit.api.monitoring.MonitoringTestData.hour;
import static org.epermit.api.monitoring.MonitoringTestData.json;
import static org.epermit.api.monitoring.MonitoringTestData.stored;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * A batch of monitoring records is checked against the permit version in force at each record's time, stored whole or
 * not at all, and read back in time order; a resend changes nothing, a different value for a stored window is a
 * conflict; values outside the limit that applies to them are exceedances.
 */
@QuarkusTest
class MonitoringRecordTest {

    @Inject
    Pool pool;

    @Inject
    ClientRegistry registry;

    private String enterpriseKey(Target t) {
        return TestClients.enterprise(registry, t.creditCode()).apiKey();
    }

    /** A number of a response, exactly as sent (RestAssured would read it as a float). */
    private static BigDecimal decimal(Response response, String path) {
        return new BigDecimal(response.body().jsonPath(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL)).getString(path));
    }

    private ValidatableResponse send(String key, Target t, String body) {
        return given().header("X-API-Key", key).contentType("application/json").body(body)
                .post("/v1/permits/{n}/monitoring-records", t.permitNumber()).then();
    }

    @Test
    void a_batch_is_stored_with_exceedances_marked_where_the_limit_applies_and_reads_back_in_time_order() {
        Target t = MonitoringTestData.hourlyAir(pool, 0);
        String key = enterpriseKey(t);
        BigDecimal above = t.max().add(BigDecimal.TEN);
        String within = t.max().divide(BigDecimal.valueOf(2)).toPlainString();
        send(key, t, batch(
                json(t.outlet(), t.pollutant(), "AUTOMATIC", "HOURLY", hour(3, 8), within, t.unit(), "VALID"),
                json(t.outlet(), t.pollutant(), "AUTOMATIC", "HOURLY", hour(3, 9), above, t.unit(), null),
                // a daily mean is not compared with an hourly limit
                json(t.outlet(), t.pollutant(), "AUTOMATIC", "DAILY", hour(4, 0), above, t.unit(), "VALID"),
                // nor is data taken while the monitor was calibrated
                json(t.outlet(), t.pollutant(), "AUTOMATIC", "HOURLY", hour(3, 10), above, t.unit(), "CALIBRATION"),
                // a manual sample is compared as taken, whatever the limit's averaging
                json(t.outlet(), t.pollutant(), "MANUAL", "SAMPLE", hour(3, 10).plusMinutes(17), above, t.unit(), "VALID")))
                .statusCode(201)
                .body("received", equalTo(5)).body("inserted", equalTo(5)).body("duplicates", equalTo(0))
                .body("exceedances", equalTo(2)).body("batchId", notNullValue());

        Response listed = given().header("X-API-Key", key).get("/v1/permits/{n}/monitoring-records", t.permitNumber())
                .then().statusCode(200)
                .body("items", hasSize(5))
                .body("items.averaging", contains("DAILY", "HOURLY", "HOURLY", "HOURLY", "SAMPLE"))
                .body("items.exceedance", contains(false, false, true, false, true))
                .body("items[0].limitMax", nullValue())
                .body("items[1].to", equalTo(MonitoringTestData.text(hour(3, 9))))
                .body("items[4].to", equalTo(MonitoringTestData.text(hour(3, 10).plusMinutes(17))))
                .body("items[0].to", equalTo(MonitoringTestData.text(hour(3, 0))))
                .body("items[0].permitVersion", equalTo(1))
                .body("nextCursor", nullValue())
                .extract().response();
        assertThat(decimal(listed, "items[2].limitMax")).isEqualByComparingTo(t.max());
        assertThat(decimal(listed, "items[2].value")).isEqualByComparingTo(above);
        given().header("X-API-Key", key).queryParam("exceedancesOnly", "true")
                .get("/v1/permits/{n}/monitoring-records", t.permitNumber()).then().statusCode(200)
                .body("items.kind", contains("AUTOMATIC", "MANUAL"));
        assertThat(Db.strings(pool, "SELECT source FROM monitoring_record WHERE permit_id = $1 GROUP BY source", t.permitId()))
                .containsExactly("JSON");
    }

    @Test
    void an_identical_resend_changes_nothing_and_another_value_for_a_stored_window_is_a_conflict_that_stores_nothing() {
        Target t = MonitoringTestData.hourlyAir(pool, 1);
        String key = enterpriseKey(t);
        String body = batch(
                json(t.outlet(), t.pollutant(), "AUTOMATIC", "HOURLY", hour(5, 8), "1.5", t.unit(), null),
                json(t.outlet(), t.pollutant(), "AUTOMATIC", "HOURLY", hour(5, 9), "2.5", t.unit(), null));
        send(key, t, body).statusCode(201).body("inserted", equalTo(2));
        send(key, t, body).statusCode(200).body("received", equalTo(2)).body("inserted", equalTo(0))
                .body("duplicates", equalTo(2)).body("exceedances", equalTo(0));
        // the same value written differently is the same value
        send(key, t, batch(json(t.outlet(), t.pollutant(), "AUTOMATIC", "HOURLY", hour(5, 8), "1.50", t.unit(), "VALID")))
                .statusCode(200).body("duplicates", equalTo(1));

        send(key, t, batch(
                json(t.outlet(), t.pollutant(), "AUTOMATIC", "HOURLY", hour(5, 10), "3.5", t.unit(), null),
                json(t.outlet(), t.pollutant(), "AUTOMATIC", "HOURLY", hour(5, 9), "0.43", t.unit(), null)))
                .statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("MONITORING_RECORD_CONFLICT"))
                .body("errors", hasSize(1))
                .body("errors[0].path", equalTo("body.records[1].value"))
                .body("errors[0].code", equalTo("DIFFERS_FROM_STORED"))
                .body("errors[0].message", containsString("value 2.5"));
        // the new record of the refused batch was not kept
        assertThat(stored(pool, t.permitId())).isEqualTo(2);
    }

    @Test
    void every_invalid_record_is_named_by_index_field_and_code_and_nothing_of_the_batch_is_stored() {
        Target t = MonitoringTestData.hourlyAir(pool, 2);
        String key = enterpriseKey(t);
        String o = t.outlet();
        String p = t.pollutant();
        String u = t.unit();
        String notHere = t.pollutantsAtOutlet().contains("w01018") ? "w21003" : "w01018";
        send(key, t, batch(
                json(o, p, "AUTOMATIC", "HOURLY", hour(6, 1), "1", u, null),                       // 0 valid
                json("DA999", p, "AUTOMATIC", "HOURLY", hour(6, 2), "1", u, null),                  // 1
                json(o, notHere, "AUTOMATIC", "HOURLY", hour(6, 3), "1", u, null),                  // 2
                json(o, p, "AUTOMATIC", "HOURLY", hour(6, 4), "1", "mg/L", null),                   // 3
                json(o, p, "AUTOMATIC", "HOURLY", hour(6, 5), "-0.1", u, null),                     // 4
                """
                {"outletCode": "%s", "pollutantCode": "%s", "kind": "AUTOMATIC", "averaging": "SAMPLE", "from": "%s", "to": "%s", "value": 1, "unit": "%s"}"""
                        .formatted(o, p, hour(6, 6), hour(6, 5), u),                                 // 5
                json(o, p, "AUTOMATIC", "HOURLY", OffsetDateTime.now().plusDays(1).withMinute(0).withSecond(0).withNano(0), "1", u, null), // 6
                json(o, p, "AUTOMATIC", "HOURLY", t.validFrom().minusDays(400).atTime(8, 0).atZone(MonitoringTestData.CHINA).toOffsetDateTime(), "1", u, null), // 7
                json(o, p, "MANUAL", "HOURLY", hour(6, 8), "1", u, null),                           // 8
                json(o, p, "AUTO", "HOURLY", hour(6, 9), "1", u, null),                             // 9
                """
                {"outletCode": "%s", "pollutantCode": "%s", "kind": "AUTOMATIC", "averaging": "HOURLY", "from": "%s", "value": 1}"""
                        .formatted(o, p, hour(6, 10)),                                               // 10
                json(o, p, "AUTOMATIC", "HOURLY", hour(6, 11).plusMinutes(30), "1", u, null),       // 11
                """
                {"outletCode": "%s", "pollutantCode": "%s", "kind": "AUTOMATIC", "averaging": "HOURLY", "from": "yesterday", "value": 1, "unit": "%s"}"""
                        .formatted(o, p, u),                                                         // 12
                json(o, p, "AUTOMATIC", "HOURLY", hour(6, 1), "2", u, null),                        // 13 same window as 0
                json(o, p, "AUTOMATIC", "HOURLY", hour(6, 14), "1", u, "BROKEN"),                   // 14
                """
                {"outletCode": "%s", "pollutantCode": "%s", "kind": "AUTOMATIC", "averaging": "HOURLY", "from": "%s", "to": "%s", "value": 1, "unit": "%s"}"""
                        .formatted(o, p, hour(6, 15), hour(6, 17), u)))                              // 15
                .statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("MONITORING_RECORDS_INVALID"))
                .body("detail", containsString("15 of the 16 records are invalid"))
                .body("errors.path", contains(
                        "body.records[1].outletCode", "body.records[2].pollutantCode", "body.records[3].unit",
                        "body.records[4].value", "body.records[5].to", "body.records[6].from", "body.records[7].from",
                        "body.records[8].averaging", "body.records[9].kind", "body.records[10].unit",
                        "body.records[11].from", "body.records[12].from", "body.records[13]", "body.records[14].flag",
                        "body.records[15].to"))
                .body("errors.code", contains(
                        "UNKNOWN_OUTLET", "POLLUTANT_NOT_AT_OUTLET", "WRONG_UNIT", "NEGATIVE", "WINDOW_INVERTED",
                        "IN_FUTURE", "OUTSIDE_HOLDING", "AVERAGING_FOR_KIND", "UNKNOWN_VALUE", "REQUIRED", "NOT_ALIGNED",
                        "FORMAT", "DUPLICATE_KEY", "UNKNOWN_VALUE", "WINDOW_LENGTH"))
                // the messages say what the permit has
                .body("errors[0].message", containsString(String.join(", ", t.outlets())))
                .body("errors[1].message", containsString(t.pollutant()))
                .body("errors[2].message", containsString("must be " + u));
        assertThat(stored(pool, t.permitId())).isZero();
    }

    @Test
    void one_invalid_record_in_the_middle_of_a_batch_refuses_the_whole_batch() {
        Target t = MonitoringTestData.hourlyAir(pool, 3);
        String key = enterpriseKey(t);
        List<String> records = new java.util.ArrayList<>();
        for (int h = 0; h < 9; h++) {
            records.add(json(t.outlet(), t.pollutant(), "AUTOMATIC", "HOURLY", hour(2, h), "1." + h, t.unit(), null));
        }
        List<String> broken = new java.util.ArrayList<>(records);
        broken.set(4, json(t.outlet(), t.pollutant(), "AUTOMATIC", "HOURLY", hour(2, 4), "1", "ppm", null));
        send(key, t, batch(broken.toArray(String[]::new))).statusCode(422)
                .body("errors.path", contains("body.records[4].unit"));
        assertThat(stored(pool, t.permitId())).isZero();
        assertThat(Db.count(pool, "SELECT count(*) FROM monitoring_batch WHERE permit_id = $1", t.permitId())).isZero();

        send(key, t, batch(records.toArray(String[]::new))).statusCode(201).body("inserted", equalTo(9));
        assertThat(stored(pool, t.permitId())).isEqualTo(9);
    }

    @Test
    void ph_is_a_range_checked_per_sample_and_can_be_neither_negative_nor_above_14() {
        Target t = MonitoringTestData.ph(pool, 0);
        String key = enterpriseKey(t);
        String unit = t.unit() == null ? "dimensionless" : t.unit();
        send(key, t, batch(
                json(t.outlet(), "w01001", "AUTOMATIC", "SAMPLE", hour(3, 8), "-1", unit, null),
                json(t.outlet(), "w01001", "AUTOMATIC", "SAMPLE", hour(3, 9), "15", unit, null)))
                .statusCode(422)
                .body("errors.code", contains("NEGATIVE", "RANGE"));
        send(key, t, batch(
                json(t.outlet(), "w01001", "AUTOMATIC", "SAMPLE", hour(3, 8), "7.2", unit, null),
                json(t.outlet(), "w01001", "AUTOMATIC", "SAMPLE", hour(3, 9), t.min().subtract(new java.math.BigDecimal("0.5")).toPlainString(), unit, null),
                json(t.outlet(), "w01001", "MANUAL", "SAMPLE", hour(3, 10), t.max().add(new java.math.BigDecimal("0.5")).toPlainString(), unit, null),
                // an hourly mean of pH is not what the per-sample range applies to
                json(t.outlet(), "w01001", "AUTOMATIC", "HOURLY", hour(3, 11), "3", unit, null)))
                .statusCode(201).body("exceedances", equalTo(2));
        Response listed = given().header("X-API-Key", key).queryParam("pollutant", "w01001")
                .get("/v1/permits/{n}/monitoring-records", t.permitNumber()).then().statusCode(200)
                .body("items.exceedance", contains(false, true, true, false))
                .body("items[3].limitMin", nullValue())
                .extract().response();
        assertThat(decimal(listed, "items[1].limitMin")).isEqualByComparingTo(t.min());
        assertThat(decimal(listed, "items[2].limitMax")).isEqualByComparingTo(t.max());
    }

    @Test
    void a_vendor_files_only_for_a_delegated_permit_and_a_regulator_reads_only_in_its_region() {
        Target t = MonitoringTestData.hourlyAir(pool, 4);
        String body = batch(json(t.outlet(), t.pollutant(), "AUTOMATIC", "HOURLY", hour(2, 8), "1", t.unit(), null));
        send(TestClients.vendor(registry).apiKey(), t, body).statusCode(403).body("code", equalTo("NOT_DELEGATED"));
        String outside = t.region().startsWith("11") ? "44" : "11";
        String regulator = TestClients.regulator(registry, outside).apiKey();
        given().header("X-API-Key", regulator).get("/v1/permits/{n}/monitoring-records", t.permitNumber())
                .then().statusCode(403).body("code", equalTo("OUTSIDE_REGION"));
        // a regulator does not file
        send(TestClients.regulator(registry, t.region().substring(0, 2)).apiKey(), t, body).statusCode(403)
                .body("code", equalTo("INSUFFICIENT_SCOPE"));
        given().header("X-API-Key", TestClients.regulator(registry, t.region().substring(0, 2)).apiKey())
                .get("/v1/permits/{n}/monitoring-records", t.permitNumber()).then().statusCode(200);
        given().contentType("application/json").body(body).post("/v1/permits/{n}/monitoring-records", t.permitNumber())
                .then().statusCode(401);
        assertThat(stored(pool, t.permitId())).isZero();

        // delegated to read only: the vendor may read the records but not file them
        String admin = TestClients.admin(registry).apiKey();
        var reader = TestClients.vendor(registry);
        delegate(admin, t, reader.client().id(), "[\"permits:read\"]");
        send(reader.apiKey(), t, body).statusCode(403).body("code", equalTo("INSUFFICIENT_SCOPE"));
        given().header("X-API-Key", reader.apiKey()).get("/v1/permits/{n}/monitoring-records", t.permitNumber())
                .then().statusCode(200);
        // delegated to file: it files
        var filer = TestClients.vendor(registry);
        delegate(admin, t, filer.client().id(), "[\"permits:read\", \"filings:write\"]");
        send(filer.apiKey(), t, body).statusCode(201).body("inserted", equalTo(1));
        assertThat(Db.string(pool, """
                SELECT b.client_id::text FROM monitoring_batch b WHERE b.permit_id = $1""", t.permitId()))
                .isEqualTo(filer.client().id().toString());
    }

    private static void delegate(String adminKey, Target t, UUID vendor, String scopes) {
        given().header("X-API-Key", adminKey).contentType("application/json").body("""
                        {"enterpriseCreditCode": "%s", "vendorClientId": "%s", "permitNumbers": ["%s"], "scopes": %s, "validTo": "%s"}"""
                        .formatted(t.creditCode(), vendor, t.permitNumber(), scopes, DelegationTimes.inAYear()))
                .post("/v1/delegations").then().statusCode(201);
    }

    @Test
    void a_retry_with_the_same_idempotency_key_is_answered_from_the_first_and_the_batch_is_announced_once() {
        Target t = MonitoringTestData.hourlyAir(pool, 5);
        String key = enterpriseKey(t);
        String idempotencyKey = UUID.randomUUID().toString();
        String body = batch(json(t.outlet(), t.pollutant(), "AUTOMATIC", "HOURLY", hour(2, 8), "1", t.unit(), null));
        String batchId = given().header("X-API-Key", key).header("Idempotency-Key", idempotencyKey)
                .contentType("application/json").body(body)
                .post("/v1/permits/{n}/monitoring-records", t.permitNumber()).then().statusCode(201)
                .extract().path("batchId");
        given().header("X-API-Key", key).header("Idempotency-Key", idempotencyKey).contentType("application/json").body(body)
                .post("/v1/permits/{n}/monitoring-records", t.permitNumber()).then().statusCode(201)
                .header("Idempotency-Replayed", "true")
                .body("batchId", equalTo(batchId)).body("inserted", equalTo(1));
        assertThat(Db.count(pool, "SELECT count(*) FROM monitoring_batch WHERE permit_id = $1", t.permitId())).isEqualTo(1);
        assertThat(Db.count(pool, """
                SELECT count(*) FROM outbox_event WHERE aggregate_type = 'monitoring_batch' AND aggregate_id = $1
                  AND event_type = 'monitoring.batch_received' AND sequence = 1""", batchId)).isEqualTo(1);
        assertThat(Db.count(pool, """
                SELECT count(*) FROM audit_log WHERE resource_type = 'monitoring_batch' AND resource_id = $1""", batchId))
                .isEqualTo(1);
    }

    @Test
    void pages_follow_the_cursor_and_the_listing_comes_as_csv_too() {
        Target t = MonitoringTestData.hourlyAir(pool, 6);
        String key = enterpriseKey(t);
        send(key, t, batch(
                json(t.outlet(), t.pollutant(), "AUTOMATIC", "HOURLY", hour(2, 8), "1", t.unit(), null),
                json(t.outlet(), t.pollutant(), "AUTOMATIC", "HOURLY", hour(2, 9), "2", t.unit(), null),
                json(t.outlet(), t.pollutant(), "AUTOMATIC", "HOURLY", hour(2, 10), "3", t.unit(), null))).statusCode(201);
        String cursor = given().header("X-API-Key", key).queryParam("limit", 2)
                .get("/v1/permits/{n}/monitoring-records", t.permitNumber()).then().statusCode(200)
                .body("items.value", contains(1, 2)).extract().path("nextCursor");
        given().header("X-API-Key", key).queryParam("limit", 2).queryParam("cursor", cursor)
                .get("/v1/permits/{n}/monitoring-records", t.permitNumber()).then().statusCode(200)
                .body("items.value", contains(3)).body("nextCursor", nullValue());
        // a cursor belongs to its filters
        given().header("X-API-Key", key).queryParam("limit", 2).queryParam("cursor", cursor).queryParam("outlet", t.outlet())
                .get("/v1/permits/{n}/monitoring-records", t.permitNumber()).then().statusCode(400)
                .body("code", equalTo("INVALID_CURSOR"));
        given().header("X-API-Key", key).queryParam("from", hour(2, 9).toString()).queryParam("to", hour(2, 10).toString())
                .get("/v1/permits/{n}/monitoring-records", t.permitNumber()).then().statusCode(200)
                .body("items.value", contains(2));
        given().header("X-API-Key", key).queryParam("outlet", "DX1").queryParam("bogus", "1")
                .get("/v1/permits/{n}/monitoring-records", t.permitNumber()).then().statusCode(400)
                .body("errors.path", hasItem("query.outlet")).body("errors.path", hasItem("query.bogus"));

        var csv = given().header("X-API-Key", key).accept("text/csv").queryParam("limit", 2)
                .get("/v1/permits/{n}/monitoring-records", t.permitNumber()).then().statusCode(200)
                .contentType(containsString("text/csv")).header("X-Next-Cursor", notNullValue()).extract().asString();
        assertThat(csv.lines().toList()).hasSize(3);
        assertThat(csv.lines().findFirst().orElseThrow())
                .isEqualTo("outletCode,pollutantCode,kind,averaging,from,to,value,unit,flag,exceedance,limitMin,limitMax,permitVersion");
        assertThat(csv.lines().skip(1).findFirst().orElseThrow())
                .startsWith(t.outlet() + "," + t.pollutant() + ",AUTOMATIC,HOURLY," + MonitoringTestData.text(hour(2, 8)) + "," + MonitoringTestData.text(hour(2, 9)) + ",1," + t.unit() + ",VALID,false,");
    }

    @Test
    void the_public_reads_only_records_older_than_the_disclosure_delay() {
        Target t = MonitoringTestData.hourlyAir(pool, 7);
        String key = enterpriseKey(t);
        send(key, t, batch(
                json(t.outlet(), t.pollutant(), "AUTOMATIC", "HOURLY", hour(10, 8), "1", t.unit(), null),
                json(t.outlet(), t.pollutant(), "AUTOMATIC", "HOURLY", hour(1, 8), "2", t.unit(), null))).statusCode(201);
        given().get("/v1/public/permits/{n}/monitoring-records", t.permitNumber()).then().statusCode(200)
                .body("items.value", contains(1));
        given().header("X-API-Key", key).get("/v1/permits/{n}/monitoring-records", t.permitNumber()).then().statusCode(200)
                .body("items.value", contains(1, 2));
        given().get("/v1/public/permits/{n}/monitoring-records", "91130200699229617X999P").then().statusCode(404)
                .body("code", equalTo("PERMIT_NOT_FOUND"));
    }

    @Test
    void an_empty_or_shapeless_batch_is_refused_before_anything_is_checked() {
        Target t = MonitoringTestData.hourlyAir(pool, 8);
        String key = enterpriseKey(t);
        send(key, t, "{\"records\": []}").statusCode(400).body("errors[0].path", equalTo("body.records"))
                .body("errors[0].code", equalTo("REQUIRED"));
        send(key, t, "{}").statusCode(400).body("errors[0].path", equalTo("body.records"));
        send(key, t, "{\"records\": [{\"value\": \"1\"}]}").statusCode(400).body("errors[0].path", equalTo("body.records[0].value"))
                .body("errors[0].code", equalTo("TYPE"));
        send(key, t, "{\"records\": [{\"valeu\": 1}]}").statusCode(400).body("errors[0].code", equalTo("UNKNOWN_FIELD"));
        send(key, t, "{\"records\": [").statusCode(400).body("code", equalTo("MALFORMED_REQUEST"));
        given().header("X-API-Key", key).contentType("text/plain").body("x")
                .post("/v1/permits/{n}/monitoring-records", t.permitNumber()).then().statusCode(415);
    }
}
