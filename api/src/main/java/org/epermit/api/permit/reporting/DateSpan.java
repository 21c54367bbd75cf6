package org.epermit.api.permit.reporting;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Whole days from {@code first} to {@code last}, both included: what a report covers.
 *
 * @param first the first day
 * @param last  the last day, not before {@code first}
 */
public record DateSpan(LocalDate first, LocalDate last) {

    public DateSpan {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("a span ends on or after its first day: " + first + " to " + last);
        }
    }

    public long days() {
        return ChronoUnit.DAYS.between(first, last) + 1;
    }

    /** The span from the earlier first day to the later last day. */
    DateSpan span(DateSpan other) {
        return new DateSpan(first.isBefore(other.first) ? first : other.first, last.isAfter(other.last) ? last : other.last);
    }

    @Override
    public String toString() {
        return first + ".." + last;
    }
}
