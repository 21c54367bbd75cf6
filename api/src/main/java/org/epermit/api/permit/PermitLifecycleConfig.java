package org.epermit.api.permit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.Period;

/** When a permit is due for renewal and when an expired one is cancelled (排污许可管理条例, MEE Order 32). */
@ConfigMapping(prefix = "epermit.permit-lifecycle")
public interface PermitLifecycleConfig {

    /**
     * How long before the end of its validity a permit is shown as due for renewal. A renewal must be filed at
     * least 60 days before expiry, so the signal starts earlier than that deadline, not inside it.
     */
    @WithDefault("P90D")
    Period renewalLead();

    /**
     * How long before the end of its validity a registration receipt (登记管理) is shown as due for renewal: a
     * registration is renewed in the 20 days before it expires.
     */
    @WithDefault("P20D")
    Period registrationRenewalLead();

    /** How long after its validity ended an expired permit that was not renewed is cancelled (注销). */
    @WithDefault("P60D")
    Period cancelExpiredAfter();

    /** The job that moves permits from VALID to EXPIRED and from EXPIRED to CANCELLED as time passes. */
    Job job();

    /** The lifecycle job. */
    interface Job {
        /** Whether this instance runs it; several instances may (each permit is processed once, by one of them). */
        @WithDefault("true")
        boolean enabled();

        /** How often it runs: a change is made at most this long after the day it falls due began. */
        @WithDefault("PT1H")
        Duration every();

        /**
         * How long after the start the first run comes: soon, so that a restart does not leave a day's expiries
         * waiting a whole period.
         */
        @WithDefault("PT30S")
        Duration firstRunAfter();

        /** How many permits one transaction moves: small enough to hold few row locks for a short time. */
        @WithDefault("500")
        int batchSize();
    }
}
