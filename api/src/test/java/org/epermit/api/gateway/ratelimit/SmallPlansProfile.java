package org.epermit.api.gateway.ratelimit;

import io.quarkus.test.junit.QuarkusTestProfile;
import org.epermit.api.testing.MovableClock;

import java.util.Map;
import java.util.Set;

/**
 * Plans small enough to run out of in a few requests, with in-process buckets, 127.0.0.1 as a trusted proxy so each
 * test can be "another address" by sending X-Forwarded-For (the suite's default profile never limits), and a clock
 * that stands still at noon China time until a test moves it, so that no token comes back while a slow machine runs
 * a test.
 * The keys carry the test profile's prefix because application.properties sets them under %test.
 */
public class SmallPlansProfile implements QuarkusTestProfile {

    /** 1 request per second in bursts of 3, 1,000 a day. */
    public static final String TINY = "tiny";
    /** Plenty per second, 3 a day. */
    public static final String THREE_A_DAY = "three-a-day";

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(MovableClock.class);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("%test.epermit.rate-limit.plans." + TINY + ".requests-per-second", "1"),
                Map.entry("%test.epermit.rate-limit.plans." + TINY + ".burst", "3"),
                Map.entry("%test.epermit.rate-limit.plans." + TINY + ".daily-quota", "1000"),
                Map.entry("%test.epermit.rate-limit.plans." + THREE_A_DAY + ".requests-per-second", "1000"),
                Map.entry("%test.epermit.rate-limit.plans." + THREE_A_DAY + ".burst", "1000"),
                Map.entry("%test.epermit.rate-limit.plans." + THREE_A_DAY + ".daily-quota", "3"),
                Map.entry("%test.epermit.rate-limit.anonymous.requests-per-second", "1"),
                Map.entry("%test.epermit.rate-limit.anonymous.burst", "4"),
                Map.entry("%test.epermit.rate-limit.anonymous.daily-quota", "1000"),
                Map.entry("%test.epermit.rate-limit.auth-failures.limit", "5"),
                Map.entry("%test.epermit.rate-limit.auth-failures.period", "PT1M"),
                Map.entry("%test.epermit.gateway.trusted-proxies", "127.0.0.1"),
                // The demo data is not needed here; a smaller set starts faster.
                Map.entry("%test.epermit.demo.permits", "50"));
    }
}
