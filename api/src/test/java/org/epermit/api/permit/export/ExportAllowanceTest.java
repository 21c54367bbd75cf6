package org.epermit.api.permit.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.epermit.api.client.ClientRegistry;
import org.epermit.api.gateway.TestClients;
import org.epermit.api.testing.Db;
import org.epermit.api.testing.MovableClock;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Exports are limited by volume: rows a day per caller. An export larger than what is left carries what is left and
 * says where to resume; with nothing left, it is refused until midnight; the next day the rest comes.
 */
@QuarkusTest
@TestProfile(ExportAllowanceProfile.class)
class ExportAllowanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Pool pool;

    @Inject
    Clock clock;

    @Inject
    ClientRegistry registry;

    @Test
    void an_export_beyond_the_days_allowance_carries_what_is_left_then_the_next_is_refused_until_midnight() throws Exception {
        ((MovableClock) clock).set(MovableClock.NOON.toInstant());
        List<String> all = Db.strings(pool, "SELECT permit_number FROM permit ORDER BY permit_number");
        assertThat(all).hasSizeGreaterThan(2 * ExportAllowanceProfile.DAILY_ROWS);

        Response first = given().queryParam("format", "ndjson").get(PermitExportTest.EXPORT);
        first.then().statusCode(200)
                .header(PermitExportResource.ROWS, String.valueOf(ExportAllowanceProfile.DAILY_ROWS))
                .header(PermitExportResource.MATCHING_ROWS, String.valueOf(all.size()));
        List<String> lines = PermitExportTest.lines(first);
        assertThat(lines).hasSize(ExportAllowanceProfile.DAILY_ROWS + 1);
        List<String> got = new ArrayList<>();
        for (String line : lines.subList(0, lines.size() - 1)) {
            got.add(JSON.readTree(line).path("permitNumber").asText());
        }
        assertThat(got).containsExactlyElementsOf(all.subList(0, ExportAllowanceProfile.DAILY_ROWS));
        JsonNode end = JSON.readTree(lines.get(lines.size() - 1));
        assertThat(end.path("complete").asBoolean()).isFalse();
        assertThat(end.path("rows").asLong()).isEqualTo(ExportAllowanceProfile.DAILY_ROWS);
        assertThat(end.path("resumeAfter").asText()).isEqualTo(got.get(got.size() - 1));

        // nothing left today: refused, with the wait until midnight (12 hours after noon)
        given().queryParam("format", "csv").queryParam("resumeAfter", end.path("resumeAfter").asText())
                .get(PermitExportTest.EXPORT)
                .then().statusCode(429).contentType("application/problem+json")
                .body("code", equalTo("QUOTA_EXCEEDED"))
                .header("Retry-After", String.valueOf(Duration.ofHours(12).toSeconds()));
        // an export that matches nothing takes nothing, so it is still answered
        given().queryParam("q", "无此企业名称之测试").queryParam("format", "ndjson").get(PermitExportTest.EXPORT)
                .then().statusCode(200).header(PermitExportResource.ROWS, "0");

        // the next day: the next 100 rows, after the last one received
        ((MovableClock) clock).advance(Duration.ofHours(12).plusSeconds(1));
        Response next = given().queryParam("format", "ndjson").queryParam("resumeAfter", end.path("resumeAfter").asText())
                .get(PermitExportTest.EXPORT);
        next.then().statusCode(200).header(PermitExportResource.AS_OF, notNullValue());
        List<String> more = PermitExportTest.lines(next);
        assertThat(JSON.readTree(more.get(0)).path("permitNumber").asText())
                .isEqualTo(all.get(ExportAllowanceProfile.DAILY_ROWS));
        assertThat(more).hasSize(ExportAllowanceProfile.DAILY_ROWS + 1);
    }

    @Test
    void a_registered_client_exports_within_its_plans_allowance_each_client_its_own() throws Exception {
        ((MovableClock) clock).set(MovableClock.NOON.toInstant());
        String key = TestClients.onPlan(registry, "free").apiKey();
        String other = TestClients.onPlan(registry, "free").apiKey();
        int allowance = ExportAllowanceProfile.FREE_PLAN_DAILY_ROWS;

        Response first = given().header("X-API-Key", key).queryParam("format", "ndjson").get(PermitExportTest.EXPORT);
        first.then().statusCode(200).header(PermitExportResource.ROWS, String.valueOf(allowance));
        List<String> lines = PermitExportTest.lines(first);
        assertThat(lines).as("the plan's rows and the end line").hasSize(allowance + 1);
        assertThat(JSON.readTree(lines.get(lines.size() - 1)).path("complete").asBoolean()).isFalse();

        given().header("X-API-Key", key).queryParam("format", "csv").get(PermitExportTest.EXPORT)
                .then().statusCode(429).body("code", equalTo("QUOTA_EXCEEDED"));
        Response another = given().header("X-API-Key", other).queryParam("format", "ndjson").get(PermitExportTest.EXPORT);
        assertThat(another.statusCode()).as("another client of the plan has an allowance of its own").isEqualTo(200);
        assertThat(another.header(PermitExportResource.ROWS)).isEqualTo(String.valueOf(allowance));
    }
}
