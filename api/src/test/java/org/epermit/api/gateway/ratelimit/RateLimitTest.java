package org.epermit.api.gateway.ratelimit;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.apache.http.conn.params.ConnRoutePNames;
import org.epermit.api.gateway.TestClients;
import org.epermit.api.client.ClientRegistry;
import org.epermit.api.testing.MovableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * Rate limits and quotas as a caller meets them: the IETF RateLimit fields on every response, a 429 problem with
 * Retry-After when a burst or the day's quota is spent, one bucket per client and per anonymous address, and
 * X-Forwarded-For believed only from a trusted proxy.
 */
@QuarkusTest
@TestProfile(SmallPlansProfile.class)
class RateLimitTest {

    /** Noon: 12 hours to midnight, China time. */
    private static final long HALF_A_DAY = 43_200;

    @Inject
    ClientRegistry registry;

    @Inject
    Clock clock;

    @BeforeEach
    void noon() {
        ((MovableClock) clock).set(MovableClock.NOON.toInstant());
    }

    /** A caller at {@code address}, as the trusted proxy at 127.0.0.1 reports it. */
    private static RequestSpecification from(String address) {
        return given().header("X-Forwarded-For", address);
    }

    @Test
    void every_response_carries_the_policy_and_what_is_left_of_it() {
        Response ok = from("203.0.113.1").get("/v1/reference/pollutants");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.header("RateLimit-Policy")).isEqualTo("\"burst\";q=4;w=4, \"daily\";q=1000;w=86400");
        assertThat(ok.header("RateLimit")).isEqualTo("\"burst\";r=3;t=1, \"daily\";r=999;t=" + HALF_A_DAY);

        // errors count and say so too: an unknown path, a missing credential
        Response notFound = from("203.0.113.1").get("/v1/nothing-here");
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(notFound.header("RateLimit")).startsWith("\"burst\";r=2;t=1, \"daily\";r=998;");
        Response unauthenticated = from("203.0.113.1").get("/v1/me");
        assertThat(unauthenticated.statusCode()).isEqualTo(401);
        assertThat(unauthenticated.header("RateLimit")).startsWith("\"burst\";r=1;t=1, \"daily\";r=997;");

