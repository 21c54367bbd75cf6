package org.epermit.api.calendar;

import org.epermit.api.problem.ApiException;
import org.epermit.api.problem.ErrorCode;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The working-day rules on a calendar written here from the State Council's 2026 notice (国务院办公厅关于2026年部分节假日
 * 安排的通知): 春节 15 to 23 February off, Saturdays 14 and 28 February worked. CalendarDataTest counts the same
 * deadlines in the calendar the migration loads.
 */
class WorkingDaysTest {

    private static final LocalDate FRI_13_FEB_2026 = LocalDate.of(2026, 2, 13);

    private static WorkingDays spring2026() {
        Map<LocalDate, DayKind> days = new HashMap<>();
        for (LocalDate d = LocalDate.of(2026, 2, 15); !d.isAfter(LocalDate.of(2026, 2, 23)); d = d.plusDays(1)) {
            days.put(d, DayKind.HOLIDAY);
        }
        days.put(LocalDate.of(2026, 2, 14), DayKind.MAKEUP_WORKDAY);
        days.put(LocalDate.of(2026, 2, 28), DayKind.MAKEUP_WORKDAY);
        return new WorkingDays(Set.of(2026), days);
    }

    @Test
    void a_weekday_works_unless_a_holiday_and_a_weekend_day_only_as_a_make_up_working_day() {
        WorkingDays days = spring2026();
        assertThat(days.isWorkingDay(LocalDate.of(2026, 2, 12))).as("an ordinary Thursday").isTrue();
        assertThat(days.isWorkingDay(LocalDate.of(2026, 2, 17))).as("Tuesday, 春节 (初一)").isFalse();
        assertThat(days.isWorkingDay(LocalDate.of(2026, 2, 14))).as("Saturday, 调休上班").isTrue();
        assertThat(days.isWorkingDay(LocalDate.of(2026, 3, 7))).as("an ordinary Saturday").isFalse();
    }

    @Test
    void twenty_working_days_from_an_acceptance_just_before_the_spring_festival() {
        // Accepted Friday 13 February 2026 (not counted). Working days after it:
        //   1 Sat 14 Feb (make-up); 15–23 Feb 春节, none;
        //   2–5 Tue 24 – Fri 27 Feb; 6 Sat 28 Feb (make-up);
        //   7–11 Mon 2 – Fri 6 Mar; 12–16 Mon 9 – Fri 13 Mar; 17–20 Mon 16 – Thu 19 Mar.
        // Without the calendar it would be Friday 13 March: six weekdays lost to the holiday, two Saturdays gained.
        assertThat(spring2026().deadline(FRI_13_FEB_2026, 20, DayCount.WORKING)).isEqualTo(LocalDate.of(2026, 3, 19));
    }

    @Test
    void the_first_working_day_after_acceptance_is_day_one() {
        WorkingDays days = spring2026();
        assertThat(days.deadline(FRI_13_FEB_2026, 1, DayCount.WORKING)).as("the make-up Saturday")
                .isEqualTo(LocalDate.of(2026, 2, 14));
        assertThat(days.deadline(LocalDate.of(2026, 2, 14), 1, DayCount.WORKING)).as("over the whole holiday")
                .isEqualTo(LocalDate.of(2026, 2, 24));
    }

    @Test
    void in_calendar_days_every_day_counts_and_no_calendar_is_needed() {
        WorkingDays days = spring2026();
        assertThat(days.deadline(FRI_13_FEB_2026, 20, DayCount.CALENDAR)).isEqualTo(LocalDate.of(2026, 3, 5));
        assertThat(days.deadline(LocalDate.of(2026, 12, 20), 20, DayCount.CALENDAR)).as("into a year not covered")
                .isEqualTo(LocalDate.of(2027, 1, 9));
        assertThat(days.daysLeft(LocalDate.of(2026, 3, 23), LocalDate.of(2026, 3, 19), DayCount.CALENDAR)).isEqualTo(-4);
    }

    @Test
    void days_left_count_the_working_days_to_the_deadline_and_below_zero_once_it_passed() {
        WorkingDays days = spring2026();
        LocalDate deadline = LocalDate.of(2026, 3, 19);
        assertThat(days.daysLeft(FRI_13_FEB_2026, deadline, DayCount.WORKING)).isEqualTo(20);
        assertThat(days.daysLeft(LocalDate.of(2026, 2, 16), deadline, DayCount.WORKING)).as("during the holiday").isEqualTo(19);
        assertThat(days.daysLeft(deadline, deadline, DayCount.WORKING)).isZero();
        // Friday 20 and Monday 23 March are the two working days since Thursday 19 March
        assertThat(days.daysLeft(LocalDate.of(2026, 3, 23), deadline, DayCount.WORKING)).isEqualTo(-2);
        assertThat(WorkingDays.overdue(deadline, deadline)).as("the deadline day is still in time").isFalse();
    }

    @Test
    void the_weekend_after_a_friday_deadline_is_one_day_overdue_not_on_time() {
        WorkingDays days = spring2026();
        LocalDate friday = LocalDate.of(2026, 3, 20);
        LocalDate sunday = LocalDate.of(2026, 3, 22);
        assertThat(WorkingDays.overdue(sunday, friday)).isTrue();
        assertThat(days.daysLeft(sunday, friday, DayCount.WORKING)).isEqualTo(-1);
        assertThat(days.daysLeft(LocalDate.of(2026, 3, 23), friday, DayCount.WORKING)).as("Monday").isEqualTo(-1);
        assertThat(days.daysLeft(LocalDate.of(2026, 3, 24), friday, DayCount.WORKING)).as("Tuesday").isEqualTo(-2);
    }

    @Test
    void counting_into_a_year_the_calendar_does_not_cover_is_an_error_not_a_guess() {
        // Thursday 10 December 2026: 15 working days to 31 December, the 16th would be in 2027
        assertThatThrownBy(() -> spring2026().deadline(LocalDate.of(2026, 12, 10), 20, DayCount.WORKING))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CALENDAR_YEAR_NOT_COVERED);
                    assertThat(e.detail().en()).contains("2027").contains("PUT /v1/admin/calendar/2027");
                });
        assertThat(spring2026().deadline(LocalDate.of(2026, 12, 10), 15, DayCount.WORKING)).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThatThrownBy(() -> spring2026().isWorkingDay(LocalDate.of(2025, 6, 3)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CALENDAR_YEAR_NOT_COVERED));
    }
}
