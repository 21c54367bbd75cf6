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

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Applications filed on demo permits through the API: each type's rules and refusals, who may file and read, one open
 * application of a type at a time, withdrawal, retries, the listing and the requirements endpoint.
 */
@QuarkusTest
class ApplicationFilingTest {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Inject
    ClientRegistry registry;

    @Inject
    Pool pool;

    static LocalDate today() {
        return LocalDate.now(CHINA);
    }

    /**
     * The {@code nth} SIMPLIFIED permit without applications (from the end, away from the filing tests' KEY permits),
     * set to {@code status} with its validity ending on {@code validTo}, and its enterprise's credit code.
     */
    String[] permit(int nth, LocalDate validTo, String status) {
        String number = Db.string(pool, """
                SELECT p.permit_number FROM permit p JOIN enterprise e ON e.id = p.enterprise_id
                WHERE p.category = 'SIMPLIFIED' AND NOT e.pseudo_credit_code
                  AND NOT EXISTS (SELECT 1 FROM application a WHERE a.permit_id = p.id)
                ORDER BY p.permit_number DESC OFFSET $1 LIMIT 1""", 40 + nth);
        Db.rows(pool, "UPDATE permit SET valid_to = $2, valid_from = $2 - 1826, status = $3 WHERE permit_number = $1", number, validTo, status);
        String creditCode = Db.string(pool, "SELECT e.credit_code FROM permit p JOIN enterprise e ON e.id = p.enterprise_id WHERE p.permit_number = $1", number);
        return new String[] {number, creditCode};
    }

    String[] permit(int nth) {
        return permit(nth, today().plusYears(2), "VALID");
    }

    /** A vendor the enterprise delegated the permit to with {@code scopes} (an administrator's delegation, through the API). */
    CreatedClient vendor(String[] permit, String... scopes) {
        CreatedClient vendor = registry.create(new NewClient("Test applications vendor " + UUID.randomUUID(), "测试环保服务有限公司",
                null, List.of("vendor"), List.of("permits:read", "filings:write", "applications:write"), null, null, "standard", null))
                .await().indefinitely();
        given().header("X-API-Key", TestClients.admin(registry).apiKey()).contentType("application/json")
                .body("""
                        {"enterpriseCreditCode": "%s", "vendorClientId": "%s", "permitNumbers": ["%s"], "scopes": [%s], "validTo": "%s"}"""
                        .formatted(permit[1], vendor.client().id(), permit[0], String.join(", ", List.of(scopes).stream().map(s -> "\"" + s + "\"").toList()),
                                DelegationTimes.inAYear()))
                .post("/v1/delegations").then().statusCode(201);
        return vendor;
    }

    String vendorKey(String[] permit) {
        return vendor(permit, "applications:write").apiKey();
    }

    String enterpriseKey(String creditCode) {
        return registry.create(new NewClient("Test applications enterprise " + UUID.randomUUID(), "排污单位", null, List.of("enterprise"),
                List.of("permits:read", "applications:write"), null, creditCode, "free", null)).await().indefinitely().apiKey();
    }

    static Response file(String key, String permit, String body) {
        return given().header("X-API-Key", key).contentType("application/json").body(body).post("/v1/permits/{n}/applications", permit);
    }

    static final String RENEWAL = """
            {"type": "RENEWAL", "truthful": true, "statement": "许可证有效期内守法排污，申请延续。"}""";

    static String change(LocalDate on, String field, String value) {
        return """
                {"type": "CHANGE", "truthful": true, "change": {"changedOn": "%s", "items": [{"field": "%s", "value": "%s"}]}}"""
                .formatted(on, field, value);
    }

    static void assertRefused(Response r, int status, String code, String... fieldCodes) {
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(status);
        assertThat(r.jsonPath().getString("code")).isEqualTo(code);
        if (fieldCodes.length > 0) {
            assertThat(r.jsonPath().getList("errors.code", String.class)).containsExactly(fieldCodes);
        }
    }

    long applications(String permit) {
        return Db.count(pool, "SELECT count(*) FROM application a JOIN permit p ON p.id = a.permit_id WHERE p.permit_number = $1", permit);
    }

