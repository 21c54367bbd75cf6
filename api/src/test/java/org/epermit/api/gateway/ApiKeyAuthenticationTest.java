package org.epermit.api.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.epermit.api.client.ClientRegistry;
import org.epermit.api.client.ClientRequests.CreatedClient;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class ApiKeyAuthenticationTest {

    @Inject
    ClientRegistry registry;

    @Inject
    Pool pool;

    @Test
    void an_api_key_identifies_its_client() {
        CreatedClient vendor = TestClients.vendor(registry);
        assertThat(vendor.apiKey()).matches("epk_[a-z0-9]{16}_[A-Za-z0-9_-]{43}");
        given().header("X-API-Key", vendor.apiKey()).get("/v1/me").then().statusCode(200)
                .body("clientId", equalTo(vendor.client().id().toString()))
                .body("credentialType", equalTo("API_KEY"))
                .body("scopes", containsInAnyOrder("filings:write", "permits:read"))
                .body("roles", containsInAnyOrder("vendor"))
                .body("plan", equalTo("standard"));
    }

    @Test
    void the_key_is_stored_only_as_a_digest() {
        CreatedClient vendor = TestClients.vendor(registry);
        String secret = TestClients.secretOf(vendor.apiKey());
        var rows = pool.preparedQuery("SELECT secret_sha256 FROM api_key WHERE client_id = $1")
                .execute(Tuple.of(vendor.client().id())).await().indefinitely();
        byte[] stored = rows.iterator().next().getBuffer(0).getBytes();
        assertThat(stored).hasSize(32);
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(secret);
    }

    @Test
    void without_credentials_an_authenticated_operation_is_a_401_problem() {
        given().get("/v1/me").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("ApiKey"))
                .body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void every_bad_key_fails_the_same_way_without_saying_which_part_was_wrong() {
        CreatedClient vendor = TestClients.vendor(registry);
        String key = vendor.apiKey();
        String wrongSecret = key.substring(0, key.length() - 1) + (key.endsWith("A") ? "B" : "A");
        String unknownId = "epk_zzzzzzzzzzzzzzzz_" + TestClients.secretOf(key);
        List<String> details = new ArrayList<>();
        for (String bad : List.of(wrongSecret, unknownId, "garbage", "epk_", key + "x")) {
            details.add(given().header("X-API-Key", bad).get("/v1/me").then().statusCode(401)
                    .contentType("application/problem+json").body("code", equalTo("UNAUTHENTICATED"))
                    .extract().path("detail"));
        }
        assertThat(details).containsOnly(details.get(0));
    }

    @Test
    void a_bad_key_is_refused_even_on_a_public_operation() {
        given().header("X-API-Key", "epk_zzzzzzzzzzzzzzzz_" + "A".repeat(43)).get("/v1/reference/pollutants").then()
                .statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void a_revoked_key_stops_at_once_and_a_rotated_one_works_until_its_overlap_ends() {
        CreatedClient vendor = TestClients.vendor(registry);
        String oldKey = vendor.apiKey();
        String newKey = given().header("X-API-Key", TestClients.admin(registry).apiKey())
                .post("/v1/admin/clients/{id}/keys", vendor.client().id()).then().statusCode(201)
                .body("previousKeysExpireAt", org.hamcrest.Matchers.notNullValue())
                .extract().path("apiKey");
        given().header("X-API-Key", oldKey).get("/v1/me").then().statusCode(200);
        given().header("X-API-Key", newKey).get("/v1/me").then().statusCode(200);
        // the overlap ends
        pool.preparedQuery("UPDATE api_key SET expires_at = now() - interval '1 second' WHERE id = $1")
                .execute(Tuple.of(oldKey.substring(4, 20))).await().indefinitely();
        given().header("X-API-Key", oldKey).get("/v1/me").then().statusCode(401);
        given().header("X-API-Key", newKey).get("/v1/me").then().statusCode(200);
        // revocation
        given().header("X-API-Key", TestClients.admin(registry).apiKey())
                .delete("/v1/admin/clients/{id}/keys/{key}", vendor.client().id(), newKey.substring(4, 20)).then().statusCode(204);
        given().header("X-API-Key", newKey).get("/v1/me").then().statusCode(401);
    }

    @Test
    void a_suspended_or_deleted_client_is_refused() {
        CreatedClient vendor = TestClients.vendor(registry);
        String admin = TestClients.admin(registry).apiKey();
        given().header("X-API-Key", admin).contentType("application/json").body("{\"status\":\"SUSPENDED\"}")
                .patch("/v1/admin/clients/{id}", vendor.client().id()).then().statusCode(200).body("status", equalTo("SUSPENDED"));
        given().header("X-API-Key", vendor.apiKey()).get("/v1/me").then().statusCode(401);
        given().header("X-API-Key", admin).contentType("application/json").body("{\"status\":\"ACTIVE\"}")
                .patch("/v1/admin/clients/{id}", vendor.client().id()).then().statusCode(200);
        given().header("X-API-Key", vendor.apiKey()).get("/v1/me").then().statusCode(200);
        given().header("X-API-Key", admin).delete("/v1/admin/clients/{id}", vendor.client().id()).then().statusCode(204);
        given().header("X-API-Key", vendor.apiKey()).get("/v1/me").then().statusCode(401);
        given().header("X-API-Key", admin).get("/v1/admin/clients/{id}", vendor.client().id()).then().statusCode(404)
                .body("code", equalTo("CLIENT_NOT_FOUND"));
    }

    @Test
    void no_key_appears_in_any_log_line() {
        List<String> lines = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(String.valueOf(record.getMessage()) + " " + java.util.Arrays.toString(record.getParameters())
                        + " " + record.getThrown());
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
            CreatedClient vendor = TestClients.vendor(registry);
            given().header("X-API-Key", vendor.apiKey()).get("/v1/me").then().statusCode(200);
            given().header("X-API-Key", vendor.apiKey() + "x").get("/v1/me").then().statusCode(401);
            given().header("X-API-Key", vendor.apiKey()).get("/v1/admin/clients").then().statusCode(403);
            String secret = vendor.apiKey().substring(21);
            assertThat(lines).noneMatch(l -> l.contains(secret) || l.contains("epk_"));
        } finally {
            root.removeHandler(capture);
        }
    }
}
