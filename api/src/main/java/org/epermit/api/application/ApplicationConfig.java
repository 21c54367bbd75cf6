package org.epermit.api.application;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The filing rules of applications that the regulation sets in days (configuration, since such periods change), and
 * the decision period the requirements endpoint states in calendar days until the working-day calendar counts it.
 */
@ConfigMapping(prefix = "epermit.applications")
public interface ApplicationConfig {

    /** A renewal filed fewer than this many days before expiry is accepted with RENEWAL_FILED_LATE (Order 736: 60). */
    @WithDefault("60")
    int renewalLeadDays();

    /** A change filed more than this many days after it took effect is accepted with CHANGE_FILED_LATE (30). */
    @WithDefault("30")
    int changeWindowDays();

    /** Calendar days from acceptance within which a renewal is decided (Order 736: 20). */
    @WithDefault("20")
    int renewalDecisionDays();

    /** Calendar days from acceptance within which a change is decided. */
    @WithDefault("20")
    int changeDecisionDays();

    /** Calendar days from acceptance within which a cancellation is decided. */
    @WithDefault("20")
    int cancellationDecisionDays();

    /** Calendar days from acceptance within which a reissue is decided. */
    @WithDefault("20")
    int reissueDecisionDays();
}
