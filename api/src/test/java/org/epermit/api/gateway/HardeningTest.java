package org.epermit.api.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.epermit.api.client.ClientRegistry;
import org.epermit.api.testing.Db;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class HardeningTest {

    @Inject
    ClientRegistry registry;

    @Inject
    Pool pool;

    @Test
    void api_responses_carry_security_headers() {
        given().get("/v1/reference/pollutants").then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    }

    @Test
    void cross_origin_calls_are_allowed_only_from_the_allow_list_and_never_with_a_wildcard() {
        given().header("Origin", "https://portal.example.cn").header("Access-Control-Request-Method", "GET")
                .options("/v1/public/permits").then()
                .header("Access-Control-Allow-Origin", "https://portal.example.cn")
                .header("Access-Control-Allow-Origin", not("*"));
        given().header("Origin", "https://evil.example.com").header("Access-Control-Request-Method", "GET")
                .options("/v1/public/permits").then()
                .header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://evil.example.com").get("/v1/reference/pollutants").then()
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void a_call_from_an_origin_not_on_the_allow_list_is_a_403_problem() {
        given().header("Origin", "https://evil.example.com").get("/v1/reference/pollutants").then().statusCode(403)
                .contentType("application/problem+json")
                .header("X-Request-Id", not(emptyOrNullString()))
                .header("X-Content-Type-Options", "nosniff")
                .body("code", equalTo("CROSS_ORIGIN_REFUSED"));
        given().header("Origin", "https://evil.example.com").header("Access-Control-Request-Method", "GET")
                .options("/v1/public/permits").then().statusCode(403)
                .contentType("application/problem+json")
                .body("code", equalTo("CROSS_ORIGIN_REFUSED"));
    }

    @Test
    void an_allowed_origin_calling_with_a_method_cors_does_not_allow_is_a_403_problem() {
        given().header("Origin", "https://portal.example.cn").put("/v1/reference/pollutants").then().statusCode(403)
                .contentType("application/problem+json")
                .body("code", equalTo("CROSS_ORIGIN_REFUSED"));
    }

    @Test
    void allowed_and_same_origin_calls_are_served() {
        given().header("Origin", "https://portal.example.cn").get("/v1/reference/pollutants").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://portal.example.cn");
        given().header("Origin", "http://localhost:" + io.restassured.RestAssured.port).get("/v1/reference/pollutants")
                .then().statusCode(200);
    }

    @Test
    void a_body_over_the_size_limit_is_a_413_problem() {
        String admin = TestClients.admin(registry).apiKey();
        String huge = "{\"name\":\"" + "x".repeat(1_100_000) + "\"}";
        given().header("X-API-Key", admin).contentType("application/json").body(huge)
                .post("/v1/admin/clients").then().statusCode(413)
                .contentType("application/problem+json")
                .body("code", equalTo("PAYLOAD_TOO_LARGE"));
    }

    @Test
    void the_shipped_configuration_bounds_connections_and_their_idleness() {
        // Quarkus alone keeps an idle connection for 30 minutes and accepts any number; SlowClientsTest shows the
        // behaviour with the values shrunk.
        var config = ConfigProvider.getConfig();
        assertThat(config.getValue("quarkus.http.idle-timeout", Duration.class))
                .isLessThanOrEqualTo(Duration.ofSeconds(60));
        assertThat(config.getOptionalValue("quarkus.http.limits.max-connections", Integer.class))
                .hasValueSatisfying(max -> assertThat(max).isBetween(1, 10_000));
        assertThat(config.getValue("epermit.http.connection.header-read-timeout", Duration.class))
                .isLessThanOrEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void admin_responses_are_never_cached() {
        given().header("X-API-Key", TestClients.admin(registry).apiKey()).get("/v1/admin/clients").then()
                .statusCode(200).header("Cache-Control", "private, no-store");
        given().get("/v1/admin/clients").then().statusCode(401).header("Cache-Control", containsString("no-store"));
    }

    @Test
    void every_answer_to_a_caller_with_credentials_is_private_and_varies_on_the_credential_headers() {
        String vendor = TestClients.vendor(registry).apiKey();
        String admin = TestClients.admin(registry).apiKey();
        String number = Db.string(pool, "SELECT permit_number FROM permit ORDER BY permit_number LIMIT 1");
        Map<String, Response> answers = new LinkedHashMap<>();
        answers.put("me", given().header("X-API-Key", vendor).get("/v1/me"));
        answers.put("delegations", given().header("X-API-Key", vendor).get("/v1/delegations"));
        answers.put("a permit with its contacts", given().header("X-API-Key", admin).get("/v1/permits/{n}", number));
        answers.put("no such permit", given().header("X-API-Key", admin).get("/v1/permits/{n}", "91130200699229617X999P"));
        answers.put("a bad key", given().header("X-API-Key", vendor + "x").get("/v1/me"));
        answers.put("both credentials", given().header("X-API-Key", vendor).header("Authorization", "Bearer a.b.c").get("/v1/me"));
        answers.put("a bearer token that is no JWT", given().header("Authorization", "Bearer nope").get("/v1/reference/pollutants"));
        assertThat(answers.get("a permit with its contacts").statusCode()).isEqualTo(200);
        answers.forEach((what, answer) -> {
            assertThat(answer.header("Cache-Control")).as(what + " (" + answer.statusCode() + ")").isEqualTo("private, no-store");
            assertThat(varyTokens(answer)).as(what).contains("x-api-key", "authorization");
        });
    }

    @Test
    void a_public_read_with_credentials_may_be_kept_only_by_the_client_and_is_revalidated_each_time() {
        String vendor = TestClients.vendor(registry).apiKey();
        Response first = given().header("X-API-Key", vendor).get("/v1/reference/pollutants");
        first.then().statusCode(200).header("Cache-Control", "private, no-cache").header("ETag", notNullValue());
        assertThat(varyTokens(first)).contains("x-api-key", "authorization");
        Response again = given().header("X-API-Key", vendor).header("If-None-Match", first.header("ETag"))
                .get("/v1/reference/pollutants");
        again.then().statusCode(304).header("Cache-Control", "private, no-cache");
        assertThat(varyTokens(again)).contains("x-api-key", "authorization");

        // without credentials the same read stays cacheable by shared caches, for anonymous callers only
        Response anonymous = given().get("/v1/reference/pollutants");
        anonymous.then().statusCode(200).header("Cache-Control", "max-age=60").header("ETag", first.header("ETag"));
        assertThat(varyTokens(anonymous)).contains("x-api-key", "authorization");
    }

    /** The field names of every Vary header of a response, lower case. */
    private static List<String> varyTokens(Response response) {
        return response.headers().getValues("Vary").stream()
                .flatMap(v -> Arrays.stream(v.split(",")))
                .map(t -> t.strip().toLowerCase(Locale.ROOT))
                .filter(t -> !t.isEmpty())
                .toList();
    }
}
