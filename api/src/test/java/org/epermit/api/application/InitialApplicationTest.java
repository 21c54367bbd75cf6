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

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.epermit.api.application.ApplicationFilingTest.assertRefused;

/**
 * INITIAL applications through the API (POST /v1/applications): a new unit registered with its first filing, a known
 * unit's own client and its delegated vendor, the draft refused field by field, retries, the requirements of a category,
 * and reapplications with a draft on a permit.
 */
@QuarkusTest
class InitialApplicationTest {

    @Inject
    ClientRegistry registry;

    @Inject
    Pool pool;

    CreatedClient vendor() {
        return registry.create(new NewClient("Test initial vendor " + UUID.randomUUID(), "测试环保服务有限公司", null, List.of("vendor"),
                List.of("permits:read", "applications:write"), null, null, "standard", null)).await().indefinitely();
    }

    String enterpriseKey(String creditCode) {
        return registry.create(new NewClient("Test initial enterprise " + UUID.randomUUID(), "排污单位", null, List.of("enterprise"),
                List.of("permits:read", "applications:write"), null, creditCode, "free", null)).await().indefinitely().apiKey();
    }

    /** The {@code nth} demo unit with a genuine credit code (from the start: the filing tests take theirs from the end). */
    String knownUnit(int nth) {
        return Db.string(pool, "SELECT credit_code FROM enterprise WHERE NOT pseudo_credit_code ORDER BY id OFFSET $1 LIMIT 1", 20 + nth);
    }

    void delegate(String creditCode, CreatedClient vendor, String permitNumbers, String scopes) {
        given().header("X-API-Key", TestClients.admin(registry).apiKey()).contentType("application/json")
                .body("""
                        {"enterpriseCreditCode": "%s", "vendorClientId": "%s", %s "scopes": [%s], "validTo": "%s"}"""
                        .formatted(creditCode, vendor.client().id(), permitNumbers == null ? "" : "\"permitNumbers\": [\"" + permitNumbers + "\"],",
                                scopes, DelegationTimes.inAYear()))
                .post("/v1/delegations").then().statusCode(201);
    }

    static String initial(String enterprise, PermitDraft draft) {
        return """
                {"type": "INITIAL", "truthful": true, "statement": "新建热电项目，申请排污许可证。", "enterprise": %s, "draft": %s}"""
                .formatted(enterprise, Drafts.json(draft));
    }

    static String newUnit(String creditCode) {
        return """
                {"creditCode": "%s", "name": "唐山新能热电有限公司", "address": "河北省唐山市路北区新华道8号", "legalRepresentative": "赵六"}"""
                .formatted(creditCode);
    }

    static Response file(String key, String body) {
        return given().header("X-API-Key", key).contentType("application/json").body(body).post("/v1/applications");
    }

    long applicationsOf(String creditCode) {
        return Db.count(pool, "SELECT count(*) FROM application a JOIN enterprise e ON e.id = a.enterprise_id WHERE e.credit_code = $1", creditCode);
    }

    @Test
    void a_vendor_files_for_a_new_unit_which_is_registered_with_it_and_the_sites_regulator_reads_it() {
        String code = Drafts.newCreditCode();
        CreatedClient vendor = vendor();
        Response filed = file(vendor.apiKey(), initial(newUnit(code), Drafts.powerPlant("唐山新能热电厂")));
        assertThat(filed.statusCode()).as(filed.asString()).isEqualTo(201);
        long id = filed.jsonPath().getLong("id");
        assertThat(filed.header("Location")).endsWith("/v1/applications/" + id);
        assertThat(filed.jsonPath().getString("type")).isEqualTo("INITIAL");
        assertThat(filed.jsonPath().getString("status")).isEqualTo("SUBMITTED");
        assertThat(filed.jsonPath().getString("permitNumber")).isNull();
        assertThat(filed.jsonPath().getString("enterpriseCreditCode")).isEqualTo(code);
        assertThat(filed.jsonPath().getString("body.draft.outlets[0].code")).isEqualTo("DA001");
        assertThat(filed.jsonPath().getString("body.draft.outlets[1].pollutants[2].limit.min")).isEqualTo("6");
        assertThat(Db.string(pool, "SELECT name || '|' || region_code || '|' || industry_code || '|' || legal_representative FROM enterprise WHERE credit_code = $1", code))
                .as("the unit is registered with its site's division and main industry").isEqualTo("唐山新能热电有限公司|130203|4411|赵六");

        assertThat(given().header("X-API-Key", TestClients.regulator(registry, "13").apiKey()).get("/v1/applications/{id}", id).statusCode())
                .as("the regulators of the site's region read it before there is a permit").isEqualTo(200);
        assertRefused(given().header("X-API-Key", TestClients.regulator(registry, "44").apiKey()).get("/v1/applications/{id}", id), 403, "OUTSIDE_REGION");
        assertThat(given().header("X-API-Key", vendor.apiKey()).queryParam("type", "INITIAL").get("/v1/applications")
                .jsonPath().getList("items.id", Long.class)).containsExactly(id);

        Response again = file(vendor.apiKey(), initial("{\"creditCode\": \"" + code + "\"}", Drafts.powerPlant("唐山新能热电二厂")));
        assertRefused(again, 403, "NOT_DELEGATED");
        assertThat(again.jsonPath().getString("detail")).as("once known, the unit's delegation applies").contains(code);
    }

