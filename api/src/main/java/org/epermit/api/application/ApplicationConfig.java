package org.epermit.api.application;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The filing rules of applications that the regulation sets in days (configuration, since such periods change). The
 * regulator's decision periods are the review desk's ({@code epermit.review.*}, {@link org.epermit.api.calendar.ReviewDeadlineConfig}).
 */
@ConfigMapping(prefix = "epermit.applications")
public interface ApplicationConfig {

    /** A renewal filed fewer than this many days before expiry is accepted with RENEWAL_FILED_LATE (Order 736: 60). */
    @WithDefault("60")
    int renewalLeadDays();

    /** A change filed more than this many days after it took effect is accepted with CHANGE_FILED_LATE (30). */
    @WithDefault("30")
    int changeWindowDays();




}
