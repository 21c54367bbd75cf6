package org.epermit.api.permit.monitoring;

import org.epermit.api.permit.FrequencyUnit;
import org.epermit.api.problem.FieldError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.epermit.api.permit.monitoring.TimeWindow.CHINA;

/** The notation permits write, and how many sampling events a window requires of it. */
class MonitoringFrequencyTest {

    private static final ZoneId UTC = ZoneOffset.UTC;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "1次/2小时, 1, 2, HOUR",
            "4次/日,    4, 1, DAY",
            "1次/周,    1, 1, WEEK",
            "1次/月,    1, 1, MONTH",
            "1次/季度,  1, 1, QUARTER",
            "1次/半年,  1, 1, HALF_YEAR",
            "1次/年,    1, 1, YEAR",
            "1次/2日,   1, 2, DAY",
            "2次/2周,   2, 2, WEEK",
            "1次/24小时, 1, 24, HOUR"})
    void reads_and_writes_the_notation_permits_use(String notation, int count, int every, FrequencyUnit unit) {
        MonitoringFrequency f = MonitoringFrequency.parse(notation);

        assertThat(f).isEqualTo(new MonitoringFrequency(count, every, unit));
        assertThat(f.format()).isEqualTo(notation);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
            "2次/天          | 2次/日",
            "1次/1日         | 1次/日",
            "1次/3个月       | 1次/3月",
            "1次／季         | 1次/季度",
            "' 1 次 / 2 小时 ' | 1次/2小时",
            "1次/个季度      | 1次/季度",
            "1次/星期        | 1次/周",
            "01次/02小时     | 1次/2小时"})
    void also_reads_the_variants_permits_write_and_writes_them_one_way(String variant, String canonical) {
        assertThat(MonitoringFrequency.parse(variant).format()).isEqualTo(canonical);
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"", "   ", "4次日", "4/日", "每日4次", "1次/旬", "0次/日", "1次/0日", "1次/48小时", "1次/32日",
            "1次/13月", "1次/5季度", "1次/3半年", "40000次/日", "１次/日", "1次/日/2", "1.5次/日", "-1次/日", "1次/2周/日"})
    void refuses_what_is_not_a_frequency_with_a_reason_a_caller_can_act_on(String notation) {
        assertThatThrownBy(() -> MonitoringFrequency.parse(notation))
                .isInstanceOfSatisfying(FrequencyNotationException.class, e -> {
                    assertThat(e.notation()).isEqualTo(notation);
                    FieldError error = e.fieldError("body.outlets[0].pollutants[1].frequency");
                    assertThat(error.path()).isEqualTo("body.outlets[0].pollutants[1].frequency");
                    assertThat(error.code()).isEqualTo(FrequencyNotationException.REASON);
                    assertThat(error.message().en()).startsWith("'" + notation + "' ").doesNotContain("null");
                    assertThat(error.message().zh()).startsWith("'" + notation + "' ");
                });
    }

    @Test
    void says_what_is_wrong() {
        assertThat(problem("1次/旬")).contains("unknown period '旬'").contains("小时, 日, 周, 月, 季度, 半年, 年");
        assertThat(problem("1次/48小时")).contains("1 to 24 小时").contains("1次/2日");
        assertThat(problem("0次/日")).contains("at least one time per period");
        assertThat(problem("4次日")).contains("not a count per period");
        assertThat(problem(null)).contains("empty");
        assertThatThrownBy(() -> new MonitoringFrequency(1, 13, FrequencyUnit.MONTH))
                .isInstanceOf(FrequencyNotationException.class).hasMessageContaining("1 to 12 月");
    }

    private static String problem(String notation) {
        try {
            MonitoringFrequency.parse(notation);
            throw new AssertionError(notation + " was read");
        } catch (FrequencyNotationException e) {
            return e.problem().en();
        }
    }

    @ParameterizedTest(name = "{0} from {1} to {2}: {3}")
    @CsvSource({
            // hours restart at midnight, as cron's */n does: the last period of a day may be shorter
            "1次/2小时, 2026-03-10T00:00, 2026-03-11T00:00, 12",
            "1次/5小时, 2026-03-10T00:00, 2026-03-11T00:00, 5",
            "1次/24小时, 2026-03-10T00:00, 2026-03-11T00:00, 1",
            "3次/小时, 2026-03-10T08:00, 2026-03-10T10:00, 6",
            // a period is due in the window in which it starts
            "1次/2小时, 2026-03-10T01:00, 2026-03-10T03:00, 1",
            "1次/2小时, 2026-03-10T00:00, 2026-03-10T01:00, 1",
            "1次/2小时, 2026-03-10T00:30, 2026-03-10T02:00, 0",
            "1次/2小时, 2026-03-10T00:30, 2026-03-10T02:00:01, 1",
            "4次/日, 2026-01-01T00:00, 2026-02-01T00:00, 124",
            "4次/日, 2026-01-01T00:00:01, 2026-01-02T00:00, 0",
            // days restart on the 1st of each month: the 31st starts a period of its own
            "1次/2日, 2026-01-01T00:00, 2026-02-01T00:00, 16",
            "1次/2日, 2026-02-01T00:00, 2026-03-01T00:00, 14",
            "1次/2日, 2026-01-30T00:00, 2026-02-03T00:00, 2",
            // weeks start on Monday; 2026 has 52 Mondays, its ISO week-based year 53 weeks (week 1 from 2025-12-29)
            "1次/周, 2026-01-01T00:00, 2027-01-01T00:00, 52",
            "1次/2周, 2026-01-01T00:00, 2027-01-01T00:00, 26",
            "1次/2周, 2025-12-29T00:00, 2027-01-04T00:00, 27",
            "1次/月, 2026-01-01T00:00, 2027-01-01T00:00, 12",
            "1次/月, 2026-01-15T00:00, 2026-02-15T00:00, 1",
            "1次/2月, 2026-01-01T00:00, 2027-01-01T00:00, 6",
            "1次/5月, 2026-01-01T00:00, 2027-01-01T00:00, 3",
            "1次/季度, 2026-01-01T00:00, 2027-01-01T00:00, 4",
            "1次/季度, 2026-02-01T00:00, 2026-05-01T00:00, 1",
            "2次/季度, 2026-04-01T00:00, 2026-07-01T00:00, 2",
            "1次/半年, 2026-01-01T00:00, 2027-01-01T00:00, 2",
            "1次/年, 2026-01-01T00:00, 2027-01-01T00:00, 1",
            "1次/年, 2026-01-01T00:00:01, 2027-01-01T00:00, 0",
            // years are counted from year 0: 1次/2年 starts in even years
            "1次/2年, 2025-01-01T00:00, 2026-01-01T00:00, 0",
            "1次/2年, 2026-01-01T00:00, 2027-01-01T00:00, 1",
            "1次/2年, 2020-01-01T00:00, 2030-01-01T00:00, 5"})
    void a_window_requires_count_events_for_each_period_that_starts_in_it(String notation, LocalDateTime from,
                                                                            LocalDateTime to, long events) {
        assertThat(MonitoringFrequency.parse(notation).requiredEvents(TimeWindow.of(from, to, CHINA))).isEqualTo(events);
    }

    @Test
    void periods_follow_the_calendar_of_the_window_s_zone() {
        MonitoringFrequency monthly = MonitoringFrequency.parse("1次/月");
        // 1 February starts at 16:00 UTC on 31 January in China, at midnight in UTC
        Instant from = Instant.parse("2026-01-31T12:00:00Z");
        Instant to = Instant.parse("2026-01-31T20:00:00Z");

        assertThat(monthly.requiredEvents(new TimeWindow(from, to, CHINA))).isEqualTo(1);
        assertThat(monthly.requiredEvents(new TimeWindow(from, to, UTC))).isZero();
        assertThat(monthly.requiredEvents(TimeWindow.of(from, to))).as("China by default").isEqualTo(1);
    }

    @Test
    void lists_the_periods_that_start_in_a_window_each_to_the_next_start() {
        List<TimeWindow> periods = MonitoringFrequency.parse("1次/5小时")
                .periods(TimeWindow.days(LocalDate.of(2026, 3, 10), LocalDate.of(2026, 3, 10), CHINA));

        assertThat(periods).extracting(p -> p.from().atZone(CHINA).getHour()).containsExactly(0, 5, 10, 15, 20);
        assertThat(periods).extracting(TimeWindow::length).containsExactly(Duration.ofHours(5), Duration.ofHours(5),
                Duration.ofHours(5), Duration.ofHours(5), Duration.ofHours(4));
        assertThat(periods.get(4).to()).isEqualTo(LocalDate.of(2026, 3, 11).atStartOfDay(CHINA).toInstant());
    }

    @Test
    void the_period_at_an_instant_is_the_one_that_holds_it() {
        MonitoringFrequency quarterly = MonitoringFrequency.parse("1次/季度");
        Instant may = LocalDateTime.of(2026, 5, 20, 9, 30).atZone(CHINA).toInstant();
        Instant april = LocalDate.of(2026, 4, 1).atStartOfDay(CHINA).toInstant();

        assertThat(quarterly.periodAt(may, CHINA)).isEqualTo(TimeWindow.days(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 6, 30), CHINA));
        assertThat(quarterly.periodAt(april, CHINA).from()).isEqualTo(april);
    }

    @Test
    void in_a_zone_with_daylight_saving_time_the_hours_are_the_local_clock_s() {
        ZoneId newYork = ZoneId.of("America/New_York");
        MonitoringFrequency hourly = MonitoringFrequency.parse("1次/小时");
        // 2026-03-08: clocks go from 02:00 to 03:00, a day of 23 hours; the skipped hour is a period of no length
        TimeWindow springForward = TimeWindow.days(LocalDate.of(2026, 3, 8), LocalDate.of(2026, 3, 8), newYork);
        assertThat(springForward.length()).isEqualTo(Duration.ofHours(23));
        assertThat(hourly.requiredEvents(springForward)).isEqualTo(24);
        // 2026-11-01: 01:00 comes twice, a day of 25 hours; the first 01:00 starts a period of two hours
        TimeWindow fallBack = TimeWindow.days(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 1), newYork);
        assertThat(hourly.requiredEvents(fallBack)).isEqualTo(24);
        assertThat(MonitoringFrequency.parse("4次/日").requiredEvents(fallBack)).isEqualTo(4);
    }

    @Test
    void counts_over_the_longest_windows_quickly() {
        TimeWindow all = new TimeWindow(LocalDate.of(1900, 1, 1).atStartOfDay(CHINA).toInstant(),
                LocalDate.of(9999, 12, 31).atStartOfDay(CHINA).toInstant(), CHINA);
        long started = System.nanoTime();

        assertThat(MonitoringFrequency.parse("1次/小时").requiredEvents(all))
                .isEqualTo(24 * (LocalDate.of(9999, 12, 31).toEpochDay() - LocalDate.of(1900, 1, 1).toEpochDay()));
        assertThat(MonitoringFrequency.parse("1次/2日").requiredEvents(all)).isPositive();
        assertThat(MonitoringFrequency.parse("1次/周").requiredEvents(all)).isPositive();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertThatThrownBy(() -> MonitoringFrequency.parse("1次/小时").periods(all))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 100,000");
    }

    @Test
    void a_window_lies_in_the_years_the_api_accepts_and_ends_after_it_starts() {
        Instant now = Instant.parse("2026-11-28T04:00:00Z");
        assertThatThrownBy(() -> TimeWindow.of(now, now.minusSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TimeWindow.of(Instant.parse("1800-01-01T00:00:00Z"), now)).isInstanceOf(IllegalArgumentException.class);
        assertThat(TimeWindow.of(now, now).isEmpty()).isTrue();
        assertThat(MonitoringFrequency.parse("1次/小时").requiredEvents(TimeWindow.of(now, now))).isZero();
    }
}
