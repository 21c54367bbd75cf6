package org.epermit.sdk.internal;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * When and how long to wait before retrying: exponential backoff with full jitter (a uniformly random wait between 0
 * and {@code min(maxDelay, initialDelay × 2^(retry-1))}), or the server's {@code Retry-After} clamped to
 * {@code maxRetryAfter}.
 *
 * @param maxRetries    retries after the first attempt
 * @param initialDelay  the backoff cap of the first retry
 * @param maxDelay      the largest backoff cap
 * @param maxRetryAfter the largest {@code Retry-After} honoured; longer ones are shortened to it
 * @param random        uniform numbers in [0, 1) for the jitter
 */
public record RetryPolicy(int maxRetries, Duration initialDelay, Duration maxDelay, Duration maxRetryAfter,
                          DoubleSupplier random) {

    /** Statuses worth retrying: rate limited, and the gateway and unavailable answers of a service that may recover. */
    public static final Set<Integer> RETRYABLE_STATUSES = Set.of(429, 502, 503, 504);

    /** A 429 with this code is not retried: a daily quota does not come back within a call's timeout. */
    public static final String QUOTA_EXCEEDED = "QUOTA_EXCEEDED";

    /**
     * A 409 with this code is retried: an earlier attempt with the same {@code Idempotency-Key} (one that timed out on
     * the client's side, say) is still running on the server, which answers {@code Retry-After}. The retry then gets
     * that attempt's stored answer instead of running the write a second time.
     */
    public static final String IDEMPOTENCY_IN_PROGRESS = "IDEMPOTENCY_IN_PROGRESS";

    /**
     * Tells whether an answer may be retried.
     *
     * @param status the HTTP status
     * @param code   the failure's stable code
     * @return {@code true} for 429 (but not {@link #QUOTA_EXCEEDED}), 502, 503, 504, and a 409
     *         {@link #IDEMPOTENCY_IN_PROGRESS}
     */
    public static boolean retryable(int status, String code) {
        if (status == 409) {
            return IDEMPOTENCY_IN_PROGRESS.equals(code);
        }
        return RETRYABLE_STATUSES.contains(status) && !QUOTA_EXCEEDED.equals(code);
    }

    /**
     * Checks the values.
     *
     * @param maxRetries retries after the first attempt
     * @param initialDelay the first backoff cap
     * @param maxDelay the largest backoff cap
     * @param maxRetryAfter the largest Retry-After honoured
     * @param random the jitter source
     */
    public RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be 0 or more, got " + maxRetries);
        }
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        Objects.requireNonNull(random, "random");
        if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0 || maxRetryAfter.isNegative()) {
            throw new IllegalArgumentException("need 0 <= initialDelay <= maxDelay and maxRetryAfter >= 0");
        }
    }

    /**
     * The default policy with a given retry count: first backoff cap 0.5 s, at most 8 s, {@code Retry-After} honoured
     * up to 60 s.
     *
     * @param maxRetries retries after the first attempt
     * @return the policy
     */
    public static RetryPolicy defaults(int maxRetries) {
        return new RetryPolicy(maxRetries, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(60),
                () -> ThreadLocalRandom.current().nextDouble());
    }

    /**
     * The backoff cap before a retry: {@code min(maxDelay, initialDelay × 2^(retry-1))}.
     *
     * @param retry the retry's number, from 1
     * @return the cap
     */
    public Duration backoffCap(int retry) {
        long cap = initialDelay.toMillis();
        for (int i = 1; i < retry && cap < maxDelay.toMillis(); i++) {
            cap *= 2;
        }
        return Duration.ofMillis(Math.min(cap, maxDelay.toMillis()));
    }

    /**
     * The wait before a retry without {@code Retry-After}: full jitter under {@link #backoffCap}.
     *
     * @param retry the retry's number, from 1
     * @return the wait
     */
    public Duration backoff(int retry) {
        double r = random.getAsDouble();
        return Duration.ofMillis((long) (backoffCap(retry).toMillis() * Math.max(0, Math.min(r, 1))));
    }

    /**
     * The wait before a retry the server asked to delay.
     *
     * @param retryAfter the server's {@code Retry-After}
     * @return the wait, at most {@code maxRetryAfter}
     */
    public Duration honour(Duration retryAfter) {
        return retryAfter.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : retryAfter;
    }
}