    @Test
    void a_delegated_vendor_files_a_renewal_in_time_and_its_enterprise_and_regulator_read_it() {
        String[] permit = permit(0);
        String key = vendorKey(permit);

        Response filed = file(key, permit[0], RENEWAL);
        assertThat(filed.statusCode()).as(filed.asString()).isEqualTo(201);
        long id = filed.jsonPath().getLong("id");
        assertThat(filed.header("Location")).endsWith("/v1/applications/" + id);
        assertThat(filed.jsonPath().getString("type")).isEqualTo("RENEWAL");
        assertThat(filed.jsonPath().getString("status")).isEqualTo("SUBMITTED");
        assertThat(filed.jsonPath().getString("permitNumber")).isEqualTo(permit[0]);
        assertThat(filed.jsonPath().getString("enterpriseCreditCode")).isEqualTo(permit[1]);
        assertThat(filed.jsonPath().getList("findings")).as("two years before expiry: in time").isEmpty();
        assertThat(filed.jsonPath().getList("history.status")).containsExactly("SUBMITTED");
        assertThat(Db.count(pool, "SELECT count(*) FROM outbox_event WHERE aggregate_type = 'application' AND aggregate_id = $1", String.valueOf(id))).isEqualTo(1);

        assertThat(given().header("X-API-Key", enterpriseKey(permit[1])).get("/v1/applications/{id}", id).jsonPath().getString("statement"))
                .isNull();
        assertThat(given().header("X-API-Key", enterpriseKey(permit[1])).get("/v1/applications/{id}", id).jsonPath().getString("body.statement"))
                .isEqualTo("许可证有效期内守法排污，申请延续。");
        String region = Db.string(pool, "SELECT p.province_code FROM permit p WHERE p.permit_number = $1", permit[0]);
        assertThat(given().header("X-API-Key", TestClients.regulator(registry, region).apiKey()).get("/v1/applications/{id}", id).statusCode())
                .isEqualTo(200);
        String elsewhere = region.equals("11") ? "12" : "11";
        assertRefused(given().header("X-API-Key", TestClients.regulator(registry, elsewhere).apiKey()).get("/v1/applications/{id}", id),
                403, "OUTSIDE_REGION");
        assertRefused(given().header("X-API-Key", vendorKey(permit(1))).get("/v1/applications/{id}", id), 404, "APPLICATION_NOT_FOUND");
    }

    @Test
    void a_renewal_filed_later_than_60_days_before_expiry_is_accepted_with_a_finding_and_after_expiry_refused() {
        String[] late = permit(2, today().plusDays(30), "VALID");
        Response filed = file(vendorKey(late), late[0], RENEWAL);
        assertThat(filed.statusCode()).as(filed.asString()).isEqualTo(201);
        assertThat(filed.jsonPath().getList("findings.code")).containsExactly("RENEWAL_FILED_LATE");
        assertThat(filed.jsonPath().getString("findings[0].message")).contains("30 day(s) before expiry");

        String[] expired = permit(3, today().minusDays(1), "VALID");
        assertRefused(file(vendorKey(expired), expired[0], RENEWAL), 422, "APPLICATION_REJECTED", "RENEWAL_AFTER_EXPIRY");
    }

    @Test
    void a_change_filed_more_than_30_days_after_it_is_accepted_with_a_finding() {
        String[] permit = permit(4);
        Response filed = file(vendorKey(permit), permit[0], change(today().minusDays(45), "LEGAL_REPRESENTATIVE", "李明"));
        assertThat(filed.statusCode()).as(filed.asString()).isEqualTo(201);
        assertThat(filed.jsonPath().getList("findings.code")).containsExactly("CHANGE_FILED_LATE");
        assertThat(filed.jsonPath().getString("findings[0].path")).isEqualTo("/change/changedOn");
        assertThat(filed.jsonPath().getString("body.change.items[0].value")).isEqualTo("李明");

        String[] inTime = permit(5);
        Response onTime = file(vendorKey(inTime), inTime[0], change(today().minusDays(10), "NAME", "新名称有限公司"));
        assertThat(onTime.statusCode()).as(onTime.asString()).isEqualTo(201);
        assertThat(onTime.jsonPath().getList("findings")).isEmpty();
    }

    @Test
    void a_change_of_outlets_or_limits_is_refused_with_a_pointer_to_reapplication_and_every_failing_field_is_listed() {
        String[] permit = permit(6);
        String key = vendorKey(permit);
        Response r = file(key, permit[0], """
                {"type": "CHANGE", "truthful": false, "reissue": {"circumstance": "LOST"},
                 "change": {"items": [{"field": "NAME", "value": "新名称"}, {"field": "OUTLETS"}, {"field": "NAME", "value": "又一名称"},
                                      {"field": "ADDRESS"}]}}""");
        assertRefused(r, 422, "APPLICATION_REJECTED", "COMMITMENT_REQUIRED", "SECTION_NOT_FOR_TYPE", "REQUIRED",
                "CHANGE_NEEDS_REAPPLICATION", "DUPLICATE_CHANGE", "REQUIRED");
        assertThat(r.jsonPath().getList("errors.path", String.class)).containsExactly("/truthful", "/reissue", "/change/changedOn",
                "/change/items/1/field", "/change/items/2/field", "/change/items/3/value");
        assertThat(r.jsonPath().getString("errors[3].message")).contains("REAPPLICATION");
        assertRefused(file(key, permit[0], change(today().plusDays(3), "ADDRESS", "新地址")), 422, "APPLICATION_REJECTED", "CHANGE_DATE_IN_FUTURE");
        assertThat(applications(permit[0])).as("nothing refused is stored").isZero();
    }

