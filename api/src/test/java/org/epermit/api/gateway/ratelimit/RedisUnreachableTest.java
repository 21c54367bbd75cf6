package org.epermit.api.gateway.ratelimit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.config.SmallRyeConfig;
import org.epermit.api.problem.ErrorCode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A configured Redis that is not there (a closed port): the service starts, and each instance enforces the limits
 * on its own, without waiting for Redis on any request (docs/rate-limits.md, "When Redis is unreachable").
 */
class RedisUnreachableTest {

    @Test
    void an_unreachable_redis_means_per_instance_limits_not_an_outage() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        SmallRyeConfig config = Limits.config(Map.of(
                "epermit.rate-limit.redis-uri", "redis://127.0.0.1:" + closedPort,
                "epermit.rate-limit.plans.small.requests-per-second", "1",
                "epermit.rate-limit.plans.small.burst", "4",
                "epermit.rate-limit.plans.small.daily-quota", "100"));
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        try (BucketStore store = Limits.store(config, Clock.systemUTC(), metrics)) {
            assertThat(store.shared()).isFalse();
            RateLimiter limiter = Limits.limiter(config, Clock.systemUTC(), store);

            long deciding = System.nanoTime();
            List<RateLimitStatus> statuses = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                statuses.add(limiter.client("c", "small").join());
            }
            assertThat((System.nanoTime() - deciding) / 1_000_000).as("no request waits for Redis").isLessThan(1_000);
            assertThat(statuses).extracting(RateLimitStatus::refusal)
                    .containsExactly(null, null, null, null, ErrorCode.RATE_LIMITED);
            assertThat(statuses.get(4).retryAfterSeconds()).isEqualTo(1);
            assertThat(metrics.get("epermit.rate_limit.redis.fallbacks").counter().count()).isEqualTo(5);
            assertThat(metrics.get("epermit.rate_limit.redis.available").gauge().value()).isZero();
        }
    }
}