    @Test
    void a_retry_with_the_same_idempotency_key_files_and_registers_once() {
        String code = Drafts.newCreditCode();
        String key = vendor().apiKey();
        String idempotencyKey = UUID.randomUUID().toString();
        String body = initial(newUnit(code), Drafts.powerPlant("唐山新能热电厂"));
        Response first = given().header("X-API-Key", key).header("Idempotency-Key", idempotencyKey).contentType("application/json").body(body)
                .post("/v1/applications");
        Response retry = given().header("X-API-Key", key).header("Idempotency-Key", idempotencyKey).contentType("application/json").body(body)
                .post("/v1/applications");
        assertThat(first.statusCode()).as(first.asString()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.header("Idempotency-Replayed")).isEqualTo("true");
        assertThat(retry.jsonPath().getLong("id")).isEqualTo(first.jsonPath().getLong("id"));
        assertThat(applicationsOf(code)).isEqualTo(1);
        assertThat(Db.count(pool, "SELECT count(*) FROM enterprise WHERE credit_code = $1", code)).isEqualTo(1);
        assertThat(Db.count(pool, "SELECT count(*) FROM outbox_event WHERE aggregate_type = 'application' AND aggregate_id = $1",
                String.valueOf(first.jsonPath().getLong("id")))).isEqualTo(1);
    }

    @Test
    void a_known_unit_applies_through_its_own_client_or_a_vendor_delegated_all_its_permits_with_the_scope() {
        String unit = knownUnit(0);
        String body = initial("{\"creditCode\": \"" + unit + "\"}", Drafts.powerPlant("新厂区"));
        Response own = file(enterpriseKey(unit), body);
        assertThat(own.statusCode()).as(own.asString()).isEqualTo(201);
        assertThat(own.jsonPath().getString("enterpriseCreditCode")).isEqualTo(unit);
        assertRefused(file(enterpriseKey(knownUnit(1)), body), 403, "NOT_DELEGATED");
        assertRefused(file(enterpriseKey(unit), initial(newUnit(Drafts.newCreditCode()), Drafts.powerPlant("新厂区"))), 403, "NOT_DELEGATED");

        CreatedClient undelegated = vendor();
        assertRefused(file(undelegated.apiKey(), body), 403, "NOT_DELEGATED");
        CreatedClient reader = vendor();
        delegate(unit, reader, null, "\"permits:read\"");
        assertRefused(file(reader.apiKey(), body), 403, "INSUFFICIENT_SCOPE");
        CreatedClient onePermit = vendor();
        String permit = Db.string(pool, "SELECT p.permit_number FROM permit p JOIN enterprise e ON e.id = p.enterprise_id WHERE e.credit_code = $1 LIMIT 1", unit);
        delegate(unit, onePermit, permit, "\"applications:write\"");
        assertRefused(file(onePermit.apiKey(), body), 403, "NOT_DELEGATED");
        CreatedClient delegated = vendor();
        delegate(unit, delegated, null, "\"applications:write\"");
        Response filed = file(delegated.apiKey(), body);
        assertThat(filed.statusCode()).as(filed.asString()).isEqualTo(201);
        assertRefused(file(TestClients.admin(registry).apiKey(), body), 403, "INSUFFICIENT_SCOPE");
        assertThat(applicationsOf(unit)).isEqualTo(2);
    }