    @Test
    void a_permit_whose_status_does_not_allow_the_type_refuses_it() {
        String[] revoked = permit(7, today().plusYears(1), "REVOKED");
        String key = vendorKey(revoked);
        assertRefused(file(key, revoked[0], RENEWAL), 422, "APPLICATION_REJECTED", "TYPE_NOT_ALLOWED_FOR_STATUS");
        assertRefused(file(key, revoked[0], """
                {"type": "CANCELLATION", "truthful": true, "cancellation": {"reason": "EXPIRED_NOT_RENEWED"}}"""),
                422, "APPLICATION_REJECTED", "CANCELLATION_REASON_MISMATCH");
        Response cancel = file(key, revoked[0], """
                {"type": "CANCELLATION", "truthful": true, "cancellation": {"reason": "REVOKED"}}""");
        assertThat(cancel.statusCode()).as("a revoked permit is cancelled: " + cancel.asString()).isEqualTo(201);

        String[] cancelled = permit(8, today().minusYears(1), "CANCELLED");
        assertRefused(file(vendorKey(cancelled), cancelled[0], """
                {"type": "REISSUE", "truthful": true, "reissue": {"circumstance": "LOST"}}"""), 422, "APPLICATION_REJECTED", "TYPE_NOT_ALLOWED_FOR_STATUS");
    }

    @Test
    void registration_receipts_are_not_applied_for_initial_applications_are_not_filed_here_and_a_reapplication_needs_a_draft() {
        String number = Db.string(pool, """
                SELECT p.permit_number FROM permit p JOIN enterprise e ON e.id = p.enterprise_id
                WHERE p.category = 'REGISTRATION' AND p.status = 'VALID' AND NOT e.pseudo_credit_code ORDER BY 1 LIMIT 1""");
        String code = Db.string(pool, "SELECT e.credit_code FROM permit p JOIN enterprise e ON e.id = p.enterprise_id WHERE p.permit_number = $1", number);
        Response r = file(enterpriseKey(code), number, RENEWAL);
        assertRefused(r, 422, "APPLICATION_REJECTED", "REGISTRATION_SELF_SERVICE");
        assertThat(r.jsonPath().getString("errors[0].message")).contains("/v1/registrations/" + number + "/renewal");

        String[] permit = permit(9);
        String key = vendorKey(permit);
        assertRefused(file(key, permit[0], "{\"type\": \"INITIAL\", \"truthful\": true}"), 422, "APPLICATION_REJECTED", "TYPE_NOT_ON_PERMIT");
        Response reapplication = file(key, permit[0], "{\"type\": \"REAPPLICATION\", \"truthful\": true}");
        assertRefused(reapplication, 422, "APPLICATION_REJECTED", "REQUIRED");
        assertThat(reapplication.jsonPath().getString("errors[0].path")).as("a reapplication carries the new draft").isEqualTo("/draft");
    }

