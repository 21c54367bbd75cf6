package org.epermit.api.common;

import org.epermit.api.problem.FieldError;
import org.epermit.api.problem.Message;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Optional;

/**
 * The dates and times the API accepts, wherever they are read (every body's, by {@link StrictJson}; query
 * parameters, by {@link QueryParameters}): the years 1900 to 9999.
 * Java reads years up to ±999,999,999; PostgreSQL stores a time beyond its own range as ±infinity, so without this a
 * delegation "valid to +300000-01-01" would be stored as valid forever. Nothing in the domain (permits, filings,
 * delegations, the audit log) lies outside these years.
 */
public final class TimeRange {

    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 9999;

    private TimeRange() {
    }

    /** A date or time outside the range; one without a year (a time of day) is always inside. */
    public static Optional<FieldError> check(TemporalAccessor value, String path) {
        TemporalAccessor dated = value instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : value;
        return dated.isSupported(ChronoField.YEAR) ? check(dated.get(ChronoField.YEAR), path) : Optional.empty();
    }

    private static Optional<FieldError> check(int year, String path) {
        if (year >= FIRST_YEAR && year <= LAST_YEAR) {
            return Optional.empty();
        }
        return Optional.of(new FieldError(path, "RANGE", Message.of(
                "must lie in the years " + FIRST_YEAR + " to " + LAST_YEAR + ", got the year " + year,
                "应在" + FIRST_YEAR + "年至" + LAST_YEAR + "年之间，实际为" + year + "年")));
    }
}
