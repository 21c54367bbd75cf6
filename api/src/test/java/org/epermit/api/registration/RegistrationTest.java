package org.epermit.api.registration;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.epermit.api.client.ClientRegistry;
import org.epermit.api.client.ClientRequests.CreatedClient;
import org.epermit.api.client.ClientRequests.NewClient;
import org.epermit.api.common.CreditCode;
import org.epermit.api.gateway.TestClients;
import org.epermit.api.testing.Db;
import org.epermit.api.testing.DelegationTimes;
import org.epermit.codes.Strictness;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Self-service registration through the API: a unit registers a site and its receipt is issued and disclosed at
 * once, numbered with the unit's next site serial; renewal inside and outside its window; changes on time, late and
 * in the future; who may register; retries; permits' numbers at these endpoints.
 */
@QuarkusTest
class RegistrationTest {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final String NAME = "唐山测试供热有限公司";
    static final String ADDRESS = "河北省唐山市测试路1号";

    @Inject
    ClientRegistry registry;

    @Inject
    Pool pool;

    static LocalDate today() {
        return LocalDate.now(CHINA);
    }

    /** A unit known to the service, holding nothing yet. */
    record Unit(String creditCode, String county, String name, String address) {
    }

    String county() {
        return Db.string(pool, """
                SELECT r.code FROM region r WHERE r.level > 1 AND NOT r.grouping
                  AND NOT EXISTS (SELECT 1 FROM region c WHERE c.parent_code = r.code) ORDER BY r.code LIMIT 1""");
    }

    /** A new unit with a credit code both of whose check characters are right, known to the service. */
    Unit unit() {
        String county = county();
        String organisation = String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        String first17 = "91" + county + organisation + CreditCode.organisationCheckCharacter(organisation);
        String code = first17 + CreditCode.checkCharacter(first17);
        Db.rows(pool, "INSERT INTO enterprise (credit_code, name, region_code, industry_code, address) VALUES ($1, $2, $3, '4430', $4)",
                code, NAME, county, ADDRESS);
        return new Unit(code, county, NAME, ADDRESS);
    }

    String enterpriseKey(String creditCode) {
        return registry.create(new NewClient("Test registration enterprise " + UUID.randomUUID(), "排污单位", null, List.of("enterprise"),
                List.of("permits:read", "applications:write"), null, creditCode, "free", null)).await().indefinitely().apiKey();
    }

    CreatedClient vendor() {
        return registry.create(new NewClient("Test registration vendor " + UUID.randomUUID(), "测试环保服务有限公司", null, List.of("vendor"),
                List.of("permits:read", "applications:write"), null, null, "standard", null)).await().indefinitely();
    }

    /** An administrator's delegation of all the unit's permits to the vendor, with {@code scope}. */
    void delegateAll(Unit unit, CreatedClient vendor, String scope) {
        given().header("X-API-Key", TestClients.admin(registry).apiKey()).contentType("application/json")
                .body("""
                        {"enterpriseCreditCode": "%s", "vendorClientId": "%s", "scopes": ["%s"], "validTo": "%s"}"""
                        .formatted(unit.creditCode(), vendor.client().id(), scope, DelegationTimes.inAYear()))
                .post("/v1/delegations").then().statusCode(201);
    }

    static String form(Unit u, String siteName, String industry, boolean truthful) {
        return """
                {"unit": {"creditCode": "%s", "name": "%s", "address": "%s", "legalRepresentative": "王强"},
                 "site": {"name": "%s", "address": "%s", "regionCode": "%s", "longitude": 118.180193, "latitude": 39.630867},
                 "industryCode": "%s",
                 "outlets": [{"code": "DA001", "name": "燃气锅炉废气排放口", "medium": "AIR"},
                             {"code": "DW001", "name": "生活污水排放口", "medium": "WATER", "destination": "市政污水管网"}],
                 "truthful": %s}""".formatted(u.creditCode(), u.name(), u.address(), siteName, u.address(), u.county(), industry, truthful);
    }

    static RequestSpecification as(String key) {
        return given().header("X-API-Key", key).contentType("application/json");
    }

    static Response register(String key, String body) {
        return as(key).body(body).post("/v1/registrations");
    }

