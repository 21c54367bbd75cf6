package org.epermit.api.calendar;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;

/**
 * The statutory decision deadline of a review case and the days left to it, counted as configured
 * ({@link ReviewDeadlineConfig}: working days of the {@link WorkingCalendar}, or calendar days). What the review
 * desk's queue shows as "deadline", "days left" and "overdue".
 */
@ApplicationScoped
public class StatutoryDeadlines {

    private final ReviewDeadlineConfig config;
    private final WorkingCalendar calendar;
    private final Clock clock;

    public StatutoryDeadlines(ReviewDeadlineConfig config, WorkingCalendar calendar, Clock clock) {
        this.config = config;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** How periods are counted. */
    public DayCount dayCount() {
        return config.dayCount();
    }

    /** The deadline of {@code reviewCase} for an application accepted on {@code acceptedOn} (that day not counted). */
    public Uni<LocalDate> deadline(ReviewCase reviewCase, LocalDate acceptedOn) {
        return calendar.load().map(days -> days.deadline(acceptedOn, config.period(reviewCase), config.dayCount()));
    }

    /** The days left from today (the service's clock) to {@code deadline}; negative once it has passed. */
    public Uni<Long> daysLeft(LocalDate deadline) {
        LocalDate today = LocalDate.now(clock);
        return calendar.load().map(days -> days.daysLeft(today, deadline, config.dayCount()));
    }
}
