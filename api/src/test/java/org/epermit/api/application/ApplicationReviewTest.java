package org.epermit.api.application;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.epermit.api.client.ClientRegistry;
import org.epermit.api.client.ClientRequests.CreatedClient;
import org.epermit.api.client.ClientRequests.NewClient;
import org.epermit.api.gateway.TestClients;
import org.epermit.api.testing.Db;
import org.epermit.api.testing.DelegationTimes;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The regulator's side of an application: acceptance or a return with one notice, the decision and what it does to the
 * permit (versions, history, dates, status), resubmission after a return, the deemed acceptance, region confinement,
 * two decisions at once and retries.
 */
@QuarkusTest
class ApplicationReviewTest {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Inject
    ClientRegistry registry;

    @Inject
    Pool pool;

    /** A SIMPLIFIED permit no application touched yet (away from the filing tests'), valid until {@code validTo}. */
    record Permit(String number, String creditCode, String region) {
    }

    Permit permit(int nth, LocalDate validTo) {
        String number = Db.string(pool, """
                SELECT p.permit_number FROM permit p JOIN enterprise e ON e.id = p.enterprise_id
                WHERE p.category = 'SIMPLIFIED' AND p.status = 'VALID' AND NOT e.pseudo_credit_code
                  AND NOT EXISTS (SELECT 1 FROM application a WHERE a.permit_id = p.id)
                  AND (SELECT count(*) FROM permit q WHERE q.enterprise_id = p.enterprise_id) = 1
                ORDER BY p.permit_number OFFSET $1 LIMIT 1""", 10 + nth);
        Db.rows(pool, "UPDATE permit SET valid_to = $2, valid_from = $2 - 1826 WHERE permit_number = $1", number, validTo);
        return new Permit(number, Db.string(pool, "SELECT e.credit_code FROM permit p JOIN enterprise e ON e.id = p.enterprise_id WHERE p.permit_number = $1", number),
                Db.string(pool, "SELECT region_code FROM permit WHERE permit_number = $1", number));
    }

    Permit permit(int nth) {
        return permit(nth, today().plusYears(2));
    }

    static LocalDate today() {
        return LocalDate.now(CHINA);
    }

    String enterpriseKey(Permit p) {
        return registry.create(new NewClient("Test review enterprise " + UUID.randomUUID(), "排污单位", null, List.of("enterprise"),
                List.of("permits:read", "applications:write"), null, p.creditCode(), "free", null)).await().indefinitely().apiKey();
    }

    String reviewer(String region) {
        return TestClients.reviewer(registry, region).apiKey();
    }

    static Response post(String key, String path, String body, Object... params) {
        return given().header("X-API-Key", key).contentType("application/json").body(body).post(path, params);
    }

    static long file(String key, Permit p, String body) {
        Response filed = post(key, "/v1/permits/{n}/applications", body, p.number());
        assertThat(filed.statusCode()).as(filed.asString()).isEqualTo(201);
        return filed.jsonPath().getLong("id");
    }

    static Response accept(String key, long id) {
        return post(key, "/v1/applications/{id}/acceptance", "{\"outcome\": \"ACCEPTED\"}", id);
    }

    static Response approve(String key, long id) {
        return post(key, "/v1/applications/{id}/decision", "{\"decision\": \"APPROVED\"}", id);
    }

    static void assertStatus(Response r, int status) {
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(status);
    }

    static void assertRefused(Response r, int status, String code, String... fieldPathsAndCodes) {
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(status);
        assertThat(r.jsonPath().getString("code")).isEqualTo(code);
        for (int i = 0; i < fieldPathsAndCodes.length; i += 2) {
            assertThat(r.jsonPath().getList("errors.path", String.class)).as(r.asString()).contains(fieldPathsAndCodes[i]);
            int at = r.jsonPath().getList("errors.path", String.class).indexOf(fieldPathsAndCodes[i]);
            assertThat(r.jsonPath().getList("errors.code", String.class).get(at)).isEqualTo(fieldPathsAndCodes[i + 1]);
        }
    }

