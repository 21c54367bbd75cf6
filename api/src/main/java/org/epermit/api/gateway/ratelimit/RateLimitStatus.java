package org.epermit.api.gateway.ratelimit;

import io.vertx.ext.web.RoutingContext;
import org.epermit.api.problem.ErrorCode;
import org.epermit.api.problem.Message;

import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * Where a caller stands after a request: its plan, what is left of the burst and of the day's quota, and, when the
 * request was refused, why and for how long.
 *
 * @param anonymous          whether the plan applies to a source address rather than a registered client
 * @param secondsToDailyReset seconds until {@code dailyResetsAt}, rounded up
 * @param retryAfterSeconds  0 when the request was admitted
 * @param refusal            {@code RATE_LIMITED}, {@code QUOTA_EXCEEDED}, or null when the request was admitted
 */
public record RateLimitStatus(PlanLimits plan, boolean anonymous, long burstRemaining, long dailyRemaining,
                              ZonedDateTime dailyResetsAt, long secondsToDailyReset, long retryAfterSeconds,
                              ErrorCode refusal) {

    private static final String KEY = "epermit.rate-limit.status";

    public boolean admitted() {
        return refusal == null;
    }

    /** The {@code RateLimit-Policy} field. */
    public String policyField() {
        return plan.policyField();
    }

    /**
     * The {@code RateLimit} field. {@code t} is the effective window: for the burst, the time until the next token
     * (what {@code Retry-After} says when the burst is spent); for the quota, the time until midnight.
     */
    public String limitField() {
        long burstWindow = refusal == ErrorCode.RATE_LIMITED ? retryAfterSeconds : 1;
        return "\"burst\";r=" + burstRemaining + ";t=" + burstWindow
                + ", \"daily\";r=" + dailyRemaining + ";t=" + secondsToDailyReset;
    }

    /** Why the request was refused, in words a developer can act on. */
    Message refusalDetail() {
        if (refusal == ErrorCode.QUOTA_EXCEEDED) {
            return Message.of("The daily quota of " + plan.dailyQuota() + " requests is spent. It renews at midnight ("
                            + dailyResetsAt.getZone() + "), in " + retryAfterSeconds + " s.",
                    "每日" + plan.dailyQuota() + "次的请求配额已用完，将于" + dailyResetsAt.getZone() + "时区零点恢复（"
                            + retryAfterSeconds + "秒后）。");
        }
        if (anonymous) {
            return Message.of("Too many requests from your address: anonymous callers may make " + plan.requestsPerSecond()
                            + " per second, in bursts of up to " + plan.burst() + ". Retry after " + retryAfterSeconds
                            + " s, or use an API key for a quota of your own.",
                    "来自您地址的请求过于频繁：匿名调用每秒最多" + plan.requestsPerSecond() + "次，突发最多" + plan.burst()
                            + "次。请" + retryAfterSeconds + "秒后重试，或使用接口密钥获得独立配额。");
        }
        return Message.of("Too many requests: the plan " + plan.name() + " allows " + plan.requestsPerSecond()
                        + " per second, in bursts of up to " + plan.burst() + ". Retry after " + retryAfterSeconds + " s.",
                "请求过于频繁：套餐" + plan.name() + "允许每秒" + plan.requestsPerSecond() + "次，突发最多" + plan.burst()
                        + "次。请" + retryAfterSeconds + "秒后重试。");
    }

    void attachTo(RoutingContext rc) {
        rc.put(KEY, this);
    }

    /** The status of the current request's caller, when the request was counted (not on exempt paths). */
    public static Optional<RateLimitStatus> of(RoutingContext rc) {
        return Optional.ofNullable(rc == null ? null : rc.get(KEY));
    }
}
