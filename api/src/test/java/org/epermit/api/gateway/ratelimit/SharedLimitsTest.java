package org.epermit.api.gateway.ratelimit;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.config.SmallRyeConfig;
import org.epermit.api.problem.ErrorCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several instances share one limit through Redis: two limiters, each with its own store and Lettuce connection (as two
 * service instances have), on the same Redis and key prefix. Runs against {@link TestRedis} (skipped without one,
 * failed where EPERMIT_REQUIRE_REDIS=true). Each run uses its own key prefix and deletes its keys.
 */
class SharedLimitsTest {

    private static final String HOST = TestRedis.HOST;
    private static final int PORT = TestRedis.PORT;
    private static final String PREFIX = "epermit-test:" + UUID.randomUUID() + ":";

    @BeforeAll
    static void redisIsRunning() {
        TestRedis.assumeRunning();
    }

    @AfterAll
    static void deleteTheKeys() {
        TestRedis.deleteKeys(PREFIX);
    }

    private static SmallRyeConfig config(String redisUri) {
        return Limits.config(Map.of(
                "epermit.rate-limit.redis-uri", redisUri,
                "epermit.rate-limit.redis-key-prefix", PREFIX,
                "epermit.rate-limit.redis-retry-interval", "PT0.2S",
                // generous, so that a loaded test machine does not make an operation fall back in-process
                "epermit.rate-limit.redis-timeout", "PT2S",
                "epermit.rate-limit.plans.small.requests-per-second", "1",
                "epermit.rate-limit.plans.small.burst", "4",
                "epermit.rate-limit.plans.small.daily-quota", "100"));
    }

    @Test
    void two_instances_share_one_limit() {
        SmallRyeConfig config = config("redis://" + HOST + ":" + PORT);
        try (BucketStore storeA = Limits.store(config, Clock.systemUTC(), new SimpleMeterRegistry());
             BucketStore storeB = Limits.store(config, Clock.systemUTC(), new SimpleMeterRegistry())) {
            assertThat(storeA.shared()).isTrue();
            assertThat(storeB.shared()).isTrue();
            RateLimiter instanceA = Limits.limiter(config, Clock.systemUTC(), storeA);
            RateLimiter instanceB = Limits.limiter(config, Clock.systemUTC(), storeB);
            String client = UUID.randomUUID().toString();

            assertThat(instanceA.client(client, "small").join().burstRemaining()).isEqualTo(3);
            assertThat(instanceA.client(client, "small").join().burstRemaining()).isEqualTo(2);
            RateLimitStatus onB = instanceB.client(client, "small").join();
            assertThat(onB.burstRemaining()).isEqualTo(1);
            assertThat(onB.dailyRemaining()).isEqualTo(97);
            assertThat(instanceA.client(client, "small").join().admitted()).isTrue();
            RateLimitStatus refusedOnB = instanceB.client(client, "small").join();
            assertThat(refusedOnB.refusal()).isEqualTo(ErrorCode.RATE_LIMITED);
            assertThat(refusedOnB.dailyRemaining()).isEqualTo(96);
            // another client is untouched on either instance
            assertThat(instanceB.client(UUID.randomUUID().toString(), "small").join().burstRemaining()).isEqualTo(3);
        }
    }

    @Test
    void buckets_in_redis_expire_by_themselves() {
        SmallRyeConfig config = config("redis://" + HOST + ":" + PORT);
        try (BucketStore store = Limits.store(config, Clock.systemUTC(), new SimpleMeterRegistry())) {
            String client = UUID.randomUUID().toString();
            Limits.limiter(config, Clock.systemUTC(), store).client(client, "small").join();
            RedisClient redis = RedisClient.create("redis://" + HOST + ":" + PORT);
            try (StatefulRedisConnection<String, String> connection = redis.connect()) {
                List<String> keys = connection.sync().keys(PREFIX + "client:" + client + "*");
                assertThat(keys).hasSize(1);
                long ttl = connection.sync().pttl(keys.get(0));
                // until the bucket is full again (the quota: midnight) and a minute
                assertThat(ttl).isPositive().isLessThanOrEqualTo(Duration.ofHours(24).plusMinutes(1).toMillis());
            } finally {
                redis.shutdown();
            }
        }
    }

    @Test
    void while_redis_is_away_each_instance_limits_alone_and_then_shares_again() throws Exception {
        try (TcpRelay relay = new TcpRelay(HOST, PORT).start()) {
            SmallRyeConfig config = config("redis://127.0.0.1:" + relay.port());
            SimpleMeterRegistry metrics = new SimpleMeterRegistry();
            try (BucketStore store = Limits.store(config, Clock.systemUTC(), metrics)) {
                RateLimiter limiter = Limits.limiter(config, Clock.systemUTC(), store);
                String client = UUID.randomUUID().toString();
                assertThat(store.shared()).isTrue();
                limiter.client(client, "small").join();
                limiter.client(client, "small").join();  // 2 of 4 used, in Redis

                relay.stop();
                long started = System.nanoTime();
                List<RateLimitStatus> alone = new java.util.ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    alone.add(limiter.client(client, "small").join());
                }
                long tookMillis = (System.nanoTime() - started) / 1_000_000;
                assertThat(store.shared()).isFalse();
                // in-process buckets start full and still limit: 4 admitted, the 5th refused
                assertThat(alone).extracting(RateLimitStatus::admitted).containsExactly(true, true, true, true, false);
                assertThat(metrics.get("epermit.rate_limit.redis.fallbacks").counter().count()).isEqualTo(5);
                assertThat(metrics.get("epermit.rate_limit.redis.available").gauge().value()).isZero();
                assertThat(tookMillis).as("no request waits for an unreachable Redis").isLessThan(1_000);

                relay.start();
                long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
                while (!store.shared() && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                    limiter.anonymous(java.net.InetAddress.getLoopbackAddress()).join();
                }
                assertThat(store.shared()).as("shared through Redis again").isTrue();
                assertThat(metrics.get("epermit.rate_limit.redis.available").gauge().value()).isEqualTo(1);
                // Redis kept its own count (2 used, a few seconds of refill since): not the in-process one
                assertThat(limiter.client(client, "small").join().admitted()).isTrue();
            }
        }
    }
}
