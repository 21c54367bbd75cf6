package org.epermit.api.filing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.math.BigDecimal;

/** How filings are checked beyond what the permit and the report deadlines say. */
@ConfigMapping(prefix = "epermit.filings")
public interface FilingConfig {

    /** Actual emissions above this many times the period's licensed quantity are refused as implausible (VALUE_ABSURD). */
    @WithDefault("100")
    BigDecimal absurdFactor();

    /**
     * How far (a fraction) reported actual emissions may differ from what the monitoring records imply before the
     * EMISSIONS_DIFFER_FROM_RECORDS finding is raised.
     */
    @WithDefault("0.2")
    BigDecimal estimateTolerance();

    /**
     * The share of the period's hours for which valid hourly concentration and flow records must exist at every outlet
     * of a pollutant before the records are taken to imply its emissions.
     */
    @WithDefault("0.8")
    double estimateMinCoverage();

    /** Findings, errors and records listed in one problem at most; the problem says how many there were. */
    @WithDefault("200")
    int maxListed();
}
