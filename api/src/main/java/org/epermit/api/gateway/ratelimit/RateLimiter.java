package org.epermit.api.gateway.ratelimit;

import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.VerboseResult;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import org.epermit.api.common.TimeConfig;
import org.epermit.api.gateway.GatewayConfig;
import org.epermit.api.problem.ErrorCode;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Counts requests against plans: a registered client against its own plan, an anonymous caller against the anonymous
 * plan of its source address (an IPv6 caller: of its network). The quota window is the calendar day in
 * epermit.time.zone: every bucket's quota is renewed at the same midnight, which is what a caller can plan around and
 * what support can explain ("it renews at midnight Beijing time"), unlike a rolling 24 h that renews request by request.
 */
@ApplicationScoped
public class RateLimiter {

    private final BucketStore buckets;
    private final Clock clock;
    private final ZoneId zone;
    private final Map<String, PlanLimits> plans;
    private final PlanLimits defaultPlan;
    private final PlanLimits anonymousPlan;
    private final int ipv6PrefixLength;
    private final Set<String> unknownPlansSeen = ConcurrentHashMap.newKeySet();

    public RateLimiter(RateLimitConfig config, GatewayConfig gateway, TimeConfig time, Clock clock, BucketStore buckets) {
        this.buckets = buckets;
        this.clock = clock;
        this.zone = time.zone();
        this.plans = config.plans().entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> PlanLimits.of(e.getKey(), e.getValue())));
        this.defaultPlan = plans.get(gateway.defaultPlan());
        if (defaultPlan == null) {
            throw new IllegalStateException("epermit.gateway.default-plan names " + gateway.defaultPlan()
                    + ", which is not one of epermit.rate-limit.plans: " + plans.keySet());
        }
        this.anonymousPlan = PlanLimits.of("anonymous", config.anonymous());
        this.ipv6PrefixLength = config.ipv6PrefixLength();
    }

    /** Counts one request of a registered client (or another authenticated principal) against its plan. */
    public CompletableFuture<RateLimitStatus> client(String clientId, String planName) {
        return consume("client:" + clientId, plan(planName), false);
    }

    /** Counts one anonymous request against the anonymous plan of its source address. */
    public CompletableFuture<RateLimitStatus> anonymous(InetAddress address) {
        return consume("address:" + partition(address, ipv6PrefixLength), anonymousPlan, true);
    }

    /** The plan of that name; a client on a plan that is no longer configured gets the default plan. */
    PlanLimits plan(String name) {
        PlanLimits plan = name == null ? null : plans.get(name);
        if (plan == null) {
            if (name != null && unknownPlansSeen.add(name)) {
                Log.warnf("Rate limits: plan %s is not configured; its clients get the default plan %s", name, defaultPlan.name());
            }
            return defaultPlan;
        }
        return plan;
    }

    private CompletableFuture<RateLimitStatus> consume(String key, PlanLimits plan, boolean anonymousCaller) {
        ZonedDateTime now = clock.instant().atZone(zone);
        ZonedDateTime nextMidnight = now.toLocalDate().plusDays(1).atStartOfDay(zone);
        return buckets.tryConsume(key + ":" + plan.bucketSuffix(), () -> plan.bucket(nextMidnight.toInstant()))
                .thenApply(result -> status(plan, anonymousCaller, result, now, nextMidnight));
    }

    private static RateLimitStatus status(PlanLimits plan, boolean anonymousCaller, VerboseResult<ConsumptionProbe> result,
                                          ZonedDateTime now, ZonedDateTime nextMidnight) {
        ConsumptionProbe probe = result.getValue();
        long[] remaining = result.getDiagnostics().getAvailableTokensPerEachBandwidth();
        long burst = Math.max(0, remaining[0]);
        long daily = Math.max(0, remaining[1]);
        long toMidnight = seconds(Duration.between(now, nextMidnight).toNanos());
        if (probe.isConsumed()) {
            return new RateLimitStatus(plan, anonymousCaller, burst, daily, nextMidnight, toMidnight, 0, null);
        }
        boolean quotaSpent = daily == 0;
        long retryAfter = quotaSpent ? toMidnight : seconds(probe.getNanosToWaitForRefill());
        return new RateLimitStatus(plan, anonymousCaller, burst, daily, nextMidnight, toMidnight, retryAfter,
                quotaSpent ? ErrorCode.QUOTA_EXCEEDED : ErrorCode.RATE_LIMITED);
    }

    /** Whole seconds, rounded up, at least 1: a caller told to retry after 0 s would hammer. */
    static long seconds(long nanos) {
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }

    /** The partition of an address: itself for IPv4, its network of {@code ipv6PrefixLength} bits for IPv6. */
    static String partition(InetAddress address, int ipv6PrefixLength) {
        if (address instanceof Inet4Address || ipv6PrefixLength >= 128) {
            return address.getHostAddress();
        }
        byte[] bytes = address.getAddress();
        for (int bit = ipv6PrefixLength; bit < 128; bit++) {
            bytes[bit / 8] &= (byte) ~(1 << (7 - bit % 8));
        }
        try {
            return InetAddress.getByAddress(bytes).getHostAddress() + "/" + ipv6PrefixLength;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
