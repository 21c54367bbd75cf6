package org.epermit.sdk.errors;

import java.time.Duration;
import java.util.Optional;

/**
 * Too many requests (HTTP 429): {@code RATE_LIMITED} still after the SDK's own retries, or {@code QUOTA_EXCEEDED}
 * (not retried). {@link #getRetryAfter()} is the wait the API asked for, when it said.
 */
public class RateLimitedException extends EPermitException {

    private static final long serialVersionUID = 1L;

    /** The code of a 429 caused by the plan's daily quota rather than the request rate; never retried by the SDK. */
    public static final String QUOTA_EXCEEDED = "QUOTA_EXCEEDED";

    private final Duration retryAfter;

    /**
     * Creates the exception.
     *
     * @param details    what is known about the failure
     * @param retryAfter the wait the API asked for in {@code Retry-After}, or {@code null}
     */
    public RateLimitedException(ErrorDetails details, Duration retryAfter) {
        super(details, QUOTA_EXCEEDED.equals(details.code())
                ? "Your plan's daily quota is used up: wait until it resets"
                        + (retryAfter == null ? "" : " (in " + retryAfter.toSeconds() + " s)")
                        + ", or ask your administrator for a larger plan."
                : "Slow down: spread the calls out or lower their concurrency"
                        + (retryAfter == null ? "" : ", and wait at least " + retryAfter.toSeconds() + " s before the next one")
                        + ". The SDK retries 429s by itself (EPermitClient.builder().maxRetries).", null);
        this.retryAfter = retryAfter;
    }

    /**
     * Tells whether the daily quota is used up ({@code QUOTA_EXCEEDED}), rather than the request rate too high.
     *
     * @return {@code true} for an exhausted quota
     */
    public boolean isQuotaExceeded() {
        return QUOTA_EXCEEDED.equals(getCode());
    }

    /**
     * Returns the wait the API asked for in its {@code Retry-After} header.
     *
     * @return the wait, if the API gave one
     */
    public Optional<Duration> getRetryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
