package org.epermit.api.gateway;

import io.smallrye.config.ConfigMapping;

import java.util.Map;

/**
 * Rate-limit plans. A client has one plan: a sustained rate with a burst, and a daily quota. Plans are
 * configuration: {@code epermit.rate-limit.plans.<name>.requests-per-second=…}.
 */
@ConfigMapping(prefix = "epermit.rate-limit")
public interface RateLimitConfig {

    /** The plans by name. */
    Map<String, Plan> plans();

    interface Plan {
        /** Sustained requests per second. */
        int requestsPerSecond();

        /** Requests that may be made at once above the sustained rate. */
        int burst();

        /** Requests per day (UTC+8 calendar day). */
        long dailyQuota();
    }
}
