package org.epermit.api.client;

import org.epermit.api.gateway.TestClients;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.epermit.api.client.ClientRegistry;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class AdminClientsTest {

    @Inject
    ClientRegistry registry;

    private String admin() {
        return TestClients.admin(registry).apiKey();
    }

    @Test
    void an_admin_registers_a_client_whose_key_works_at_once() {
        var created = given().header("X-API-Key", admin()).contentType("application/json").body("""
                {"name": "绿源环保监测平台", "organisation": "绿源环境科技有限公司", "contactEmail": "ops@example.cn",
                 "roles": ["vendor"], "scopes": ["permits:read", "filings:write"], "plan": "standard"}""")
                .post("/v1/admin/clients").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/v1/admin/clients/"))
                .body("client.name", equalTo("绿源环保监测平台"))
                .body("client.status", equalTo("ACTIVE"))
                .body("apiKey", startsWith("epk_"))
                .extract();
        String key = created.path("apiKey");
        String id = created.path("client.id");
        given().header("X-API-Key", key).get("/v1/me").then().statusCode(200).body("clientId", equalTo(id));
        given().header("X-API-Key", admin()).get(created.header("Location")).then().statusCode(200)
                .body("id", equalTo(id)).body("keys.size()", equalTo(1));
        // the secret is never shown again
        assertThat(given().header("X-API-Key", admin()).get(created.header("Location")).asString()).doesNotContain(key.substring(21));
    }

    @Test
    void every_invalid_field_is_reported_at_once() {
        given().header("X-API-Key", admin()).contentType("application/json").body("""
                {"name": "", "roles": ["vendor", "king"], "scopes": [], "contactEmail": "not-an-email",
                 "plan": "platinum", "regionCode": "4"}""")
                .post("/v1/admin/clients").then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.path", containsInAnyOrder("body.name", "body.organisation", "body.roles[1]",
                        "body.scopes", "body.contactEmail", "body.plan", "body.regionCode"));
    }

    @Test
    void role_rules_are_enforced() {
        given().header("X-API-Key", admin()).contentType("application/json").body("""
                {"name": "x", "organisation": "y", "roles": ["regulator"], "scopes": ["admin"]}""")
                .post("/v1/admin/clients").then().statusCode(400)
                .body("errors.path", containsInAnyOrder("body.scopes", "body.regionCode"));
        given().header("X-API-Key", admin()).contentType("application/json").body("""
                {"name": "x", "organisation": "y", "roles": ["enterprise"], "scopes": ["permits:read"],
                 "enterpriseCreditCode": "91350200776049653A"}""")
                .post("/v1/admin/clients").then().statusCode(400)
                .body("errors[0].code", equalTo("UNKNOWN_ENTERPRISE"));
    }

    @Test
    void unknown_fields_wrong_types_bad_json_and_wrong_media_types_are_clear_errors() {
        given().header("X-API-Key", admin()).contentType("application/json").body("{\"name\":\"x\",\"colour\":\"red\"}")
                .post("/v1/admin/clients").then().statusCode(400).body("errors[0].path", equalTo("body.colour"))
                .body("errors[0].code", equalTo("UNKNOWN_FIELD"));
        given().header("X-API-Key", admin()).contentType("application/json").body("{\"roles\":\"vendor\"}")
                .post("/v1/admin/clients").then().statusCode(400).body("errors[0].path", equalTo("body.roles"));
        given().header("X-API-Key", admin()).contentType("application/json").body("{not json")
                .post("/v1/admin/clients").then().statusCode(400).body("code", equalTo("MALFORMED_REQUEST"));
        given().header("X-API-Key", admin()).contentType("text/plain").body("hello")
                .post("/v1/admin/clients").then().statusCode(415).body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
        given().header("X-API-Key", admin()).contentType("application/json")
                .post("/v1/admin/clients").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
    }

    @Test
    void revoking_a_key_by_an_id_no_key_can_have_is_a_404_problem_never_a_500() {
        String admin = admin();
        String vendorId = TestClients.vendor(registry).client().id().toString();
        for (String keyId : List.of("%00", "abc%00defghijklmn", "ABCDEFGHIJKLMNOP", "x".repeat(300))) {
            given().urlEncodingEnabled(false).header("X-API-Key", admin)
                    .delete("/v1/admin/clients/" + vendorId + "/keys/" + keyId).then().statusCode(404)
                    .contentType("application/problem+json")
                    .body("code", equalTo("RESOURCE_NOT_FOUND"));
        }
    }

    @Test
    void a_client_without_the_admin_scope_is_refused_everywhere_in_admin() {
        String vendor = TestClients.vendor(registry).apiKey();
        given().header("X-API-Key", vendor).get("/v1/admin/clients").then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("INSUFFICIENT_SCOPE"));
        given().header("X-API-Key", vendor).get("/v1/admin/audit").then().statusCode(403);
        given().header("X-API-Key", vendor).contentType("application/json").body("{}")
                .post("/v1/admin/clients").then().statusCode(403);
        given().get("/v1/admin/clients").then().statusCode(401);
    }

    @Test
    void the_client_list_pages_without_gaps() {
        String admin = admin();
        for (int i = 0; i < 5; i++) {
            TestClients.vendor(registry);
        }
        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().header("X-API-Key", admin).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/v1/admin/clients").then().statusCode(200).extract().jsonPath();
            List<String> ids = page.getList("items.id");
            assertThat(ids).allMatch(seen::add);
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null && pages < 1000);
        assertThat(seen.size()).isGreaterThanOrEqualTo(6);
    }

    @Test
    void a_patch_member_set_to_null_clears_the_field_and_an_absent_member_leaves_it_as_it_is() {
        String admin = admin();
        String oidc = "kc-" + java.util.UUID.randomUUID();
        String id = given().header("X-API-Key", admin).contentType("application/json").body("""
                {"name": "清空测试", "organisation": "测试单位", "contactEmail": "ops@example.cn", "roles": ["vendor"],
                 "scopes": ["permits:read"], "regionCode": "4403", "oidcClientId": "%s"}""".formatted(oidc))
                .post("/v1/admin/clients").then().statusCode(201).extract().path("client.id");

        given().header("X-API-Key", admin).contentType("application/json")
                .body("{\"oidcClientId\": null, \"contactEmail\": null, \"regionCode\": null}")
                .patch("/v1/admin/clients/{id}", id).then().statusCode(200)
                .body("oidcClientId", nullValue()).body("contactEmail", nullValue()).body("regionCode", nullValue())
                .body("name", equalTo("清空测试")).body("roles", contains("vendor"));
        given().header("X-API-Key", admin).get("/v1/admin/clients/{id}", id).then().statusCode(200)
                .body("oidcClientId", nullValue()).body("contactEmail", nullValue()).body("regionCode", nullValue())
                .body("organisation", equalTo("测试单位"));
        // the Keycloak client id is free again
        given().header("X-API-Key", admin).contentType("application/json").body("{\"oidcClientId\": \"" + oidc + "\"}")
                .patch("/v1/admin/clients/{id}", TestClients.vendor(registry).client().id()).then().statusCode(200)
                .body("oidcClientId", equalTo(oidc));
        // an absent member changes nothing, a value sets it
        given().header("X-API-Key", admin).contentType("application/json").body("{\"contactEmail\": \"new@example.cn\"}")
                .patch("/v1/admin/clients/{id}", id).then().statusCode(200)
                .body("contactEmail", equalTo("new@example.cn")).body("oidcClientId", nullValue());
    }

    @Test
    void null_for_a_field_that_cannot_be_cleared_is_a_field_error_and_changes_nothing() {
        String admin = admin();
        var vendor = TestClients.vendor(registry);
        given().header("X-API-Key", admin).contentType("application/json").body("""
                {"name": null, "organisation": null, "roles": null, "scopes": null, "plan": null, "status": null,
                 "contactEmail": null}""")
                .patch("/v1/admin/clients/{id}", vendor.client().id()).then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.path", containsInAnyOrder("body.name", "body.organisation", "body.roles", "body.scopes",
                        "body.plan", "body.status"))
                .body("errors.code", everyItem(equalTo("REQUIRED")));
        given().header("X-API-Key", admin).get("/v1/admin/clients/{id}", vendor.client().id()).then().statusCode(200)
                .body("contactEmail", equalTo("ops@example.cn")).body("name", equalTo(vendor.client().name()));
        // a regulator's region is required, so it cannot be cleared either
        var regulator = TestClients.regulator(registry, "4403");
        given().header("X-API-Key", admin).contentType("application/json").body("{\"regionCode\": null}")
                .patch("/v1/admin/clients/{id}", regulator.client().id()).then().statusCode(400)
                .body("errors.path", contains("body.regionCode"));
    }

    @Test
    void a_patch_is_accepted_as_application_merge_patch_json() {
        var vendor = TestClients.vendor(registry);
        given().header("X-API-Key", admin()).contentType("application/merge-patch+json; charset=UTF-8").body("{\"contactEmail\": null}")
                .patch("/v1/admin/clients/{id}", vendor.client().id()).then().statusCode(200)
                .body("contactEmail", nullValue());
        given().header("X-API-Key", admin()).contentType("text/plain").body("{}")
                .patch("/v1/admin/clients/{id}", vendor.client().id()).then().statusCode(415)
                .body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
    }

    @Test
    void a_patch_with_an_unknown_field_a_wrong_type_or_no_object_is_a_clear_error() {
        var vendor = TestClients.vendor(registry);
        given().header("X-API-Key", admin()).contentType("application/merge-patch+json; charset=UTF-8").body("{\"colour\": null}")
                .patch("/v1/admin/clients/{id}", vendor.client().id()).then().statusCode(400)
                .body("errors[0].path", equalTo("body.colour")).body("errors[0].code", equalTo("UNKNOWN_FIELD"));
        given().header("X-API-Key", admin()).contentType("application/json").body("{\"roles\": \"vendor\"}")
                .patch("/v1/admin/clients/{id}", vendor.client().id()).then().statusCode(400)
                .body("errors[0].path", equalTo("body.roles"));
        given().header("X-API-Key", admin()).contentType("application/json").body("[]")
                .patch("/v1/admin/clients/{id}", vendor.client().id()).then().statusCode(400)
                .body("code", equalTo("MALFORMED_REQUEST"));
        given().header("X-API-Key", admin()).contentType("application/json")
                .patch("/v1/admin/clients/{id}", vendor.client().id()).then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED")).body("errors[0].path", equalTo("body"));
    }

    @Test
    void unknown_and_malformed_client_ids() {
        given().header("X-API-Key", admin()).get("/v1/admin/clients/00000000-0000-4000-8000-00000000ffff").then()
                .statusCode(404).body("code", equalTo("CLIENT_NOT_FOUND"));
        given().header("X-API-Key", admin()).get("/v1/admin/clients/not-a-uuid").then()
                .statusCode(400).body("errors[0].path", equalTo("path.id"));
    }
}