    static final String RENEWAL = """
            {"type": "RENEWAL", "truthful": true, "statement": "守法排污，申请延续。"}""";

    long events(Permit p, String type) {
        return Db.count(pool, "SELECT count(*) FROM permit_event e JOIN permit p ON p.id = e.permit_id WHERE p.permit_number = $1 AND e.event_type = $2",
                p.number(), type);
    }

    @Test
    void an_accepted_renewal_approved_extends_the_permit_five_years_from_its_old_expiry_in_a_new_version() {
        LocalDate validTo = today().plusDays(120);
        Permit p = permit(0, validTo);
        int versionBefore = Integer.parseInt(Db.string(pool, "SELECT CAST(version AS text) FROM permit WHERE permit_number = $1", p.number()));
        long renewedBefore = events(p, "RENEWED");
        long id = file(enterpriseKey(p), p, RENEWAL);
        String regulator = reviewer(p.region());

        Response accepted = accept(regulator, id);
        assertStatus(accepted, 200);
        assertThat(accepted.jsonPath().getString("status")).isEqualTo("ACCEPTED");
        assertThat(accepted.jsonPath().getString("acceptedOn")).isEqualTo(today().toString());

        Response approved = approve(regulator, id);
        assertStatus(approved, 200);
        assertThat(approved.jsonPath().getString("status")).isEqualTo("APPROVED");
        assertThat(approved.jsonPath().getString("decidedOn")).isEqualTo(today().toString());
        assertThat(approved.jsonPath().getList("history.status")).containsExactly("SUBMITTED", "ACCEPTED", "APPROVED");

        Response permit = given().get("/v1/public/permits/{n}", p.number());
        assertStatus(permit, 200);
        assertThat(permit.jsonPath().getString("validTo")).as("five years from the old expiry").isEqualTo(validTo.plusYears(5).toString());
        assertThat(permit.jsonPath().getString("validFrom")).isEqualTo(validTo.plusDays(1).toString());
        assertThat(permit.jsonPath().getInt("version")).isEqualTo(versionBefore + 1);
        assertThat(events(p, "RENEWED")).isEqualTo(renewedBefore + 1);
        assertThat(Db.string(pool, """
                SELECT v.reason || ' ' || v.effective_from || ' ' || (v.effective_to IS NULL) FROM permit_version v JOIN permit p ON p.id = v.permit_id
                WHERE p.permit_number = $1 AND v.version = $2""", p.number(), versionBefore + 1))
                .isEqualTo("RENEWAL " + validTo.plusDays(1) + " true");
        assertThat(Db.string(pool, """
                SELECT v.effective_to || ' ' || (v.snapshot ->> 'validTo') FROM permit_version v JOIN permit p ON p.id = v.permit_id
                WHERE p.permit_number = $1 AND v.version = $2""", p.number(), versionBefore))
                .as("the superseded version is closed on the old expiry and frozen with its old validity")
                .isEqualTo(validTo + " " + validTo);
        assertThat(Db.strings(pool, "SELECT event_type FROM outbox_event WHERE aggregate_id IN ($1, $2) ORDER BY id", String.valueOf(id), p.number()))
                .containsSubsequence("application.submitted", "application.accepted", "application.approved", "permit.renewed");
        assertThat(Db.count(pool, "SELECT count(*) FROM audit_log WHERE resource_type = 'application' AND resource_id = $1", String.valueOf(id)))
                .as("filing, acceptance and decision each audited").isGreaterThanOrEqualTo(3);

        assertRefused(approve(regulator, id), 409, "REVIEW_NOT_PENDING");
        assertRefused(post(regulator, "/v1/applications/{id}/acceptance", "{\"outcome\": \"ACCEPTED\"}", id), 409, "REVIEW_NOT_PENDING");
    }

