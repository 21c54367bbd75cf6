package org.epermit.api.gateway;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.epermit.api.gateway.audit.AuditRecorder;
import org.epermit.api.client.ClientRegistry;
import org.epermit.api.client.ClientRequests.CreatedClient;
import org.epermit.api.testing.Db;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.startsWith;

/**
 * OAuth2 bearer tokens against the mock Keycloak: a verified token whose client is registered ends in the same
 * principal as an API key; anything else fails like a bad key.
 */
@QuarkusTest
class BearerTokenAuthenticationTest {

    @Inject
    ClientRegistry registry;

    @Inject
    AuditRecorder recorder;

    @Inject
    Pool pool;

    @OidcWireMock
    WireMockServer keycloak;

    private CreatedClient vendorClient(String kc) {
        return TestClients.keycloakClient(registry, kc, List.of("vendor"), List.of("permits:read", "filings:write"), null);
    }

    @Test
    void a_token_of_a_registered_client_identifies_it_as_an_oauth2_caller() {
        String kc = TestTokens.newClientId();
        CreatedClient client = vendorClient(kc);
        TestTokens.Token token = TestTokens.of(kc).scope("openid profile permits:read filings:write").realmRoles("vendor", "offline_access");
        given().auth().oauth2(token.sign()).get("/v1/me").then().statusCode(200)
                .body("clientId", equalTo(client.client().id().toString()))
                .body("name", equalTo(client.client().name()))
                .body("credentialType", equalTo("OAUTH2"))
                .body("subject", equalTo(token.subject()))
                .body("scopes", containsInAnyOrder("filings:write", "permits:read"))
                .body("roles", containsInAnyOrder("vendor"))
                .body("plan", equalTo("standard"));
        // the scope is honoured like an API key's: permits:read opens /v1/permits (nothing delegated: an empty page)
        given().auth().oauth2(token.sign()).get("/v1/permits").then().statusCode(200).body("items", empty());
    }

    @Test
    void client_id_counts_when_azp_is_absent() {
        String kc = TestTokens.newClientId();
        CreatedClient client = vendorClient(kc);
        String token = TestTokens.of(kc).claim("azp", "").claim("client_id", kc).scope("permits:read").realmRoles("vendor").sign();
        given().auth().oauth2(token).get("/v1/me").then().statusCode(200)
                .body("clientId", equalTo(client.client().id().toString()));
    }

    @Test
    void the_caller_gets_only_what_both_the_token_and_the_registration_grant() {
        String kc = TestTokens.newClientId();
        TestClients.keycloakClient(registry, kc, List.of("vendor"), List.of("permits:read"), null);
        // The token claims more scopes and roles than the client is registered for, and some we do not know.
        String token = TestTokens.of(kc).scope("permits:read filings:write admin stats:read email")
                .realmRoles("vendor", "admin", "default-roles-epermit").apiClientRoles("regulator").sign();
        given().auth().oauth2(token).get("/v1/me").then().statusCode(200)
                .body("scopes", containsInAnyOrder("permits:read"))
                .body("roles", containsInAnyOrder("vendor"));
        // and a registered scope the token lacks is not granted either
        String narrow = TestTokens.of(kc).scope("filings:write").realmRoles("vendor").sign();
        given().auth().oauth2(narrow).get("/v1/me").then().statusCode(200).body("scopes", empty());
        given().auth().oauth2(narrow).get("/v1/permits").then().statusCode(403).body("code", equalTo("INSUFFICIENT_SCOPE"));
    }

    @Test
    void roles_count_from_the_api_clients_resource_access_too() {
        String kc = TestTokens.newClientId();
        TestClients.keycloakClient(registry, kc, List.of("vendor", "admin"), List.of("admin", "permits:read"), null);
        String token = TestTokens.of(kc).scope("admin permits:read").apiClientRoles("admin").sign();
        given().auth().oauth2(token).get("/v1/me").then().statusCode(200).body("roles", containsInAnyOrder("admin"));
        given().auth().oauth2(token).get("/v1/admin/clients").then().statusCode(200);
        // roles of another client in resource_access do not count
        String other = TestTokens.of(kc).scope("admin permits:read")
                .claim("resource_access", Map.of("some-other-app", Map.of("roles", List.of("admin")))).sign();
        given().auth().oauth2(other).get("/v1/me").then().statusCode(200).body("roles", empty()).body("scopes", containsInAnyOrder("permits:read"));
    }