    @Test
    void a_draft_that_breaks_the_rules_is_refused_field_by_field_and_nothing_is_registered() {
        String code = Drafts.newCreditCode();
        String draft = Drafts.json(Drafts.powerPlant("唐山新能热电厂"))
                .replace("\"DW001\"", "\"DA002\"")                       // a water outlet with an air code
                .replace("\"a21026\",\"limit\":{\"max\":35", "\"a21026\",\"limit\":{\"max\":350")  // looser than GB 13223-2011 表1
                .replace("\"a34013\",\"limit\":{\"max\":10", "\"a34013\",\"limit\":{\"max\":25")    // Tangshan: held to 表2's 20
                .replace("\"4412\"", "\"9999\"");
        Response r = file(vendor().apiKey(), """
                {"type": "INITIAL", "truthful": true, "enterprise": {"creditCode": "%s", "name": "唐山新能热电有限公司"}, "draft": %s}"""
                .formatted(code, draft));
        assertRefused(r, 422, "APPLICATION_REJECTED");
        assertThat(r.jsonPath().getList("errors.path", String.class)).containsExactly("/enterprise/address", "/enterprise/legalRepresentative",
                "/draft/secondaryIndustries/0", "/draft/outlets/0/pollutants/1/limit", "/draft/outlets/0/pollutants/2/limit", "/draft/outlets/1/code");
        assertThat(r.jsonPath().getList("errors.code", String.class)).containsExactly("REQUIRED", "REQUIRED", "UNKNOWN_INDUSTRY",
                "SPECIAL_LIMIT_APPLIES", "LIMIT_LOOSER_THAN_STANDARD", "OUTLET_CODE_MEDIUM_MISMATCH");
        Response zh = given().header("X-API-Key", vendor().apiKey()).header("Accept-Language", "zh").contentType("application/json")
                .body(initial(newUnit(code), Drafts.powerPlant("厂")).replace("\"KEY\"", "\"REGISTRATION\"")).post("/v1/applications");
        assertRefused(zh, 422, "APPLICATION_REJECTED");
        assertThat(zh.jsonPath().getList("errors.code", String.class)).contains("REGISTRATION_SELF_SERVICE");
        assertThat(zh.jsonPath().getString("errors.find { it.code == 'REGISTRATION_SELF_SERVICE' }.message")).contains("自行登记");
        assertThat(Db.count(pool, "SELECT count(*) FROM enterprise WHERE credit_code = $1", code)).as("nothing refused is stored").isZero();

        assertRefused(file(vendor().apiKey(), "{\"type\": \"RENEWAL\", \"truthful\": true}"), 422, "APPLICATION_REJECTED",
                "TYPE_FILED_ON_PERMIT", "REQUIRED", "REQUIRED");
        assertRefused(file(vendor().apiKey(), initial(newUnit(Drafts.newCreditCode()), Drafts.powerPlant("厂")).replace("\"max\":10", "\"max\":\"10\"")),
                400, "VALIDATION_FAILED");
    }

    @Test
    void the_requirements_of_an_initial_application_follow_its_category() {
        String key = vendor().apiKey();
        Response key30 = given().header("X-API-Key", key).queryParam("type", "INITIAL").queryParam("category", "KEY").get("/v1/applications/requirements");
        assertThat(key30.statusCode()).as(key30.asString()).isEqualTo(200);
        assertThat(key30.jsonPath().getBoolean("allowed")).isTrue();
        assertThat(key30.jsonPath().getString("permitNumber")).isNull();
        assertThat(key30.jsonPath().getInt("decisionPeriod.days")).isEqualTo(30);
        assertThat(key30.jsonPath().getInt("decisionPeriod.daysWithSiteInspection")).isEqualTo(45);
        assertThat(key30.jsonPath().getList("fields.path")).contains("/enterprise/creditCode", "/draft/outlets", "/draft/reportObligations");
        assertThat(key30.jsonPath().getList("attachments.kind")).contains("COMMITMENT_LETTER", "MONITORING_PLAN", "DISCLOSURE_RECORD");
        assertThat(key30.jsonPath().getBoolean("attachments.find { it.kind == 'DISCLOSURE_RECORD' }.required")).isTrue();

        Response simplified = given().header("X-API-Key", key).queryParam("type", "INITIAL").queryParam("category", "SIMPLIFIED")
                .get("/v1/applications/requirements");
        assertThat(simplified.jsonPath().getInt("decisionPeriod.days")).isEqualTo(20);
        assertThat(simplified.jsonPath().getString("decisionPeriod.daysWithSiteInspection")).isNull();
        assertThat(simplified.jsonPath().getBoolean("attachments.find { it.kind == 'DISCLOSURE_RECORD' }.required")).isFalse();

        Response registration = given().header("X-API-Key", key).queryParam("type", "INITIAL").queryParam("category", "REGISTRATION")
                .get("/v1/applications/requirements");
        assertThat(registration.jsonPath().getBoolean("allowed")).isFalse();
        assertThat(registration.jsonPath().getList("refusals.code")).containsExactly("REGISTRATION_SELF_SERVICE");

        Response renewal = given().header("X-API-Key", key).queryParam("type", "RENEWAL").get("/v1/applications/requirements");
        assertRefused(renewal, 400, "VALIDATION_FAILED");
        assertThat(renewal.jsonPath().getList("errors.path", String.class)).containsExactly("query.type", "query.category");
    }

