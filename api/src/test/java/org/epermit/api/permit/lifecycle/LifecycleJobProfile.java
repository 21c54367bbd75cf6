package org.epermit.api.permit.lifecycle;

import io.quarkus.test.junit.QuarkusTestProfile;
import org.epermit.api.testing.MovableClock;

import java.util.Map;
import java.util.Set;

/**
 * The lifecycle job on, every half second, on a database of its own (a profile restarts the application and its test
 * resources) with a clock that stands at the demo data's as-of date until a test moves it, and small batches so that a
 * run takes several. The keys carry the test profile's prefix because application.properties sets them under %test.
 */
public class LifecycleJobProfile implements QuarkusTestProfile {

    static final int BATCH = 7;

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(MovableClock.class);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "%test.epermit.permit-lifecycle.job.enabled", "true",
                "%test.epermit.permit-lifecycle.job.every", "PT0.5S",
                "%test.epermit.permit-lifecycle.job.first-run-after", "PT0.5S",
                "%test.epermit.permit-lifecycle.job.batch-size", String.valueOf(BATCH),
                "%test.epermit.demo.permits", "400");
    }
}
