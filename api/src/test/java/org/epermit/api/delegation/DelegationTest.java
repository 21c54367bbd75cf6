package org.epermit.api.delegation;

import org.epermit.api.gateway.TestClients;
import static org.epermit.api.testing.DelegationTimes.inAYear;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.epermit.api.client.ClientRegistry;
import org.epermit.api.client.ClientRequests.CreatedClient;
import org.epermit.api.testing.Db;
import org.epermit.api.testing.TestPermits;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class DelegationTest {

    @Inject
    ClientRegistry registry;

    @Inject
    Pool pool;

    private List<String> enterpriseWithPermits() {
        return TestPermits.enterpriseWithPermits(pool, 3);
    }

    private String delegate(String adminKey, String creditCode, CreatedClient vendor, String permits, String scopes) {
        return given().header("X-API-Key", adminKey).contentType("application/json").body("""
                {"enterpriseCreditCode": "%s", "vendorClientId": "%s", %s "scopes": %s, "validTo": "%s"}"""
                .formatted(creditCode, vendor.client().id(), permits == null ? "" : "\"permitNumbers\": " + permits + ",", scopes,
                        inAYear()))
                .post("/v1/delegations").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/v1/delegations/"))
                .body("status", equalTo("ACTIVE"))
                .extract().path("id");
    }

    @Test
    void a_vendor_reads_exactly_the_permits_delegated_to_it_and_nothing_else() {
        List<String> e = enterpriseWithPermits();
        String creditCode = e.get(0);
        List<String> permits = e.subList(1, e.size());
        CreatedClient vendor = TestClients.vendor(registry);
        CreatedClient otherVendor = TestClients.vendor(registry);
        String admin = TestClients.admin(registry).apiKey();

        given().header("X-API-Key", vendor.apiKey()).get("/v1/permits/{n}", permits.get(0)).then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("NOT_DELEGATED"));
        given().header("X-API-Key", vendor.apiKey()).get("/v1/permits").then().statusCode(200).body("items", hasSize(0));

        delegate(admin, creditCode, vendor, null, "[\"permits:read\"]");

        given().header("X-API-Key", vendor.apiKey()).get("/v1/permits/{n}", permits.get(0)).then().statusCode(200)
                .body("permit.permitNumber", equalTo(permits.get(0)))
                .body("enterpriseContacts.contactPhone", notNullValue());
        given().header("X-API-Key", vendor.apiKey()).queryParam("limit", 100).get("/v1/permits").then().statusCode(200)
                .body("items.permitNumber", containsInAnyOrder(permits.toArray()));
        // another vendor's delegation is not yours
        given().header("X-API-Key", otherVendor.apiKey()).get("/v1/permits/{n}", permits.get(0)).then().statusCode(403)
                .body("code", equalTo("NOT_DELEGATED"));
        // a permit of another enterprise stays closed
        String foreign = Db.string(pool, "SELECT p.permit_number FROM permit p JOIN enterprise e ON e.id = p.enterprise_id WHERE e.credit_code <> $1 ORDER BY 1 LIMIT 1", creditCode);
        given().header("X-API-Key", vendor.apiKey()).get("/v1/permits/{n}", foreign).then().statusCode(403);
    }

    @Test
    void a_delegation_of_listed_permits_covers_only_those() {
        List<String> e = enterpriseWithPermits();
        CreatedClient vendor = TestClients.vendor(registry);
        delegate(TestClients.admin(registry).apiKey(), e.get(0), vendor, "[\"" + e.get(1) + "\"]", "[\"permits:read\", \"filings:write\"]");
        given().header("X-API-Key", vendor.apiKey()).get("/v1/permits/{n}", e.get(1)).then().statusCode(200);
        given().header("X-API-Key", vendor.apiKey()).get("/v1/permits/{n}", e.get(2)).then().statusCode(403)
                .body("code", equalTo("NOT_DELEGATED"));
        given().header("X-API-Key", vendor.apiKey()).get("/v1/permits").then().statusCode(200)
                .body("items.permitNumber", containsInAnyOrder(e.get(1)));
    }

    @Test
    void deletes_answer_a_client_that_accepts_only_problems_because_their_success_has_no_body() {
        List<String> e = enterpriseWithPermits();
        String admin = TestClients.admin(registry).apiKey();
        String id = delegate(admin, e.get(0), TestClients.vendor(registry), null, "[\"permits:read\"]");
        given().header("X-API-Key", admin).accept("application/problem+json")
                .delete("/v1/delegations/{id}", id).then().statusCode(204);
        given().header("X-API-Key", admin).accept("application/problem+json")
                .delete("/v1/delegations/{id}", java.util.UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("DELEGATION_NOT_FOUND"));

        CreatedClient client = TestClients.vendor(registry);
        given().header("X-API-Key", admin).accept("application/problem+json")
                .delete("/v1/admin/clients/{id}/keys/{key}", client.client().id(), java.util.UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        given().header("X-API-Key", admin).accept("application/problem+json")
                .delete("/v1/admin/clients/{id}", client.client().id()).then().statusCode(204);
    }

    @Test
    void revoked_expired_or_write_only_delegations_do_not_open_a_permit() {
        List<String> e = enterpriseWithPermits();
        String admin = TestClients.admin(registry).apiKey();
        CreatedClient vendor = TestClients.vendor(registry);
        String id = delegate(admin, e.get(0), vendor, null, "[\"permits:read\"]");
        given().header("X-API-Key", vendor.apiKey()).get("/v1/permits/{n}", e.get(1)).then().statusCode(200);
        given().header("X-API-Key", admin).delete("/v1/delegations/{id}", id).then().statusCode(204);
        given().header("X-API-Key", vendor.apiKey()).get("/v1/permits/{n}", e.get(1)).then().statusCode(403);
        given().header("X-API-Key", admin).get("/v1/delegations/{id}", id).then().statusCode(200).body("status", equalTo("REVOKED"));

        CreatedClient second = TestClients.vendor(registry);
        String expiring = delegate(admin, e.get(0), second, null, "[\"permits:read\"]");
        given().header("X-API-Key", second.apiKey()).get("/v1/permits/{n}", e.get(1)).then().statusCode(200);
        pool.preparedQuery("UPDATE delegation SET valid_from = now() - interval '2 days', valid_to = now() - interval '1 second' WHERE id = $1")
                .execute(Tuple.of(java.util.UUID.fromString(expiring))).await().indefinitely();
        given().header("X-API-Key", second.apiKey()).get("/v1/permits/{n}", e.get(1)).then().statusCode(403);

        CreatedClient writer = TestClients.vendor(registry);
        delegate(admin, e.get(0), writer, null, "[\"filings:write\"]");
        given().header("X-API-Key", writer.apiKey()).get("/v1/permits/{n}", e.get(1)).then().statusCode(403)
                .body("code", equalTo("INSUFFICIENT_SCOPE"));
    }

    @Test
    void deleting_a_vendor_ends_its_delegations_with_a_reason_and_its_key_stops() {
        List<String> e = enterpriseWithPermits();
        String admin = TestClients.admin(registry).apiKey();
        CreatedClient enterprise = TestClients.enterprise(registry, e.get(0));
        CreatedClient vendor = TestClients.vendor(registry);
        String live = delegate(admin, e.get(0), vendor, null, "[\"permits:read\"]");
        String revokedBefore = delegate(admin, e.get(0), vendor, "[\"" + e.get(1) + "\"]", "[\"permits:read\"]");
        given().header("X-API-Key", admin).delete("/v1/delegations/{id}", revokedBefore).then().statusCode(204);
        String expired = delegate(admin, e.get(0), vendor, null, "[\"filings:write\"]");
        pool.preparedQuery("UPDATE delegation SET valid_from = now() - interval '2 days', valid_to = now() - interval '1 day' WHERE id = $1")
                .execute(Tuple.of(java.util.UUID.fromString(expired))).await().indefinitely();
        given().header("X-API-Key", vendor.apiKey()).get("/v1/permits/{n}", e.get(1)).then().statusCode(200);

        given().header("X-API-Key", admin).delete("/v1/admin/clients/{id}", vendor.client().id()).then().statusCode(204);

        given().header("X-API-Key", vendor.apiKey()).get("/v1/me").then().statusCode(401);
        // the enterprise's list shows each as it ended
        var listed = listedBy(enterprise.apiKey());
        assertThat(listed.get(live)).as("the live delegation ended with its vendor")
                .containsEntry("status", "REVOKED").containsEntry("revocationReason", "VENDOR_DELETED")
                .extractingByKey("revokedAt").isNotNull();
        assertThat(listed.get(revokedBefore)).containsEntry("status", "REVOKED").containsEntry("revocationReason", "REVOKED");
        assertThat(listed.get(expired)).containsEntry("status", "EXPIRED").containsEntry("revokedAt", null)
                .containsEntry("revocationReason", null);
        given().header("X-API-Key", admin).get("/v1/delegations/{id}", live).then().statusCode(200)
                .body("status", equalTo("REVOKED")).body("revocationReason", equalTo("VENDOR_DELETED"));
    }

    /** Every delegation the caller may list, by id. */
    private static java.util.Map<String, java.util.Map<String, Object>> listedBy(String key) {
        java.util.Map<String, java.util.Map<String, Object>> all = new java.util.HashMap<>();
        String cursor = null;
        do {
            var request = given().header("X-API-Key", key).queryParam("limit", 100);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/v1/delegations").then().statusCode(200).extract().jsonPath();
            List<java.util.Map<String, Object>> items = page.getList("items");
            items.forEach(d -> all.put((String) d.get("id"), d));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return all;
    }

    @Test
    void a_regulator_sees_its_region_only() {
        String inside = Db.string(pool, "SELECT permit_number FROM permit WHERE region_code LIKE '44%' ORDER BY 1 LIMIT 1");
        String outside = Db.string(pool, "SELECT permit_number FROM permit WHERE region_code NOT LIKE '44%' ORDER BY 1 LIMIT 1");
        String regulator = TestClients.regulator(registry, "44").apiKey();
        given().header("X-API-Key", regulator).get("/v1/permits/{n}", inside).then().statusCode(200);
        given().header("X-API-Key", regulator).get("/v1/permits/{n}", outside).then().statusCode(403)
                .body("code", equalTo("OUTSIDE_REGION"));
        given().header("X-API-Key", regulator).queryParam("limit", 100).get("/v1/permits").then().statusCode(200)
                .body("items.region.code", everyItem(startsWith("44")));
    }

    @Test
    void an_enterprise_sees_its_own_permits_and_delegates_for_itself_only() {
        List<String> e = enterpriseWithPermits();
        CreatedClient enterprise = TestClients.enterprise(registry, e.get(0));
        given().header("X-API-Key", enterprise.apiKey()).queryParam("limit", 100).get("/v1/permits").then().statusCode(200)
                .body("items.permitNumber", containsInAnyOrder(e.subList(1, e.size()).toArray()));
        CreatedClient vendor = TestClients.vendor(registry);
        given().header("X-API-Key", enterprise.apiKey()).contentType("application/json").body("""
                {"vendorClientId": "%s", "scopes": ["permits:read"], "validTo": "%s"}""".formatted(vendor.client().id(), inAYear()))
                .post("/v1/delegations").then().statusCode(201).body("enterpriseCreditCode", equalTo(e.get(0)));
        given().header("X-API-Key", vendor.apiKey()).get("/v1/delegations").then().statusCode(200).body("items", hasSize(1));
        String other = Db.string(pool, "SELECT credit_code FROM enterprise WHERE credit_code <> $1 AND NOT pseudo_credit_code ORDER BY 1 LIMIT 1", e.get(0));
        given().header("X-API-Key", enterprise.apiKey()).contentType("application/json").body("""
                {"enterpriseCreditCode": "%s", "vendorClientId": "%s", "scopes": ["permits:read"], "validTo": "%s"}"""
                .formatted(other, vendor.client().id(), inAYear()))
                .post("/v1/delegations").then().statusCode(403);
        // vendors do not delegate
        given().header("X-API-Key", vendor.apiKey()).contentType("application/json").body("{}").post("/v1/delegations").then().statusCode(403);
    }

    /**
     * A delegation names an enterprise and permits that must exist: they are checked as lookups, so a code failing
     * only its organisation check and a number with an unusual letter reach the database's verdict, not a format error.
     */
    @Test
    void the_enterprise_and_permits_of_a_delegation_are_looked_up_not_refused_by_format() {
        String early = "91440101MA5CJQ4N6" + org.epermit.api.common.CreditCode.checkCharacter("91440101MA5CJQ4N6");
        String admin = TestClients.admin(registry).apiKey();
        CreatedClient vendor = TestClients.vendor(registry);
        given().header("X-API-Key", admin).contentType("application/json").body("""
                {"enterpriseCreditCode": "%s", "vendorClientId": "%s", "scopes": ["permits:read"], "validTo": "%s"}"""
                .formatted(early, vendor.client().id(), inAYear()))
                .post("/v1/delegations").then().statusCode(400)
                .body("errors", hasSize(1))
                .body("errors[0].code", equalTo("UNKNOWN_ENTERPRISE"));
        List<String> e = enterpriseWithPermits();
        String otherLetter = e.get(1).substring(0, 21) + "Q";
        given().header("X-API-Key", admin).contentType("application/json").body("""
                {"enterpriseCreditCode": "%s", "vendorClientId": "%s", "permitNumbers": ["%s"], "scopes": ["permits:read"],
                 "validTo": "%s"}""".formatted(e.get(0), vendor.client().id(), otherLetter, inAYear()))
                .post("/v1/delegations").then().statusCode(400)
                .body("errors", hasSize(1))
                .body("errors[0].code", equalTo("NOT_OF_ENTERPRISE"));
    }

    @Test
    void a_bad_delegation_is_refused_with_every_failing_field() {
        given().header("X-API-Key", TestClients.admin(registry).apiKey()).contentType("application/json").body("""
                {"enterpriseCreditCode": "91350200776049653B", "vendorClientId": "nope", "permitNumbers": ["x"],
                 "scopes": ["admin"], "validFrom": "2030-01-01T00:00:00Z", "validTo": "2029-01-01T00:00:00Z"}""")
                .post("/v1/delegations").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.path", containsInAnyOrder("body.enterpriseCreditCode", "body.vendorClientId",
                        "body.permitNumbers[0]", "body.scopes[0]", "body.validTo"));
    }

    @Test
    void a_null_in_a_body_list_is_a_field_error_naming_its_index_not_a_500() {
        List<String> e = enterpriseWithPermits();
        String admin = TestClients.admin(registry).apiKey();
        CreatedClient vendor = TestClients.vendor(registry);
        given().header("X-API-Key", admin).contentType("application/json").body("""
                {"enterpriseCreditCode": "%s", "vendorClientId": "%s", "scopes": [null], "validTo": "%s"}"""
                .formatted(e.get(0), vendor.client().id(), inAYear()))
                .post("/v1/delegations").then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.path", contains("body.scopes[0]"))
                .body("errors[0].code", equalTo("NULL"));
        given().header("X-API-Key", admin).contentType("application/json").body("""
                {"enterpriseCreditCode": "%s", "vendorClientId": "%s", "permitNumbers": ["%s", null],
                 "scopes": ["permits:read"], "validTo": "%s"}"""
                .formatted(e.get(0), vendor.client().id(), e.get(1), inAYear()))
                .post("/v1/delegations").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.path", contains("body.permitNumbers[1]"));
        given().header("X-API-Key", admin).contentType("application/json").body("""
                {"name": "n", "organisation": "o", "roles": ["vendor"], "scopes": ["permits:read", null]}""")
                .post("/v1/admin/clients").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.path", contains("body.scopes[1]"));
        assertThat(Db.count(pool, "SELECT count(*) FROM delegation WHERE vendor_client_id = $1", vendor.client().id())).isZero();
    }

    @Test
    void dates_outside_the_years_1900_to_9999_are_refused_instead_of_stored_as_infinity() {
        List<String> e = enterpriseWithPermits();
        String admin = TestClients.admin(registry).apiKey();
        CreatedClient vendor = TestClients.vendor(registry);
        String body = """
                {"enterpriseCreditCode": "%s", "vendorClientId": "%s", "scopes": ["permits:read"], %s}""";
        for (String dates : List.of("\"validTo\": \"+300000-01-01T00:00:00Z\"", "\"validTo\": \"+10000-01-01T00:00:00Z\"",
                "\"validFrom\": \"-0001-01-01T00:00:00Z\", \"validTo\": \"" + inAYear() + "\"",
                "\"validFrom\": \"1899-12-31T23:59:59Z\", \"validTo\": \"" + inAYear() + "\"")) {
            String field = dates.contains("validFrom") ? "body.validFrom" : "body.validTo";
            given().header("X-API-Key", admin).contentType("application/json")
                    .body(body.formatted(e.get(0), vendor.client().id(), dates))
                    .post("/v1/delegations").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("code", equalTo("VALIDATION_FAILED"))
                    .body("errors.path", contains(field))
                    .body("errors[0].code", equalTo("RANGE"));
        }
        assertThat(Db.count(pool, "SELECT count(*) FROM delegation WHERE vendor_client_id = $1", vendor.client().id())).isZero();
    }

    @Test
    void a_delegation_runs_at_most_the_configured_maximum_five_years_by_default() {
        Period max = Period.ofYears(5);  // the documented default of epermit.delegation.max-duration
        List<String> e = enterpriseWithPermits();
        String admin = TestClients.admin(registry).apiKey();
        CreatedClient vendor = TestClients.vendor(registry);
        OffsetDateTime from = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(1).truncatedTo(ChronoUnit.SECONDS);
        String body = """
                {"enterpriseCreditCode": "%s", "vendorClientId": "%s", "scopes": ["permits:read"], %s}""";
        given().header("X-API-Key", admin).contentType("application/json").body(body.formatted(e.get(0), vendor.client().id(),
                        "\"validFrom\": \"" + from + "\", \"validTo\": \"" + from.plus(max) + "\""))
                .post("/v1/delegations").then().statusCode(201).body("status", equalTo("SCHEDULED"));
        given().header("X-API-Key", admin).contentType("application/json").body(body.formatted(e.get(0), vendor.client().id(),
                        "\"validFrom\": \"" + from + "\", \"validTo\": \"" + from.plus(max).plusSeconds(1) + "\""))
                .post("/v1/delegations").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.path", contains("body.validTo"))
                .body("errors[0].code", equalTo("TOO_LONG"));
        // without validFrom it runs from now
        given().header("X-API-Key", admin).contentType("application/json").body(body.formatted(e.get(0), vendor.client().id(),
                        "\"validTo\": \"" + from.plusYears(6) + "\""))
                .post("/v1/delegations").then().statusCode(400)
                .body("errors.path", contains("body.validTo"))
                .body("errors[0].code", equalTo("TOO_LONG"));
        assertThat(Db.count(pool, "SELECT count(*) FROM delegation WHERE vendor_client_id = $1", vendor.client().id())).isEqualTo(1);
    }

    @Test
    void the_full_view_needs_credentials_and_the_permits_read_scope() {
        String permit = Db.string(pool, "SELECT permit_number FROM permit ORDER BY 1 LIMIT 1");
        given().get("/v1/permits/{n}", permit).then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
        CreatedClient noScope = registry.create(new org.epermit.api.client.ClientRequests.NewClient(
                "no scope", "x", null, List.of("vendor"), List.of("filings:write"), null, null, null, null)).await().indefinitely();
        given().header("X-API-Key", noScope.apiKey()).get("/v1/permits/{n}", permit).then().statusCode(403)
                .body("code", equalTo("INSUFFICIENT_SCOPE"));
        given().header("X-API-Key", noScope.apiKey()).get("/v1/permits").then().statusCode(403);
        assertThat(TestClients.admin(registry).apiKey()).isNotBlank();
        given().header("X-API-Key", TestClients.admin(registry).apiKey()).get("/v1/permits/{n}", permit).then().statusCode(200);
    }
}
