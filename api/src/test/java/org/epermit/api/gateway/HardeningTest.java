package org.epermit.api.gateway;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.epermit.api.gateway.client.ClientRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class HardeningTest {

    @Inject
    ClientRegistry registry;

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
                .statusCode(200).header("Cache-Control", "no-store");
    }
}