    @Test
    void a_reapplication_on_a_permit_carries_the_new_draft_and_its_requirements_say_so() {
        String number = Db.string(pool, """
                SELECT p.permit_number FROM permit p JOIN enterprise e ON e.id = p.enterprise_id
                WHERE p.category = 'KEY' AND p.status = 'VALID' AND p.valid_to > CURRENT_DATE + 60 AND NOT e.pseudo_credit_code
                  AND NOT EXISTS (SELECT 1 FROM application a WHERE a.permit_id = p.id)
                ORDER BY p.permit_number DESC OFFSET 20 LIMIT 1""");
        String unit = Db.string(pool, "SELECT e.credit_code FROM permit p JOIN enterprise e ON e.id = p.enterprise_id WHERE p.permit_number = $1", number);
        String key = enterpriseKey(unit);
        Response requirements = given().header("X-API-Key", key).queryParam("type", "REAPPLICATION")
                .get("/v1/permits/{n}/applications/requirements", number);
        assertThat(requirements.jsonPath().getBoolean("allowed")).as(requirements.asString()).isTrue();
        assertThat(requirements.jsonPath().getInt("decisionPeriod.days")).isEqualTo(30);
        assertThat(requirements.jsonPath().getList("fields.path")).contains("/draft/site", "/draft/outlets").doesNotContain("/enterprise/creditCode");

        String body = """
                {"type": "REAPPLICATION", "truthful": true, "statement": "扩建新增排放口", "draft": %s}""".formatted(Drafts.json(Drafts.powerPlant("扩建后厂区")));
        assertRefused(given().header("X-API-Key", key).contentType("application/json").body("{\"type\": \"REAPPLICATION\", \"truthful\": true}")
                .post("/v1/permits/{n}/applications", number), 422, "APPLICATION_REJECTED", "REQUIRED");
        Response filed = given().header("X-API-Key", key).contentType("application/json").body(body).post("/v1/permits/{n}/applications", number);
        assertThat(filed.statusCode()).as(filed.asString()).isEqualTo(201);
        assertThat(filed.jsonPath().getString("permitNumber")).isEqualTo(number);
        assertThat(filed.jsonPath().getString("body.draft.site.name")).isEqualTo("扩建后厂区");
        assertRefused(given().header("X-API-Key", key).contentType("application/json").body(body).post("/v1/permits/{n}/applications", number),
                409, "APPLICATION_OPEN");
    }

