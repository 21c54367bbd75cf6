package org.epermit.api.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.epermit.api.client.ClientRegistry;
import org.epermit.api.filing.CrossCheckTest;
import org.epermit.api.filing.ExecutionReportFilingTest;
import org.epermit.api.filing.ReportReviewTest;
import org.epermit.api.gateway.TestClients;
import org.epermit.api.testing.Db;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Emissions against licences count the accepted annual reports: a report filed is not counted, the same report
 * accepted is, at once (well within the five-second bound), with the figures the vendor filed, an exceedance among
 * them; the ratio is actual over licensed of the permits that give a figure.
 */
@QuarkusTest
class EmissionStatisticsTest {

    @Inject
    Pool pool;

    @Inject
    ClientRegistry registry;

    /** The county's rows of a year, by pollutant. */
    static Map<String, JsonNode> byPollutant(String key, String county) {
        Response r = given().header("X-API-Key", key).accept("application/json")
                .get("/v1/stats/emissions?year=2025&groupBy=county&region=" + county);
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
        Map<String, JsonNode> rows = new HashMap<>();
        for (JsonNode row : ExecutionReportFilingTest.read(r.asString()).withArray("rows")) {
            assertThat(row.get("key").asText()).isEqualTo(county);
            rows.put(row.get("pollutantCode").asText(), row);
        }
        return rows;
    }

    @Test
    void an_annual_report_counts_once_accepted_and_at_once() {
        String[] permit = ExecutionReportFilingTest.keyPermit(pool, 20);
        String county = Db.string(pool, "SELECT region_code FROM permit WHERE permit_number = $1", permit[0]);
        String reader = TestClients.statisticsReader(registry).apiKey();
        Map<String, JsonNode> before = byPollutant(reader, county);

        String filer = TestClients.filingVendor(registry, permit[1], permit[0]).apiKey();
        ObjectNode report = ExecutionReportFilingTest.completed(ExecutionReportFilingTest.blank(filer, permit[0], "ANNUAL", "2025"));
        JsonNode emissions = report.withArray("actualEmissions");
        assertThat(emissions.size()).as("the permit licenses pollutants").isPositive();
        // the first pollutant above its licensed quantity (explained, as the check asks), the others at half
        ObjectNode over = (ObjectNode) emissions.get(0);
        over.put("tonnes", new BigDecimal(over.get("licensedTonnes").asText()).multiply(new BigDecimal("1.25")));
        CrossCheckTest.acknowledgeWhatNeedsIt(filer, permit[0], report);
        Response filed = ExecutionReportFilingTest.submit(filer, permit[0], report);
        assertThat(filed.statusCode()).as(filed.asString()).isEqualTo(201);
        assertThat(byPollutant(reader, county)).as("a report filed but not accepted is not counted").isEqualTo(before);

        String region = county.substring(0, 2);
        Response accepted = ReportReviewTest.review(TestClients.reviewer(registry, region).apiKey(), filed.jsonPath().getLong("id"),
                "{\"outcome\": \"ACCEPTED\", \"reportVersion\": 1}");
        assertThat(accepted.statusCode()).as(accepted.asString()).isEqualTo(200);
        Instant acceptedAt = Instant.now();
        Map<String, JsonNode> after = byPollutant(reader, county);
        assertThat(Duration.between(acceptedAt, Instant.now())).as("read back within the freshness bound").isLessThan(Duration.ofSeconds(5));

        for (JsonNode e : emissions) {
            String code = e.get("pollutantCode").asText();
            BigDecimal licensed = new BigDecimal(e.get("licensedTonnes").asText());
            BigDecimal actual = new BigDecimal(e.get("tonnes").asText());
            JsonNode was = before.get(code);
            JsonNode now = after.get(code);
            assertThat(now).as(code + " counted").isNotNull();
            long permitsBefore = was == null ? 0 : was.get("permits").asLong();
            assertThat(now.get("permits").asLong()).as(code).isEqualTo(permitsBefore + 1);
            assertThat(now.get("permitsReporting").asLong()).isEqualTo((was == null ? 0 : was.get("permitsReporting").asLong()) + 1);
            assertThat(now.get("permitsExceeded").asLong()).as(code + " exceeded")
                    .isEqualTo((was == null ? 0 : was.get("permitsExceeded").asLong()) + (actual.compareTo(licensed) > 0 ? 1 : 0));
            BigDecimal licensedSum = (was == null ? BigDecimal.ZERO : new BigDecimal(was.get("licensedTonnes").asText())).add(licensed);
            BigDecimal actualSum = (was == null || was.get("actualTonnes").isNull() ? BigDecimal.ZERO
                    : new BigDecimal(was.get("actualTonnes").asText())).add(actual);
            BigDecimal reportingLicensed = (was == null || was.get("licensedTonnesOfReporting").isNull() ? BigDecimal.ZERO
                    : new BigDecimal(was.get("licensedTonnesOfReporting").asText())).add(licensed);
            assertThat(new BigDecimal(now.get("licensedTonnes").asText())).isEqualByComparingTo(licensedSum);
            assertThat(new BigDecimal(now.get("actualTonnes").asText())).isEqualByComparingTo(actualSum);
            assertThat(new BigDecimal(now.get("ratio").asText())).isEqualByComparingTo(
                    actualSum.divide(reportingLicensed, MathContext.DECIMAL64).setScale(4, RoundingMode.HALF_UP));
        }
        assertThat(after.get(over.get("pollutantCode").asText()).get("permitsExceeded").asLong()).isPositive();

        Response anonymousCounty = given().get("/v1/stats/emissions?year=2025&groupBy=county&region=" + county);
        assertThat(anonymousCounty.statusCode()).isEqualTo(401);
        Response province = given().get("/v1/stats/emissions?year=2025&groupBy=province&region=" + region
                + "&pollutant=" + over.get("pollutantCode").asText());
        assertThat(province.statusCode()).as(province.asString()).isEqualTo(200);
        assertThat(province.jsonPath().getLong("rows[0].permits")).as("the public sees provinces")
                .isGreaterThanOrEqualTo(after.get(over.get("pollutantCode").asText()).get("permits").asLong());
        Response csv = given().accept("text/csv").get("/v1/stats/emissions?year=2025&groupBy=province&region=" + region);
        assertThat(csv.asString()).startsWith("\uFEFFkey,nameZh,nameEn,pollutantCode,");
    }
}
