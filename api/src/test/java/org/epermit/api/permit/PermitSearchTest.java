package org.epermit.api.permit;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.epermit.api.testing.Db;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class PermitSearchTest {

    @Inject
    Pool pool;

    /** Follows nextCursor to the end and returns every permit number seen, in order. */
    private List<String> walk(Map<String, Object> filters, int limit) {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 10_000; page++) {
            var request = given().queryParams(filters).queryParam("limit", limit);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath body = request.get("/v1/public/permits").then().statusCode(200).extract().jsonPath();
            List<String> numbers = body.getList("items.permitNumber");
            assertThat(numbers.size()).isLessThanOrEqualTo(limit);
            seen.addAll(numbers);
            cursor = body.getString("nextCursor");
            if (cursor == null) {
                return seen;
            }
            assertThat(numbers).hasSize(limit);
        }
        throw new AssertionError("pagination did not end");
    }

    @Test
    void paging_through_everything_returns_every_permit_once_in_number_order() {
        List<String> seen = walk(Map.of(), 100);
        List<String> expected = Db.strings(pool, "SELECT permit_number FROM permit ORDER BY permit_number");
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(new LinkedHashSet<>(seen)).hasSize(seen.size());
    }

    @Test
    void paging_a_filtered_search_has_no_gaps_or_duplicates_whatever_the_page_size() {
        Map<String, Object> filters = Map.of("category", "KEY", "status", "VALID");
        List<String> expected = Db.strings(pool,
                "SELECT permit_number FROM permit WHERE category = 'KEY' AND status = 'VALID' ORDER BY permit_number");
        assertThat(expected).hasSizeGreaterThan(50);
        assertThat(walk(filters, 7)).containsExactlyElementsOf(expected);
        assertThat(walk(filters, 100)).containsExactlyElementsOf(expected);
    }

    @Test
    void region_and_industry_filter_by_code_prefix() {
        String county = Db.string(pool, "SELECT region_code FROM permit GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1");
        for (String prefix : List.of(county.substring(0, 2), county.substring(0, 4), county)) {
            List<String> expected = Db.strings(pool,
                    "SELECT permit_number FROM permit WHERE region_code LIKE $1 ORDER BY permit_number", prefix + "%");
            assertThat(walk(Map.of("region", prefix), 100)).as("region " + prefix).containsExactlyElementsOf(expected);
        }
        String industry = Db.string(pool, "SELECT industry_code FROM permit GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1");
        assertThat(walk(Map.of("industry", industry.substring(0, 2)), 100))
                .containsExactlyElementsOf(withClass(industry.substring(0, 2)));
    }

    /** Ground truth: the permits with a class, main or secondary, starting with {@code prefix}. */
    private List<String> withClass(String prefix) {
        return Db.strings(pool, """
                SELECT permit_number FROM permit p WHERE p.industry_code LIKE $1
                   OR EXISTS (SELECT 1 FROM permit_secondary_industry s WHERE s.permit_id = p.id AND s.industry_code LIKE $1)
                ORDER BY permit_number""", prefix + "%");
    }

    /** The prefix index holds exactly the prefixes of every permit's classes, as the tables say now. */
    private void prefixIndexIsExact() {
        assertThat(Db.count(pool, """
                WITH truth AS (
                    SELECT x AS prefix, p.permit_number FROM permit p,
                           unnest(epermit_industry_prefixes(p.industry_code, ARRAY(SELECT s.industry_code::text
                                  FROM permit_secondary_industry s WHERE s.permit_id = p.id))) AS x)
                SELECT count(*) FROM ((SELECT * FROM truth EXCEPT SELECT prefix, permit_number FROM permit_industry_prefix)
                                      UNION ALL
                                      (SELECT prefix, permit_number FROM permit_industry_prefix EXCEPT SELECT * FROM truth)) d""")).isZero();
    }

    @Test
    void industry_finds_a_site_by_any_of_its_classes_as_they_change() {
        // a permit, and two classes of another division than its main one
        List<io.vertx.mutiny.sqlclient.Row> pick = Db.rows(pool, """
                SELECT p.id, p.permit_number, p.industry_code FROM permit p ORDER BY p.permit_number LIMIT 1 OFFSET 11""");
        long id = pick.get(0).getLong("id");
        String number = pick.get(0).getString("permit_number");
        String main = pick.get(0).getString("industry_code");
        List<String> others = Db.strings(pool, """
                SELECT code FROM industry WHERE length(code) = 4 AND left(code, 2) <> left($1, 2) ORDER BY code""", main);
        String first = others.get(0);
        String second = others.get(others.size() - 1);
        try {
            Db.rows(pool, "INSERT INTO permit_secondary_industry (permit_id, industry_code) VALUES ($1, $2)", id, first);
            for (String prefix : List.of(first, first.substring(0, 3), first.substring(0, 2), first.substring(0, 1))) {
                List<String> expected = withClass(prefix);
                assertThat(expected).contains(number);
                assertThat(walk(Map.of("industry", prefix), 100)).as("industry " + prefix).containsExactlyElementsOf(expected);
            }
            assertThat(walk(Map.of("industry", main), 100)).contains(number);
            given().get("/v1/public/permits/{n}", number).then().statusCode(200)
                    .body("site.industry.code", equalTo(main))
                    .body("site.secondaryIndustries.code", containsInAnyOrder(first));
            prefixIndexIsExact();

            // the class changed: found by the new one only
            Db.rows(pool, "UPDATE permit_secondary_industry SET industry_code = $2 WHERE permit_id = $1", id, second);
            assertThat(walk(Map.of("industry", first), 100)).doesNotContain(number).containsExactlyElementsOf(withClass(first));
            assertThat(walk(Map.of("industry", second), 100)).contains(number).containsExactlyElementsOf(withClass(second));
            // the main class changed too
            Db.rows(pool, "UPDATE permit SET industry_code = $2 WHERE id = $1", id, first);
            assertThat(walk(Map.of("industry", main), 100)).doesNotContain(number).containsExactlyElementsOf(withClass(main));
            assertThat(walk(Map.of("industry", first), 100)).contains(number);
            prefixIndexIsExact();
        } finally {
            Db.rows(pool, "DELETE FROM permit_secondary_industry WHERE permit_id = $1", id);
            Db.rows(pool, "UPDATE permit SET industry_code = $2 WHERE id = $1", id, main);
        }
        assertThat(walk(Map.of("industry", second), 100)).doesNotContain(number);
        assertThat(Db.string(pool, "SELECT array_to_string(secondary_industries, ',') FROM permit WHERE id = $1", id)).isEmpty();
        prefixIndexIsExact();
    }

    @Test
    void an_industry_class_no_site_has_finds_nothing() {
        String unused = Db.strings(pool, """
                SELECT lpad(n::text, 4, '0') FROM generate_series(1000, 9999) n
                WHERE NOT EXISTS (SELECT 1 FROM permit_industry_prefix WHERE prefix = lpad(n::text, 4, '0')) LIMIT 1""").get(0);
        given().queryParam("industry", unused).get("/v1/public/permits").then().statusCode(200)
                .body("items", hasSize(0)).body("nextCursor", nullValue());
    }

    @Test
    void expiring_before_finds_the_permits_due_for_renewal() {
        List<String> expected = Db.strings(pool, """
                SELECT permit_number FROM permit WHERE status = 'VALID' AND valid_to < DATE '2027-01-27'
                ORDER BY permit_number""");
        assertThat(expected).as("the demo data has permits expiring within 60 days").isNotEmpty();
        assertThat(walk(Map.of("status", "VALID", "expiringBefore", "2027-01-27"), 100)).containsExactlyElementsOf(expected);
    }

    @Test
    void an_expiring_before_date_outside_the_years_1900_to_9999_is_an_error() {
        for (String date : List.of("+300000-01-01", "+10000-01-01", "1899-12-31", "-0001-01-01")) {
            given().queryParam("expiringBefore", date).get("/v1/public/permits").then().statusCode(400)
                    .body("code", equalTo("VALIDATION_FAILED"))
                    .body("errors[0].path", equalTo("query.expiringBefore"))
                    .body("errors[0].code", equalTo("RANGE"));
        }
        given().queryParam("expiringBefore", "9999-12-31").get("/v1/public/permits").then().statusCode(200);
        given().queryParam("expiringBefore", "1900-01-01").get("/v1/public/permits").then().statusCode(200);
    }

    @Test
    void q_matches_any_chinese_substring_of_the_enterprise_name() {
        String name = Db.string(pool, "SELECT e.name FROM enterprise e JOIN permit p ON p.enterprise_id = e.id ORDER BY p.permit_number LIMIT 1 OFFSET 17");
        int[] cps = name.codePoints().toArray();
        for (int length : new int[]{1, 2, 3, 5}) {
            String part = new String(cps, 2, length);
            List<String> expected = Db.strings(pool, """
                    SELECT p.permit_number FROM permit p JOIN enterprise e ON e.id = p.enterprise_id
                    WHERE strpos(e.name, $1) > 0 ORDER BY p.permit_number""", part);
            assertThat(walk(Map.of("q", part), 100)).as("q=" + part).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void q_matches_the_start_of_a_permit_number_or_credit_code() {
        String number = Db.string(pool, "SELECT permit_number FROM permit ORDER BY permit_number LIMIT 1 OFFSET 40");
        given().queryParam("q", number).get("/v1/public/permits").then().statusCode(200)
                .body("items.permitNumber", containsInAnyOrder(number));
        given().queryParam("q", number.substring(0, 18).toLowerCase()).get("/v1/public/permits").then().statusCode(200)
                .body("items.permitNumber", everyItem(startsWith(number.substring(0, 18))));
    }

    @Test
    void like_wildcards_and_sql_in_q_are_plain_text() {
        for (String q : List.of("%", "_", "\\", "' OR 1=1 --", "%' ; DROP TABLE permit; --", "a%b_c")) {
            given().queryParam("q", q).get("/v1/public/permits").then().statusCode(200)
                    .body("items", hasSize(0));
        }
        assertThat(Db.count(pool, "SELECT count(*) FROM permit")).isPositive();
    }

    @Test
    void results_carry_public_fields_only() {
        String body = given().queryParam("limit", 100).get("/v1/public/permits").then().statusCode(200).extract().asString();
        assertThat(body).doesNotContain("contact").doesNotContain("@example.cn").doesNotContain("phone");
    }

    @Test
    void a_limit_above_the_maximum_is_an_error_not_a_silent_clamp() {
        given().queryParam("limit", 101).get("/v1/public/permits").then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].path", equalTo("query.limit"))
                .body("errors[0].code", equalTo("RANGE"));
        for (String bad : List.of("0", "-1", "abc", "1e3", "99999999999999999999")) {
            given().queryParam("limit", bad).get("/v1/public/permits").then().statusCode(400)
                    .body("errors[0].path", equalTo("query.limit"));
        }
    }

    @Test
    void every_failing_parameter_is_reported_at_once() {
        given().queryParam("region", "4")
                .queryParam("industry", "C44")
                .queryParam("category", "IMPORTANT")
                .queryParam("status", "valid")
                .queryParam("expiringBefore", "2027-13-01")
                .queryParam("limit", 500)
                .queryParam("regoin", "44")
                .get("/v1/public/permits").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.path", containsInAnyOrder("query.region", "query.industry", "query.category",
                        "query.status", "query.expiringBefore", "query.limit", "query.regoin"));
    }

    @Test
    void a_repeated_or_empty_parameter_is_an_error() {
        given().queryParam("region", "44", "45").get("/v1/public/permits").then().statusCode(400)
                .body("errors[0].code", equalTo("REPEATED"));
        given().queryParam("q", "").get("/v1/public/permits").then().statusCode(400)
                .body("errors[0].code", equalTo("EMPTY"));
    }

    @Test
    void oversized_and_binary_input_is_refused_cleanly() {
        given().queryParam("q", "深".repeat(201)).get("/v1/public/permits").then().statusCode(400)
                .body("errors[0].code", equalTo("TOO_LONG"));
        given().urlEncodingEnabled(false).get("/v1/public/permits?q=%FF%FE").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"));
        given().urlEncodingEnabled(false).get("/v1/public/permits?q=a%00b").then().statusCode(400)
                .body("errors[0].code", equalTo("CHARACTER"));
    }

    @Test
    void a_forged_altered_or_foreign_cursor_is_refused() {
        String cursor = given().queryParam("limit", 5).queryParam("category", "KEY").get("/v1/public/permits")
                .then().statusCode(200).extract().jsonPath().getString("nextCursor");
        assertThat(cursor).isNotNull();
        // the same cursor with other filters
        given().queryParam("cursor", cursor).queryParam("category", "SIMPLIFIED").get("/v1/public/permits").then()
                .statusCode(400).body("code", equalTo("INVALID_CURSOR")).body("errors[0].code", equalTo("QUERY_MISMATCH"));
        // one character changed (not the last: in unpadded base64 its low bits may be unused, and A -> B a no-op)
        int at = cursor.length() / 2;
        char c = cursor.charAt(at);
        String altered = cursor.substring(0, at) + (c == 'A' ? 'B' : 'A') + cursor.substring(at + 1);
        given().queryParam("cursor", altered).queryParam("category", "KEY").get("/v1/public/permits").then()
                .statusCode(400).body("code", equalTo("INVALID_CURSOR"));
        for (String garbage : List.of("garbage", "a.b", "!!!!", "x".repeat(600), cursor + cursor)) {
            given().queryParam("cursor", garbage).queryParam("category", "KEY").get("/v1/public/permits").then()
                    .statusCode(400).body("code", equalTo("INVALID_CURSOR"));
        }
        // and the genuine one continues
        given().queryParam("cursor", cursor).queryParam("category", "KEY").queryParam("limit", 5)
                .get("/v1/public/permits").then().statusCode(200).body("items", hasSize(5))
                .body("nextCursor", not(nullValue()));
    }

    @Test
    void the_last_page_has_no_next_cursor() {
        long revoked = Db.count(pool, "SELECT count(*) FROM permit WHERE status = 'REVOKED'");
        assertThat(revoked).as("the demo data has a few revoked permits").isBetween(1L, 99L);
        Map<String, Object> filters = new HashMap<>();
        filters.put("status", "REVOKED");
        List<String> all = walk(filters, 100);
        assertThat(all).hasSize((int) revoked);
        Set<String> distinct = new LinkedHashSet<>(all);
        assertThat(distinct).hasSameSizeAs(all);
        given().queryParam("status", "REVOKED").queryParam("limit", 100).get("/v1/public/permits").then()
                .statusCode(200).body("nextCursor", nullValue());
    }
}
