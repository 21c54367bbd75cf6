package org.epermit.api.demo;

import io.quarkus.test.junit.QuarkusTestProfile;
import org.epermit.api.testing.MovableClock;

import java.util.Map;
import java.util.Set;

/**
 * The demo data with its execution reports and monitoring data, as the embedded default loads it, on a database of its
 * own (the shared test data has neither: the filing and monitoring tests file their own), and a clock that stands at
 * the demo's as-of date, so that "overdue" means what the generator meant. The keys carry the test profile's prefix
 * because application.properties sets them under %test.
 */
public class DemoFilingsProfile implements QuarkusTestProfile {

    static final int REPORT_YEARS = 2;
    static final int MONITORED_PERMITS = 20;

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(MovableClock.class);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "%test.epermit.demo.report-years", String.valueOf(REPORT_YEARS),
                "%test.epermit.demo.monitoring-permits", String.valueOf(MONITORED_PERMITS));
    }
}
