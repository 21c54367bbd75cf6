package org.epermit.api.sdk;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * A plan the SDK runs out of in two calls and that refills one call per second, on the real clock: the SDK really
 * waits for its retries, so the service's bucket must refill while it does (SmallPlansProfile stops the clock).
 * The keys carry the test profile's prefix because application.properties sets the plans under %test.
 */
public class TinyPlanProfile implements QuarkusTestProfile {

    /** 1 request per second in bursts of 2. */
    public static final String PLAN = "sdk-tiny";
    public static final int BURST = 2;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "%test.epermit.rate-limit.plans." + PLAN + ".requests-per-second", "1",
                "%test.epermit.rate-limit.plans." + PLAN + ".burst", Integer.toString(BURST),
                "%test.epermit.rate-limit.plans." + PLAN + ".daily-quota", "1000",
                // No permit is read here; a smaller demo set starts faster.
                "%test.epermit.demo.permits", "50");
    }
}
