package org.epermit.api.gateway.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rate limits and quotas. A registered client has one plan: a sustained rate with a burst, and a daily quota.
 * Anonymous callers share a plan per source address. Plans are configuration:
 * {@code epermit.rate-limit.plans.<name>.requests-per-second=…}. See docs/rate-limits.md.
 */
@ConfigMapping(prefix = "epermit.rate-limit")
public interface RateLimitConfig {

    /** The plans clients are registered on, by name. */
    Map<String, Plan> plans();

    /** The plan of anonymous callers, applied per source address (an IPv6 caller: per network, see below). */
    Plan anonymous();

    /**
     * {@code redis://[password@]host:port[/database]} (or {@code rediss://}) of the Redis that holds the buckets of
     * every instance; absent, each instance keeps its own buckets in memory (the embedded default).
     */
    Optional<String> redisUri();

    /** Prefix of the bucket keys in Redis, so several services or environments can share one Redis. */
    @WithDefault("epermit:rate-limit:")
    String redisKeyPrefix();

    /** How long one Redis operation may take before the instance decides in-process instead. */
    @WithDefault("PT0.2S")
    Duration redisTimeout();

    /** How long connecting to Redis may take (start-up waits at most this long; the service starts either way). */
    @WithDefault("PT2S")
    Duration redisConnectTimeout();

    /** After a Redis failure, how long the instance decides in-process before it tries Redis again. */
    @WithDefault("PT5S")
    Duration redisRetryInterval();

    /** Most buckets an instance keeps in memory (its own, or while Redis is unreachable); least recently used go first. */
    @WithDefault("100000")
    @Positive
    int localMaxBuckets();

    /** IPv6 callers are limited per network of this prefix length: one subscriber usually holds a whole /64. */
    @WithDefault("64")
    @Min(1)
    @Max(128)
    int ipv6PrefixLength();

    /**
     * Paths that need no credentials (exact paths, not prefixes): the health probes. They are never limited, carry no
     * rate-limit headers and do not authenticate: credentials sent to them are ignored, neither checked nor counted,
     * so they cannot tell a valid key from a bad one. Every other path reads credentials and is limited.
     */
    @WithDefault("/q/health,/q/health/live,/q/health/ready,/q/health/started,/q/health/well")
    List<String> exemptPaths();

    /** Brute-force protection: failed authentications per source address. */
    AuthFailures authFailures();

    interface Plan {
        /** Sustained requests per second: the rate at which the burst allowance refills. */
        @Positive
        int requestsPerSecond();

        /** The burst allowance: how many requests may be made at once after a pause (the token bucket's size). */
        @Positive
        int burst();

        /** Requests per calendar day in epermit.time.zone (Asia/Shanghai by default); renewed at midnight there. */
        @Positive
        long dailyQuota();

        /**
         * Rows of bulk export ({@code GET /v1/public/permits/export}) per calendar day, renewed at the same midnight:
         * exports are limited by volume, one request can carry a million rows. An export larger than what is left
         * carries what is left and says how to resume (docs/bulk-export.md).
         */
        @WithDefault("10000000")
        @Positive
        long dailyExportRows();
    }

    interface AuthFailures {
        /** Failed authentications allowed from one address per period; then its credentials are refused unread. */
        @WithDefault("20")
        @Positive
        int limit();

        /** The period; an address that used up its failures is refused until the period ends. */
        @WithDefault("PT1M")
        Duration period();
    }
}
