package org.epermit.api.registration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The periods of registration (排污登记) that the rules set in days or years (configuration, since such periods change).
 * The renewal window is not here: it is the period a receipt is shown as due for renewal,
 * {@code epermit.permit-lifecycle.registration-renewal-lead} ({@link org.epermit.api.permit.PermitLifecycleConfig}), so
 * the disclosure's {@code dueForRenewal} and the window a renewal is taken in are one rule.
 */
@ConfigMapping(prefix = "epermit.registration")
public interface RegistrationConfig {

    /** Years a receipt is valid from the day it is issued, and the years a renewal adds to its expiry (5). */
    @WithDefault("5")
    int validityYears();

    /** A change registered more than this many days after it took effect is accepted with CHANGE_REGISTERED_LATE (20). */
    @WithDefault("20")
    int changeWindowDays();
}
