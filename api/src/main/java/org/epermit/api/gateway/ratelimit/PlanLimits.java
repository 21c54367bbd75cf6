package org.epermit.api.gateway.ratelimit;

import io.github.bucket4j.BucketConfiguration;

import java.time.Duration;
import java.time.Instant;

/** A plan as it is enforced: a token bucket of {@code burst} refilled at {@code requestsPerSecond}, and a daily quota. */
public record PlanLimits(String name, int requestsPerSecond, int burst, long dailyQuota) {

    /** The nominal length of the quota window, a calendar day (Asia/Shanghai has no daylight saving time). */
    static final long DAY_SECONDS = 86_400;

    static PlanLimits of(String name, RateLimitConfig.Plan plan) {
        return new PlanLimits(name, plan.requestsPerSecond(), plan.burst(), plan.dailyQuota());
    }

    /**
     * The window advertised for the burst policy: the bucket refills completely in this many seconds, so a caller
     * that sends at most {@code burst} requests per window is never refused (whereas {@code burst} per second would
     * overstate the sustained rate).
     */
    long burstWindowSeconds() {
        return Math.max(1, (burst + requestsPerSecond - 1) / requestsPerSecond);
    }

    /** Part of the bucket key: a plan whose numbers change starts new buckets rather than inheriting odd state. */
    String bucketSuffix() {
        return name + ":" + requestsPerSecond + "/" + burst + "/" + dailyQuota;
    }

    /**
     * The bucket: a greedy refill for the burst (a token every 1/rps seconds), and the daily quota refilled in one go
     * at each midnight, aligned on {@code nextDailyReset}.
     */
    BucketConfiguration bucket(Instant nextDailyReset) {
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(burst).refillGreedy(requestsPerSecond, Duration.ofSeconds(1)).id("burst"))
                .addLimit(limit -> limit.capacity(dailyQuota)
                        .refillIntervallyAligned(dailyQuota, Duration.ofDays(1), nextDailyReset).id("daily"))
                .build();
    }

    /** The {@code RateLimit-Policy} field (draft-ietf-httpapi-ratelimit-headers). */
    String policyField() {
        return "\"burst\";q=" + burst + ";w=" + burstWindowSeconds() + ", \"daily\";q=" + dailyQuota + ";w=" + DAY_SECONDS;
    }
}
