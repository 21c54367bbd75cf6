package org.epermit.api.calendar;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The regulator's statutory decision periods, counted from acceptance (受理) and not counting the day of acceptance.
 * Working days follow the calendar of {@code calendar_year}/{@code calendar_exception} (docs/calendar.md).
 */
@ConfigMapping(prefix = "epermit.review")
public interface ReviewDeadlineConfig {

    /** Whether periods count working days of the calendar (WORKING) or every day (CALENDAR). */
    @WithDefault("WORKING")
    DayCount dayCount();

    /** Days to decide an initial application under simplified management. */
    @WithDefault("20")
    int initialSimplified();

    /** Days to decide an initial application under key management. */
    @WithDefault("30")
    int initialKey();

    /** Days to decide an initial application under key management that needs a site inspection. */
    @WithDefault("45")
    int initialKeyInspection();

    /** Days to decide a renewal. */
    @WithDefault("20")
    int renewal();

    /** Days to decide a change; the regulation sets no period of its own for it: a configured default. */
    @WithDefault("20")
    int change();

    /** Days to decide a cancellation; a configured default, as for a change. */
    @WithDefault("20")
    int cancellation();

    /** Days to decide a reissue; a configured default, as for a change. */
    @WithDefault("20")
    int reissue();

    /**
     * Days the regulator has to accept an application or return it with one notice of everything to correct (the
     * Administrative Licensing Law, art. 32: on the spot or within five days); once they pass with no notice, the
     * application counts as accepted on the last of them.
     */
    @WithDefault("5")
    int acceptance();

    /**
     * Days to review a submitted execution report; the regulation sets no period for it: a configured target the
     * queue reckons lateness by.
     */
    @WithDefault("20")
    int executionReport();

    /** The period of {@code reviewCase}. */
    default int period(ReviewCase reviewCase) {
        return switch (reviewCase) {
            case INITIAL_SIMPLIFIED -> initialSimplified();
            case INITIAL_KEY -> initialKey();
            case INITIAL_KEY_INSPECTION -> initialKeyInspection();
            case RENEWAL -> renewal();
            case CHANGE -> change();
            case CANCELLATION -> cancellation();
            case REISSUE -> reissue();
            case ACCEPTANCE -> acceptance();
            case EXECUTION_REPORT -> executionReport();
        };
    }
}
