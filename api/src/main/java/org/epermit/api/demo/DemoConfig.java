package org.epermit.api.demo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.LocalDate;
import java.util.Optional;

/** The demo data set: loaded into an empty database at start-up when enabled (the embedded default enables it). */
@ConfigMapping(prefix = "epermit.demo")
public interface DemoConfig {

    /** Load the demo data set at start-up if the database holds no permit yet. */
    @WithDefault("false")
    boolean enabled();

    /** How many permits (and registration receipts) to generate. */
    @WithDefault("3000")
    int permits();

    /** The generator's seed: the same seed, size and as-of date give identical data. */
    @WithDefault("20261128")
    long seed();

    /** The date the data is generated "as of" (statuses, expiries). Defaults to today. */
    Optional<LocalDate> asOf();

    /**
     * How many calendar years of execution reports to generate, up to the as-of date's (2: the periods ending last
     * year and this year whose deadline has passed); 0 generates none.
     */
    @WithDefault("2")
    int reportYears();

    /**
     * How many KEY permits get monitoring devices and 30 days of hourly records before the as-of date; 0 gives none.
     */
    @WithDefault("20")
    int monitoringPermits();

    /** Exit once the data is loaded (the {@code load-demo} command). */
    @WithDefault("false")
    boolean exitAfterLoad();
}
