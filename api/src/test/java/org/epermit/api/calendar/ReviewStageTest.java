package org.epermit.api.calendar;

import org.epermit.api.application.ApplicationStatus;
import org.epermit.api.application.ApplicationType;
import org.epermit.api.application.ReviewStage;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where an application stands at the review desk, and its deadline, on the 2026 Spring Festival calendar of
 * WorkingDaysTest (春节 15 to 23 February off; Saturdays 14 and 28 February worked) with the default periods: 5 working
 * days to accept, 20 to decide a renewal, 30 / 45 for a KEY initial application without / with a site inspection.
 */
class ReviewStageTest {

    private static WorkingDays spring2026() {
        Map<LocalDate, DayKind> days = new HashMap<>();
        for (LocalDate d = LocalDate.of(2026, 2, 15); !d.isAfter(LocalDate.of(2026, 2, 23)); d = d.plusDays(1)) {
            days.put(d, DayKind.HOLIDAY);
        }
        days.put(LocalDate.of(2026, 2, 14), DayKind.MAKEUP_WORKDAY);
        days.put(LocalDate.of(2026, 2, 28), DayKind.MAKEUP_WORKDAY);
        return new WorkingDays(Set.of(2026), days);
    }

    /** The defaults of {@link ReviewDeadlineConfig}, counted in working days. */
    private static final ReviewDeadlineConfig DEFAULTS = new ReviewDeadlineConfig() {
        @Override public DayCount dayCount() { return DayCount.WORKING; }
        @Override public int initialSimplified() { return 20; }
        @Override public int initialKey() { return 30; }
        @Override public int initialKeyInspection() { return 45; }
        @Override public int renewal() { return 20; }
        @Override public int change() { return 20; }
        @Override public int cancellation() { return 20; }
        @Override public int reissue() { return 20; }
        @Override public int acceptance() { return 5; }
        @Override public int executionReport() { return 20; }
    };

    private static StatutoryDeadlines.Reckoning on(LocalDate today) {
        return new StatutoryDeadlines.Reckoning(spring2026(), DEFAULTS, today);
    }

    private static final LocalDate FRI_13_FEB = LocalDate.of(2026, 2, 13);

    @Test
    void a_renewal_filed_before_the_festival_awaits_acceptance_over_the_holiday_and_its_make_up_saturdays() {
        // filed Friday 13 February: acceptance days 1 Sat 14 (make-up), 2–5 Tue 24 – Fri 27 Feb
        ReviewStage stage = ReviewStage.of(on(LocalDate.of(2026, 2, 16)), ApplicationType.RENEWAL, "SIMPLIFIED", false,
                ApplicationStatus.SUBMITTED, FRI_13_FEB, null);
        assertThat(stage.stage()).isEqualTo(ReviewStage.Stage.ACCEPTANCE);
        assertThat(stage.deadline().deadline()).isEqualTo(LocalDate.of(2026, 2, 27));
        assertThat(stage.deadline().daysLeft()).as("the holiday's days do not count").isEqualTo(4);
        assertThat(stage.deadline().overdue()).isFalse();
        assertThat(stage.deemedAccepted()).isFalse();
        assertThat(stage.acceptedOn()).isEmpty();
    }

    @Test
    void with_no_notice_by_the_last_acceptance_day_it_counts_as_accepted_then_and_the_decision_period_runs_from_that_day() {
        // acceptance period ends Friday 27 February; the renewal's 20 working days from it: Sat 28 Feb (make-up),
        // 2–6, 9–13, 16–20 Mar (16 days), 23–26 Mar: Thursday 26 March
        ReviewStage stage = ReviewStage.of(on(LocalDate.of(2026, 3, 2)), ApplicationType.RENEWAL, "SIMPLIFIED", false,
                ApplicationStatus.SUBMITTED, FRI_13_FEB, null);
        assertThat(stage.stage()).isEqualTo(ReviewStage.Stage.DECISION);
        assertThat(stage.deemedAccepted()).isTrue();
        assertThat(stage.acceptedOn()).contains(LocalDate.of(2026, 2, 27));
        assertThat(stage.deadline().deadline()).isEqualTo(LocalDate.of(2026, 3, 26));
        assertThat(stage.deadline().provisional()).isFalse();
    }