    @Test
    void a_token_without_the_admin_scope_is_refused_on_admin_operations() {
        String kc = TestTokens.newClientId();
        TestClients.keycloakClient(registry, kc, List.of("admin"), List.of("admin", "permits:read"), null);
        String withoutAdminScope = TestTokens.of(kc).scope("permits:read").realmRoles("admin").sign();
        given().auth().oauth2(withoutAdminScope).get("/v1/admin/clients").then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("INSUFFICIENT_SCOPE"));
        // the admin scope without the admin role is dropped, as the registry requires of clients
        String withoutAdminRole = TestTokens.of(kc).scope("admin permits:read").realmRoles("vendor").sign();
        given().auth().oauth2(withoutAdminRole).get("/v1/admin/clients").then().statusCode(403)
                .body("code", equalTo("INSUFFICIENT_SCOPE"));
        String admin = TestTokens.of(kc).scope("admin").realmRoles("admin").sign();
        given().auth().oauth2(admin).get("/v1/admin/clients").then().statusCode(200);
    }

    @Test
    void a_token_whose_client_is_unregistered_suspended_or_deleted_is_refused_like_a_bad_key() {
        String kc = TestTokens.newClientId();
        String admin = TestClients.admin(registry).apiKey();
        String token = TestTokens.of(kc).scope("permits:read").realmRoles("vendor").sign();
        JsonPath unregistered = refused(token);

        CreatedClient client = vendorClient(kc);
        given().auth().oauth2(token).get("/v1/me").then().statusCode(200);
        given().header("X-API-Key", admin).contentType("application/json").body("{\"status\":\"SUSPENDED\"}")
                .patch("/v1/admin/clients/{id}", client.client().id()).then().statusCode(200);
        JsonPath suspended = refused(token);
        given().header("X-API-Key", admin).contentType("application/json").body("{\"status\":\"ACTIVE\"}")
                .patch("/v1/admin/clients/{id}", client.client().id()).then().statusCode(200);
        given().auth().oauth2(token).get("/v1/me").then().statusCode(200);
        given().header("X-API-Key", admin).delete("/v1/admin/clients/{id}", client.client().id()).then().statusCode(204);
        JsonPath deleted = refused(token);

        JsonPath badKey = given().header("X-API-Key", "epk_zzzzzzzzzzzzzzzz_" + "C".repeat(43)).get("/v1/me")
                .then().statusCode(401).extract().jsonPath();
        for (JsonPath refusal : List.of(unregistered, suspended, deleted)) {
            assertSameProblem(refusal, badKey);
        }
    }

    @Test
    void an_expired_a_forged_or_a_foreign_token_gets_the_same_401_as_a_bad_api_key() {
        String kc = TestTokens.newClientId();
        vendorClient(kc);
        JsonPath badKey = given().header("X-API-Key", "epk_zzzzzzzzzzzzzzzz_" + "D".repeat(43)).get("/v1/me")
                .then().statusCode(401).extract().jsonPath();
        List<String> bad = List.of(
                TestTokens.of(kc).scope("permits:read").realmRoles("vendor").expired().sign(),
                TestTokens.of(kc).scope("permits:read").realmRoles("vendor").signWithAnotherKey(),
                TestTokens.of(kc).scope("permits:read").realmRoles("vendor").claim("aud", "some-other-api").sign(),
                TestTokens.of(kc).scope("permits:read").realmRoles("vendor").claim("iss", "https://elsewhere.example.com").sign(),
                TestTokens.of(kc).scope("permits:read").realmRoles("vendor").sign() + "x",
                "not-a-jwt");
        for (String token : bad) {
            assertSameProblem(refused(token), badKey);
        }
        // refused on a public operation too, as a bad key is
        given().auth().oauth2(bad.get(0)).get("/v1/reference/pollutants").then().statusCode(401)
                .body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void a_bearer_token_that_is_not_a_verifiable_jwt_gets_the_same_401_without_a_call_to_keycloak() {
        JsonPath badKey = given().header("X-API-Key", "epk_zzzzzzzzzzzzzzzz_" + "D".repeat(43)).get("/v1/me")
                .then().statusCode(401).extract().jsonPath();
        String unique = java.util.UUID.randomUUID().toString().replace("-", "");
        List<String> notJwts = List.of(
                "opaque" + unique,                        // what an introspection-based server issues
                "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0" + unique,   // two segments
                "aGVhZGVy.cGF5bG9hZA." + unique + ".ZXh0cmE",    // four
                "aGVhZGVy..c2ln" + unique,                 // an empty payload
                "aGVhZGVy.cGF5bG9hZA+/." + unique,          // base64, not base64url
                "a.b." + unique,                            // JWT-shaped, but no JSON header or payload
                "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0." + unique);  // decodes, but signed with no key of the realm
        for (String token : notJwts) {
            assertSameProblem(refused(token), badKey);
        }
        // nothing carrying any of them reached the identity provider (introspection, userinfo or anything else)
        assertThat(keycloak.getAllServeEvents()).map(event -> event.getRequest())
                .noneMatch(request -> notJwts.stream().anyMatch(token -> mentions(request, token)));
    }

    private static boolean mentions(LoggedRequest request, String token) {
        return request.getUrl().contains(token) || request.getBodyAsString().contains(token)
                || request.getHeaders().all().stream().anyMatch(h -> h.values().stream().anyMatch(v -> v.contains(token)));
    }

    @Test
    void an_api_key_and_a_bearer_token_together_are_a_400_whatever_their_validity() {
        String kc = TestTokens.newClientId();
        vendorClient(kc);
        String key = TestClients.vendor(registry).apiKey();
        String token = TestTokens.of(kc).scope("permits:read").realmRoles("vendor").sign();
        given().header("X-API-Key", key).auth().oauth2(token).get("/v1/me").then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("MALFORMED_REQUEST"))
                .body("detail", containsString("not both"));
        given().header("X-API-Key", "garbage").auth().oauth2("garbage").get("/v1/me").then().statusCode(400)
                .body("code", equalTo("MALFORMED_REQUEST"));
        // each alone works
        given().header("X-API-Key", key).get("/v1/me").then().statusCode(200).body("credentialType", equalTo("API_KEY"));
        given().auth().oauth2(token).get("/v1/me").then().statusCode(200).body("credentialType", equalTo("OAUTH2"));
    }

    @Test
    void a_regulator_logging_in_through_the_portal_gets_the_region_of_its_token_within_the_portals() {
        String portal = TestTokens.newClientId();
        TestClients.keycloakClient(registry, portal, List.of("regulator", "vendor"), List.of("permits:read", "stats:read"), "44");
        TestTokens.Token user = TestTokens.of(portal).scope("openid permits:read").realmRoles("regulator").claim("region", "4403");
        given().auth().oauth2(user.sign()).get("/v1/me").then().statusCode(200)
                .body("subject", equalTo(user.subject()))
                .body("roles", containsInAnyOrder("regulator"))
                .body("regionCode", equalTo("4403"));
        given().auth().oauth2(user.sign()).queryParam("limit", 100).get("/v1/permits").then().statusCode(200)
                .body("items.region.code", everyItem(startsWith("4403")));
        // no region claim: the portal's registered region
        given().auth().oauth2(TestTokens.of(portal).scope("permits:read").realmRoles("regulator").sign()).get("/v1/me")
                .then().statusCode(200).body("regionCode", equalTo("44"));
        // a region outside the portal's, or not a region code: refused
        refused(TestTokens.of(portal).scope("permits:read").realmRoles("regulator").claim("region", "5101").sign());
        refused(TestTokens.of(portal).scope("permits:read").realmRoles("regulator").claim("region", "44%").sign());
    }

    @Test
    void a_client_registered_through_the_admin_api_with_an_oidc_client_id_accepts_its_tokens() {
        String kc = TestTokens.newClientId();
        String admin = TestClients.admin(registry).apiKey();
        String id = given().header("X-API-Key", admin).contentType("application/json").body("""
                {"name": "绿源环保监测平台 (Keycloak)", "organisation": "绿源环境科技有限公司", "roles": ["vendor"],
                 "scopes": ["permits:read"], "plan": "standard", "oidcClientId": "%s"}""".formatted(kc))
                .post("/v1/admin/clients").then().statusCode(201).body("client.oidcClientId", equalTo(kc)).extract().path("client.id");
        given().auth().oauth2(TestTokens.of(kc).scope("permits:read").realmRoles("vendor").sign()).get("/v1/me")
                .then().statusCode(200).body("clientId", equalTo(id));
    }

    @Test
    void bearer_requests_and_refusals_are_audited_as_oauth2() {
        String kc = TestTokens.newClientId();
        CreatedClient client = vendorClient(kc);
        TestTokens.Token token = TestTokens.of(kc).scope("permits:read").realmRoles("vendor");
        given().auth().oauth2(token.sign()).header("X-Request-Id", "audit-oauth2-ok-1").get("/v1/me").then().statusCode(200);
        given().auth().oauth2(token.sign()).header("X-Request-Id", "audit-oauth2-403-1").get("/v1/admin/clients").then().statusCode(403);
        given().auth().oauth2(TestTokens.of(kc).expired().sign()).header("X-Request-Id", "audit-oauth2-401-1").get("/v1/me")
                .then().statusCode(401);
        awaitAudited("audit-oauth2-ok-1", "audit-oauth2-403-1", "audit-oauth2-401-1");
        var rows = Db.rows(pool, """
                SELECT correlation_id, client_id, subject, credential_type, status, route FROM audit_log
                WHERE correlation_id IN ('audit-oauth2-ok-1', 'audit-oauth2-403-1', 'audit-oauth2-401-1') ORDER BY correlation_id""");
        assertThat(rows).hasSize(3);
        var refused = rows.get(0);   // audit-oauth2-401-1
        assertThat(refused.getUUID(1)).isNull();
        assertThat(refused.getString(3)).isEqualTo("OAUTH2");
        assertThat(refused.getInteger(4)).isEqualTo(401);
        var denied = rows.get(1);    // audit-oauth2-403-1
        assertThat(denied.getUUID(1)).isEqualTo(client.client().id());
        assertThat(denied.getString(3)).isEqualTo("OAUTH2");
        assertThat(denied.getInteger(4)).isEqualTo(403);
        var ok = rows.get(2);        // audit-oauth2-ok-1
        assertThat(ok.getUUID(1)).isEqualTo(client.client().id());
        assertThat(ok.getString(2)).isEqualTo(token.subject());
        assertThat(ok.getString(3)).isEqualTo("OAUTH2");
        assertThat(ok.getInteger(4)).isEqualTo(200);
        assertThat(ok.getString(5)).isEqualTo("/v1/me");
    }

    @Test
    void no_token_appears_in_any_log_line() {
        List<String> lines = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getMessage() + " " + java.util.Arrays.toString(record.getParameters()) + " " + record.getThrown());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            String kc = TestTokens.newClientId();
            String unregistered = TestTokens.of(kc).scope("permits:read").sign();
            String expired = TestTokens.of(kc).expired().sign();
            String forged = TestTokens.of(kc).signWithAnotherKey();
            refused(unregistered);
            refused(expired);
            refused(forged);
            assertThat(lines).isNotEmpty();  // the unregistered client's refusal is logged, by client id
            for (String token : List.of(unregistered, expired, forged)) {
                String signature = token.substring(token.lastIndexOf('.') + 1);
                assertThat(lines).noneMatch(l -> l.contains(signature) || l.contains(token.substring(0, 40)));
            }
        } finally {
            root.removeHandler(capture);
        }
    }

    private static JsonPath refused(String token) {
        return given().auth().oauth2(token).get("/v1/me").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("code", equalTo("UNAUTHENTICATED"))
                .extract().jsonPath();
    }

    /** The same problem but for the request's own id. */
    private static void assertSameProblem(JsonPath actual, JsonPath expected) {
        Map<String, Object> a = new java.util.HashMap<>(actual.getMap(""));
        Map<String, Object> e = new java.util.HashMap<>(expected.getMap(""));
        a.remove("requestId");
        e.remove("requestId");
        assertThat(a).isEqualTo(e);
    }

    private void awaitAudited(String... requestIds) {
        for (int i = 0; i < 50; i++) {
            recorder.flush().await().indefinitely();
            long found = Db.count(pool, "SELECT count(*) FROM audit_log WHERE correlation_id = ANY ($1)", (Object) requestIds);
            if (found == requestIds.length) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("not all of " + List.of(requestIds) + " were audited");
    }
}