    @Test
    void a_return_lists_every_correction_at_once_and_the_corrected_application_comes_back_submitted() {
        Permit p = permit(1);
        String enterprise = enterpriseKey(p);
        long id = file(enterprise, p, RENEWAL);
        String regulator = reviewer(p.region());

        assertRefused(post(regulator, "/v1/applications/{id}/acceptance", "{\"outcome\": \"RETURNED\", \"siteInspection\": false}", id),
                400, "VALIDATION_FAILED", "/corrections", "REQUIRED", "/siteInspection", "NOT_ALLOWED");
        Response returned = post(regulator, "/v1/applications/{id}/acceptance", """
                {"outcome": "RETURNED", "comment": "请一次性补正以下两项",
                 "corrections": [{"path": "/statement", "comment": "补充守法情况说明"}, {"path": "/truthful", "comment": "请由法定代表人签署承诺"}]}""", id);
        assertStatus(returned, 200);
        assertThat(returned.jsonPath().getString("status")).isEqualTo("RETURNED");
        assertThat(returned.jsonPath().getList("history[1].corrections.path")).containsExactly("/statement", "/truthful");
        assertThat(returned.jsonPath().getString("history[1].comment")).isEqualTo("请一次性补正以下两项");
        assertRefused(approve(regulator, id), 409, "REVIEW_NOT_PENDING");

        assertRefused(post(enterprise, "/v1/applications/{id}/resubmission", """
                {"type": "CHANGE", "truthful": true, "change": {"changedOn": "%s", "items": [{"field": "NAME", "value": "新名称"}]}}"""
                .formatted(today()), id), 422, "APPLICATION_REJECTED", "/type", "RESUBMISSION_TYPE_CHANGED");
        Response resubmitted = post(enterprise, "/v1/applications/{id}/resubmission", """
                {"type": "RENEWAL", "truthful": true, "statement": "许可证有效期内无违法记录，按期提交执行报告，申请延续。"}""", id);
        assertStatus(resubmitted, 200);
        assertThat(resubmitted.jsonPath().getString("status")).isEqualTo("SUBMITTED");
        assertThat(resubmitted.jsonPath().getString("body.statement")).startsWith("许可证有效期内无违法记录");
        assertThat(resubmitted.jsonPath().getList("history.status")).containsExactly("SUBMITTED", "RETURNED", "SUBMITTED");
        assertRefused(post(enterprise, "/v1/applications/{id}/resubmission", RENEWAL, id), 409, "APPLICATION_NOT_RETURNED");

        Response queue = given().header("X-API-Key", regulator).queryParam("region", p.region()).queryParam("kind", "APPLICATION")
                .get("/v1/review/queue");
        assertStatus(queue, 200);
        int at = queue.jsonPath().getList("items.id", Long.class).indexOf(id);
        assertThat(at).as("back in the queue").isNotNegative();
        assertThat(queue.jsonPath().getInt("items[" + at + "].timesReturned")).isEqualTo(1);
        assertThat(queue.jsonPath().getString("items[" + at + "].step")).isEqualTo("ACCEPTANCE");
    }

