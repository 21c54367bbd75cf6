package org.epermit.api.gateway.ratelimit;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.apache.http.conn.params.ConnRoutePNames;
import org.epermit.api.gateway.audit.AuditRecorder;
import org.epermit.api.testing.Db;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit log names the caller by the address the rate limiter counted: behind the trusted proxy (127.0.0.1 in this
 * profile) the address it forwarded for; from an untrusted peer (127.0.0.3) the peer itself, whatever its
 * X-Forwarded-For claims. The failed-authentication bucket of an address shows which address the limiter counted.
 * (Not 127.0.0.2: RateLimitTest counts that peer's plan from a full bucket, and a failed authentication here would
 * take a token of it.)
 */
@QuarkusTest
@TestProfile(SmallPlansProfile.class)
class CallerAddressAuditTest {

    private static final String BAD_KEY = "epk_zzzzzzzzzzzzzzzz_" + "D".repeat(43);

    @Inject
    AuditRecorder recorder;

    @Inject
    Pool pool;

    @Test
    void the_audited_address_is_the_one_the_rate_limiter_counted() throws Exception {
        // a fresh address (198.18.0.0/15, for tests), so no other test has counted failures against it
        String caller = "198.18." + ThreadLocalRandom.current().nextInt(256) + "." + ThreadLocalRandom.current().nextInt(1, 255);
        RestAssuredConfig untrustedPeer = RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam(ConnRoutePNames.LOCAL_ADDRESS, InetAddress.getByName("127.0.0.3")));
        String run = UUID.randomUUID().toString().substring(0, 8);

        Response viaTrustedProxy = given().header("X-Forwarded-For", caller).header("X-API-Key", BAD_KEY)
                .header("X-Request-Id", "addr-trusted-1-" + run).get("/v1/me");
        assertThat(viaTrustedProxy.statusCode()).isEqualTo(401);
        assertThat(viaTrustedProxy.header("RateLimit")).startsWith("\"auth-failures\";r=4;");

        Response fromUntrustedPeer = given().config(untrustedPeer).header("X-Forwarded-For", caller)
                .header("X-API-Key", BAD_KEY).header("X-Request-Id", "addr-untrusted-" + run).get("/v1/me");
        assertThat(fromUntrustedPeer.statusCode()).isEqualTo(401);

        // the untrusted peer's failure was not counted against the address it named
        Response again = given().header("X-Forwarded-For", caller).header("X-API-Key", BAD_KEY)
                .header("X-Request-Id", "addr-trusted-2-" + run).get("/v1/me");
        assertThat(again.header("RateLimit")).startsWith("\"auth-failures\";r=3;");

        awaitAudited(3, run);
        assertThat(Db.strings(pool, "SELECT host(client_ip) FROM audit_log WHERE correlation_id = $1", "addr-trusted-1-" + run))
                .containsExactly(caller);
        assertThat(Db.strings(pool, "SELECT host(client_ip) FROM audit_log WHERE correlation_id = $1", "addr-trusted-2-" + run))
                .containsExactly(caller);
        assertThat(Db.strings(pool, "SELECT host(client_ip) FROM audit_log WHERE correlation_id = $1", "addr-untrusted-" + run))
                .containsExactly("127.0.0.3");
    }

    /** Rows are queued once the response is written, which the client may see a moment earlier. */
    private void awaitAudited(long rows, String run) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            recorder.flush().await().indefinitely();
            if (Db.count(pool, "SELECT count(*) FROM audit_log WHERE correlation_id LIKE $1", "addr-%-" + run) == rows) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the requests of run " + run + " were not all audited");
    }
}
