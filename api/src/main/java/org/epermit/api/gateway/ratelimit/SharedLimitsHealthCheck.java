package org.epermit.api.gateway.ratelimit;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.Wellness;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * Whether the rate limits are shared through Redis ({@code /q/health/well}). DOWN while a configured Redis is
 * unreachable: the service works, but each instance enforces the limits alone, so a caller spreading requests over N
 * instances gets up to N times its plan. It is a wellness check, not a readiness check, on purpose: every instance
 * shares the one Redis, so a readiness DOWN would take all of them out of the load balancer at once and turn a
 * degraded limiter into an outage. Liveness and readiness stay UP; alert on this check or on the
 * {@code epermit.rate_limit.redis.available} gauge.
 *
 * <p>While Redis is unreachable, the check itself asks it (a PING, at most once per retry interval, as requests do),
 * so that an instance that serves no requests also finds out that it is back.
 */
@Wellness
@ApplicationScoped
public class SharedLimitsHealthCheck implements AsyncHealthCheck {

    static final String NAME = "Rate limits shared through Redis";

    private final BucketStore buckets;

    public SharedLimitsHealthCheck(BucketStore buckets) {
        this.buckets = buckets;
    }

    /** Asynchronous: health checks run on the event loop, and asking Redis must not block it. */
    @Override
    public Uni<HealthCheckResponse> call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        if (buckets.redisAddress().isEmpty()) {
            // the embedded default: one instance, nothing to share
            return Uni.createFrom().item(response.up().withData("limits", "per instance (no Redis configured)").build());
        }
        String redis = buckets.redisAddress().get();
        return Uni.createFrom().completionStage(buckets.checkShared()).map(shared -> shared
                ? response.up().withData("limits", "shared").withData("redis", redis).build()
                : response.down().withData("limits", "per instance: Redis is unreachable, each instance counts alone")
                        .withData("redis", redis).build());
    }
}
