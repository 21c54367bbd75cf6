package org.epermit.api.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.BucketConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import org.epermit.api.problem.Message;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Brute-force protection: counts failed authentications per source address in a bucket of
 * epermit.rate-limit.auth-failures.limit per period (in Redis when configured, so every instance counts). An address
 * that has used them up has its credentials refused, unread, until the period ends. The verdict is remembered by each
 * instance when it records a failure, so checking it costs no Redis round trip on the path of callers whose keys are
 * good; with several instances, each lets through at most one more failure before it learns of the verdict.
 */
@ApplicationScoped
public class FailedAuthentications {

    private final BucketStore buckets;
    private final Clock clock;
    private final int limit;
    private final Duration period;
    private final int ipv6PrefixLength;
    private final BucketConfiguration configuration;
    /** Address partition → epoch millisecond until which its credentials are refused. */
    private final Cache<String, Long> refusedUntil;

    public FailedAuthentications(RateLimitConfig config, Clock clock, BucketStore buckets) {
        this.buckets = buckets;
        this.clock = clock;
        this.limit = config.authFailures().limit();
        this.period = config.authFailures().period();
        this.ipv6PrefixLength = config.ipv6PrefixLength();
        this.configuration = BucketConfiguration.builder()
                .addLimit(l -> l.capacity(limit).refillIntervally(limit, period).id("auth-failures"))
                .build();
        this.refusedUntil = Caffeine.newBuilder().maximumSize(config.localMaxBuckets()).expireAfterWrite(period).build();
    }

    /** Seconds for which credentials from this address are still refused, or 0. */
    public long secondsRefused(InetAddress address) {
        Long until = refusedUntil.getIfPresent(RateLimiter.partition(address, ipv6PrefixLength));
        long left = until == null ? 0 : until - clock.millis();
        return left <= 0 ? 0 : RateLimiter.seconds(left * 1_000_000L);
    }

    /** Counts a failed authentication from this address. */
    public CompletableFuture<Status> record(InetAddress address) {
        String partition = RateLimiter.partition(address, ipv6PrefixLength);
        return buckets.tryConsume("auth-failures:" + partition + ":" + limit + "/" + period.toSeconds(), () -> configuration)
                .thenApply(result -> {
                    long remaining = Math.max(0, result.getDiagnostics().getAvailableTokens());
                    long refillNanos = Math.max(result.getDiagnostics().calculateFullRefillingTime(),
                            result.getValue().getNanosToWaitForRefill());
                    long refill = RateLimiter.seconds(refillNanos);
                    if (remaining == 0) {
                        refusedUntil.put(partition, clock.millis() + refill * 1000);
                    }
                    return new Status(limit, period.toSeconds(), remaining, refill);
                });
    }

    /** The status of an address that is refused for {@code seconds}. */
    public Status refused(long seconds) {
        return new Status(limit, period.toSeconds(), 0, seconds);
    }

    /** What is left of an address's failed authentications. */
    public record Status(int limit, long periodSeconds, long remaining, long secondsToRefill) {

        public String policyField() {
            return "\"auth-failures\";q=" + limit + ";w=" + periodSeconds;
        }

        public String limitField() {
            return "\"auth-failures\";r=" + remaining + ";t=" + secondsToRefill;
        }

        Message refusalDetail() {
            return Message.of("Too many failed authentications from your address. Credentials from it are refused, "
                            + "unread, for " + secondsToRefill + " s.",
                    "您的地址认证失败次数过多，" + secondsToRefill + "秒内来自该地址的凭证将被拒绝（不予校验）。");
        }
    }
}
