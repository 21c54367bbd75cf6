package org.epermit.api.monitoring;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * What a record's value is the mean of, which fixes its time window: a single sample (a manual sample, or an online
 * monitor's real-time value), a minute interval (HJ 212 minute data: 1 to 60 minutes), a clock hour or a day in China
 * time (Asia/Shanghai).
 */
@Schema(name = "MonitoringAveraging", description = "What the value is the mean of: SAMPLE (one sample or real-time "
        + "value; from = to), MINUTE (an interval of 1 to 60 whole minutes), HOURLY (a clock hour), DAILY (a China-time day, "
        + "00:00 to 24:00 +08:00). A manual sample is SAMPLE")
public enum Averaging {
    SAMPLE,
    MINUTE,
    HOURLY,
    DAILY;

    /** The longest window of a minute mean (HJ 212 minute data are usually 1, 5, 10 or 15 minutes). */
    static final Duration LONGEST_MINUTE_WINDOW = Duration.ofHours(1);

    /** The end of the window that starts at {@code from} when the record does not say: the window's usual length. */
    OffsetDateTime defaultEnd(OffsetDateTime from, ZoneId zone) {
        return switch (this) {
            case SAMPLE -> from;
            case MINUTE -> from.plusMinutes(1);
            case HOURLY -> from.plusHours(1);
            case DAILY -> from.atZoneSameInstant(zone).plusDays(1).toOffsetDateTime();
        };
    }

    /** Whether a window of this averaging may start at {@code from}: a whole minute, a clock hour, a China-time midnight. */
    boolean startsAt(OffsetDateTime from, ZoneId zone) {
        return switch (this) {
            case SAMPLE -> true;
            case MINUTE -> from.truncatedTo(ChronoUnit.MINUTES).equals(from);
            case HOURLY -> from.truncatedTo(ChronoUnit.HOURS).equals(from)
                    // a clock hour in China time (UTC+8 has whole hours, but an offset such as +05:30 does not)
                    && from.atZoneSameInstant(zone).getMinute() == 0;
            case DAILY -> from.atZoneSameInstant(zone).toLocalTime().equals(java.time.LocalTime.MIDNIGHT);
        };
    }

    /** Whether {@code to} ends a window of this averaging that starts at {@code from}. */
    boolean endsAt(OffsetDateTime from, OffsetDateTime to, ZoneId zone) {
        if (this == MINUTE) {
            Duration length = Duration.between(from, to);
            return !length.isNegative() && !length.isZero() && length.compareTo(LONGEST_MINUTE_WINDOW) <= 0
                    && length.toSeconds() % 60 == 0 && length.getNano() == 0;
        }
        return defaultEnd(from, zone).isEqual(to);
    }
}
