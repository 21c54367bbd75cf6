package org.epermit.api.registration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The periods of registration (排污登记) that the rules set in days or years (configuration, since such periods change). */
@ConfigMapping(prefix = "epermit.registration")
public interface RegistrationConfig {

    /** Years a receipt is valid from the day it is issued, and the years a renewal adds to its expiry (5). */
    @WithDefault("5")
    int validityYears();

    /**
     * A receipt is renewed in this many days before it expires, counted back from its last day of validity, which is
     * one of them (20: a receipt valid to 31 December renews from 12 December).
     */
    @WithDefault("20")
    int renewalWindowDays();

    /** A change registered more than this many days after it took effect is accepted with CHANGE_REGISTERED_LATE (20). */
    @WithDefault("20")
    int changeWindowDays();
}
