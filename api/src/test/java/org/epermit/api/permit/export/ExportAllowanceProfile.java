package org.epermit.api.permit.export;

import io.quarkus.test.junit.QuarkusTestProfile;
import org.epermit.api.testing.MovableClock;

import java.util.Map;
import java.util.Set;

/** A small daily export allowance (100 rows per anonymous address), a clock the test moves, and few demo permits. */
public class ExportAllowanceProfile implements QuarkusTestProfile {

    static final int DAILY_ROWS = 100;

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(MovableClock.class);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "%test.epermit.rate-limit.anonymous.daily-export-rows", Integer.toString(DAILY_ROWS),
                "%test.epermit.export.fetch-size", "30",
                "%test.epermit.demo.permits", "250");
    }
}