    @Test
    void an_application_left_without_notice_past_the_acceptance_period_counts_as_accepted_and_cannot_be_returned_at_acceptance() {
        Permit p = permit(2);
        long renewedBefore = events(p, "RENEWED");
        long id = file(enterpriseKey(p), p, RENEWAL);
        String regulator = reviewer(p.region());
        assertRefused(approve(regulator, id), 409, "NOT_YET_ACCEPTED");

        Db.rows(pool, "UPDATE application SET submitted_at = submitted_at - interval '30 days' WHERE id = $1", id);
        Response queue = given().header("X-API-Key", regulator).queryParam("region", p.region()).get("/v1/review/queue");
        int at = queue.jsonPath().getList("items.id", Long.class).indexOf(id);
        assertThat(at).isNotNegative();
        assertThat(queue.jsonPath().getString("items[" + at + "].step")).isEqualTo("DECISION");
        assertThat(queue.jsonPath().getBoolean("items[" + at + "].deemedAccepted")).isTrue();
        String deemed = queue.jsonPath().getString("items[" + at + "].acceptedOn");

        assertRefused(post(regulator, "/v1/applications/{id}/acceptance", """
                {"outcome": "RETURNED", "corrections": [{"path": "/statement", "comment": "太迟了"}]}""", id), 409, "ACCEPTANCE_PERIOD_PASSED");
        Response rejected = post(regulator, "/v1/applications/{id}/decision", """
                {"decision": "REJECTED", "reasons": ["许可证有效期内存在超标排放未整改"], "comment": "详见告知书"}""", id);
        assertStatus(rejected, 200);
        assertThat(rejected.jsonPath().getString("status")).isEqualTo("REJECTED");
        assertThat(rejected.jsonPath().getString("acceptedOn")).as("the clock started when the period lapsed").isEqualTo(deemed);
        assertThat(rejected.jsonPath().getList("history[1].reasons")).containsExactly("许可证有效期内存在超标排放未整改");
        assertThat(events(p, "RENEWED")).as("a rejection leaves the permit as it was").isEqualTo(renewedBefore);
    }

    @Test
    void a_decision_states_what_it_needs_every_failing_field_at_once() {
        Permit p = permit(3);
        long id = file(enterpriseKey(p), p, RENEWAL);
        String regulator = reviewer(p.region());
        assertStatus(accept(regulator, id), 200);
        assertRefused(post(regulator, "/v1/applications/{id}/decision", "{\"decision\": \"REJECTED\", \"corrections\": [{\"path\": \"x\"}]}", id),
                400, "VALIDATION_FAILED", "/reasons", "REQUIRED", "/corrections", "NOT_ALLOWED");
        assertRefused(post(regulator, "/v1/applications/{id}/decision", "{\"decision\": \"APPROVED\", \"reasons\": [\"好\"]}", id),
                400, "VALIDATION_FAILED", "/reasons", "NOT_ALLOWED");
        assertRefused(post(regulator, "/v1/applications/{id}/decision", """
                {"decision": "RETURNED", "corrections": [{"path": "statement", "comment": " "}]}""", id),
                400, "VALIDATION_FAILED", "/corrections/0/path", "FORMAT", "/corrections/0/comment", "EMPTY");
        assertThat(given().header("X-API-Key", regulator).get("/v1/applications/{id}", id).jsonPath().getString("status"))
                .as("nothing written by a refused decision").isEqualTo("ACCEPTED");
    }

    @Test
    void an_approved_change_writes_the_units_new_name_in_a_new_version_and_freezes_the_old_one() {
        Permit p = permit(4);
        long changedBefore = events(p, "CHANGED");
        String oldName = Db.string(pool, "SELECT e.name FROM enterprise e WHERE e.credit_code = $1", p.creditCode());
        String newName = "更名后的排污单位有限公司" + UUID.randomUUID().toString().substring(0, 4);
        long id = file(enterpriseKey(p), p, """
                {"type": "CHANGE", "truthful": true, "change": {"changedOn": "%s", "items": [{"field": "NAME", "value": "%s"},
                 {"field": "PRINCIPAL_PERSON", "value": "王主任"}]}}""".formatted(today().minusDays(3), newName));
        String regulator = reviewer(p.region());
        assertStatus(accept(regulator, id), 200);
        assertStatus(approve(regulator, id), 200);

        Response permit = given().get("/v1/public/permits/{n}", p.number());
        assertThat(permit.asString()).contains(newName);
        int version = permit.jsonPath().getInt("version");
        assertThat(Db.string(pool, "SELECT v.reason FROM permit_version v JOIN permit p ON p.id = v.permit_id WHERE p.permit_number = $1 AND v.version = $2",
                p.number(), version)).isEqualTo("CHANGE");
        assertThat(Db.string(pool, "SELECT CAST(v.snapshot AS text) FROM permit_version v JOIN permit p ON p.id = v.permit_id WHERE p.permit_number = $1 AND v.version = $2",
                p.number(), version - 1)).as("the superseded version keeps the old name").contains(oldName).doesNotContain(newName);
        assertThat(Db.string(pool, "SELECT principal_person FROM enterprise WHERE credit_code = $1", p.creditCode())).isEqualTo("王主任");
        assertThat(permit.asString()).as("the principal person is not public").doesNotContain("王主任");
        assertThat(events(p, "CHANGED")).isEqualTo(changedBefore + 1);
    }