    static Response renew(String key, String number) {
        return as(key).body("{\"truthful\": true}").post("/v1/registrations/{n}/renewal", number);
    }

    static Response change(String key, String number, String body) {
        return as(key).body(body).post("/v1/registrations/{n}/change", number);
    }

    /** A unit's first receipt, registered by its enterprise client: its number and the key. */
    String[] registered() {
        Unit unit = unit();
        String key = enterpriseKey(unit.creditCode());
        Response r = register(key, form(unit, "锅炉房", "4430", true));
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(201);
        return new String[] {r.jsonPath().getString("permitNumber"), key};
    }

    static void assertRefused(Response r, int status, String code, String... fieldCodes) {
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(status);
        assertThat(r.jsonPath().getString("code")).isEqualTo(code);
        if (fieldCodes.length > 0) {
            assertThat(r.jsonPath().getList("errors.code", String.class)).containsExactly(fieldCodes);
        }
    }

    static Response history(String number) {
        return given().get("/v1/public/permits/{n}/history", number);
    }

    long permitId(String number) {
        return Db.count(pool, "SELECT id FROM permit WHERE permit_number = $1", number);
    }

    /** Moves a receipt registered today back a year, so that a change since starts a version of its own. */
    void registeredAYearAgo(String number) {
        LocalDate then = today().minusYears(1);
        long id = permitId(number);
        Db.rows(pool, "UPDATE permit SET issue_date = $2, valid_from = $2, valid_to = $3 WHERE id = $1", id, then, then.plusYears(5).minusDays(1));
        Db.rows(pool, "UPDATE permit_version SET effective_from = $2 WHERE permit_id = $1", id, then);
        Db.rows(pool, "UPDATE permit_event SET occurred_on = $2 WHERE permit_id = $1", id, then);
    }

    @Test
    void a_unit_registers_a_site_and_gets_its_receipt_at_once_disclosed_with_its_history() {
        Unit unit = unit();
        String key = enterpriseKey(unit.creditCode());
        Response r = register(key, form(unit, "锅炉房", "4430", true));
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(201);
        String number = unit.creditCode() + "001W";
        assertThat(r.jsonPath().getString("permitNumber")).isEqualTo(number);
        assertThat(r.header("Location")).endsWith("/v1/permits/" + number);
        assertThat(r.jsonPath().getString("status")).isEqualTo("VALID");
        assertThat(r.jsonPath().getString("issueDate")).isEqualTo(today().toString());
        assertThat(r.jsonPath().getString("validFrom")).isEqualTo(today().toString());
        assertThat(r.jsonPath().getString("validTo")).isEqualTo(today().plusYears(5).minusDays(1).toString());
        assertThat(r.jsonPath().getString("renewableFrom")).isEqualTo(today().plusYears(5).minusDays(21).toString());
        assertThat(r.jsonPath().getInt("version")).isEqualTo(1);

        Response disclosed = given().get("/v1/public/permits/{n}", number);
        assertThat(disclosed.statusCode()).as(disclosed.asString()).isEqualTo(200);
        assertThat(disclosed.jsonPath().getString("category")).isEqualTo("REGISTRATION");
        assertThat(disclosed.jsonPath().getString("issuingAuthority")).as("self-filed: no authority").isNull();
        assertThat(disclosed.jsonPath().getString("enterprise.name")).isEqualTo(NAME);
        assertThat(disclosed.jsonPath().getString("site.name")).isEqualTo("锅炉房");
        assertThat(disclosed.jsonPath().getString("site.industry.code")).isEqualTo("4430");
        assertThat(disclosed.jsonPath().getList("outlets.code")).containsExactly("DA001", "DW001");
        assertThat(disclosed.jsonPath().getList("outlets.receivingWater")).containsExactly(null, "市政污水管网");
        assertThat(disclosed.jsonPath().getList("annualQuantities")).isEmpty();
        assertThat(disclosed.asString()).doesNotContain("王强");
        assertThat(history(number).jsonPath().getList("events.type")).containsExactly("REGISTERED");
        assertThat(history(number).jsonPath().getList("versions.reason")).containsExactly("INITIAL");
        assertThat(Db.string(pool, "SELECT legal_representative FROM enterprise WHERE credit_code = $1", unit.creditCode())).isEqualTo("王强");
        assertThat(Db.count(pool, "SELECT count(*) FROM outbox_event WHERE aggregate_type = 'permit' AND aggregate_id = $1 AND event_type = 'permit.registered'",
                number)).isEqualTo(1);

        Response second = register(key, form(unit, "二号锅炉房", "4430", true));
        assertThat(second.statusCode()).as(second.asString()).isEqualTo(201);
        assertThat(second.jsonPath().getString("permitNumber")).as("the unit's next site serial").isEqualTo(unit.creditCode() + "002W");
    }

