package org.epermit.sdk.internal;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RetryPolicyTest {

    private static RetryPolicy withRandom(double r) {
        return new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(60), () -> r);
    }

    @Test
    void the_cap_doubles_from_the_initial_delay_up_to_the_maximum() {
        RetryPolicy p = withRandom(0.5);
        assertThat(p.backoffCap(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(p.backoffCap(2)).isEqualTo(Duration.ofMillis(1000));
        assertThat(p.backoffCap(4)).isEqualTo(Duration.ofMillis(4000));
        assertThat(p.backoffCap(5)).isEqualTo(Duration.ofSeconds(8));
        assertThat(p.backoffCap(60)).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void full_jitter_scales_the_cap_by_the_random_number() {
        assertThat(withRandom(0.0).backoff(3)).isEqualTo(Duration.ZERO);
        assertThat(withRandom(0.25).backoff(3)).isEqualTo(Duration.ofMillis(500));
        assertThat(withRandom(0.999).backoff(1)).isEqualTo(Duration.ofMillis(499));
    }

    @Test
    void retry_after_is_honoured_up_to_the_clamp() {
        RetryPolicy p = withRandom(0.5);
        assertThat(p.honour(Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(5));
        assertThat(p.honour(Duration.ofHours(1))).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void only_429_502_503_504_are_retryable_statuses() {
        assertThat(RetryPolicy.RETRYABLE_STATUSES).containsExactlyInAnyOrder(429, 502, 503, 504);
    }

    @Test
    void retry_after_reads_seconds_and_http_dates() {
        Instant now = Instant.parse("2026-11-28T08:00:00Z");
        assertThat(RetryAfter.parse("120", now)).contains(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse(" 0 ", now)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("Sat, 28 Nov 2026 08:00:30 GMT", now)).contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("Sat, 28 Nov 2026 07:00:00 GMT", now)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("soon", now)).isEmpty();
        assertThat(RetryAfter.parse("-5", now)).isEmpty();
        assertThat(RetryAfter.parse(null, now)).isEmpty();
        assertThat(RetryAfter.parse("99999999999999999999999", now)).get().satisfies(d -> assertThat(d).isPositive());
    }
}
