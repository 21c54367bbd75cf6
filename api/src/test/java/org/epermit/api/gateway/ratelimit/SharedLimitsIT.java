package org.epermit.api.gateway.ratelimit;

import org.epermit.api.testing.PackagedApp;
import org.epermit.api.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the packaged service, as separate processes on one database, as a caller meets them over HTTP.
 * With Redis, they share one limit: requests spread over both are refused once the burst of the plan is spent, not
 * twice that. While Redis is unreachable (gone mid-run, or down from the start) each instance counts alone, still
 * refusing with 429 and never failing a request, logs one warning, and reports DOWN on {@code /q/health/well} while
 * staying ready; when Redis is back they use it again.
 *
 * <p>The callers are anonymous (a plan of 1 request per second in bursts of {@value #BURST}, per address; every
 * request comes from 127.0.0.1). A token comes back each second, so the bounds allow one per second of a round.
 * Redis: {@link TestRedis}, reached through a {@link TcpRelay} that the test cuts; the keys live under a prefix of
 * their own and are deleted afterwards.
 */
class SharedLimitsIT {

    private static final int BURST = 6;
    private static final String PATH = "/v1/reference/pollutants";

    private static TestDatabase database;
    private static Map<String, String> datasource;

    private final String keyPrefix = "epermit-it:" + UUID.randomUUID() + ":";
    private final List<PackagedApp> started = new ArrayList<>();

    @BeforeAll
    static void oneDatabaseForEveryInstance() {
        database = new TestDatabase();
        datasource = new HashMap<>();
        database.start().forEach((key, value) -> datasource.put(key.toUpperCase().replace('.', '_'), value));
    }

    @AfterAll
    static void dropTheDatabase() {
        if (database != null) {
            database.stop();
        }
    }

    @AfterEach
    void stopEveryInstance() throws InterruptedException {
        for (PackagedApp app : started) {
            app.kill();
        }
        TestRedis.deleteKeys(keyPrefix);
    }

    @Test
    void two_instances_share_one_limit_through_redis_and_count_alone_while_it_is_unreachable() throws Exception {
        TestRedis.assumeRunning();
        try (TcpRelay redis = new TcpRelay(TestRedis.HOST, TestRedis.PORT).start()) {
            Map<String, String> env = Map.of(
                    "EPERMIT_RATE_LIMIT_REDIS_URI", "redis://127.0.0.1:" + redis.port(),
                    "EPERMIT_RATE_LIMIT_REDIS_KEY_PREFIX", keyPrefix,
                    "EPERMIT_RATE_LIMIT_REDIS_RETRY_INTERVAL", "PT0.5S",
                    // generous, so that a loaded test machine does not make an operation fall back in-process
                    "EPERMIT_RATE_LIMIT_REDIS_TIMEOUT", "PT1S");
            PackagedApp a = start(env);
            PackagedApp b = start(env);
            awaitReady(a, b);
            assertWell(a, true, "shared");
            assertWell(b, true, "shared");

            Round shared = Round.untilBothRefuse(a, b);
            shared.assertNeverFailed();
            assertThat(shared.admitted()).as("one burst for both instances: %s", shared)
                    .isBetween(BURST, BURST + shared.tokensRefilled()).isLessThan(2 * BURST);
            assertRateLimited(shared.firstRefusal());

            redis.stop();
            Round alone = Round.untilBothRefuse(a, b);
            alone.assertNeverFailed();
            assertThat(alone.admittedBy(a)).as("a counts alone: %s", alone).isBetween(BURST, BURST + alone.tokensRefilled());
            assertThat(alone.admittedBy(b)).as("b counts alone: %s", alone).isBetween(BURST, BURST + alone.tokensRefilled());
            assertRateLimited(alone.firstRefusal());
            for (PackagedApp instance : List.of(a, b)) {
                assertWell(instance, false, "per instance");
                var ready = instance.get("/q/health/ready");
                assertThat(ready.statusCode()).as("still ready: %s", ready.body()).isEqualTo(200);
                assertThat(redisWarnings(instance)).as("one warning, not one per request").singleElement().asString()
                        .contains("Redis at 127.0.0.1:" + redis.port() + " is unreachable");
            }

            // back: each instance finds out, idle as it is, and says so (SharedLimitsTest shows that the counts kept in
            // Redis are used again)
            redis.start();
            awaitShared(a, b);
            assertThat(a.output()).contains("is back");
            assertThat(b.output()).contains("is back");
        }
    }

    @Test
    void with_the_configured_redis_down_from_the_start_each_instance_counts_alone_and_serves() throws Exception {
        int closed = PackagedApp.freePort();  // nothing listens there
        Map<String, String> env = Map.of("EPERMIT_RATE_LIMIT_REDIS_URI", "redis://127.0.0.1:" + closed,
                "EPERMIT_RATE_LIMIT_REDIS_KEY_PREFIX", keyPrefix);
        PackagedApp a = start(env);
        PackagedApp b = start(env);
        awaitReady(a, b);

        Round alone = Round.untilBothRefuse(a, b);
        alone.assertNeverFailed();
        assertThat(alone.admittedBy(a)).as("a counts alone: %s", alone).isBetween(BURST, BURST + alone.tokensRefilled());
        assertThat(alone.admittedBy(b)).as("b counts alone: %s", alone).isBetween(BURST, BURST + alone.tokensRefilled());
        assertRateLimited(alone.firstRefusal());
        for (PackagedApp instance : List.of(a, b)) {
            assertWell(instance, false, "per instance");
            var ready = instance.get("/q/health/ready");
            assertThat(ready.statusCode()).as("ready: %s", ready.body()).isEqualTo(200);
            assertThat(redisWarnings(instance)).as("one warning, not one per request").singleElement().asString()
                    .contains("Redis at 127.0.0.1:" + closed + " is unreachable");
        }
    }

    private PackagedApp start(Map<String, String> redis) throws Exception {
        Map<String, String> env = new HashMap<>(datasource);
        env.put("EPERMIT_PAGING_CURSOR_SECRET", "shared-limits-it-cursor-secret-0123456789");
        env.put("EPERMIT_RATE_LIMIT_ANONYMOUS_REQUESTS_PER_SECOND", "1");
        env.put("EPERMIT_RATE_LIMIT_ANONYMOUS_BURST", Integer.toString(BURST));
        env.put("EPERMIT_RATE_LIMIT_ANONYMOUS_DAILY_QUOTA", "100000");
        env.putAll(redis);
        // the data directory of an embedded database, which does not start: the datasource is configured
        PackagedApp app = PackagedApp.start(Files.createTempDirectory("epermit-it"), PackagedApp.freePort(), env);
        started.add(app);
        return app;
    }

    private static void awaitReady(PackagedApp... instances) throws InterruptedException {
        for (PackagedApp instance : instances) {
            instance.awaitLine("ePermit Open API is ready");
        }
    }

    /** Until both instances report Redis back, with no other request: the health check itself asks Redis. */
    private static void awaitShared(PackagedApp... instances) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        for (PackagedApp instance : instances) {
            while (instance.get("/q/health/well").statusCode() != 200) {
                assertThat(System.nanoTime() - deadline).as("shared through Redis again within 30 s").isNegative();
                Thread.sleep(200);
            }
        }
    }

    private static void assertWell(PackagedApp instance, boolean up, String limits) throws Exception {
        HttpResponse<String> well = instance.get("/q/health/well");
        assertThat(well.statusCode()).as(well.body()).isEqualTo(up ? 200 : 503);
        assertThat(well.body()).contains(SharedLimitsHealthCheck.NAME).contains(limits);
    }

    /** The instance's warnings about Redis, its own and its Redis client's. */
    private static List<String> redisWarnings(PackagedApp instance) {
        return instance.output().lines().filter(line -> line.contains(" WARN ")
                && (line.contains("Redis") || line.contains("lettuce"))).toList();
    }

    private static void assertRateLimited(HttpResponse<String> refused) {
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.body()).contains("\"code\":\"RATE_LIMITED\"");
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(refused.headers().firstValue("RateLimit-Policy"))
                .hasValue("\"burst\";q=" + BURST + ";w=" + BURST + ", \"daily\";q=100000;w=86400");
        assertThat(refused.headers().firstValue("RateLimit")).hasValueSatisfying(v -> assertThat(v).startsWith("\"burst\";r=0;t=1, \"daily\";r="));
    }

    /** Anonymous requests sent to two instances in turn, as a load balancer spreads them. */
    private record Round(PackagedApp a, List<HttpResponse<String>> onA, List<HttpResponse<String>> onB, long nanos) {

        /** Until each instance has refused a request (40 at most). */
        static Round untilBothRefuse(PackagedApp a, PackagedApp b) throws Exception {
            List<HttpResponse<String>> onA = new ArrayList<>();
            List<HttpResponse<String>> onB = new ArrayList<>();
            long started = System.nanoTime();
            for (int i = 0; i < 40 && !(refusedAny(onA) && refusedAny(onB)); i++) {
                (i % 2 == 0 ? onA : onB).add((i % 2 == 0 ? a : b).get(PATH));
            }
            return new Round(a, onA, onB, System.nanoTime() - started);
        }

        private static boolean refusedAny(List<HttpResponse<String>> responses) {
            return responses.stream().anyMatch(r -> r.statusCode() == 429);
        }

        /** At most the tokens that came back while the round ran: one a second, and one for the second under way. */
        int tokensRefilled() {
            return (int) (nanos / 1_000_000_000L) + 1;
        }

        int admitted() {
            return admittedBy(onA) + admittedBy(onB);
        }

        int admittedBy(PackagedApp instance) {
            return admittedBy(instance == a ? onA : onB);
        }

        private static int admittedBy(List<HttpResponse<String>> responses) {
            return (int) responses.stream().filter(r -> r.statusCode() == 200).count();
        }

        HttpResponse<String> firstRefusal() {
            return java.util.stream.Stream.concat(onA.stream(), onB.stream()).filter(r -> r.statusCode() == 429)
                    .findFirst().orElseThrow(() -> new AssertionError("nothing was refused: " + this));
        }

        /** Every answer is a 200 or a 429: an unreachable Redis never fails a request. */
        void assertNeverFailed() {
            assertThat(java.util.stream.Stream.concat(onA.stream(), onB.stream()).map(HttpResponse::statusCode))
                    .as(toString()).containsOnly(200, 429);
            assertThat(refusedAny(onA) && refusedAny(onB)).as("both instances refused within 40 requests: %s", this).isTrue();
        }

        @Override
        public String toString() {
            return "a " + onA.stream().map(HttpResponse::statusCode).toList() + ", b "
                    + onB.stream().map(HttpResponse::statusCode).toList() + " in " + nanos / 1_000_000 + " ms";
        }
    }
}