    @Test
    void a_retry_with_the_same_idempotency_key_answers_the_same_and_registers_once() {
        Unit unit = unit();
        String key = enterpriseKey(unit.creditCode());
        String idempotencyKey = UUID.randomUUID().toString();
        Response first = as(key).header("Idempotency-Key", idempotencyKey).body(form(unit, "锅炉房", "4430", true)).post("/v1/registrations");
        Response retry = as(key).header("Idempotency-Key", idempotencyKey).body(form(unit, "锅炉房", "4430", true)).post("/v1/registrations");
        assertThat(first.statusCode()).as(first.asString()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.header("Idempotency-Replayed")).isEqualTo("true");
        assertThat(retry.jsonPath().getString("permitNumber")).isEqualTo(first.jsonPath().getString("permitNumber"));
        assertThat(Db.count(pool, "SELECT count(*) FROM permit p JOIN enterprise e ON e.id = p.enterprise_id WHERE e.credit_code = $1",
                unit.creditCode())).isEqualTo(1);
    }

    @Test
    void a_form_is_refused_with_every_failing_field_at_once_and_a_class_managed_otherwise_points_to_a_permit_application() {
        Unit unit = unit();
        String key = enterpriseKey(unit.creditCode());
        Unit renamed = new Unit(unit.creditCode(), "999999", "另一名称有限公司", unit.address() + " ");
        Response r = register(key, form(renamed, "锅炉房", "2211", false));
        assertRefused(r, 422, "REGISTRATION_REJECTED", "COMMITMENT_REQUIRED", "UNIT_DETAILS_DIFFER", "UNKNOWN_REGION", "INDUSTRY_NOT_REGISTRATION");
        assertThat(r.jsonPath().getList("errors.path", String.class)).containsExactly("/truthful", "/unit/name", "/site/regionCode", "/industryCode");
        assertThat(r.jsonPath().getString("errors[1].message")).contains(NAME);
        assertThat(r.jsonPath().getString("errors[3].message")).contains("KEY").contains("POST /v1/applications");
        Response zh = as(key).header("Accept-Language", "zh").body(form(unit, "锅炉房", "2211", true)).post("/v1/registrations");
        assertThat(zh.jsonPath().getString("errors[0].message")).contains("首次申请");

        String code = unit.creditCode();
        Unit wrongCheck = new Unit(code.substring(0, 17) + (code.charAt(17) == 'A' ? 'B' : 'A'), unit.county(), NAME, ADDRESS);
        assertRefused(register(key, form(wrongCheck, "锅炉房", "4430", true)), 422, "REGISTRATION_REJECTED", "INVALID_CREDIT_CODE");
        String organisation = "87654321";
        String first17 = "91" + unit.county() + organisation + CreditCode.organisationCheckCharacter(organisation);
        Unit unknown = new Unit(first17 + CreditCode.checkCharacter(first17), unit.county(), NAME, ADDRESS);
        assertRefused(register(key, form(unknown, "锅炉房", "4430", true)), 422, "REGISTRATION_REJECTED", "UNKNOWN_UNIT");
        assertThat(Db.count(pool, "SELECT count(*) FROM permit p JOIN enterprise e ON e.id = p.enterprise_id WHERE e.credit_code = $1",
                code)).as("nothing refused is stored").isZero();
    }

