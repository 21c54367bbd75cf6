package org.epermit.api.filing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.epermit.api.client.ClientRegistry;
import org.epermit.api.gateway.TestClients;
import org.epermit.api.testing.Db;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A regulator's review of execution reports: the report waits in its region's queue, is returned with what to correct
 * (never public), corrected by its filer, back in the queue, and accepted; a stale or repeated review is a 409.
 */
@QuarkusTest
public class ReportReviewTest {

    @Inject
    ClientRegistry registry;

    @Inject
    Pool pool;

    public static Response review(String key, long id, String body) {
        return given().header("X-API-Key", key).contentType("application/json").body(body).post("/v1/execution-reports/{id}/review", id);
    }

    static Response queue(String key, String region) {
        return given().header("X-API-Key", key).queryParam("region", region).queryParam("kind", "EXECUTION_REPORT").queryParam("limit", 100)
                .get("/v1/review/queue");
    }

    static Map<String, Object> item(Response queue, long id) {
        assertThat(queue.statusCode()).as(queue.asString()).isEqualTo(200);
        List<Map<String, Object>> items = queue.jsonPath().getList("items");
        return items.stream().filter(i -> ((Number) i.get("id")).longValue() == id).findFirst().orElse(null);
    }

    @Test
    void a_returned_report_corrected_by_its_filer_comes_back_to_the_queue_and_is_accepted_with_its_reviews_kept() {
        String[] permit = ExecutionReportFilingTest.keyPermit(pool, 30);
        String region = Db.string(pool, "SELECT region_code FROM permit WHERE permit_number = $1", permit[0]);
        String filer = TestClients.filingVendor(registry, permit[1], permit[0]).apiKey();
        ObjectNode report = ExecutionReportFilingTest.completed(ExecutionReportFilingTest.blank(filer, permit[0], "QUARTERLY", "2025-Q3"));
        Response filed = ExecutionReportFilingTest.submit(filer, permit[0], report);
        assertThat(filed.statusCode()).as(filed.asString()).isEqualTo(201);
        long id = filed.jsonPath().getLong("id");
        String regulator = TestClients.reviewer(registry, region).apiKey();

        Map<String, Object> waiting = item(queue(regulator, region), id);
        assertThat(waiting).as("in its region's queue").isNotNull()
                .containsEntry("step", "REVIEW").containsEntry("type", "QUARTERLY").containsEntry("href", "/v1/execution-reports/" + id);

        Response noComment = review(regulator, id, "{\"outcome\": \"RETURNED\"}");
        assertThat(noComment.statusCode()).as(noComment.asString()).isEqualTo(400);
        assertThat(noComment.jsonPath().getList("errors.path", String.class)).containsExactly("/comment");
        assertThat(review(TestClients.reviewer(registry, region.startsWith("11") ? "12" : "11").apiKey(), id,
                "{\"outcome\": \"ACCEPTED\"}").jsonPath().getString("code")).isEqualTo("OUTSIDE_REGION");
        assertThat(review(filer, id, "{\"outcome\": \"ACCEPTED\"}").statusCode()).as("the filer does not review").isEqualTo(403);

        String comment = "请补充第三季度停产说明 " + UUID.randomUUID();
        Response returned = review(regulator, id, "{\"outcome\": \"RETURNED\", \"reportVersion\": 1, \"comment\": \"" + comment + "\"}");
        assertThat(returned.statusCode()).as(returned.asString()).isEqualTo(200);
        assertThat(returned.jsonPath().getString("status")).isEqualTo("RETURNED");
        assertThat(returned.jsonPath().getString("reviews[0].comment")).isEqualTo(comment);
        assertThat(review(regulator, id, "{\"outcome\": \"ACCEPTED\"}").jsonPath().getString("code")).isEqualTo("REVIEW_NOT_PENDING");
        assertThat(item(queue(regulator, region), id)).as("no longer waiting for the regulator").isNull();
        assertThat(given().get("/v1/public/permits/{n}/execution-reports", permit[0]).asString())
                .as("review comments are never public").doesNotContain(comment);
        assertThat(Db.count(pool, "SELECT count(*) FROM outbox_event WHERE aggregate_type = 'execution_report' AND aggregate_id = $1 "
                + "AND event_type = 'execution_report.returned'", String.valueOf(id))).isEqualTo(1);

        Response corrected = given().header("X-API-Key", filer).contentType("application/json").body(report.toString())
                .post("/v1/execution-reports/{id}/corrections", id);
        assertThat(corrected.statusCode()).as(corrected.asString()).isEqualTo(201);
        assertThat(corrected.jsonPath().getString("status")).isEqualTo("SUBMITTED");
        Map<String, Object> back = item(queue(regulator, region), id);
        assertThat(back).as("back in the queue").isNotNull().containsEntry("timesReturned", 1);

        assertThat(review(regulator, id, "{\"outcome\": \"ACCEPTED\", \"reportVersion\": 1}").jsonPath().getString("code"))
                .as("the version read is no longer current").isEqualTo("CONCURRENT_MODIFICATION");
        String key = UUID.randomUUID().toString();
        Response accepted = given().header("X-API-Key", regulator).header("Idempotency-Key", key).contentType("application/json")
                .body("{\"outcome\": \"ACCEPTED\", \"reportVersion\": 2}").post("/v1/execution-reports/{id}/review", id);
        Response retried = given().header("X-API-Key", regulator).header("Idempotency-Key", key).contentType("application/json")
                .body("{\"outcome\": \"ACCEPTED\", \"reportVersion\": 2}").post("/v1/execution-reports/{id}/review", id);
        assertThat(accepted.statusCode()).as(accepted.asString()).isEqualTo(200);
        assertThat(retried.asString()).as("a retry answers as the first did").isEqualTo(accepted.asString());
        assertThat(accepted.jsonPath().getList("reviews.outcome")).containsExactly("RETURNED", "ACCEPTED");
        assertThat(accepted.jsonPath().getList("reviews.reportVersion")).containsExactly(1, 2);
        assertThat(Db.count(pool, "SELECT count(*) FROM execution_report_review WHERE report_id = $1", id)).isEqualTo(2);
    }
}
