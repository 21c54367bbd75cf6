package org.epermit.api.permit.reporting;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The days a unit held the permit: from {@code first} to {@code last}, both included, or on without end. A renewal
 * continues the holding (the permit number stays); cancellation, revocation or annulment ends it.
 *
 * @param first the first day held (the first issue)
 * @param last  the last day held, empty while it is still held
 */
public record Holding(LocalDate first, Optional<LocalDate> last) {

    public Holding {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        if (last.isPresent() && last.get().isBefore(first)) {
            throw new IllegalArgumentException("a holding ends on or after its first day: " + first + " to " + last.get());
        }
    }

    public static Holding from(LocalDate first) {
        return new Holding(first, Optional.empty());
    }

    public static Holding between(LocalDate first, LocalDate last) {
        return new Holding(first, Optional.of(last));
    }

    /** The days of {@code period} the permit was held, if any. */
    Optional<DateSpan> within(ReportPeriod period) {
        LocalDate from = first.isAfter(period.first()) ? first : period.first();
        LocalDate to = last.filter(l -> l.isBefore(period.last())).orElse(period.last());
        return to.isBefore(from) ? Optional.empty() : Optional.of(new DateSpan(from, to));
    }
}
