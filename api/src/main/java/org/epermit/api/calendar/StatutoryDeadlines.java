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

    /**
     * The calendar read once, with today and the configured count: a listing reckons all its rows with one read.
     * Its methods throw {@code CALENDAR_YEAR_NOT_COVERED} when a count runs into a year the calendar lacks.
     */
    public Uni<Reckoning> reckoning() {
        LocalDate today = LocalDate.now(clock);
        return calendar.load().map(days -> new Reckoning(days, config, today));
    }

    /** The deadline of {@code reviewCase} for an application accepted on {@code acceptedOn} (that day not counted). */
    public Uni<LocalDate> deadline(ReviewCase reviewCase, LocalDate acceptedOn) {
        return reckoning().map(r -> r.deadline(reviewCase, acceptedOn));
    }

    /**
     * A deadline as reckoned on a day: the days left to it (negative once overdue) and whether it was counted
     * provisionally, over a year the calendar does not cover yet.
     */
    public record Reckoned(LocalDate deadline, long daysLeft, boolean overdue, boolean provisional) {
    }

    /** Statutory deadlines reckoned on one calendar, on one day. */
    public static final class Reckoning {

        private final WorkingDays days;
        private final ReviewDeadlineConfig config;
        private final LocalDate today;

        Reckoning(WorkingDays days, ReviewDeadlineConfig config, LocalDate today) {
            this.days = days;
            this.config = config;
            this.today = today;
        }

        public LocalDate today() {
            return today;
        }

        public DayCount dayCount() {
            return config.dayCount();
        }

        /** The deadline of {@code reviewCase} for an application accepted on {@code acceptedOn}. */
        public LocalDate deadline(ReviewCase reviewCase, LocalDate acceptedOn) {
            return days.deadline(acceptedOn, config.period(reviewCase), config.dayCount());
        }

        /** Days left from today to {@code deadline} ({@link WorkingDays#daysLeft}); negative once overdue. */
        public long daysLeft(LocalDate deadline) {
            return days.daysLeft(today, deadline, config.dayCount());
        }

        /**
         * The deadline of {@code reviewCase} from {@code start}, reckoned on today: when the count runs into a year the
         * calendar does not cover, it is counted with that year's weekdays and flagged provisional, so that a listing
         * shows every row rather than failing on one.
         */
        public Reckoned reckon(ReviewCase reviewCase, LocalDate start) {
            int period = config.period(reviewCase);
            try {
                LocalDate deadline = days.deadline(start, period, config.dayCount());
                return new Reckoned(deadline, days.daysLeft(today, deadline, config.dayCount()), overdue(deadline), false);
            } catch (org.epermit.api.problem.ApiException notCovered) {
                if (notCovered.code() != org.epermit.api.problem.ErrorCode.CALENDAR_YEAR_NOT_COVERED) {
                    throw notCovered;
                }
                WorkingDays provisional = days.provisional();
                LocalDate deadline = provisional.deadline(start, period, config.dayCount());
                return new Reckoned(deadline, provisional.daysLeft(today, deadline, config.dayCount()), overdue(deadline), true);
            }
        }

        /** Whether {@code deadline} has passed today. */
        public boolean overdue(LocalDate deadline) {
            return WorkingDays.overdue(today, deadline);
        }
    }
}
