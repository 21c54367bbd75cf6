package org.epermit.api.permit;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.epermit.api.testing.Db;
import org.epermit.sdk.EPermitClient;
import org.epermit.sdk.model.PermitSummary;
import org.epermit.sdk.param.PermitSearchParams;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** The due-for-renewal flag of search results and the {@code dueForRenewal} filter give one answer, the rule's. */
@QuarkusTest
class DueForRenewalSearchTest {

    @Inject
    Pool pool;

    @Inject
    RenewalDue renewal;

    @TestHTTPResource("/")
    URL base;

    /** Every page of a search, as (permit number, dueForRenewal) in order. */
    private List<Map<String, Object>> walk(Map<String, Object> filters) {
        List<Map<String, Object>> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParams(filters).queryParam("limit", 100);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath body = request.get("/v1/public/permits").then().statusCode(200).extract().jsonPath();
            seen.addAll(body.getList("items"));
            cursor = body.getString("nextCursor");
        } while (cursor != null);
        return seen;
    }

    private static List<String> numbers(List<Map<String, Object>> items) {
        return items.stream().map(i -> (String) i.get("permitNumber")).toList();
    }

    /** The rule written once more, in SQL: VALID, ending from today to 90 days ahead, 20 for registrations. */
    private List<String> dueInTheDatabase(LocalDate today) {
        return Db.strings(pool, """
                SELECT permit_number FROM permit
                WHERE status = 'VALID' AND valid_to >= $1
                  AND valid_to - $1 <= CASE WHEN category = 'REGISTRATION' THEN 20 ELSE 90 END
                ORDER BY permit_number""", today);
    }

    @Test
    void due_for_renewal_true_finds_exactly_the_permits_the_rule_names_each_flagged() {
        LocalDate today = renewal.today();
        List<String> expected = dueInTheDatabase(today);
        assertThat(expected).as("the demo data has permits due for renewal").hasSizeGreaterThan(5);

        List<Map<String, Object>> due = walk(Map.of("dueForRenewal", "true"));

        assertThat(numbers(due)).containsExactlyElementsOf(expected);
        assertThat(due).allSatisfy(i -> assertThat(i.get("dueForRenewal")).isEqualTo(true));
        assertThat(renewal.today()).as("the day did not change during the test").isEqualTo(today);
    }

    @Test
    void due_for_renewal_false_finds_all_the_others_none_flagged() {
        LocalDate today = renewal.today();
        List<String> due = dueInTheDatabase(today);
        List<String> others = Db.strings(pool, "SELECT permit_number FROM permit ORDER BY permit_number").stream()
                .filter(n -> !due.contains(n)).toList();

        List<Map<String, Object>> notDue = walk(Map.of("dueForRenewal", "false"));

        assertThat(numbers(notDue)).containsExactlyElementsOf(others);
        assertThat(notDue).allSatisfy(i -> assertThat(i.get("dueForRenewal")).isEqualTo(false));
    }

    @Test
    void registrations_renew_within_twenty_days_permits_within_ninety() {
        List<Map<String, Object>> due = walk(Map.of("dueForRenewal", "true", "status", "VALID"));
        LocalDate today = renewal.today();
        assertThat(due).allSatisfy(i -> {
            long days = LocalDate.parse((String) i.get("validTo")).toEpochDay() - today.toEpochDay();
            assertThat(days).isBetween(0L, "REGISTRATION".equals(i.get("category")) ? 20L : 90L);
        });
        assertThat(walk(Map.of("dueForRenewal", "true", "status", "EXPIRED"))).isEmpty();
    }

    @Test
    void the_flag_is_on_every_search_result_as_the_filter_would_have_it() {
        List<String> due = dueInTheDatabase(renewal.today());
        List<Map<String, Object>> all = walk(Map.of("category", "KEY"));
        assertThat(all).isNotEmpty().allSatisfy(i ->
                assertThat(i.get("dueForRenewal")).as((String) i.get("permitNumber")).isEqualTo(due.contains((String) i.get("permitNumber"))));
    }

    @Test
    void the_sdk_asks_for_the_permits_due_for_renewal_and_reads_their_flag() {
        EPermitClient client = EPermitClient.builder().baseUrl(base.toString()).appInfo("renewal-test/1").build();
        List<String> expected = dueInTheDatabase(renewal.today());

        List<PermitSummary> due = client.publicPermits().search(PermitSearchParams.builder().dueForRenewal(true).limit(50).build())
                .stream().toList();

        assertThat(due).extracting(PermitSummary::getPermitNumber).containsExactlyElementsOf(expected);
        assertThat(due).allSatisfy(p -> assertThat(p.getDueForRenewal()).isTrue());
        assertThat(client.publicPermits().searchPage(PermitSearchParams.builder().dueForRenewal(false).limit(20).build(), null)
                .items()).hasSize(20).allSatisfy(p -> assertThat(p.getDueForRenewal()).isFalse());
    }

    @Test
    void a_value_other_than_true_or_false_is_a_400_naming_the_parameter() {
        for (String bad : List.of("yes", "1", "TRUE", "True", "")) {
            given().queryParam("dueForRenewal", bad).get("/v1/public/permits").then().statusCode(400)
                    .body("code", equalTo("VALIDATION_FAILED"))
                    .body("errors[0].path", equalTo("query.dueForRenewal"));
        }
        given().queryParam("dueForRenewal", "maybe").get("/v1/public/permits").then().statusCode(400)
                .body("errors[0].code", equalTo("UNKNOWN_VALUE"))
                .body("errors[0].message", equalTo("'maybe' is not one of true, false"));
    }

    @Test
    void a_cursor_continues_only_the_search_it_came_from() {
        String cursor = given().queryParam("dueForRenewal", "false").queryParam("limit", 1).get("/v1/public/permits")
                .then().statusCode(200).extract().path("nextCursor");
        given().queryParam("dueForRenewal", "true").queryParam("limit", 1).queryParam("cursor", cursor)
                .get("/v1/public/permits").then().statusCode(400).body("code", equalTo("INVALID_CURSOR"));
    }
}
