package org.epermit.api.calendar;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import org.epermit.api.client.ClientRegistry;
import org.epermit.api.contract.PublishedSchema;
import org.epermit.api.gateway.TestClients;
import org.epermit.api.testing.Db;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/** GET /v1/calendar/{year} for everyone; PUT /v1/admin/calendar/{year} for administrators, validated and audited. */
@QuarkusTest
class CalendarResourceTest {

    /** A year no other test reads, set afresh by each test that writes it. */
    private static final int YEAR = 2099;

    @Inject
    ClientRegistry registry;

    @Inject
    Pool pool;

    private static final String YEAR_2099 = """
            {"source": "测试通知", "days": [
              {"date": "2099-01-01", "kind": "HOLIDAY", "nameZh": "元旦", "nameEn": "New Year's Day"},
              {"date": "2099-01-03", "kind": "MAKEUP_WORKDAY", "nameZh": "元旦", "nameEn": "New Year's Day"}]}""";

    @Test
    void anyone_reads_a_covered_year_with_its_holidays_and_make_up_days() {
        given().get("/v1/calendar/2026").then().statusCode(200)
                .body("year", equalTo(2026)).body("covered", equalTo(true))
                .body("source", equalTo("国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04)"))
                .body("days.find { it.date == '2026-02-14' }.kind", equalTo("MAKEUP_WORKDAY"))
                .body("days.find { it.date == '2026-02-17' }.nameEn", equalTo("Spring Festival"))
                .body("days.find { it.date == '2026-02-17' }.nameZh", equalTo("春节"))
                // 33 holidays (3 + 9 + 3 + 5 + 3 + 3 + 7) and 6 make-up working days
                .body("days.findAll { it.kind == 'HOLIDAY' }.size()", equalTo(33))
                .body("days.findAll { it.kind == 'MAKEUP_WORKDAY' }.date",
                        containsInAnyOrder("2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"));
    }

    @Test
    void the_rendered_years_are_exactly_the_published_schema() {
        assertThat(PublishedSchema.of("CalendarYear").violations(given().get("/v1/calendar/2026").then().statusCode(200)
                .extract().asString())).isEmpty();
        assertThat(PublishedSchema.of("CalendarYear").violations(given().get("/v1/calendar/2031").then().statusCode(200)
                .extract().asString())).as("a year not covered").isEmpty();
    }

    @Test
    void a_year_not_covered_says_so_rather_than_showing_a_year_without_holidays() {
        given().get("/v1/calendar/2031").then().statusCode(200)
                .body("covered", equalTo(false)).body("source", nullValue()).body("days.size()", equalTo(0));
        given().get("/v1/calendar/1999").then().statusCode(400).body("errors[0].path", equalTo("path.year"));
        given().get("/v1/calendar/twenty").then().statusCode(400).body("errors[0].path", equalTo("path.year"));
        given().queryParam("lang", "en").get("/v1/calendar/2026").then().statusCode(400);
    }

