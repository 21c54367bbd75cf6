package org.epermit.api.delegation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Period;

/** Delegations. */
@ConfigMapping(prefix = "epermit.delegation")
public interface DelegationConfig {

    /**
     * The longest a delegation may run, validFrom to validTo (an ISO-8601 period): five years, a permit's term, so
     * that a delegation is renewed at the latest with the permits it covers.
     */
    @WithDefault("P5Y")
    Period maxDuration();
}