    @Test
    void a_unit_registers_itself_or_through_a_vendor_it_delegated_all_its_permits_with_applications_write() {
        Unit unit = unit();
        String body = form(unit, "锅炉房", "4430", true);
        assertRefused(register(enterpriseKey(unit().creditCode()), body), 403, "NOT_DELEGATED");
        CreatedClient stranger = vendor();
        assertRefused(register(stranger.apiKey(), body), 403, "NOT_DELEGATED");
        CreatedClient reader = vendor();
        delegateAll(unit, reader, "permits:read");
        assertRefused(register(reader.apiKey(), body), 403, "INSUFFICIENT_SCOPE");
        String region = unit.county().substring(0, 2);
        assertRefused(register(registry.create(new NewClient("Test registration regulator " + UUID.randomUUID(), "生态环境局", null,
                List.of("regulator"), List.of("permits:read", "applications:write"), region, null, "standard", null)).await().indefinitely().apiKey(),
                body), 403, "INSUFFICIENT_SCOPE");
        assertRefused(register(TestClients.enterprise(registry, unit.creditCode()).apiKey(), body), 403, "INSUFFICIENT_SCOPE");

        CreatedClient delegated = vendor();
        delegateAll(unit, delegated, "applications:write");
        Response r = register(delegated.apiKey(), body);
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(201);
        String number = r.jsonPath().getString("permitNumber");
        assertThat(renew(stranger.apiKey(), number).statusCode()).as("another vendor's receipt").isEqualTo(403);
        assertRefused(renew(enterpriseKey(unit().creditCode()), number), 403, "NOT_DELEGATED");
    }

    @Test
    void a_receipt_is_renewed_only_once_due_for_renewal_for_5_years_from_the_old_expiry() {
        String[] receipt = registered();
        String number = receipt[0];
        String key = receipt[1];
        LocalDate expiry = today().plusDays(10);
        Db.rows(pool, "UPDATE permit SET valid_to = $2 WHERE permit_number = $1", number, expiry);

        String idempotencyKey = UUID.randomUUID().toString();
        Response renewed = as(key).header("Idempotency-Key", idempotencyKey).body("{\"truthful\": true}").post("/v1/registrations/{n}/renewal", number);
        assertThat(renewed.statusCode()).as(renewed.asString()).isEqualTo(200);
        assertThat(renewed.jsonPath().getString("validTo")).isEqualTo(expiry.plusYears(5).toString());
        assertThat(renewed.jsonPath().getInt("version")).isEqualTo(2);
        Response retry = as(key).header("Idempotency-Key", idempotencyKey).body("{\"truthful\": true}").post("/v1/registrations/{n}/renewal", number);
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(retry.header("Idempotency-Replayed")).isEqualTo("true");
        assertThat(retry.jsonPath().getString("validTo")).isEqualTo(expiry.plusYears(5).toString());

        Response h = history(number);
        assertThat(h.jsonPath().getList("versions.reason")).containsExactly("INITIAL", "RENEWAL");
        assertThat(h.jsonPath().getString("versions[0].effectiveTo")).isEqualTo(expiry.toString());
        assertThat(h.jsonPath().getString("versions[1].effectiveFrom")).isEqualTo(expiry.plusDays(1).toString());
        assertThat(h.jsonPath().getList("events.type")).containsExactly("REGISTERED", "RENEWED");
        assertThat(given().get("/v1/public/permits/{n}", number).jsonPath().getString("validTo")).isEqualTo(expiry.plusYears(5).toString());

        Response again = renew(key, number);
        assertRefused(again, 422, "REGISTRATION_REJECTED", "RENEWAL_WINDOW_NOT_OPEN");
        assertThat(again.jsonPath().getString("errors[0].message")).contains(expiry.plusYears(5).minusDays(20).toString());

        // a change registered before the renewed term begins: that term holds it from its first day, no third version
        Response changed = change(key, number, """
                {"changedOn": "%s", "site": {"name": "锅炉房（改建）"}, "truthful": true}""".formatted(today()));
        assertThat(changed.statusCode()).as(changed.asString()).isEqualTo(200);
        assertThat(changed.jsonPath().getInt("version")).isEqualTo(2);
        assertThat(given().get("/v1/public/permits/{n}", number).jsonPath().getString("site.name")).isEqualTo("锅炉房（改建）");
    }