    @Test
    void an_administrator_sets_a_year_whole_audited_with_an_event() {
        Db.count(pool, "WITH gone AS (DELETE FROM calendar_year WHERE year = $1 RETURNING 1) SELECT count(*) FROM gone", YEAR);
        String admin = TestClients.admin(registry).apiKey();
        String first = "calendar-" + UUID.randomUUID();
        given().header("X-API-Key", admin).header("X-Correlation-Id", first).contentType("application/json").body(YEAR_2099)
                .put("/v1/admin/calendar/{year}", YEAR).then().statusCode(201)
                .header("Location", endsWith("/v1/calendar/2099"))
                .body("covered", equalTo(true)).body("days.size()", equalTo(2))
                .body("days[1].kind", equalTo("MAKEUP_WORKDAY"));
        given().get("/v1/calendar/{year}", YEAR).then().statusCode(200)
                .body("covered", equalTo(true)).body("source", equalTo("测试通知")).body("days.date", hasItem("2099-01-03"));

        // set again, whole: the make-up day is gone
        String second = "calendar-" + UUID.randomUUID();
        given().header("X-API-Key", admin).header("X-Correlation-Id", second).contentType("application/json").body("""
                        {"days": [{"date": "2099-01-01", "kind": "HOLIDAY", "nameZh": "元旦", "nameEn": "New Year's Day"}]}""")
                .put("/v1/admin/calendar/{year}", YEAR).then().statusCode(200).body("days.size()", equalTo(1))
                .body("source", nullValue());
        WorkingDays days = new WorkingCalendar(pool).load().await().indefinitely();
        assertThat(days.isWorkingDay(LocalDate.of(YEAR, 1, 3))).as("Saturday, no longer a make-up day").isFalse();

        List<Row> audit = Db.rows(pool, """
                SELECT correlation_id, method, status, resource_type, resource_id, array_to_string(changed_fields, ',') AS fields
                FROM audit_log WHERE correlation_id IN ($1, $2)""", first, second);
        assertThat(audit).extracting(r -> r.getString("correlation_id") + " " + r.getString("method") + " " + r.getInteger("status")
                        + " " + r.getString("resource_type") + " " + r.getString("resource_id") + " " + r.getString("fields"))
                .containsExactlyInAnyOrder(first + " PUT 201 calendar_year 2099 null",
                        second + " PUT 200 calendar_year 2099 source,days");
        assertThat(Db.strings(pool, """
                SELECT event_type || ' ' || sequence || ' ' || jsonb_array_length(payload -> 'days') FROM outbox_event
                WHERE aggregate_type = 'calendar_year' AND aggregate_id = $1 ORDER BY id""", String.valueOf(YEAR)))
                .endsWith("calendar_year.set 1 2", "calendar_year.set 2 1");
    }

    @Test
    void every_invalid_day_is_reported_at_once_and_nothing_is_written() {
        String admin = TestClients.admin(registry).apiKey();
        given().header("X-API-Key", admin).contentType("application/json").body("""
                        {"source": "", "days": [
                          {"date": "2027-10-01", "kind": "HOLIDAY", "nameZh": "国庆节", "nameEn": "National Day"},
                          {"date": "2026-10-01", "kind": "HOLIDAY", "nameZh": "国庆节", "nameEn": "National Day"},
                          {"date": "2027-10-01", "kind": "HOLIDAY", "nameZh": "国庆节", "nameEn": "National Day"},
                          {"date": "2027-09-29", "kind": "MAKEUP_WORKDAY", "nameZh": "国庆节", "nameEn": "National Day"},
                          {"date": "2027-10-02", "kind": "HOLIDAY", "nameEn": "National Day"},
                          {"kind": "HOLIDAY", "nameZh": "国庆节", "nameEn": ""}]}""")
                .put("/v1/admin/calendar/2027").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.collect { it.path + ' ' + it.code }", containsInAnyOrder(
                        "body.source LENGTH",
                        "body.days[1].date OUTSIDE_YEAR",
                        "body.days[2].date DUPLICATE",
                        "body.days[3].kind NOT_A_WEEKEND",
                        "body.days[4].nameZh REQUIRED",
                        "body.days[5].date REQUIRED",
                        "body.days[5].nameEn LENGTH"));
        given().header("X-API-Key", admin).contentType("application/json").body("{\"days\": [{\"date\": \"2027-13-01\"}]}")
                .put("/v1/admin/calendar/2027").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        given().header("X-API-Key", admin).contentType("application/json").body("{}")
                .put("/v1/admin/calendar/2027").then().statusCode(400).body("errors[0].path", equalTo("body.days"));
        given().get("/v1/calendar/2027").then().statusCode(200).body("covered", equalTo(false));
    }

    @Test
    void only_an_administrator_sets_a_year() {
        String vendor = TestClients.vendor(registry).apiKey();
        given().header("X-API-Key", vendor).contentType("application/json").body(YEAR_2099)
                .put("/v1/admin/calendar/{year}", YEAR).then().statusCode(403).body("code", equalTo("INSUFFICIENT_SCOPE"));
        given().contentType("application/json").body(YEAR_2099)
                .put("/v1/admin/calendar/{year}", YEAR).then().statusCode(401);
    }
}
