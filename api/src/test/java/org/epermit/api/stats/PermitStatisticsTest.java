package org.epermit.api.stats;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import org.epermit.api.client.ClientRegistry;
import org.epermit.api.gateway.TestClients;
import org.epermit.api.permit.PermitLifecycleConfig;
import org.epermit.api.testing.Db;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Permit statistics agree with the permits counted one by one in Java (not the rollup's SQL restated), for every
 * grouping and filter; the levels open to the public, to scope stats:read and to a regulator; every bad parameter
 * named; the same table as CSV.
 */
@QuarkusTest
class PermitStatisticsTest {

    @Inject
    Pool pool;

    @Inject
    ClientRegistry registry;

    @Inject
    PermitLifecycleConfig lifecycle;

    /** A permit as the statistics see it. */
    record P(String region, String industry, String category, String status, LocalDate validTo) {
    }

    List<P> permits;

    @BeforeEach
    void readEveryPermit() {
        permits = Db.rows(pool, "SELECT region_code, industry_code, category, status, valid_to FROM permit").stream()
                .map((Row r) -> new P(r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getLocalDate(4))).toList();
        assertThat(permits).hasSizeGreaterThan(1000);
    }

    static Map<String, Long> count(List<P> permits, Predicate<P> filter, Function<P, String> key) {
        Map<String, Long> counts = new TreeMap<>();
        permits.stream().filter(filter).forEach(p -> counts.merge(key.apply(p), 1L, Long::sum));
        return counts;
    }

    static Map<String, Long> groups(Response r) {
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
        Map<String, Long> groups = new TreeMap<>();
        for (Map<String, Object> g : r.jsonPath().<Map<String, Object>>getList("groups")) {
            groups.put((String) g.get("key"), ((Number) g.get("permits")).longValue());
        }
        assertThat(r.jsonPath().getLong("total")).isEqualTo(groups.values().stream().mapToLong(Long::longValue).sum());
        return groups;
    }

    static Response stats(String key, String query) {
        var request = given().accept("application/json");
        if (key != null) {
            request = request.header("X-API-Key", key);
        }
        return request.get("/v1/stats/permits" + (query.isEmpty() ? "" : "?" + query));
    }

    @Test
    void every_public_grouping_counts_the_permits_as_they_are() {
        assertThat(groups(stats(null, ""))).as("by province, by default")
                .isEqualTo(count(permits, p -> true, p -> p.region().substring(0, 2)));
        assertThat(groups(stats(null, "groupBy=city"))).isEqualTo(count(permits, p -> true, p -> p.region().substring(0, 4)));
        assertThat(groups(stats(null, "groupBy=category"))).isEqualTo(count(permits, p -> true, P::category));
        assertThat(groups(stats(null, "groupBy=status"))).isEqualTo(count(permits, p -> true, P::status));
        assertThat(groups(stats(null, "groupBy=industry"))).as("divisions")
                .isEqualTo(count(permits, p -> true, p -> p.industry().substring(0, 2)));
        assertThat(groups(stats(null, "groupBy=industry&industryLevel=group")))
                .isEqualTo(count(permits, p -> true, p -> p.industry().substring(0, 3)));
    }

    @Test
    void filters_narrow_the_count_at_any_grain() {
        P some = permits.get(permits.size() / 2);
        String province = some.region().substring(0, 2);
        String city = some.region().substring(0, 4);
        String division = some.industry().substring(0, 2);
        assertThat(groups(stats(null, "groupBy=city&region=" + province)))
                .isEqualTo(count(permits, p -> p.region().startsWith(province), p -> p.region().substring(0, 4)));
        assertThat(groups(stats(null, "groupBy=province&region=" + city))).as("a province group of one city")
                .isEqualTo(count(permits, p -> p.region().startsWith(city), p -> province));
        assertThat(groups(stats(null, "groupBy=category&industry=" + division + "&status=VALID&region=" + province)))
                .isEqualTo(count(permits, p -> p.industry().startsWith(division) && p.status().equals("VALID")
                        && p.region().startsWith(province), P::category));
        assertThat(groups(stats(null, "groupBy=industry&industryLevel=group&industry=" + division.charAt(0) + "&category=KEY")))
                .as("a one-digit industry prefix")
                .isEqualTo(count(permits, p -> p.industry().startsWith(division.substring(0, 1)) && p.category().equals("KEY"),
                        p -> p.industry().substring(0, 3)));
        assertThat(groups(stats(null, "region=99"))).as("a region with no permits has no groups").isEmpty();
    }

    @Test
    void counties_and_industry_classes_need_scope_stats_read_and_a_regulator_sees_its_own_region() {
        P some = permits.get(permits.size() / 3);
        String county = some.region();
        String province = county.substring(0, 2);
        Response anonymous = stats(null, "groupBy=county");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.jsonPath().getString("code")).isEqualTo("UNAUTHENTICATED");
        assertThat(stats(null, "region=" + county).statusCode()).as("a county filter").isEqualTo(401);
        assertThat(stats(null, "groupBy=industry&industryLevel=class").statusCode()).isEqualTo(401);
        assertThat(stats(null, "industry=" + some.industry()).statusCode()).as("a class filter").isEqualTo(401);
        String vendor = TestClients.vendor(registry).apiKey();
        Response unscoped = stats(vendor, "groupBy=county");
        assertThat(unscoped.statusCode()).isEqualTo(403);
        assertThat(unscoped.jsonPath().getString("code")).isEqualTo("INSUFFICIENT_SCOPE");
        assertThat(groups(stats(vendor, "groupBy=city"))).as("credentials without the scope still see the public level")
                .isEqualTo(count(permits, p -> true, p -> p.region().substring(0, 4)));

        String reader = TestClients.statisticsReader(registry).apiKey();
        assertThat(groups(stats(reader, "groupBy=county"))).as("nationwide")
                .isEqualTo(count(permits, p -> true, P::region));
        assertThat(groups(stats(reader, "groupBy=industry&industryLevel=class&region=" + county)))
                .isEqualTo(count(permits, p -> p.region().equals(county), P::industry));

        String regulator = TestClients.regulator(registry, province).apiKey();
        Response own = stats(regulator, "groupBy=county");
        assertThat(groups(own)).as("its province's counties, asked without a region")
                .isEqualTo(count(permits, p -> p.region().startsWith(province), P::region));
        assertThat(own.jsonPath().getString("filters.region")).as("the response says what it covers").isEqualTo(province);
        assertThat(groups(stats(regulator, "groupBy=county&region=" + county)))
                .isEqualTo(count(permits, p -> p.region().equals(county), P::region));
        String elsewhere = permits.stream().map(p -> p.region().substring(0, 2)).filter(r -> !r.equals(province)).findFirst().orElseThrow();
        Response outside = stats(regulator, "groupBy=county&region=" + elsewhere);
        assertThat(outside.statusCode()).isEqualTo(403);
        assertThat(outside.jsonPath().getString("code")).isEqualTo("OUTSIDE_REGION");
        assertThat(groups(stats(regulator, "groupBy=province"))).as("the public level, nationwide, like everyone")
                .isEqualTo(count(permits, p -> true, p -> p.region().substring(0, 2)));
    }

    @Test
    void the_renewal_pipeline_counts_valid_permits_expiring_within_30_60_and_90_days() {
        for (String query : List.of("", "category=KEY", "region=" + permits.get(7).region().substring(0, 2),
                "region=" + permits.get(7).region().substring(0, 4) + "&industry=" + permits.get(7).industry().substring(0, 2),
                "industry=" + permits.get(11).industry().substring(0, 3) + "&category=SIMPLIFIED")) {
            Response r = stats(null, query);
            Map<String, String> filters = new HashMap<>();
            for (String kv : query.isEmpty() ? new String[0] : query.split("&")) {
                filters.put(kv.split("=")[0], kv.split("=")[1]);
            }
            Predicate<P> selected = p -> p.region().startsWith(filters.getOrDefault("region", ""))
                    && p.industry().startsWith(filters.getOrDefault("industry", ""))
                    && (!filters.containsKey("category") || p.category().equals(filters.get("category")));
            LocalDate today = LocalDate.parse(r.jsonPath().getString("renewalPipeline.from"));
            for (int days : new int[]{30, 60, 90}) {
                long expected = permits.stream().filter(selected).filter(p -> p.status().equals("VALID")
                        && !p.validTo().isBefore(today) && !p.validTo().isAfter(today.plusDays(days))).count();
                assertThat(r.jsonPath().getLong("renewalPipeline.within" + days + "Days")).as(query + " within " + days).isEqualTo(expected);
            }
            long due = permits.stream().filter(selected).filter(p -> p.status().equals("VALID") && !p.validTo().isBefore(today)
                    && !p.validTo().isAfter(today.plus(p.category().equals("REGISTRATION") ? lifecycle.registrationRenewalLead()
                    : lifecycle.renewalLead()))).count();
            assertThat(r.jsonPath().getLong("renewalPipeline.dueForRenewal")).as(query + " due").isEqualTo(due);
            if (query.isEmpty()) {
                assertThat(due).as("the data has some").isPositive();
            }
        }
        assertThat(stats(null, "status=REVOKED").jsonPath().getLong("renewalPipeline.within90Days"))
                .as("only valid permits expire").isZero();
    }

    @Test
    void every_bad_parameter_is_named_in_one_problem() {
        Response r = stats(null, "groupBy=town&region=4&industry=44x&category=BIG&status=GONE&sort=up&industryLevel=leaf");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.jsonPath().getString("code")).isEqualTo("VALIDATION_FAILED");
        assertThat(r.jsonPath().getList("errors.path", String.class)).containsExactlyInAnyOrder("query.groupBy", "query.region",
                "query.industry", "query.category", "query.status", "query.sort", "query.industryLevel");
        Response level = stats(null, "groupBy=city&industryLevel=group");
        assertThat(level.statusCode()).isEqualTo(400);
        assertThat(level.jsonPath().getList("errors.code", String.class)).containsExactly("NOT_APPLICABLE");
        Response emissions = given().get("/v1/stats/emissions?year=1999&groupBy=status&pollutant=SO2");
        assertThat(emissions.statusCode()).isEqualTo(400);
        assertThat(emissions.jsonPath().getList("errors.path", String.class))
                .containsExactlyInAnyOrder("query.year", "query.groupBy", "query.pollutant");
        assertThat(given().get("/v1/stats/emissions").jsonPath().getList("errors.code", String.class))
                .as("the year is required").containsExactly("REQUIRED");
    }

    @Test
    void the_same_table_comes_as_csv_with_a_byte_order_mark_for_excel() {
        Response json = stats(null, "groupBy=province");
        Response csv = given().accept("text/csv").get("/v1/stats/permits?groupBy=province");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("X-Stats-As-Of")).isNotBlank();
        String body = new String(csv.asByteArray(), StandardCharsets.UTF_8);
        assertThat(body).startsWith("\uFEFFkey,nameZh,nameEn,permits\n");
        List<String> lines = body.substring(1).lines().skip(1).toList();
        List<Map<String, Object>> groups = json.jsonPath().getList("groups");
        assertThat(lines).hasSameSizeAs(groups);
        for (int i = 0; i < lines.size(); i++) {
            Map<String, Object> g = groups.get(i);
            assertThat(lines.get(i)).isEqualTo(String.join(",", (String) g.get("key"), csvCell((String) g.get("nameZh")),
                    csvCell((String) g.get("nameEn")), String.valueOf(g.get("permits"))));
        }
        assertThat(body).as("Chinese names intact").contains(json.jsonPath().getString("groups[0].nameZh"));
        Response refused = given().accept("text/csv").get("/v1/stats/permits?groupBy=town");
        assertThat(refused.statusCode()).as("a CSV request with a bad parameter gets the problem").isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(json.jsonPath().getString("units.permits")).startsWith("count");
        assertThat(json.jsonPath().getString("asOf")).isNotBlank();
    }

    private static String csvCell(String value) {
        if (value == null) {
            return "";
        }
        return value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