    @Test
    void an_approved_cancellation_cancels_the_permit_and_a_reissue_issues_the_copy_again_as_a_new_version_with_the_same_terms() {
        Permit cancelled = permit(5);
        long cancelledBefore = events(cancelled, "CANCELLED");
        long cancellation = file(enterpriseKey(cancelled), cancelled, """
                {"type": "CANCELLATION", "truthful": true, "cancellation": {"reason": "UNIT_TERMINATED", "explanation": "企业关闭"}}""");
        String regulator = reviewer(cancelled.region());
        assertStatus(accept(regulator, cancellation), 200);
        assertStatus(approve(regulator, cancellation), 200);
        assertThat(given().get("/v1/public/permits/{n}", cancelled.number()).jsonPath().getString("status")).isEqualTo("CANCELLED");
        assertThat(events(cancelled, "CANCELLED")).isEqualTo(cancelledBefore + 1);

        Permit reissued = permit(6);
        int version = given().get("/v1/public/permits/{n}", reissued.number()).jsonPath().getInt("version");
        long reissuedBefore = events(reissued, "REISSUED");
        long reissue = file(enterpriseKey(reissued), reissued, """
                {"type": "REISSUE", "truthful": true, "reissue": {"circumstance": "LOST"}}""");
        String reissuer = reviewer(reissued.region());
        assertStatus(accept(reissuer, reissue), 200);
        assertStatus(approve(reissuer, reissue), 200);
        assertThat(events(reissued, "REISSUED")).isEqualTo(reissuedBefore + 1);
        Response copy = given().get("/v1/public/permits/{n}", reissued.number());
        assertThat(copy.jsonPath().getInt("version")).isEqualTo(version + 1);
        assertThat(copy.jsonPath().getString("issueDate")).isEqualTo(today().toString());
        assertThat(Db.string(pool, "SELECT v.reason FROM permit_version v JOIN permit p ON p.id = v.permit_id WHERE p.permit_number = $1 AND v.version = $2",
                reissued.number(), version + 1)).isEqualTo("REISSUE");
        assertThat(given().get("/v1/public/permits/{n}/history", reissued.number()).asString()).contains("REISSUED");
    }

    @Test
    void a_regulator_acts_only_in_its_region_and_only_regulators_review() {
        Permit p = permit(7);
        String enterprise = enterpriseKey(p);
        long id = file(enterprise, p, RENEWAL);
        String elsewhere = reviewer(p.region().startsWith("11") ? "12" : "11");
        assertRefused(accept(elsewhere, id), 403, "OUTSIDE_REGION");
        assertRefused(approve(elsewhere, id), 403, "OUTSIDE_REGION");
        assertRefused(given().header("X-API-Key", elsewhere).queryParam("region", p.region()).get("/v1/review/queue"), 403, "OUTSIDE_REGION");
        assertThat(given().header("X-API-Key", elsewhere).get("/v1/review/queue").jsonPath().getList("items.id", Long.class))
                .doesNotContain(id);
        assertRefused(accept(enterprise, id), 403, "INSUFFICIENT_SCOPE");
        assertRefused(given().header("X-API-Key", enterprise).get("/v1/review/queue"), 403, "INSUFFICIENT_SCOPE");
        String readOnly = TestClients.regulator(registry, p.region()).apiKey();
        assertRefused(accept(readOnly, id), 403, "INSUFFICIENT_SCOPE");
        assertRefused(accept(reviewer(p.region()), 999_999_999L), 404, "APPLICATION_NOT_FOUND");
    }