    @Test
    void one_open_application_of_a_type_per_permit_and_the_applicant_withdraws_it_once() {
        String[] permit = permit(10);
        String key = vendorKey(permit);
        long first = file(key, permit[0], RENEWAL).then().statusCode(201).extract().jsonPath().getLong("id");
        Response second = file(enterpriseKey(permit[1]), permit[0], RENEWAL);
        assertRefused(second, 409, "APPLICATION_OPEN", "APPLICATION_OPEN");
        assertThat(second.jsonPath().getString("errors[0].message")).contains("/v1/applications/" + first);
        assertThat(file(key, permit[0], """
                {"type": "REISSUE", "truthful": true, "reissue": {"circumstance": "DAMAGED"}}""").statusCode())
                .as("another type may be open beside it").isEqualTo(201);

        assertRefused(given().header("X-API-Key", vendorKey(permit(11))).post("/v1/applications/{id}/withdrawal", first),
                404, "APPLICATION_NOT_FOUND");
        Response withdrawn = given().header("X-API-Key", key).post("/v1/applications/{id}/withdrawal", first);
        assertThat(withdrawn.statusCode()).as(withdrawn.asString()).isEqualTo(200);
        assertThat(withdrawn.jsonPath().getString("status")).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.jsonPath().getList("history.status")).containsExactly("SUBMITTED", "WITHDRAWN");
        assertRefused(given().header("X-API-Key", key).post("/v1/applications/{id}/withdrawal", first), 409, "APPLICATION_NOT_OPEN");
        assertThat(file(key, permit[0], RENEWAL).statusCode()).as("once withdrawn, the type may be filed again").isEqualTo(201);
    }

    @Test
    void a_retry_with_the_same_idempotency_key_files_once() {
        String[] permit = permit(12);
        String key = vendorKey(permit);
        String idempotencyKey = UUID.randomUUID().toString();
        Response first = given().header("X-API-Key", key).header("Idempotency-Key", idempotencyKey).contentType("application/json")
                .body(RENEWAL).post("/v1/permits/{n}/applications", permit[0]);
        Response retry = given().header("X-API-Key", key).header("Idempotency-Key", idempotencyKey).contentType("application/json")
                .body(RENEWAL).post("/v1/permits/{n}/applications", permit[0]);
        assertThat(first.statusCode()).as(first.asString()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.header("Idempotency-Replayed")).isEqualTo("true");
        assertThat(retry.jsonPath().getLong("id")).isEqualTo(first.jsonPath().getLong("id"));
        assertThat(applications(permit[0])).isEqualTo(1);

        long id = first.jsonPath().getLong("id");
        String withdrawalKey = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            assertThat(given().header("X-API-Key", key).header("Idempotency-Key", withdrawalKey).post("/v1/applications/{id}/withdrawal", id)
                    .statusCode()).as("a retried withdrawal answers as the first").isEqualTo(200);
        }
        assertThat(Db.count(pool, "SELECT count(*) FROM application_event WHERE application_id = $1", id)).isEqualTo(2);
    }

    @Test
    void a_vendor_needs_a_delegation_that_carries_the_scope() {
        String[] permit = permit(13);
        assertRefused(file(TestClients.vendor(registry).apiKey(), permit[0], RENEWAL), 403, "INSUFFICIENT_SCOPE");
        CreatedClient undelegated = registry.create(new NewClient("Test applications vendor " + UUID.randomUUID(), "测试环保服务有限公司",
                null, List.of("vendor"), List.of("applications:write"), null, null, "standard", null)).await().indefinitely();
        assertRefused(file(undelegated.apiKey(), permit[0], RENEWAL), 403, "NOT_DELEGATED");
        assertRefused(file(vendor(permit, "permits:read", "filings:write").apiKey(), permit[0], RENEWAL), 403, "INSUFFICIENT_SCOPE");
        assertRefused(given().header("X-API-Key", TestClients.admin(registry).apiKey()).contentType("application/json").body(RENEWAL)
                .post("/v1/permits/{n}/applications", permit[0]), 403, "INSUFFICIENT_SCOPE");
        assertThat(applications(permit[0])).isZero();
    }

    @Test
    void the_caller_lists_its_own_applications_filtered_and_paged() {
        String[] a = permit(14);
        String[] b = permit(15);
        CreatedClient vendor = vendor(a, "applications:write");
        given().header("X-API-Key", TestClients.admin(registry).apiKey()).contentType("application/json")
                .body("""
                        {"enterpriseCreditCode": "%s", "vendorClientId": "%s", "permitNumbers": ["%s"], "scopes": ["applications:write"], "validTo": "%s"}"""
                        .formatted(b[1], vendor.client().id(), b[0], DelegationTimes.inAYear()))
                .post("/v1/delegations").then().statusCode(201);
        long renewal = file(vendor.apiKey(), a[0], RENEWAL).then().statusCode(201).extract().jsonPath().getLong("id");
        long change = file(vendor.apiKey(), b[0], change(today(), "PRINCIPAL_PERSON", "张伟")).then().statusCode(201).extract().jsonPath().getLong("id");
        file(vendorKey(a), a[0], """
                {"type": "REISSUE", "truthful": true, "reissue": {"circumstance": "LOST"}}""").then().statusCode(201);

        Response page1 = given().header("X-API-Key", vendor.apiKey()).queryParam("limit", 1).get("/v1/applications");
        assertThat(page1.statusCode()).as(page1.asString()).isEqualTo(200);
        assertThat(page1.jsonPath().getList("items.id", Long.class)).containsExactly(change);
        Response page2 = given().header("X-API-Key", vendor.apiKey()).queryParam("limit", 1)
                .queryParam("cursor", page1.jsonPath().getString("nextCursor")).get("/v1/applications");
        assertThat(page2.jsonPath().getList("items.id", Long.class)).as("another client's filing is not listed").containsExactly(renewal);
        assertThat(page2.jsonPath().getString("nextCursor")).isNull();
        assertThat(given().header("X-API-Key", vendor.apiKey()).queryParam("type", "CHANGE").get("/v1/applications")
                .jsonPath().getList("items.id", Long.class)).containsExactly(change);
        assertThat(given().header("X-API-Key", vendor.apiKey()).queryParam("permitNumber", a[0]).queryParam("status", "SUBMITTED")
                .get("/v1/applications").jsonPath().getList("items.id", Long.class)).containsExactly(renewal);
        assertThat(given().header("X-API-Key", enterpriseKey(a[1])).queryParam("permitNumber", a[0]).get("/v1/applications")
                .jsonPath().getList("items.type", String.class)).as("the enterprise sees its unit's, whoever filed them")
                .containsExactly("REISSUE", "RENEWAL");
        Response bad = given().header("X-API-Key", vendor.apiKey()).queryParam("status", "OPEN").queryParam("permitNumber", "x").get("/v1/applications");
        assertRefused(bad, 400, "VALIDATION_FAILED");
        assertThat(bad.jsonPath().getList("errors.path", String.class)).containsExactlyInAnyOrder("query.status", "query.permitNumber");
    }

    @Test
    void the_requirements_say_what_each_type_needs_today() {
        LocalDate expiry = today().plusDays(100);
        String[] permit = permit(16, expiry, "VALID");
        String key = vendorKey(permit);
        Response renewal = given().header("X-API-Key", key).queryParam("type", "RENEWAL").get("/v1/permits/{n}/applications/requirements", permit[0]);
        assertThat(renewal.statusCode()).as(renewal.asString()).isEqualTo(200);
        assertThat(renewal.jsonPath().getBoolean("allowed")).isTrue();
        assertThat(renewal.jsonPath().getString("filingDeadline.date")).isEqualTo(expiry.minusDays(60).toString());
        assertThat(renewal.jsonPath().getBoolean("filingDeadline.passed")).isFalse();
        assertThat(renewal.jsonPath().getString("filingDeadline.lateFinding")).isEqualTo("RENEWAL_FILED_LATE");
        assertThat(renewal.jsonPath().getInt("decisionPeriod.days")).as("epermit.review.renewal").isEqualTo(20);
        assertThat(renewal.jsonPath().getString("decisionPeriod.dayCount")).as("epermit.review.day-count").isEqualTo("WORKING");
        assertThat(renewal.jsonPath().getList("attachments.kind")).contains("COMMITMENT_LETTER", "APPLICATION_FORM");

        Response change = given().header("X-API-Key", key).queryParam("type", "CHANGE").get("/v1/permits/{n}/applications/requirements", permit[0]);
        assertThat(change.jsonPath().getList("fields.path")).contains("/change/changedOn", "/change/items");
        assertThat(change.jsonPath().getString("filingDeadline.date")).as("it depends on the change's date").isNull();
        Response reissue = given().header("X-API-Key", key).queryParam("type", "REISSUE").get("/v1/permits/{n}/applications/requirements", permit[0]);
        assertThat(reissue.jsonPath().getString("filingDeadline")).isNull();
        assertThat(reissue.jsonPath().getList("fields.path")).contains("/reissue/circumstance");

        Db.rows(pool, "UPDATE permit SET status = 'REVOKED' WHERE permit_number = $1", permit[0]);
        Response revoked = given().header("X-API-Key", key).queryParam("type", "RENEWAL").get("/v1/permits/{n}/applications/requirements", permit[0]);
        assertThat(revoked.jsonPath().getBoolean("allowed")).isFalse();
        assertThat(revoked.jsonPath().getList("refusals.code")).containsExactly("TYPE_NOT_ALLOWED_FOR_STATUS");
        assertThat(revoked.jsonPath().getString("decisionPeriod")).isNull();

        assertRefused(given().header("X-API-Key", key).get("/v1/permits/{n}/applications/requirements", permit[0]), 400, "VALIDATION_FAILED");
        assertRefused(given().header("X-API-Key", TestClients.vendor(registry).apiKey()).queryParam("type", "RENEWAL")
                .get("/v1/permits/{n}/applications/requirements", permit[0]), 403, "INSUFFICIENT_SCOPE");
    }
}
