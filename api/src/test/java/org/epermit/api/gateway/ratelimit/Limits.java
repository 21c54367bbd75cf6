package org.epermit.api.gateway.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.epermit.api.common.TimeConfig;
import org.epermit.api.gateway.GatewayConfig;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** Rate limiters built outside Quarkus, for tests of the limiter itself (time moved by hand, two instances, Redis). */
final class Limits {

    private Limits() {
    }

    /** The configuration: a {@code free} plan (the default) and an anonymous plan, plus {@code properties}. */
    static SmallRyeConfig config(Map<String, String> properties) {
        Map<String, String> all = new HashMap<>(Map.of(
                "epermit.rate-limit.plans.free.requests-per-second", "5",
                "epermit.rate-limit.plans.free.burst", "20",
                "epermit.rate-limit.plans.free.daily-quota", "10000",
                "epermit.rate-limit.anonymous.requests-per-second", "5",
                "epermit.rate-limit.anonymous.burst", "20",
                "epermit.rate-limit.anonymous.daily-quota", "10000"));
        all.putAll(properties);
        return new SmallRyeConfigBuilder()
                .withMapping(RateLimitConfig.class)
                .withMapping(GatewayConfig.class)
                .withMapping(TimeConfig.class)
                .withSources(new PropertiesConfigSource(all, "test", 500))
                .build();
    }

    static BucketStore store(SmallRyeConfig config, Clock clock, MeterRegistry registry) {
        return BucketStore.create(config.getConfigMapping(RateLimitConfig.class), clock, registry);
    }

    static RateLimiter limiter(SmallRyeConfig config, Clock clock, BucketStore store) {
        return new RateLimiter(config.getConfigMapping(RateLimitConfig.class), config.getConfigMapping(GatewayConfig.class),
                config.getConfigMapping(TimeConfig.class), clock, store);
    }
}