    @Test
    void of_two_decisions_at_once_exactly_one_stands() throws Exception {
        Permit p = permit(8, today().plusDays(200));
        long renewedBefore = events(p, "RENEWED");
        long id = file(enterpriseKey(p), p, RENEWAL);
        String first = reviewer(p.region());
        String second = reviewer(p.region());
        assertStatus(accept(first, id), 200);
        CountDownLatch start = new CountDownLatch(1);
        CompletableFuture<Response> a = CompletableFuture.supplyAsync(() -> { await(start); return approve(first, id); });
        CompletableFuture<Response> b = CompletableFuture.supplyAsync(() -> { await(start); return post(second, "/v1/applications/{id}/decision",
                "{\"decision\": \"REJECTED\", \"reasons\": [\"材料不全\"]}", id); });
        start.countDown();
        List<Response> both = List.of(a.get(), b.get());
        assertThat(both.stream().map(Response::statusCode).sorted().toList()).as(both.get(0).asString() + both.get(1).asString())
                .containsExactly(200, 409);
        Response loser = both.stream().filter(r -> r.statusCode() == 409).findFirst().orElseThrow();
        assertThat(loser.jsonPath().getString("code")).isIn("CONCURRENT_MODIFICATION", "REVIEW_NOT_PENDING");
        Response winner = both.stream().filter(r -> r.statusCode() == 200).findFirst().orElseThrow();
        assertThat(Db.count(pool, "SELECT count(*) FROM application_event WHERE application_id = $1 AND status IN ('APPROVED', 'REJECTED')", id))
                .isEqualTo(1);
        assertThat(events(p, "RENEWED")).isEqualTo(renewedBefore + (winner.jsonPath().getString("status").equals("APPROVED") ? 1 : 0));
    }

    @Test
    void a_retried_decision_with_its_idempotency_key_answers_as_the_first_and_decides_once() {
        Permit p = permit(9);
        long renewedBefore = events(p, "RENEWED");
        long id = file(enterpriseKey(p), p, RENEWAL);
        String regulator = reviewer(p.region());
        String acceptKey = UUID.randomUUID().toString();
        Response accepted = given().header("X-API-Key", regulator).header("Idempotency-Key", acceptKey).contentType("application/json")
                .body("{\"outcome\": \"ACCEPTED\"}").post("/v1/applications/{id}/acceptance", id);
        Response acceptedAgain = given().header("X-API-Key", regulator).header("Idempotency-Key", acceptKey).contentType("application/json")
                .body("{\"outcome\": \"ACCEPTED\"}").post("/v1/applications/{id}/acceptance", id);
        assertStatus(accepted, 200);
        assertStatus(acceptedAgain, 200);
        String key = UUID.randomUUID().toString();
        Response first = given().header("X-API-Key", regulator).header("Idempotency-Key", key).contentType("application/json")
                .body("{\"decision\": \"APPROVED\"}").post("/v1/applications/{id}/decision", id);
        Response retry = given().header("X-API-Key", regulator).header("Idempotency-Key", key).contentType("application/json")
                .body("{\"decision\": \"APPROVED\"}").post("/v1/applications/{id}/decision", id);
        assertStatus(first, 200);
        assertStatus(retry, 200);
        assertThat(retry.asString()).isEqualTo(first.asString());
        assertThat(events(p, "RENEWED")).isEqualTo(renewedBefore + 1);
        assertThat(Db.count(pool, "SELECT count(*) FROM application_event WHERE application_id = $1", id)).isEqualTo(3);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
