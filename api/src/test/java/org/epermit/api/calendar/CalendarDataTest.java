package org.epermit.api.calendar;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The calendar V19 loads, and statutory deadlines as configured (the defaults) counted in it. */
@QuarkusTest
class CalendarDataTest {

    @Inject
    WorkingCalendar calendar;

    @Inject
    StatutoryDeadlines deadlines;

    @Inject
    ReviewDeadlineConfig config;

    private WorkingDays days() {
        return calendar.load().await().indefinitely();
    }

    @Test
    void the_years_of_the_demo_data_are_covered() {
        WorkingDays days = days();
        assertThat(IntStream.rangeClosed(2019, 2026)).allMatch(days::covers);
        assertThat(days.covers(2018)).isFalse();
    }

    @Test
    void the_statutory_periods_default_to_the_regulation_counted_in_working_days() {
        assertThat(config.dayCount()).isEqualTo(DayCount.WORKING);
        assertThat(config.period(ReviewCase.INITIAL_SIMPLIFIED)).isEqualTo(20);
        assertThat(config.period(ReviewCase.INITIAL_KEY)).isEqualTo(30);
        assertThat(config.period(ReviewCase.INITIAL_KEY_INSPECTION)).isEqualTo(45);
        assertThat(config.period(ReviewCase.RENEWAL)).isEqualTo(20);
    }

    @Test
    void a_simplified_application_accepted_just_before_the_2025_spring_festival() {
        // 2025 notice: 春节 Tue 28 Jan – Tue 4 Feb off, Sun 26 Jan and Sat 8 Feb worked. Accepted Friday 24 January:
        //   1 Sun 26 Jan (make-up); 2 Mon 27 Jan; 28 Jan – 4 Feb none; 3–5 Wed 5 – Fri 7 Feb; 6 Sat 8 Feb (make-up);
        //   7–11 Mon 10 – Fri 14 Feb; 12–16 Mon 17 – Fri 21 Feb; 17–20 Mon 24 – Thu 27 Feb.
        assertThat(deadlines.deadline(ReviewCase.INITIAL_SIMPLIFIED, LocalDate.of(2025, 1, 24)).await().indefinitely())
                .isEqualTo(LocalDate.of(2025, 2, 27));
    }

    @Test
    void a_renewal_accepted_just_before_the_2026_spring_festival() {
        // as WorkingDaysTest counts it by hand: Friday 13 February 2026 + 20 working days
        assertThat(deadlines.deadline(ReviewCase.RENEWAL, LocalDate.of(2026, 2, 13)).await().indefinitely())
                .isEqualTo(LocalDate.of(2026, 3, 19));
    }

    @Test
    void a_key_application_accepted_before_the_national_day_golden_week() {
        // 2025 notice: 国庆节、中秋节 Wed 1 – Wed 8 Oct off, Sun 28 Sep and Sat 11 Oct worked. Accepted Friday 26 September:
        //   1 Sun 28 Sep; 2 Mon 29; 3 Tue 30; 1–8 Oct none; 4 Thu 9 Oct; 5 Fri 10; 6 Sat 11 Oct (make-up);
        //   7–11 13–17 Oct; 12–16 20–24 Oct; 17–21 27–31 Oct; 22–26 3–7 Nov; 27–30 Mon 10 – Thu 13 Nov.
        assertThat(deadlines.deadline(ReviewCase.INITIAL_KEY, LocalDate.of(2025, 9, 26)).await().indefinitely())
                .isEqualTo(LocalDate.of(2025, 11, 13));
    }

    @Test
    void one_reckoning_counts_a_listing_on_one_read_of_the_calendar() {
        StatutoryDeadlines.Reckoning r = deadlines.reckoning().await().indefinitely();
        assertThat(r.dayCount()).isEqualTo(DayCount.WORKING);
        LocalDate deadline = r.deadline(ReviewCase.INITIAL_KEY_INSPECTION, LocalDate.of(2026, 2, 13));
        // 45 working days after Friday 13 February 2026: the 20th is Thursday 19 March (WorkingDaysTest); then
        // 21 Fri 20 Mar; 22–26 23–27 Mar; 27–31 30 Mar – 3 Apr; 4–6 Apr 清明节 (Mon 6 Apr off); 32–35 Tue 7 – Fri 10 Apr;
        // 36–40 13–17 Apr; 41–45 20–24 Apr: Friday 24 April 2026.
        assertThat(deadline).isEqualTo(LocalDate.of(2026, 4, 24));
        assertThat(r.overdue(deadline)).isEqualTo(r.today().isAfter(deadline));
    }

    @Test
    void the_loaded_arrangements_are_those_the_notices_published() {
        WorkingDays days = days();
        // 2020: 春节 extended to Sunday 2 February, so Saturday 1 February, first a make-up day, was a holiday
        assertThat(days.isWorkingDay(LocalDate.of(2020, 1, 19))).isTrue();
        assertThat(days.isWorkingDay(LocalDate.of(2020, 2, 1))).isFalse();
        assertThat(days.isWorkingDay(LocalDate.of(2020, 2, 3))).isTrue();
        // 2019: 劳动节 1–4 May, with Sunday 28 April and Sunday 5 May worked (as adjusted in March 2019)
        assertThat(days.isWorkingDay(LocalDate.of(2019, 5, 5))).isTrue();
        // 2023's 元旦 began on Saturday 31 December 2022; 2024's 春节 did not include 除夕 (Friday 9 February)
        assertThat(days.isWorkingDay(LocalDate.of(2024, 2, 9))).isTrue();
        assertThat(days.isWorkingDay(LocalDate.of(2024, 2, 18))).as("Sunday, 调休上班").isTrue();
        // 2026: 元旦 Thursday 1 – Saturday 3 January, Sunday 4 January worked
        assertThat(days.isWorkingDay(LocalDate.of(2026, 1, 2))).isFalse();
        assertThat(days.isWorkingDay(LocalDate.of(2026, 1, 4))).isTrue();
    }
}