    @Test
    void two_renewals_at_once_renew_once() throws Exception {
        String[] receipt = registered();
        LocalDate expiry = today().plusDays(5);
        Db.rows(pool, "UPDATE permit SET valid_to = $2 WHERE permit_number = $1", receipt[0], expiry);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Response>> both = threads.invokeAll(List.of(() -> renew(receipt[1], receipt[0]), () -> renew(receipt[1], receipt[0])));
            List<Integer> statuses = new ArrayList<>();
            for (Future<Response> f : both) {
                statuses.add(f.get().statusCode());
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 422);
        } finally {
            threads.shutdown();
        }
        assertThat(history(receipt[0]).jsonPath().getList("events.type")).containsExactly("REGISTERED", "RENEWED");
        assertThat(given().get("/v1/public/permits/{n}", receipt[0]).jsonPath().getString("validTo")).isEqualTo(expiry.plusYears(5).toString());
    }

    @Test
    void a_receipt_before_its_window_or_expired_is_not_renewed() {
        String[] early = registered();
        LocalDate expiry = today().plusDays(30);
        Db.rows(pool, "UPDATE permit SET valid_to = $2 WHERE permit_number = $1", early[0], expiry);
        Response r = renew(early[1], early[0]);
        assertRefused(r, 422, "REGISTRATION_REJECTED", "RENEWAL_WINDOW_NOT_OPEN");
        assertThat(r.jsonPath().getString("errors[0].message")).contains(expiry.toString()).contains(expiry.minusDays(20).toString());
        assertRefused(as(early[1]).body("{}").post("/v1/registrations/{n}/renewal", early[0]), 422, "REGISTRATION_REJECTED", "COMMITMENT_REQUIRED");

        String[] expired = registered();
        Db.rows(pool, "UPDATE permit SET valid_from = $2, valid_to = $3 WHERE permit_number = $1", expired[0], today().minusYears(5), today().minusDays(1));
        assertRefused(renew(expired[1], expired[0]), 422, "REGISTRATION_REJECTED", "REGISTRATION_EXPIRED");
        assertThat(history(expired[0]).jsonPath().getList("events.type")).containsExactly("REGISTERED");
    }

    @Test
    void a_change_is_dated_as_it_happened_and_one_registered_late_is_accepted_with_a_finding() {
        String[] receipt = registered();
        String number = receipt[0];
        String key = receipt[1];
        registeredAYearAgo(number);
        assertRefused(change(key, number, """
                {"changedOn": "%s", "site": {"name": "更早的锅炉房"}, "truthful": true}""".formatted(today().minusYears(1).minusDays(1))),
                422, "REGISTRATION_REJECTED", "CHANGE_BEFORE_REGISTRATION");

        String idempotencyKey = UUID.randomUUID().toString();
        String body = """
                {"changedOn": "%s", "unit": {"legalRepresentative": "李明"}, "site": {"name": "新锅炉房", "longitude": 118.2, "latitude": 39.6},
                 "truthful": true}""".formatted(today().minusDays(5));
        Response onTime = as(key).header("Idempotency-Key", idempotencyKey).body(body).post("/v1/registrations/{n}/change", number);
        assertThat(onTime.statusCode()).as(onTime.asString()).isEqualTo(200);
        assertThat(onTime.jsonPath().getList("findings")).isEmpty();
        assertThat(onTime.jsonPath().getInt("version")).isEqualTo(2);
        Response retry = as(key).header("Idempotency-Key", idempotencyKey).body(body).post("/v1/registrations/{n}/change", number);
        assertThat(retry.statusCode()).as("a retry is answered, not refused as changing nothing: " + retry.asString()).isEqualTo(200);
        assertThat(retry.header("Idempotency-Replayed")).isEqualTo("true");

        Response h = history(number);
        assertThat(h.jsonPath().getList("versions.reason")).containsExactly("INITIAL", "CHANGE");
        assertThat(h.jsonPath().getString("versions[0].effectiveTo")).isEqualTo(today().minusDays(6).toString());
        assertThat(h.jsonPath().getString("versions[1].effectiveFrom")).isEqualTo(today().minusDays(5).toString());
        assertThat(h.jsonPath().getList("events.type")).containsExactly("REGISTERED", "CHANGED");
        assertThat(h.jsonPath().getString("events[1].occurredOn")).isEqualTo(today().minusDays(5).toString());
        assertThat(h.jsonPath().getString("events[1].description")).contains("法定代表人", "场所名称", "场所坐标").doesNotContain("李明");
        Response disclosed = given().get("/v1/public/permits/{n}", number);
        assertThat(disclosed.jsonPath().getString("site.name")).isEqualTo("新锅炉房");
        assertThat(disclosed.jsonPath().getFloat("site.longitude")).isEqualTo(118.2f);
        assertThat(given().get("/v1/public/permits/{n}/versions/1", number).jsonPath().getString("site.name")).isEqualTo("锅炉房");
        assertThat(Db.string(pool, "SELECT e.legal_representative FROM permit p JOIN enterprise e ON e.id = p.enterprise_id WHERE p.permit_number = $1",
                number)).isEqualTo("李明");

        Response late = change(key, number, """
                {"changedOn": "%s", "site": {"address": "河北省唐山市测试路2号"}, "truthful": true}""".formatted(today().minusDays(30)));
        assertThat(late.statusCode()).as(late.asString()).isEqualTo(200);
        assertThat(late.jsonPath().getList("findings.code")).containsExactly("CHANGE_REGISTERED_LATE");
        assertThat(late.jsonPath().getString("findings[0].message")).contains("30 days after");
        assertThat(history(number).jsonPath().getString("events[0].type")).isEqualTo("REGISTERED");
        assertThat(history(number).jsonPath().getList("events.description", String.class)).anyMatch(d -> d.contains("逾期登记"));

        assertRefused(change(key, number, """
                {"changedOn": "%s", "site": {"name": "未来锅炉房"}, "truthful": true}""".formatted(today().plusDays(1))),
                422, "REGISTRATION_REJECTED", "CHANGE_DATE_IN_FUTURE");
        assertRefused(change(key, number, """
                {"changedOn": "%s", "site": {"name": "新锅炉房"}, "truthful": true}""".formatted(today())),
                422, "REGISTRATION_REJECTED", "NOTHING_CHANGED");
    }

    @Test
    void a_permit_at_these_endpoints_points_to_applications_and_a_unit_holding_one_changes_its_own_details_there() {
        // a unit holding a KEY permit in force, whose credit code meets the strict check a registration applies
        List<String> holders = Db.strings(pool, """
                SELECT e.credit_code FROM permit p JOIN enterprise e ON e.id = p.enterprise_id
                WHERE p.category = 'KEY' AND p.status = 'VALID' AND NOT e.pseudo_credit_code ORDER BY 1 LIMIT 50""");
        String holder = holders.stream().filter(c -> CreditCode.isValid(c, Strictness.REGISTRATION)).findFirst().orElseThrow();
        String permit = Db.string(pool, """
                SELECT p.permit_number FROM permit p JOIN enterprise e ON e.id = p.enterprise_id
                WHERE e.credit_code = $1 AND p.category = 'KEY' AND p.status = 'VALID' ORDER BY 1 LIMIT 1""", holder);
        String key = enterpriseKey(holder);
        Response r = renew(key, permit);
        assertRefused(r, 409, "NOT_A_REGISTRATION");
        assertThat(r.jsonPath().getString("detail")).contains("/v1/permits/" + permit + "/applications");
        assertRefused(change(key, permit, "{\"changedOn\": \"" + today() + "\", \"site\": {\"name\": \"x\"}, \"truthful\": true}"),
                409, "NOT_A_REGISTRATION");
        assertRefused(renew(key, holder + "999W"), 404, "PERMIT_NOT_FOUND");

        Unit unit = new Unit(holder, county(),
                Db.string(pool, "SELECT name FROM enterprise WHERE credit_code = $1", holder),
                Db.string(pool, "SELECT address FROM enterprise WHERE credit_code = $1", holder));
        Db.rows(pool, "UPDATE enterprise SET legal_representative = NULL WHERE credit_code = $1", holder);
        Response registered = register(key, form(unit, "食堂锅炉房", "4430", true));
        assertThat(registered.statusCode()).as(registered.asString()).isEqualTo(201);
        assertThat(registered.jsonPath().getString("permitNumber")).endsWith("W");
        Response renamed = change(key, registered.jsonPath().getString("permitNumber"), """
                {"changedOn": "%s", "unit": {"name": "改名后有限公司"}, "truthful": true}""".formatted(today()));
        assertRefused(renamed, 422, "REGISTRATION_REJECTED", "UNIT_HOLDS_PERMITS");
        assertThat(renamed.jsonPath().getString("errors[0].message")).contains(permit);
    }
}
