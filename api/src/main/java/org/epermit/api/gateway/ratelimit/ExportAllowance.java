package org.epermit.api.gateway.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import org.epermit.api.common.TimeConfig;
import org.epermit.api.gateway.Caller;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The daily allowance of bulk-export rows: a request is counted by the gateway like any other, and an export also
 * takes the rows it will carry from a bucket of its caller's plan ({@code daily-export-rows}), renewed at the same
 * midnight as the request quota and kept where the request buckets are (Redis when configured). An export takes what
 * is left when that is less than it needs, and gives back what it did not send when the client leaves early.
 */
@ApplicationScoped
public class ExportAllowance {

    private final BucketStore buckets;
    private final RateLimiter limiter;
    private final RateLimitConfig config;
    private final Clock clock;
    private final ZoneId zone;
    private final int ipv6PrefixLength;

    public ExportAllowance(BucketStore buckets, RateLimiter limiter, RateLimitConfig config, TimeConfig time, Clock clock) {
        this.buckets = buckets;
        this.limiter = limiter;
        this.config = config;
        this.clock = clock;
        this.zone = time.zone();
        this.ipv6PrefixLength = config.ipv6PrefixLength();
    }

    /** Rows granted to one export, and the way to give back those it did not send. */
    public final class Grant {
        private final String key;
        private final Supplier<BucketConfiguration> bucket;
        private final long rows;
        private final long dailyRows;
        private final long secondsToRenewal;

        private Grant(String key, Supplier<BucketConfiguration> bucket, long rows, long dailyRows, long secondsToRenewal) {
            this.key = key;
            this.bucket = bucket;
            this.rows = rows;
            this.dailyRows = dailyRows;
            this.secondsToRenewal = secondsToRenewal;
        }

        /** The rows this export may carry: what it asked for, or what was left of the day's allowance. */
        public long rows() {
            return rows;
        }

        /** The caller's allowance per day. */
        public long dailyRows() {
            return dailyRows;
        }

        /** Seconds until the allowance is renewed (midnight in epermit.time.zone), at least 1. */
        public long secondsToRenewal() {
            return secondsToRenewal;
        }

        /** Gives back {@code unsent} of the granted rows (a download cut short); best effort, never fails the caller. */
        public void giveBack(long unsent) {
            if (unsent > 0) {
                buckets.giveBack(key, bucket, Math.min(unsent, rows));
            }
        }
    }

    /** Takes up to {@code wanted} rows from the allowance of {@code caller} (empty: the anonymous one of {@code address}). */
    public CompletableFuture<Grant> take(Optional<Caller> caller, InetAddress address, long wanted) {
        String who;
        long dailyRows;
        if (caller.isPresent()) {
            PlanLimits plan = limiter.plan(caller.get().plan());
            who = "client:" + caller.get().clientId() + ":" + plan.name();
            dailyRows = config.plans().get(plan.name()).dailyExportRows();
        } else {
            who = "address:" + RateLimiter.partition(address, ipv6PrefixLength);
            dailyRows = config.anonymous().dailyExportRows();
        }
        ZonedDateTime now = clock.instant().atZone(zone);
        ZonedDateTime nextMidnight = now.toLocalDate().plusDays(1).atStartOfDay(zone);
        long toMidnight = RateLimiter.seconds(Duration.between(now, nextMidnight).toNanos());
        // the allowance in the key: a changed allowance starts new buckets, as a changed plan does
        String key = "export-rows:" + who + ":" + dailyRows;
        Supplier<BucketConfiguration> bucket = () -> BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(dailyRows)
                        .refillIntervallyAligned(dailyRows, Duration.ofDays(1), nextMidnight.toInstant()).id("export-rows"))
                .build();
        if (wanted <= 0) {
            return CompletableFuture.completedFuture(new Grant(key, bucket, 0, dailyRows, toMidnight));
        }
        return buckets.consumeUpTo(key, bucket, wanted)
                .thenApply(rows -> new Grant(key, bucket, rows, dailyRows, toMidnight));
    }
}