        // an authenticated caller sees its own plan
        String key = TestClients.onPlan(registry, SmallPlansProfile.TINY).apiKey();
        Response me = from("203.0.113.1").header("X-API-Key", key).get("/v1/me");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.header("RateLimit-Policy")).isEqualTo("\"burst\";q=3;w=3, \"daily\";q=1000;w=86400");
        assertThat(me.header("RateLimit")).startsWith("\"burst\";r=2;t=1, \"daily\";r=999;");
        Response forbidden = from("203.0.113.1").header("X-API-Key", key).get("/v1/admin/clients");
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.header("RateLimit")).startsWith("\"burst\";r=1;t=1, \"daily\";r=998;");
    }

    @Test
    void a_client_past_its_burst_gets_a_429_problem_with_retry_after_and_is_served_again_after_it() {
        String key = TestClients.onPlan(registry, SmallPlansProfile.TINY).apiKey();
        for (int i = 2; i >= 0; i--) {
            given().header("X-API-Key", key).get("/v1/me").then().statusCode(200)
                    .header("RateLimit", startsWith("\"burst\";r=" + i + ";t=1, "));
        }
        Response refused = given().header("X-API-Key", key).header("Accept-Language", "zh").get("/v1/me");
        refused.then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", "1")
                .header("RateLimit-Policy", "\"burst\";q=3;w=3, \"daily\";q=1000;w=86400")
                .header("RateLimit", startsWith("\"burst\";r=0;t=1, \"daily\";r=997;t="))
                .body("status", equalTo(429))
                .body("code", equalTo("RATE_LIMITED"))
                .body("title", equalTo("请求过于频繁"))
                .body("requestId", equalTo(refused.header("X-Request-Id")));
        assertThat(refused.jsonPath().getString("detail")).contains("tiny", "1", "3");

        ((MovableClock) clock).advance(Duration.ofSeconds(1));  // one token comes back each second
        given().header("X-API-Key", key).get("/v1/me").then().statusCode(200)
                .header("RateLimit", startsWith("\"burst\";r=0;t=1, \"daily\";r=996;"));
    }

    @Test
    void a_client_that_spent_its_daily_quota_gets_quota_exceeded_until_midnight_china_time() {
        String key = TestClients.onPlan(registry, SmallPlansProfile.THREE_A_DAY).apiKey();
        for (int i = 0; i < 3; i++) {
            given().header("X-API-Key", key).get("/v1/me").then().statusCode(200);
        }
        Response refused = given().header("X-API-Key", key).get("/v1/me");
        refused.then().statusCode(429).contentType("application/problem+json")
                .body("code", equalTo("QUOTA_EXCEEDED"))
                .header("Retry-After", String.valueOf(HALF_A_DAY))
                .header("RateLimit", endsWith("\"daily\";r=0;t=" + HALF_A_DAY));
        assertThat(refused.jsonPath().getString("detail")).contains("3", "midnight", "Asia/Shanghai");
    }

    @Test
    void one_client_running_out_does_not_affect_another_client_or_anonymous_callers() {
        String greedy = TestClients.onPlan(registry, SmallPlansProfile.TINY).apiKey();
        String modest = TestClients.onPlan(registry, SmallPlansProfile.TINY).apiKey();
        for (int i = 0; i < 3; i++) {
            from("203.0.113.4").header("X-API-Key", greedy).get("/v1/me").then().statusCode(200);
        }
        from("203.0.113.4").header("X-API-Key", greedy).get("/v1/me").then().statusCode(429);
        from("203.0.113.4").header("X-API-Key", modest).get("/v1/me").then().statusCode(200)
                .header("RateLimit", startsWith("\"burst\";r=2;"));
        from("203.0.113.4").get("/v1/reference/pollutants").then().statusCode(200)
                .header("RateLimit", startsWith("\"burst\";r=3;"));
    }

    @Test
    void anonymous_callers_are_limited_per_address() {
        for (int i = 3; i >= 0; i--) {
            from("198.51.100.7").get("/v1/reference/pollutants").then().statusCode(200)
                    .header("RateLimit", startsWith("\"burst\";r=" + i + ";"));
        }
        Response refused = from("198.51.100.7").get("/v1/public/permits");
        refused.then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", "1").body("code", equalTo("RATE_LIMITED"));
        assertThat(refused.jsonPath().getString("detail")).contains("anonymous", "API key");
        from("198.51.100.8").get("/v1/reference/pollutants").then().statusCode(200);
        // an IPv6 caller is one network: another host of the same /64 shares its bucket
        for (int i = 0; i < 4; i++) {
            from("2001:db8:1:2::" + (i + 1)).get("/v1/reference/pollutants").then().statusCode(200);
        }
        from("2001:db8:1:2:ffff::9").get("/v1/reference/pollutants").then().statusCode(429);
        from("2001:db8:1:3::1").get("/v1/reference/pollutants").then().statusCode(200);
    }

    @Test
    void x_forwarded_for_is_believed_only_from_a_trusted_proxy_and_only_what_it_appended() throws UnknownHostException {
        // 127.0.0.2 is not a trusted proxy: whatever it claims, its requests are its own
        RestAssuredConfig untrustedPeer = RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam(ConnRoutePNames.LOCAL_ADDRESS, InetAddress.getByName("127.0.0.2")));
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            statuses.add(given().config(untrustedPeer).header("X-Forwarded-For", "192.0.2." + (10 + i))
                    .get("/v1/reference/pollutants").statusCode());
        }
        assertThat(statuses).containsExactly(200, 200, 200, 200, 429, 429);

        // behind the trusted proxy, the caller is the rightmost address it did not add itself; a forged entry to its
        // left changes nothing
        for (int i = 0; i < 4; i++) {
            from("10.9.9." + i + ", 192.0.2.77").get("/v1/reference/pollutants").then().statusCode(200);
        }
        from("10.9.9.99, 192.0.2.77").get("/v1/reference/pollutants").then().statusCode(429);
        from("192.0.2.78").get("/v1/reference/pollutants").then().statusCode(200);
    }

    @Test
    void repeated_failed_authentications_from_an_address_get_its_credentials_refused_unread() {
        String good = TestClients.onPlan(registry, SmallPlansProfile.TINY).apiKey();
        String bad = wrong(good);
        for (int i = 4; i >= 0; i--) {
            // a token of the address's anonymous plan back for each request: here the failures must stop them
            ((MovableClock) clock).advance(Duration.ofSeconds(1));
            from("198.51.100.66").header("X-API-Key", bad).get("/v1/public/permits").then().statusCode(401)
                    .body("code", equalTo("UNAUTHENTICATED"))
                    // a failed authentication counts against the address's plan and toward its lockout
                    .header("RateLimit-Policy", "\"auth-failures\";q=5;w=60, \"burst\";q=4;w=4, \"daily\";q=1000;w=86400")
                    .header("RateLimit", startsWith("\"auth-failures\";r=" + i + ";t="))
                    .header("RateLimit", containsString(", \"burst\";r=3;t=1, \"daily\";r="));
        }
        // now any credential from that address is refused before it is read: a good key and a bad one alike (the
        // three refusals take the three tokens left of the address's plan)
        List<Response> refusals = List.of(from("198.51.100.66").header("X-API-Key", good).get("/v1/me"),
                from("198.51.100.66").header("X-API-Key", bad).get("/v1/me"),
                from("198.51.100.66").header("Authorization", "Bearer not-a-jwt").get("/v1/me"));
        for (Response refused : refusals) {
            refused.then().statusCode(429).contentType("application/problem+json")
                    .body("code", equalTo("RATE_LIMITED"))
                    .header("RateLimit", startsWith("\"auth-failures\";r=0;t="));
            assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
        }
        assertThat(refusals.get(0).jsonPath().getString("detail")).isEqualTo(refusals.get(1).jsonPath().getString("detail"));
        // the address's plan is spent too now, but for a second only: the answer still gives the lockout's end
        Response planSpentToo = from("198.51.100.66").header("X-API-Key", good).get("/v1/me");
        planSpentToo.then().statusCode(429).header("RateLimit", containsString("\"burst\";r=0;"));
        assertThat(planSpentToo.header("Retry-After")).isEqualTo(refusals.get(0).header("Retry-After"));
        assertThat(planSpentToo.jsonPath().getString("detail")).isEqualTo(refusals.get(0).jsonPath().getString("detail"));
        // the address may still read public data without credentials, and the key works from elsewhere
        ((MovableClock) clock).advance(Duration.ofSeconds(1));
        from("198.51.100.66").get("/v1/reference/pollutants").then().statusCode(200);
        from("198.51.100.67").header("X-API-Key", good).get("/v1/me").then().statusCode(200);
    }

    @Test
    void credentials_sent_to_a_health_probe_are_ignored_neither_checked_nor_counted() {
        String good = TestClients.onPlan(registry, SmallPlansProfile.TINY).apiKey();
        String bad = wrong(good);
        for (int i = 0; i < 30; i++) {
            Response probe = from("198.51.100.70").header("X-API-Key", bad).get("/q/health/live");
            assertThat(probe.statusCode()).as("probe " + i).isEqualTo(200);
            assertThat(probe.header("RateLimit")).isNull();
        }
        for (String probe : List.of("/q/health", "/q/health/live", "/q/health/ready", "/q/health/started", "/q/health/well")) {
            from("198.51.100.70").header("X-API-Key", bad).header("Authorization", "Bearer not-a-jwt").get(probe)
                    .then().statusCode(200).header("RateLimit", nullValue());
        }
        // no failure was counted: the address is not locked out, and the probes told nothing about the key
        from("198.51.100.70").header("X-API-Key", good).get("/v1/me").then().statusCode(200);
    }

    @Test
    void paths_that_only_resemble_a_health_probe_read_credentials_and_count_them_toward_the_lockout() {
        String good = TestClients.onPlan(registry, SmallPlansProfile.TINY).apiKey();
        String bad = wrong(good);
        List<String> lookalikes = List.of("/q/healthzzz", "/q/metrics", "/q/health/live/", "/q/health/livezzz", "/q/metrics/x");
        for (int i = 0; i < lookalikes.size(); i++) {
            ((MovableClock) clock).advance(Duration.ofSeconds(1));
            from("198.51.100.71").header("X-API-Key", bad).get(lookalikes.get(i)).then()
                    .statusCode(401).body("code", equalTo("UNAUTHENTICATED"))
                    .header("RateLimit", startsWith("\"auth-failures\";r=" + (4 - i) + ";"));
        }
        // locked out on every path that reads credentials, whatever the key
        for (String path : List.of("/q/healthzzz", "/q/metrics", "/v1/me")) {
            ((MovableClock) clock).advance(Duration.ofSeconds(1));
            from("198.51.100.71").header("X-API-Key", good).get(path).then().statusCode(429)
                    .header("RateLimit", startsWith("\"auth-failures\";r=0;"));
        }
        // the probe still answers: it does not read the key at all
        from("198.51.100.71").header("X-API-Key", good).get("/q/health/live").then().statusCode(200);
    }

    @Test
    void requests_with_both_credential_headers_are_counted_against_their_address_and_limited() {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Response both = from("198.51.100.72").header("X-API-Key", "x").header("Authorization", "Bearer y")
                    .get("/v1/public/permits");
            statuses.add(both.statusCode());
            assertThat(both.header("RateLimit")).as("request " + i).contains("\"burst\";r=", "\"daily\";r=");
        }
        // the anonymous plan of the address: a burst of 4, and no token comes back while the clock stands still
        assertThat(statuses.subList(0, 4)).containsOnly(400);
        assertThat(statuses.subList(4, 60)).containsOnly(429);
    }

    @Test
    void a_credential_refused_before_authentication_counts_as_a_failed_authentication() {
        String good = TestClients.onPlan(registry, SmallPlansProfile.TINY).apiKey();
        Map<String, Map<String, String>> refusedCredentials = Map.of(
                "198.51.100.73", Map.of("X-API-Key", good, "Authorization", "Bearer " + "a.b.c"),   // both: 400
                "198.51.100.74", Map.of("Authorization", "Bearer not-a-jwt"));                      // no JWT: 401
        refusedCredentials.forEach((address, headers) -> {
            for (int i = 4; i >= 0; i--) {
                ((MovableClock) clock).advance(Duration.ofSeconds(1));
                Response refused = from(address).headers(headers).get("/v1/me");
                assertThat(refused.statusCode()).isIn(400, 401);
                assertThat(refused.header("RateLimit")).as(address).startsWith("\"auth-failures\";r=" + i + ";");
            }
            ((MovableClock) clock).advance(Duration.ofSeconds(1));
            from(address).header("X-API-Key", good).get("/v1/me").then().statusCode(429)
                    .header("RateLimit", startsWith("\"auth-failures\";r=0;"));
        });
    }

    /** The key with its last character changed: well-formed, of a real key id, and wrong. */
    private static String wrong(String key) {
        return key.substring(0, key.length() - 1) + (key.endsWith("A") ? "B" : "A");
    }

    @Test
    void me_reports_the_plan_and_what_is_left_of_it() {
        String key = TestClients.onPlan(registry, SmallPlansProfile.TINY).apiKey();
        given().header("X-API-Key", key).get("/v1/me").then().statusCode(200);
        Response me = given().header("X-API-Key", key).get("/v1/me");
        me.then().statusCode(200)
                .body("plan", equalTo("tiny"))
                .body("rateLimit.requestsPerSecond", equalTo(1))
                .body("rateLimit.burst", equalTo(3))
                .body("rateLimit.burstRemaining", equalTo(1))
                .body("rateLimit.dailyQuota", equalTo(1000))
                .body("rateLimit.dailyUsed", equalTo(2))
                .body("rateLimit.dailyRemaining", equalTo(998));
        assertThat(OffsetDateTime.parse(me.jsonPath().getString("rateLimit.resetsAt")))
                .isEqualTo(MovableClock.NOON.plusHours(12).toOffsetDateTime());
    }

    @Test
    void health_probes_are_never_limited() {
        for (int i = 0; i < 10; i++) {
            Response health = from("198.51.100.99").get("/q/health/live");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.header("RateLimit")).isNull();
        }
        // no Redis configured: nothing to share, nothing degraded
        from("198.51.100.99").get("/q/health/well").then().statusCode(200)
                .body("checks.find { it.name == '" + SharedLimitsHealthCheck.NAME + "' }.data.limits",
                        equalTo("per instance (no Redis configured)"));
    }
}