    @Test
    void a_returned_initial_application_is_corrected_for_its_own_unit_and_checked_again_as_one() {
        String code = Drafts.newCreditCode();
        CreatedClient vendor = vendor();
        long id = file(vendor.apiKey(), initial(newUnit(code), Drafts.powerPlant("唐山新能热电厂"))).then().statusCode(201)
                .extract().jsonPath().getLong("id");
        assertThat(Db.string(pool, "SELECT region_code || '|' || category FROM application WHERE id = $1", id))
                .as("reviewed where its site is, under its draft's category").isEqualTo("130203|KEY");
        String regulator = TestClients.reviewer(registry, "1302").apiKey();
        Response returned = given().header("X-API-Key", regulator).contentType("application/json").body("""
                {"outcome": "RETURNED", "corrections": [{"path": "/draft/outlets/0/stackHeightMeters", "comment": "请核实排气筒高度"}]}""")
                .post("/v1/applications/{id}/acceptance", id);
        assertThat(returned.statusCode()).as(returned.asString()).isEqualTo(200);

        String elsewhere = initial("{\"creditCode\": \"" + knownUnit(2) + "\"}", Drafts.powerPlant("唐山新能热电厂"));
        assertRefused(given().header("X-API-Key", vendor.apiKey()).contentType("application/json").body(elsewhere)
                .post("/v1/applications/{id}/resubmission", id), 422, "APPLICATION_REJECTED", "RESUBMISSION_UNIT_CHANGED");
        String broken = initial("{\"creditCode\": \"" + code + "\"}", Drafts.powerPlant("唐山新能热电厂")).replace("\"DW001\"", "\"DA002\"");
        assertRefused(given().header("X-API-Key", vendor.apiKey()).contentType("application/json").body(broken)
                .post("/v1/applications/{id}/resubmission", id), 422, "APPLICATION_REJECTED", "OUTLET_CODE_MEDIUM_MISMATCH");
        Response resubmitted = given().header("X-API-Key", vendor.apiKey()).contentType("application/json")
                .body(initial("{\"creditCode\": \"" + code + "\"}", Drafts.powerPlant("唐山新能热电厂（核实后）")))
                .post("/v1/applications/{id}/resubmission", id);
        assertThat(resubmitted.statusCode()).as(resubmitted.asString()).isEqualTo(200);
        assertThat(resubmitted.jsonPath().getString("status")).isEqualTo("SUBMITTED");
        assertThat(resubmitted.jsonPath().getString("body.draft.site.name")).isEqualTo("唐山新能热电厂（核实后）");
    }

    @Test
    void an_approved_initial_application_issues_the_permit_its_draft_describes_numbered_by_the_units_next_site_serial() {
        String code = Drafts.newCreditCode();
        Response filed = file(vendor().apiKey(), initial(newUnit(code), Drafts.powerPlant("唐山新能热电厂")));
        assertThat(filed.statusCode()).as(filed.asString()).isEqualTo(201);
        long id = filed.jsonPath().getLong("id");
        String regulator = TestClients.reviewer(registry, "1302").apiKey();
        Response accepted = given().header("X-API-Key", regulator).contentType("application/json")
                .body("{\"outcome\": \"ACCEPTED\", \"siteInspection\": true}").post("/v1/applications/{id}/acceptance", id);
        assertThat(accepted.statusCode()).as(accepted.asString()).isEqualTo(200);
        assertThat(accepted.jsonPath().getBoolean("siteInspection")).isTrue();
        Response queued = given().header("X-API-Key", regulator).queryParam("type", "INITIAL").queryParam("region", "130203")
                .get("/v1/review/queue");
        assertThat(queued.jsonPath().getList("items.id", Long.class)).contains(id);

        Response approved = given().header("X-API-Key", regulator).contentType("application/json")
                .body("{\"decision\": \"APPROVED\"}").post("/v1/applications/{id}/decision", id);
        assertThat(approved.statusCode()).as(approved.asString()).isEqualTo(200);
        String number = approved.jsonPath().getString("permitNumber");
        assertThat(number).as("the unit's first site").isEqualTo(code + "001P");

        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        Response permit = given().get("/v1/public/permits/{n}", number);
        assertThat(permit.statusCode()).as(permit.asString()).isEqualTo(200);
        assertThat(permit.jsonPath().getInt("version")).isEqualTo(1);
        assertThat(permit.jsonPath().getString("status")).isEqualTo("VALID");
        assertThat(permit.jsonPath().getString("category")).isEqualTo("KEY");
        assertThat(permit.jsonPath().getString("validFrom")).isEqualTo(today.toString());
        assertThat(permit.jsonPath().getString("validTo")).as("five years from the decision").isEqualTo(today.plusYears(5).minusDays(1).toString());
        assertThat(permit.jsonPath().getList("outlets.code")).containsExactly("DA001", "DW001");
        assertThat(permit.jsonPath().getString("issuingAuthority.code")).startsWith("1302");
        assertThat(given().get("/v1/public/permits/{n}/history", number).asString()).contains("ISSUED");
        assertThat(Db.count(pool, "SELECT count(*) FROM outbox_event WHERE aggregate_type = 'permit' AND aggregate_id = $1 AND event_type = 'permit.issued'",
                number)).isEqualTo(1);
    }

