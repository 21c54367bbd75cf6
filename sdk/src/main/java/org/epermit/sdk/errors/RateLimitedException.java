package org.epermit.sdk.errors;

import java.time.Duration;
import java.util.Optional;

/**
 * Too many requests (HTTP 429), still so after the SDK's own retries. {@link #getRetryAfter()} is the wait the API
 * asked for, when it said.
 */
public class RateLimitedException extends EPermitException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    /**
     * Creates the exception.
     *
     * @param details    what is known about the failure
     * @param retryAfter the wait the API asked for in {@code Retry-After}, or {@code null}
     */
    public RateLimitedException(ErrorDetails details, Duration retryAfter) {
        super(details, "Slow down: spread the calls out or lower their concurrency"
                + (retryAfter == null ? "" : ", and wait at least " + retryAfter.toSeconds() + " s before the next one")
                + ". The SDK retries 429s by itself (EPermitClient.builder().maxRetries).", null);
        this.retryAfter = retryAfter;
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
