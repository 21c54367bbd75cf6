package org.epermit.api.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.VerboseResult;
import io.github.bucket4j.caffeine.Bucket4jCaffeine;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Where the token buckets live. Without Redis: in this process (Bucket4j over a bounded Caffeine cache). With Redis:
 * there, shared by every instance (Bucket4j over Lettuce), and, while Redis is unreachable, in this process again:
 * the service fails open to per-instance limits rather than refusing everything or letting everything through
 * (docs/rate-limits.md argues why). Bucket time is the service's clock, so tests can move it.
 */
public final class BucketStore implements AutoCloseable {

    /**
     * A bucket is dropped this long after it would be full again (a new one starts full, so nothing is lost); the
     * daily quota keeps a bucket at most until just after midnight. The margin covers clock skew between instances.
     */
    static final Duration KEEP_AFTER_REFILL = Duration.ofMinutes(1);

    private final AsyncProxyManager<String> local;
    private final RedisBuckets redis;
    private final String keyPrefix;
    private final Counter fallbacks;

    BucketStore(Optional<String> redisUri, String keyPrefix, Duration redisTimeout, Duration redisConnectTimeout,
                Duration redisRetryInterval, int localMaxBuckets, Clock clock, MeterRegistry registry) {
        TimeMeter time = timeMeter(clock);
        this.local = Bucket4jCaffeine.<String>builderFor(Caffeine.newBuilder().maximumSize(localMaxBuckets))
                .clientClock(time)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_AFTER_REFILL))
                .build()
                .asAsync();
        this.keyPrefix = keyPrefix;
        this.redis = redisUri.filter(uri -> !uri.isBlank())
                .map(uri -> new RedisBuckets(uri.strip(), redisTimeout, redisConnectTimeout, redisRetryInterval, time, KEEP_AFTER_REFILL))
                .orElse(null);
        this.fallbacks = Counter.builder("epermit.rate_limit.redis.fallbacks")
                .description("Requests whose rate limit was decided in-process because Redis was unreachable")
                .register(registry);
        if (redis != null) {
            Gauge.builder("epermit.rate_limit.redis.available", redis, r -> r.usable() ? 1 : 0)
                    .description("1 while rate-limit buckets are shared through Redis, 0 while each instance decides alone")
                    .register(registry);
            redis.start();
        }
    }

    public static BucketStore create(RateLimitConfig config, Clock clock, MeterRegistry registry) {
        return new BucketStore(config.redisUri(), config.redisKeyPrefix(), config.redisTimeout(),
                config.redisConnectTimeout(), config.redisRetryInterval(), config.localMaxBuckets(), clock, registry);
    }

    /**
     * Takes one token from the bucket {@code key}, creating it from {@code configuration} when it does not exist.
     * Never fails because of Redis: an unreachable Redis means an in-process decision.
     */
    public CompletableFuture<VerboseResult<ConsumptionProbe>> tryConsume(String key, Supplier<BucketConfiguration> configuration) {
        Optional<AsyncProxyManager<String>> shared = redis == null ? Optional.empty() : redis.buckets();
        if (shared.isEmpty()) {
            if (redis != null) {
                fallbacks.increment();
            }
            return consumeLocally(key, configuration);
        }
        CompletableFuture<VerboseResult<ConsumptionProbe>> attempt;
        try {
            attempt = shared.get().builder()
                    .build(keyPrefix + key, () -> CompletableFuture.completedFuture(configuration.get()))
                    .asVerbose().tryConsumeAndReturnRemaining(1);
        } catch (RuntimeException e) {
            attempt = CompletableFuture.failedFuture(e);
        }
        return attempt.handle((result, failure) -> {
            if (failure == null) {
                redis.succeeded();
                return CompletableFuture.completedFuture(result);
            }
            redis.failed(failure);
            fallbacks.increment();
            return consumeLocally(key, configuration);
        }).thenCompose(result -> result);
    }

    /**
     * Takes up to {@code wanted} tokens from the bucket {@code key} (as many as it holds, maybe none) and tells how
     * many it took: a volume allowance grants what is left of it. Redis, or this process while Redis is unreachable.
     */
    public CompletableFuture<Long> consumeUpTo(String key, Supplier<BucketConfiguration> configuration, long wanted) {
        return onBucket(key, configuration, bucket -> bucket.tryConsumeAsMuchAsPossible(wanted));
    }

    /** Gives {@code tokens} back to the bucket {@code key} (never above its capacity): an allowance taken but not used. */
    public CompletableFuture<Void> giveBack(String key, Supplier<BucketConfiguration> configuration, long tokens) {
        return onBucket(key, configuration, bucket -> bucket.addTokens(tokens));
    }

    private <T> CompletableFuture<T> onBucket(String key, Supplier<BucketConfiguration> configuration,
                                              java.util.function.Function<io.github.bucket4j.distributed.AsyncBucketProxy, CompletableFuture<T>> operation) {
        Optional<AsyncProxyManager<String>> shared = redis == null ? Optional.empty() : redis.buckets();
        if (shared.isEmpty()) {
            if (redis != null) {
                fallbacks.increment();
            }
            return operation.apply(local.builder().build(key, () -> CompletableFuture.completedFuture(configuration.get())));
        }
        CompletableFuture<T> attempt;
        try {
            attempt = operation.apply(shared.get().builder()
                    .build(keyPrefix + key, () -> CompletableFuture.completedFuture(configuration.get())));
        } catch (RuntimeException e) {
            attempt = CompletableFuture.failedFuture(e);
        }
        return attempt.handle((result, failure) -> {
            if (failure == null) {
                redis.succeeded();
                return CompletableFuture.completedFuture(result);
            }
            redis.failed(failure);
            fallbacks.increment();
            return operation.apply(local.builder().build(key, () -> CompletableFuture.completedFuture(configuration.get())));
        }).thenCompose(result -> result);
    }

    private CompletableFuture<VerboseResult<ConsumptionProbe>> consumeLocally(String key, Supplier<BucketConfiguration> configuration) {
        return local.builder()
                .build(key, () -> CompletableFuture.completedFuture(configuration.get()))
                .asVerbose().tryConsumeAndReturnRemaining(1);
    }

    /** Whether buckets are shared through Redis right now. */
    public boolean shared() {
        return redis != null && redis.usable();
    }

    /**
     * Whether buckets are shared through Redis, asking Redis when the last operation failed: what a health check
     * needs, since an idle instance would otherwise report an outage that is over.
     */
    public CompletionStage<Boolean> checkShared() {
        if (redis == null) {
            return CompletableFuture.completedFuture(false);
        }
        return redis.usable() ? CompletableFuture.completedFuture(true) : redis.ping();
    }

    /** host:port of the configured Redis (never its password), or empty when each instance keeps its own buckets. */
    public Optional<String> redisAddress() {
        return redis == null ? Optional.empty() : Optional.of(redis.where());
    }

    @Override
    public void close() {
        if (redis != null) {
            redis.close();
        }
    }

    /** Bucket4j's time source on the service's clock: wall-clock nanoseconds, as distributed buckets need. */
    static TimeMeter timeMeter(Clock clock) {
        return new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                Instant now = clock.instant();
                return now.getEpochSecond() * 1_000_000_000L + now.getNano();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }
}
