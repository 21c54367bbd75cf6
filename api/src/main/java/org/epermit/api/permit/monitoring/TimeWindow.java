package org.epermit.api.permit.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A half-open window of time {@code [from, to)} and the zone whose calendar its periods follow (days, weeks, months
 * begin at local midnight there). Windows lie in the years the API accepts (1900–9999, {@code common.TimeRange}), so
 * every count over one is finite and quick.
 *
 * @param from the first instant in the window
 * @param to   the first instant after it; equal to {@code from} for an empty window
 * @param zone the zone of the calendar: {@link #CHINA} unless the caller says otherwise (the service passes
 *             {@code epermit.time.zone})
 */
public record TimeWindow(Instant from, Instant to, ZoneId zone) {

    /** The zone permits are written in. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private static final Instant EARLIEST = LocalDate.of(1900, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC).minus(Duration.ofDays(1));
    private static final Instant LATEST = LocalDate.of(10000, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC).plus(Duration.ofDays(1));

    public TimeWindow {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(zone, "zone");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("a window ends at or after its start: [" + from + ", " + to + ")");
        }
        if (from.isBefore(EARLIEST) || to.isAfter(LATEST)) {
            throw new IllegalArgumentException("a window lies in the years 1900 to 9999: [" + from + ", " + to + ")");
        }
    }

    /** {@code [from, to)} in China time. */
    public static TimeWindow of(Instant from, Instant to) {
        return new TimeWindow(from, to, CHINA);
    }

    /** From local {@code from} to local {@code to} in {@code zone}. */
    public static TimeWindow of(LocalDateTime from, LocalDateTime to, ZoneId zone) {
        return new TimeWindow(from.atZone(zone).toInstant(), to.atZone(zone).toInstant(), zone);
    }

    /** The whole days {@code first} to {@code last}, both included, in {@code zone}. */
    public static TimeWindow days(LocalDate first, LocalDate last, ZoneId zone) {
        return new TimeWindow(first.atStartOfDay(zone).toInstant(), last.plusDays(1).atStartOfDay(zone).toInstant(), zone);
    }

    /** The calendar year {@code year} in {@code zone}. */
    public static TimeWindow year(int year, ZoneId zone) {
        return days(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), zone);
    }

    public Duration length() {
        return Duration.between(from, to);
    }

    public boolean isEmpty() {
        return from.equals(to);
    }

    /** Whether {@code instant} lies in the window. */
    public boolean contains(Instant instant) {
        return !instant.isBefore(from) && instant.isBefore(to);
    }

    /** The part of this window inside {@code other} (empty, at the nearer edge, when they do not meet). */
    public TimeWindow intersection(TimeWindow other) {
        Instant start = from.isAfter(other.from) ? from : other.from;
        Instant end = to.isBefore(other.to) ? to : other.to;
        return new TimeWindow(start, end.isBefore(start) ? start : end, zone);
    }

    @Override
    public String toString() {
        return "[" + from.atZone(zone).toLocalDateTime() + ", " + to.atZone(zone).toLocalDateTime() + ") " + zone;
    }
}
