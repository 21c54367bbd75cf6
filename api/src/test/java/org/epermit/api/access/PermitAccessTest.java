package org.epermit.api.access;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.epermit.api.client.ClientRegistry;
import org.epermit.api.client.ClientRequests.CreatedClient;
import org.epermit.api.gateway.Caller;
import org.epermit.api.gateway.CredentialType;
import org.epermit.api.gateway.TestClients;
import org.epermit.api.problem.ApiException;
import org.epermit.api.problem.ErrorCode;
import org.epermit.api.testing.Db;
import org.epermit.api.testing.TestPermits;
import org.epermit.api.testing.DelegationTimes;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The one rule of who may use which permit, asked directly and as a condition on the permit table. */
@QuarkusTest
class PermitAccessTest {

    private static final String READ = "permits:read";
    private static final String FILE = "filings:write";

    @Inject
    PermitAccess access;

    @Inject
    ClientRegistry registry;

    @Inject
    Pool pool;

    @Test
    void an_administrator_may_use_every_permit_and_an_unknown_number_is_not_found() {
        Caller admin = caller(UUID.randomUUID(), Set.of("admin"), Set.of("admin", READ), null, null);
        String any = Db.string(pool, "SELECT permit_number FROM permit ORDER BY 1 DESC LIMIT 1");
        assertThat(allowed(admin, READ, any)).isTrue();
        assertThat(refusal(admin, READ, "91110000000000000X001Z")).isEqualTo(ErrorCode.PERMIT_NOT_FOUND);
    }

    @Test
    void a_caller_without_the_scope_is_refused_for_every_permit_whatever_its_role() {
        Caller regulator = caller(UUID.randomUUID(), Set.of("regulator"), Set.of(READ), "44", null);
        String inside = Db.string(pool, "SELECT permit_number FROM permit WHERE province_code = '44' ORDER BY 1 LIMIT 1");
        assertThat(allowed(regulator, READ, inside)).isTrue();
        assertThat(refusal(regulator, FILE, inside)).isEqualTo(ErrorCode.INSUFFICIENT_SCOPE);
        assertThat(visible(regulator, FILE, List.of(inside))).isEmpty();
    }

    @Test
    void a_regulator_uses_the_permits_of_its_region_and_is_told_when_one_is_outside_it() {
        Caller regulator = caller(UUID.randomUUID(), Set.of("regulator"), Set.of(READ), "4403", null);
        String inside = Db.string(pool, "SELECT permit_number FROM permit WHERE city_code = '4403' ORDER BY 1 LIMIT 1");
        String neighbour = Db.string(pool, "SELECT permit_number FROM permit WHERE province_code = '44' AND city_code <> '4403' ORDER BY 1 LIMIT 1");
        assertThat(allowed(regulator, READ, inside)).isTrue();
        assertThat(refusal(regulator, READ, neighbour)).isEqualTo(ErrorCode.OUTSIDE_REGION);
    }

    @Test
    void an_enterprise_uses_its_own_permits_only() {
        List<String> own = enterpriseWithPermits();
        long enterpriseId = Db.count(pool, "SELECT id FROM enterprise WHERE credit_code = $1", own.get(0));
        String foreign = Db.string(pool, "SELECT p.permit_number FROM permit p WHERE p.enterprise_id <> $1 ORDER BY 1 LIMIT 1", enterpriseId);
        Caller enterprise = caller(UUID.randomUUID(), Set.of("enterprise"), Set.of(READ, FILE), null, enterpriseId);
        assertThat(allowed(enterprise, FILE, own.get(1))).isTrue();
        assertThat(refusal(enterprise, READ, foreign)).isEqualTo(ErrorCode.NOT_DELEGATED);
    }

    @Test
    void a_vendor_needs_a_live_delegation_carrying_the_scope_asked_for() {
        List<String> e = enterpriseWithPermits();
        CreatedClient vendor = TestClients.vendor(registry);
        Caller v = caller(vendor.client().id(), Set.of("vendor"), Set.of(READ, FILE), null, null);
        assertThat(refusal(v, READ, e.get(1))).isEqualTo(ErrorCode.NOT_DELEGATED);

        delegate(e.get(0), vendor, "[\"" + e.get(1) + "\"]", "[\"filings:write\"]");

        assertThat(allowed(v, FILE, e.get(1))).isTrue();
        assertThat(refusal(v, READ, e.get(1))).as("covered, but not for reading").isEqualTo(ErrorCode.INSUFFICIENT_SCOPE);
        assertThat(refusal(v, FILE, e.get(2))).as("another permit of the same enterprise").isEqualTo(ErrorCode.NOT_DELEGATED);
    }