    @Test
    void an_approved_reapplication_replaces_the_licensed_content_in_a_new_version_and_freezes_the_old_one() {
        String number = Db.string(pool, """
                SELECT p.permit_number FROM permit p JOIN enterprise e ON e.id = p.enterprise_id
                WHERE p.category = 'KEY' AND p.status = 'VALID' AND p.valid_to > CURRENT_DATE + 60 AND NOT e.pseudo_credit_code
                  AND NOT EXISTS (SELECT 1 FROM application a WHERE a.permit_id = p.id)
                  AND p.valid_from < DATE '2025-01-01'
                  AND EXISTS (SELECT 1 FROM permit_outlet o WHERE o.permit_id = p.id AND o.code NOT IN ('DA001', 'DW001'))
                  AND EXISTS (SELECT 1 FROM permit_report_obligation r WHERE r.permit_id = p.id AND r.report_type = 'ANNUAL')
                  AND NOT EXISTS (SELECT 1 FROM execution_report r WHERE r.permit_id = p.id)
                ORDER BY p.permit_number DESC OFFSET 5 LIMIT 1""");
        String unit = Db.string(pool, "SELECT e.credit_code FROM permit p JOIN enterprise e ON e.id = p.enterprise_id WHERE p.permit_number = $1", number);
        String province = Db.string(pool, "SELECT province_code FROM permit WHERE permit_number = $1", number);
        Response before = given().get("/v1/public/permits/{n}", number);
        int version = before.jsonPath().getInt("version");
        String oldSite = before.jsonPath().getString("site.name");
        String filer = TestClients.enterprise(registry, unit).apiKey();
        List<String> outlets2025 = blankOutlets(filer, number);
        Response filed = given().header("X-API-Key", enterpriseKey(unit)).contentType("application/json").body("""
                {"type": "REAPPLICATION", "truthful": true, "statement": "扩建新增排放口", "draft": %s}""".formatted(Drafts.json(Drafts.powerPlant("扩建后厂区"))))
                .post("/v1/permits/{n}/applications", number);
        assertThat(filed.statusCode()).as(filed.asString()).isEqualTo(201);
        long id = filed.jsonPath().getLong("id");
        String regulator = TestClients.reviewer(registry, province).apiKey();
        assertThat(given().header("X-API-Key", regulator).contentType("application/json").body("{\"outcome\": \"ACCEPTED\"}")
                .post("/v1/applications/{id}/acceptance", id).statusCode()).isEqualTo(200);
        Response approved = given().header("X-API-Key", regulator).contentType("application/json").body("{\"decision\": \"APPROVED\"}")
                .post("/v1/applications/{id}/decision", id);
        assertThat(approved.statusCode()).as(approved.asString()).isEqualTo(200);

        Response after = given().get("/v1/public/permits/{n}", number);
        assertThat(after.jsonPath().getInt("version")).isEqualTo(version + 1);
        assertThat(after.jsonPath().getString("site.name")).isEqualTo("扩建后厂区");
        assertThat(after.jsonPath().getList("outlets.code")).containsExactly("DA001", "DW001");
        assertThat(after.jsonPath().getString("validTo")).as("a reapplication keeps the validity").isEqualTo(before.jsonPath().getString("validTo"));
        Response frozen = given().get("/v1/public/permits/{n}/versions/{v}", number, version);
        assertThat(frozen.statusCode()).as(frozen.asString()).isEqualTo(200);
        assertThat(frozen.asString()).as("the superseded version keeps its old site").contains(oldSite);
        assertThat(Db.string(pool, "SELECT v.reason FROM permit_version v JOIN permit p ON p.id = v.permit_id WHERE p.permit_number = $1 AND v.version = $2",
                number, version + 1)).isEqualTo("REAPPLICATION");
        assertThat(given().get("/v1/public/permits/{n}/history", number).asString()).contains("REAPPLIED");
        assertThat(blankOutlets(filer, number)).as("the 2025 report stays bound to the version in force in 2025")
                .isEqualTo(outlets2025);
        assertThat(outlets2025).as("the old terms, not the draft's").isNotEmpty().anyMatch(code -> !List.of("DA001", "DW001").contains(code));
    }

    /** The outlets the blank annual report of 2025 asks monitoring completeness for. */
    static List<String> blankOutlets(String key, String permit) {
        Response blank = given().header("X-API-Key", key).queryParam("type", "ANNUAL").queryParam("period", "2025")
                .get("/v1/permits/{n}/execution-reports/blank", permit);
        assertThat(blank.statusCode()).as(blank.asString()).isEqualTo(200);
        return blank.jsonPath().getList("monitoring.outletCode", String.class);
    }
}
