package org.epermit.api.review;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.epermit.api.client.ClientRegistry;
import org.epermit.api.client.ClientRequests.NewClient;
import org.epermit.api.gateway.TestClients;
import org.epermit.api.testing.Db;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The review desk's queue: what waits in the regulator's region, oldest first, with the deadline of the next act, and
 * each filter (the reports' side: ReportReviewTest).
 */
@QuarkusTest
class ReviewQueueTest {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Inject
    ClientRegistry registry;

    @Inject
    Pool pool;

    /** Two SIMPLIFIED permits of one county, of units holding no other permit, that no application touched. */
    List<String[]> twoPermitsOfOneCounty() {
        String county = Db.string(pool, """
                SELECT p.region_code FROM permit p
                WHERE p.category = 'SIMPLIFIED' AND p.status = 'VALID'
                  AND NOT EXISTS (SELECT 1 FROM application a WHERE a.region_code = p.region_code)
                GROUP BY p.region_code HAVING count(*) >= 2 ORDER BY p.region_code DESC LIMIT 1""");
        List<String[]> permits = new ArrayList<>();
        for (var row : Db.rows(pool, """
                SELECT p.permit_number, e.credit_code FROM permit p JOIN enterprise e ON e.id = p.enterprise_id
                WHERE p.region_code = $1 AND p.category = 'SIMPLIFIED' AND p.status = 'VALID' AND NOT e.pseudo_credit_code
                ORDER BY p.permit_number LIMIT 2""", county)) {
            String number = row.getString("permit_number");
            Db.rows(pool, "UPDATE permit SET valid_to = $2, valid_from = $2 - 1826 WHERE permit_number = $1", number,
                    LocalDate.now(CHINA).plusYears(2));
            permits.add(new String[] {number, row.getString("credit_code"), county});
        }
        assertThat(permits).hasSize(2);
        return permits;
    }

    long fileRenewal(String[] permit) {
        String key = registry.create(new NewClient("Test queue enterprise " + UUID.randomUUID(), "排污单位", null, List.of("enterprise"),
                List.of("permits:read", "applications:write"), null, permit[1], "free", null)).await().indefinitely().apiKey();
        Response filed = given().header("X-API-Key", key).contentType("application/json")
                .body("{\"type\": \"RENEWAL\", \"truthful\": true}").post("/v1/permits/{n}/applications", permit[0]);
        assertThat(filed.statusCode()).as(filed.asString()).isEqualTo(201);
        return filed.jsonPath().getLong("id");
    }

    static Response queue(String key, Map<String, ?> params) {
        RequestSpecification r = given().header("X-API-Key", key);
        params.forEach(r::queryParam);
        return r.get("/v1/review/queue");
    }

    static List<Long> ids(Response r) {
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
        return r.jsonPath().getList("items.id", Long.class);
    }

    static Map<String, Object> item(Response r, long id) {
        List<Map<String, Object>> items = r.jsonPath().getList("items");
        return items.stream().filter(i -> ((Number) i.get("id")).longValue() == id).findFirst()
                .orElseThrow(() -> new AssertionError(id + " is not in " + r.asString()));
    }

    @Test
    void the_queue_lists_its_regions_pending_applications_oldest_first_with_the_deadline_of_the_next_act() {
        List<String[]> permits = twoPermitsOfOneCounty();
        String county = permits.get(0)[2];
        long old = fileRenewal(permits.get(0));
        long fresh = fileRenewal(permits.get(1));
        // filed 60 days ago and never answered: it counts as accepted, and its 20-day decision period has run out
        Db.rows(pool, "UPDATE application SET submitted_at = submitted_at - interval '60 days' WHERE id = $1", old);
        String regulator = TestClients.reviewer(registry, county.substring(0, 4)).apiKey();

        Response page = queue(regulator, Map.of("region", county, "kind", "APPLICATION"));
        List<Long> ids = ids(page);
        assertThat(ids).containsSubsequence(old, fresh);
        Map<String, Object> overdue = item(page, old);
        assertThat(overdue).containsEntry("step", "DECISION").containsEntry("deemedAccepted", true).containsEntry("overdue", true)
                .containsEntry("type", "RENEWAL").containsEntry("category", "SIMPLIFIED").containsEntry("permitNumber", permits.get(0)[0])
                .containsEntry("href", "/v1/applications/" + old).containsEntry("timesReturned", 0);
        assertThat(((Number) overdue.get("daysLeft")).longValue()).isNegative();
        Map<String, Object> inTime = item(page, fresh);
        assertThat(inTime).containsEntry("step", "ACCEPTANCE").containsEntry("overdue", false).containsEntry("deemedAccepted", false);
        assertThat(((Number) inTime.get("daysLeft")).longValue()).as("filed today: the whole acceptance period of 5 days is left")
                .isEqualTo(5);
        assertThat(LocalDate.parse((String) inTime.get("deadline"))).isAfter(LocalDate.now(CHINA).plusDays(4));

        assertThat(ids(queue(regulator, Map.of("region", county, "overdue", true)))).contains(old).doesNotContain(fresh);
        assertThat(ids(queue(regulator, Map.of("region", county, "overdue", false)))).contains(fresh).doesNotContain(old);
        assertThat(ids(queue(regulator, Map.of("region", county, "type", "RENEWAL")))).contains(old, fresh);
        assertThat(ids(queue(regulator, Map.of("region", county, "type", "CHANGE")))).doesNotContain(old, fresh);
        assertThat(ids(queue(regulator, Map.of("region", county, "category", "SIMPLIFIED")))).contains(old, fresh);
        assertThat(ids(queue(regulator, Map.of("region", county, "category", "KEY")))).doesNotContain(old, fresh);
        assertThat(ids(queue(regulator, Map.of("region", county, "kind", "EXECUTION_REPORT")))).doesNotContain(old, fresh);
        assertThat(ids(queue(regulator, Map.of("region", county.substring(0, 2))))).as("a wider region is narrowed to the regulator's")
                .contains(old, fresh);

        List<Long> walked = new ArrayList<>();
        String cursor = null;
        for (int pages = 0; pages < 50; pages++) {
            Response p = cursor == null ? queue(regulator, Map.of("region", county, "kind", "APPLICATION", "limit", 1))
                    : queue(regulator, Map.of("region", county, "kind", "APPLICATION", "limit", 1, "cursor", cursor));
            walked.addAll(ids(p));
            cursor = p.jsonPath().getString("nextCursor");
            if (cursor == null) {
                break;
            }
        }
        assertThat(walked).as("one item a page, in the same order").isEqualTo(ids);
        for (boolean late : new boolean[] {true, false}) {
            List<Long> all = ids(queue(regulator, Map.of("region", county, "kind", "APPLICATION", "overdue", late)));
            List<Long> paged = new ArrayList<>();
            String next = null;
            int pages = 0;
            do {
                Response p = next == null ? queue(regulator, Map.of("region", county, "kind", "APPLICATION", "overdue", late, "limit", 1))
                        : queue(regulator, Map.of("region", county, "kind", "APPLICATION", "overdue", late, "limit", 1, "cursor", next));
                paged.addAll(ids(p));
                next = p.jsonPath().getString("nextCursor");
            } while (next != null && ++pages < 50);
            assertThat(paged).as("overdue=" + late + ", a page at a time").isEqualTo(all);
            assertThat(pages).as("no empty page after the last item").isEqualTo(all.size() - 1);
        }
        String first = queue(regulator, Map.of("region", county, "kind", "APPLICATION", "limit", 1)).jsonPath().getString("nextCursor");
        Response mismatch = queue(regulator, Map.of("region", county, "kind", "EXECUTION_REPORT", "limit", 1, "cursor", first));
        assertThat(mismatch.statusCode()).isEqualTo(400);
        assertThat(mismatch.jsonPath().getString("code")).isEqualTo("INVALID_CURSOR");
    }

    @Test
    void bad_parameters_are_listed_at_once_and_a_region_outside_the_regulators_is_refused() {
        String regulator = TestClients.reviewer(registry, "1302").apiKey();
        Response bad = queue(regulator, Map.of("kind", "PERMIT", "type", "ANNUALLY", "category", "BIG", "region", "130", "overdue", "maybe", "limit", 0));
        assertThat(bad.statusCode()).as(bad.asString()).isEqualTo(400);
        assertThat(bad.jsonPath().getList("errors.path", String.class))
                .containsExactlyInAnyOrder("query.kind", "query.type", "query.category", "query.region", "query.overdue", "query.limit");
        Response outside = queue(regulator, Map.of("region", "1101"));
        assertThat(outside.statusCode()).isEqualTo(403);
        assertThat(outside.jsonPath().getString("code")).isEqualTo("OUTSIDE_REGION");
    }

}
