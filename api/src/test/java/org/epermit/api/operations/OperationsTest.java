package org.epermit.api.operations;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class OperationsTest {

    private static final Pattern URI_LABEL = Pattern.compile("^http_server_\\w*\\{[^\\n]*?\\buri=\"([^\"]*)\"", Pattern.MULTILINE);

    /** /q/metrics on the management interface (a port of its own, on loopback): relative to its root, /q. */
    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @Inject
    MetricsUriTags uriTags;

    @Test
    void health_is_up_and_readiness_checks_the_database() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("Reactive PostgreSQL connections health check"));
    }

    @Test
    void metrics_are_served_on_the_management_interface_and_not_on_the_api_port() {
        given().get("/q/metrics").then().statusCode(404).contentType("application/problem+json")
                .body("code", equalTo("RESOURCE_NOT_FOUND"));
        given().get(metrics).then().statusCode(200).body(containsString("http_server_requests_seconds_count"));
    }

    @Test
    void metrics_count_requests_and_latency_per_route_template() {
        given().get("/v1/reference/pollutants").then().statusCode(200);
        given().get("/v1/public/permits/91130200699229617X999P").then().statusCode(404);
        given().get(metrics).then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("uri=\"/v1/reference/pollutants\""))
                .body(containsString("uri=\"/v1/public/permits/{permitNumber}\""));
    }

    @Test
    void the_benchmarks_http_floor_is_not_in_the_shipped_service() {
        String number = given().get("/v1/public/permits?limit=1").then().statusCode(200).extract().path("items[0].permitNumber");
        given().get("/v1/public/bench-floor/" + number).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void the_database_pool_is_measured_as_one_pool_whatever_its_connections() {
        // concurrent reads, so that the pool opens more than one connection
        java.util.List<java.util.concurrent.CompletableFuture<Integer>> reads = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            reads.add(java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> given().get("/v1/public/permits?limit=50").then().extract().statusCode()));
        }
        reads.forEach(read -> assertThat(read.join()).isEqualTo(200));
        String scraped = given().get(metrics).then().statusCode(200).extract().asString();
        assertThat(scraped).as("the pool's own gauges").containsPattern("(?m)^sql_pool_queue_size\\{[^}]*pool_type=\"sql\"")
                .containsPattern("(?m)^sql_pool_active\\{[^}]*pool_type=\"sql\"");
        assertThat(scraped).as("the statements the client ran").contains("postgresql_processing_seconds_count");
        assertThat(scraped).as("per-connection gauges, which would report one connection as the pool")
                .doesNotContain("postgresql_queue_size").doesNotContain("postgresql_current");
    }

    @Test
    void every_uri_label_is_a_route_template_or_unknown() {
        // answers decided outside JAX-RS, or by it without a matching method: wrong method, no such path, a
        // credential refused before routing; each with a path of the caller's choosing
        given().urlEncodingEnabled(false).put("/v1/public/permits/%00").then().statusCode(405);
        given().urlEncodingEnabled(false).delete("/v1/public/permits/%00x%01").then().statusCode(405);
        given().urlEncodingEnabled(false).get("/v1/no-such-path/%00").then().statusCode(404);
        given().urlEncodingEnabled(false).header("X-API-Key", "garbage").get("/v1/garbage/%02").then().statusCode(401);
        given().urlEncodingEnabled(false).header("X-API-Key", "garbage").get("/v1/public/permits/%03").then().statusCode(401);
        given().get("/v1/public/permits/91130200699229617X999P").then().statusCode(404);
        given().get("/v1/me").then().statusCode(401);

        Set<String> templates = contractPaths();
        String scraped = given().get(metrics).then().statusCode(200).extract().asString();
        Set<String> labels = new TreeSet<>();
        Matcher m = URI_LABEL.matcher(scraped);
        while (m.find()) {
            labels.add(m.group(1));
        }
        assertThat(labels).contains("UNKNOWN", "/v1/public/permits/{permitNumber}", "/v1/me");
        assertThat(labels).allSatisfy(uri -> assertThat(uri).isIn(union(templates, "UNKNOWN")));
    }

    @Test
    void the_metrics_know_every_route_template_of_the_contract() {
        assertThat(uriTags.templates()).isEqualTo(contractPaths());
    }

    /** The paths of the contract the service publishes: its route templates. */
    private static Set<String> contractPaths() {
        Map<String, Object> paths = JsonPath.from(given().queryParam("format", "json").get("/q/openapi").then()
                .statusCode(200).extract().asString()).getMap("paths");
        return new TreeSet<>(paths.keySet());
    }

    private static Set<String> union(Set<String> set, String more) {
        Set<String> all = new TreeSet<>(set);
        all.add(more);
        return all;
    }
}
