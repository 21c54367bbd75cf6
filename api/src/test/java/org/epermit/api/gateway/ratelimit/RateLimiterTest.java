package org.epermit.api.gateway.ratelimit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.config.SmallRyeConfig;
import org.epermit.api.problem.ErrorCode;
import org.epermit.api.testing.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The limiter itself, on in-process buckets and a clock the test moves. */
class RateLimiterTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final MovableClock clock = new MovableClock(ZonedDateTime.of(2026, 11, 28, 23, 59, 0, 0, CHINA).toInstant(), CHINA);
    private final SmallRyeConfig config = Limits.config(Map.of(
            "epermit.rate-limit.plans.steady.requests-per-second", "2",
            "epermit.rate-limit.plans.steady.burst", "4",
            "epermit.rate-limit.plans.steady.daily-quota", "1000",
            "epermit.rate-limit.plans.three-a-day.requests-per-second", "100",
            "epermit.rate-limit.plans.three-a-day.burst", "100",
            "epermit.rate-limit.plans.three-a-day.daily-quota", "3"));
    private final BucketStore store = Limits.store(config, clock, new SimpleMeterRegistry());
    private final RateLimiter limiter = Limits.limiter(config, clock, store);

    @AfterEach
    void close() {
        store.close();
    }

    private RateLimitStatus request(String client, String plan) {
        return limiter.client(client, plan).join();
    }

    @Test
    void the_burst_refills_at_the_sustained_rate() {
        for (int left = 3; left >= 0; left--) {
            assertThat(request("a", "steady").burstRemaining()).isEqualTo(left);
        }
        RateLimitStatus refused = request("a", "steady");
        assertThat(refused.refusal()).isEqualTo(ErrorCode.RATE_LIMITED);
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);  // a token every 0.5 s, rounded up
        assertThat(refused.limitField()).startsWith("\"burst\";r=0;t=1, ");

        clock.advance(Duration.ofMillis(500));
        assertThat(request("a", "steady").admitted()).isTrue();
        assertThat(request("a", "steady").admitted()).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(request("a", "steady").admitted()).isTrue();
        assertThat(request("a", "steady").admitted()).isTrue();
        assertThat(request("a", "steady").admitted()).isFalse();
        clock.advance(Duration.ofSeconds(10));  // never more than the burst
        assertThat(request("a", "steady").burstRemaining()).isEqualTo(3);
    }

    @Test
    void the_daily_quota_renews_at_midnight_china_time_not_24_hours_after_first_use() {
        for (int i = 0; i < 3; i++) {
            assertThat(request("b", "three-a-day").admitted()).isTrue();
        }
        RateLimitStatus spent = request("b", "three-a-day");
        assertThat(spent.refusal()).isEqualTo(ErrorCode.QUOTA_EXCEEDED);
        assertThat(spent.retryAfterSeconds()).isEqualTo(60);
        assertThat(spent.dailyResetsAt()).isEqualTo(ZonedDateTime.of(2026, 11, 29, 0, 0, 0, 0, CHINA));
        assertThat(spent.limitField()).endsWith("\"daily\";r=0;t=60");

        clock.advance(Duration.ofSeconds(59));
        RateLimitStatus stillSpent = request("b", "three-a-day");
        assertThat(stillSpent.refusal()).isEqualTo(ErrorCode.QUOTA_EXCEEDED);
        assertThat(stillSpent.retryAfterSeconds()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));  // midnight in Shanghai (16:00 UTC)
        RateLimitStatus renewed = request("b", "three-a-day");
        assertThat(renewed.admitted()).isTrue();
        assertThat(renewed.dailyRemaining()).isEqualTo(2);
        assertThat(renewed.dailyResetsAt()).isEqualTo(ZonedDateTime.of(2026, 11, 30, 0, 0, 0, 0, CHINA));

        // a day's quota used from 00:00:01 is renewed at the next midnight, not 24 h later
        request("b", "three-a-day");
        request("b", "three-a-day");
        assertThat(request("b", "three-a-day").refusal()).isEqualTo(ErrorCode.QUOTA_EXCEEDED);
        clock.advance(Duration.ofHours(23).plusMinutes(59).plusSeconds(59));
        assertThat(request("b", "three-a-day").refusal()).isEqualTo(ErrorCode.QUOTA_EXCEEDED);
        clock.advance(Duration.ofSeconds(1));
        assertThat(request("b", "three-a-day").admitted()).isTrue();
    }

    @Test
    void each_client_and_each_address_has_its_own_bucket() throws Exception {
        for (int i = 0; i < 4; i++) {
            request("c", "steady");
        }
        assertThat(request("c", "steady").admitted()).isFalse();
        assertThat(request("d", "steady").burstRemaining()).isEqualTo(3);
        assertThat(limiter.anonymous(InetAddress.getByName("203.0.113.5")).join().burstRemaining()).isEqualTo(19);
        assertThat(limiter.anonymous(InetAddress.getByName("203.0.113.6")).join().burstRemaining()).isEqualTo(19);
    }

    @Test
    void a_client_on_a_plan_no_longer_offered_gets_the_default_plan() {
        RateLimitStatus status = request("e", "discontinued");
        assertThat(status.plan().name()).isEqualTo("free");
        assertThat(status.policyField()).isEqualTo("\"burst\";q=20;w=4, \"daily\";q=10000;w=86400");
    }

    @Test
    void ipv6_callers_are_counted_per_network() throws Exception {
        assertThat(RateLimiter.partition(InetAddress.getByName("2001:db8:1:2:3:4:5:6"), 64)).isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(RateLimiter.partition(InetAddress.getByName("2001:db8:1:2:3:4:5:6"), 48)).isEqualTo("2001:db8:1:0:0:0:0:0/48");
        assertThat(RateLimiter.partition(InetAddress.getByName("203.0.113.9"), 64)).isEqualTo("203.0.113.9");
    }
}
