package org.epermit.api.permit.export;

import io.quarkus.test.junit.QuarkusTestProfile;
import org.epermit.api.testing.MovableClock;

import java.util.Map;
import java.util.Set;

/**
 * Small daily export allowances (100 rows per anonymous address, 40 per client on the free plan), a clock the test
 * moves, and few demo permits.
 */
public class ExportAllowanceProfile implements QuarkusTestProfile {

    static final int DAILY_ROWS = 100;
    /** The allowance of a registered client on the free plan. */
    static final int FREE_PLAN_DAILY_ROWS = 40;

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(MovableClock.class);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "%test.epermit.rate-limit.anonymous.daily-export-rows", Integer.toString(DAILY_ROWS),
                "%test.epermit.rate-limit.plans.free.daily-export-rows", Integer.toString(FREE_PLAN_DAILY_ROWS),
                "%test.epermit.export.fetch-size", "30",
                "%test.epermit.demo.permits", "250");
    }
}