    @Test
    void an_accepted_key_initial_application_has_30_working_days_or_45_with_a_site_inspection_and_is_overdue_the_day_after() {
        StatutoryDeadlines.Reckoning r = on(LocalDate.of(2026, 3, 2));
        LocalDate without = ReviewStage.of(r, ApplicationType.INITIAL, "KEY", false, ApplicationStatus.ACCEPTED, FRI_13_FEB, FRI_13_FEB)
                .deadline().deadline();
        LocalDate with = ReviewStage.of(r, ApplicationType.INITIAL, "KEY", true, ApplicationStatus.ACCEPTED, FRI_13_FEB, FRI_13_FEB)
                .deadline().deadline();
        assertThat(without).isEqualTo(spring2026().deadline(FRI_13_FEB, 30, DayCount.WORKING)).isEqualTo(LocalDate.of(2026, 4, 2));
        assertThat(with).isEqualTo(spring2026().deadline(FRI_13_FEB, 45, DayCount.WORKING));
        assertThat(ReviewStage.of(r, ApplicationType.REAPPLICATION, "SIMPLIFIED", false, ApplicationStatus.ACCEPTED, FRI_13_FEB, FRI_13_FEB)
                .deadline().deadline()).as("a reapplication is reviewed like an initial one").isEqualTo(LocalDate.of(2026, 3, 19));

        StatutoryDeadlines.Reckoned onTheDay = ReviewStage.of(on(LocalDate.of(2026, 4, 2)), ApplicationType.INITIAL, "KEY", false,
                ApplicationStatus.ACCEPTED, FRI_13_FEB, FRI_13_FEB).deadline();
        assertThat(onTheDay.overdue()).as("the deadline day itself is in time").isFalse();
        assertThat(onTheDay.daysLeft()).isZero();
        StatutoryDeadlines.Reckoned after = ReviewStage.of(on(LocalDate.of(2026, 4, 3)), ApplicationType.INITIAL, "KEY", false,
                ApplicationStatus.ACCEPTED, FRI_13_FEB, FRI_13_FEB).deadline();
        assertThat(after.overdue()).isTrue();
        assertThat(after.daysLeft()).isEqualTo(-1);
    }

    @Test
    void a_count_into_a_year_the_calendar_does_not_cover_is_made_with_its_weekdays_and_flagged_provisional() {
        // accepted Monday 21 December 2026; 2027 is not in the calendar: 22–25, 28–31 Dec (8 working days of 2026),
        // then 2027's weekdays, 1 January included: 1, 4–8, 11–15, 18 January -> Monday 18 January 2027
        LocalDate accepted = LocalDate.of(2026, 12, 21);
        StatutoryDeadlines.Reckoned renewal = ReviewStage.of(on(LocalDate.of(2026, 12, 22)), ApplicationType.RENEWAL, "KEY", false,
                ApplicationStatus.ACCEPTED, accepted, accepted).deadline();
        assertThat(renewal.provisional()).isTrue();
        assertThat(renewal.deadline()).isEqualTo(LocalDate.of(2027, 1, 18));
        assertThat(renewal.daysLeft()).isEqualTo(19);
        StatutoryDeadlines.Reckoned inTheYear = ReviewStage.of(on(LocalDate.of(2026, 2, 16)), ApplicationType.RENEWAL, "KEY", false,
                ApplicationStatus.ACCEPTED, FRI_13_FEB, FRI_13_FEB).deadline();
        assertThat(inTheYear.provisional()).as("a count within the covered year is exact").isFalse();
    }
}