    @Test
    void roles_add_up_and_the_condition_agrees_with_the_answer_for_every_permit() {
        List<String> e = enterpriseWithPermits();
        CreatedClient vendor = TestClients.vendor(registry);
        delegate(e.get(0), vendor, null, "[\"permits:read\"]");
        String province = Db.string(pool, "SELECT province_code FROM permit WHERE permit_number = $1", e.get(1));
        String elsewhere = Db.string(pool, "SELECT province_code FROM permit WHERE province_code <> $1 ORDER BY 1 LIMIT 1", province);
        Caller both = caller(vendor.client().id(), Set.of("vendor", "regulator"), Set.of(READ, FILE), elsewhere, null);

        List<String> sample = new ArrayList<>(e.subList(1, e.size()));
        sample.addAll(Db.strings(pool, "SELECT permit_number FROM permit WHERE province_code = $1 ORDER BY 1 LIMIT 5", elsewhere));
        sample.addAll(Db.strings(pool, """
                SELECT permit_number FROM permit WHERE province_code NOT IN ($1, $2)
                AND enterprise_id <> (SELECT id FROM enterprise WHERE credit_code = $3) ORDER BY 1 LIMIT 5""",
                elsewhere, province, e.get(0)));

        Map<String, Boolean> answers = new LinkedHashMap<>();
        sample.forEach(n -> answers.put(n, allowed(both, READ, n)));
        assertThat(answers).as("delegated and in the region are allowed; the rest not")
                .containsAllEntriesOf(Map.of(e.get(1), true, sample.get(sample.size() - 1), false));
        assertThat(answers.values()).contains(true, false);
        assertThat(visible(both, READ, sample)).containsExactlyInAnyOrderElementsOf(
                answers.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList());
        assertThat(visible(both, FILE, sample)).as("the region holds for any scope the caller has; the delegation only for reading")
                .doesNotContain(e.get(1));
    }

    private boolean allowed(Caller caller, String scope, String permitNumber) {
        try {
            return access.require(caller, scope, permitNumber).await().indefinitely() > 0;
        } catch (ApiException refused) {
            return false;
        }
    }

    private ErrorCode refusal(Caller caller, String scope, String permitNumber) {
        ApiException refused = catchThrowableOfType(ApiException.class,
                () -> access.require(caller, scope, permitNumber).await().indefinitely());
        assertThat(refused).as("refused").isNotNull();
        assertThat(refused.getMessage()).isNotBlank();
        return refused.code();
    }

    /** Which of {@code sample} the caller's condition lets through. */
    private List<String> visible(Caller caller, String scope, List<String> sample) {
        SqlCondition c = access.visibleTo(caller, scope);
        List<Object> args = new ArrayList<>();
        args.add(sample.toArray(String[]::new));
        args.addAll(c.args());
        return pool.preparedQuery("SELECT p.permit_number FROM permit p WHERE p.permit_number = ANY ($1) AND " + c.sqlAfter(1))
                .execute(Tuple.from(args)).await().indefinitely().stream().map(r -> r.getString(0)).toList();
    }

    private static Caller caller(UUID id, Set<String> roles, Set<String> scopes, String region, Long enterpriseId) {
        return new Caller(id, "test", CredentialType.API_KEY, id.toString(), scopes, roles, Optional.ofNullable(region),
                Optional.ofNullable(enterpriseId), "standard");
    }

    private List<String> enterpriseWithPermits() {
        return TestPermits.enterpriseWithPermits(pool, 5);
    }

    private void delegate(String creditCode, CreatedClient vendor, String permits, String scopes) {
        given().header("X-API-Key", TestClients.admin(registry).apiKey()).contentType("application/json").body("""
                        {"enterpriseCreditCode": "%s", "vendorClientId": "%s", %s "scopes": %s, "validTo": "%s"}"""
                        .formatted(creditCode, vendor.client().id(),
                                permits == null ? "" : "\"permitNumbers\": " + permits + ",", scopes, DelegationTimes.inAYear()))
                .post("/v1/delegations").then().statusCode(201);
    }
}
