package org.epermit.api.permit.reporting;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.epermit.api.permit.reporting.ReportType.ANNUAL;
import static org.epermit.api.permit.reporting.ReportType.MONTHLY;
import static org.epermit.api.permit.reporting.ReportType.QUARTERLY;
import static org.epermit.api.permit.reporting.ReportType.SEMIANNUAL;

/** The reports a permit owes for a year, and when (HJ 944-2018): each rule, one example at least. */
class ReportScheduleTest {

    static final Map<ReportType, ReportObligation> NATIONAL = new EnumMap<>(Map.of(
            ANNUAL, new ReportObligation(ANNUAL, 1, 15), SEMIANNUAL, new ReportObligation(SEMIANNUAL, 1, 15),
            QUARTERLY, new ReportObligation(QUARTERLY, 1, 15), MONTHLY, new ReportObligation(MONTHLY, 1, 15)));
    /** The extensions application.properties configures (ReportsConfigTest checks that they are these). */
    static final List<DeadlineExtension> EXTENSIONS = List.of(
            new DeadlineExtension(ReportPeriod.parse(ANNUAL, "2023"), List.of(), LocalDate.of(2024, 2, 29)),
            new DeadlineExtension(ReportPeriod.parse(ANNUAL, "2024"), List.of("4411"), LocalDate.of(2025, 1, 31)),
            new DeadlineExtension(ReportPeriod.parse(ANNUAL, "2024"), List.of(), LocalDate.of(2025, 2, 28)));
    static final ReportSchedule SCHEDULE = new ReportSchedule(NATIONAL, EXTENSIONS);

    static final String CEMENT = "3011";
    static final String THERMAL_POWER = "4411";

    static List<ReportObligation> national(ReportType... types) {
        return java.util.Arrays.stream(types).map(SCHEDULE::nationalDefault).toList();
    }

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    static List<String> names(List<OwedReport> reports) {
        return reports.stream().map(r -> r.period().toString()).toList();
    }

    static OwedReport only(List<OwedReport> reports, String period) {
        return reports.stream().filter(r -> r.period().toString().equals(period)).findFirst()
                .orElseThrow(() -> new AssertionError(period + " is not owed; owed: " + names(reports)));
    }

    @Nested
    class A_permit_held_all_year {

        final Holding allYear = Holding.from(d("2020-05-01"));

        @Test
        void owes_each_period_s_report_but_the_longest_stands_in_for_those_ending_the_same_day() {
            List<OwedReport> owed = SCHEDULE.owed(2026, national(ANNUAL, QUARTERLY, MONTHLY), allYear, CEMENT);

            assertThat(names(owed)).containsExactly(
                    "MONTHLY 2026-01", "MONTHLY 2026-02", "QUARTERLY 2026-Q1", "MONTHLY 2026-04", "MONTHLY 2026-05",
                    "QUARTERLY 2026-Q2", "MONTHLY 2026-07", "MONTHLY 2026-08", "QUARTERLY 2026-Q3", "MONTHLY 2026-10",
                    "MONTHLY 2026-11", "ANNUAL 2026");
            assertThat(only(owed, "QUARTERLY 2026-Q1").standsInFor()).containsExactly(ReportPeriod.parse(MONTHLY, "2026-03"));
            assertThat(only(owed, "ANNUAL 2026").standsInFor())
                    .containsExactly(ReportPeriod.parse(QUARTERLY, "2026-Q4"), ReportPeriod.parse(MONTHLY, "2026-12"));
            assertThat(only(owed, "ANNUAL 2026").covers()).isEqualTo(new DateSpan(d("2026-01-01"), d("2026-12-31")));
        }

        @Test
        void each_report_is_due_on_the_15th_of_the_month_after_its_period_by_default() {
            List<OwedReport> owed = SCHEDULE.owed(2026, national(ANNUAL, QUARTERLY, MONTHLY), allYear, CEMENT);

            assertThat(only(owed, "MONTHLY 2026-01").due()).isEqualTo(d("2026-02-15"));
            assertThat(only(owed, "QUARTERLY 2026-Q1").due()).isEqualTo(d("2026-04-15"));
            assertThat(only(owed, "QUARTERLY 2026-Q3").due()).isEqualTo(d("2026-10-15"));
            assertThat(only(owed, "ANNUAL 2026").due()).isEqualTo(d("2027-01-15"));
            assertThat(owed).extracting(OwedReport::due).isSorted();
        }

        @Test
        void in_an_older_permit_the_first_half_year_s_report_stands_in_for_june_and_the_second_quarter() {
            List<OwedReport> owed = SCHEDULE.owed(2026, national(ANNUAL, SEMIANNUAL, QUARTERLY, MONTHLY), allYear, CEMENT);

            assertThat(only(owed, "SEMIANNUAL 2026-H1").standsInFor())
                    .containsExactly(ReportPeriod.parse(QUARTERLY, "2026-Q2"), ReportPeriod.parse(MONTHLY, "2026-06"));
            assertThat(only(owed, "SEMIANNUAL 2026-H1").due()).isEqualTo(d("2026-07-15"));
            assertThat(only(owed, "ANNUAL 2026").standsInFor()).containsExactly(ReportPeriod.parse(SEMIANNUAL, "2026-H2"),
                    ReportPeriod.parse(QUARTERLY, "2026-Q4"), ReportPeriod.parse(MONTHLY, "2026-12"));
            assertThat(names(owed)).hasSize(12).doesNotContain("QUARTERLY 2026-Q2", "MONTHLY 2026-06", "SEMIANNUAL 2026-H2");
        }

        @Test
        void without_the_longer_obligation_nothing_stands_in() {
            List<OwedReport> owed = SCHEDULE.owed(2026, national(MONTHLY), allYear, CEMENT);

            assertThat(owed).hasSize(12).allSatisfy(r -> assertThat(r.standsInFor()).isEmpty());
        }

        @Test
        void a_registration_requires_no_report() {
            assertThat(SCHEDULE.owed(2026, List.of(), allYear, "4620")).isEmpty();
        }
    }

    @Nested
    class A_permit_held_too_briefly_in_a_period {

        @Test
        void owes_an_annual_report_from_three_months_held_on() {
            assertThat(names(SCHEDULE.owed(2026, national(ANNUAL), Holding.from(d("2026-10-01")), CEMENT))).containsExactly("ANNUAL 2026");
            assertThat(SCHEDULE.owed(2026, national(ANNUAL), Holding.from(d("2026-10-02")), CEMENT)).isEmpty();
        }

        @Test
        void folds_a_skipped_year_into_the_next_year_s_annual_report() {
            OwedReport next = only(SCHEDULE.owed(2027, national(ANNUAL), Holding.from(d("2026-10-02")), CEMENT), "ANNUAL 2027");

            assertThat(next.covers()).isEqualTo(new DateSpan(d("2026-10-02"), d("2027-12-31")));
            assertThat(next.foldedIn()).containsExactly(ReportPeriod.parse(ANNUAL, "2026"));
            assertThat(next.due()).isEqualTo(d("2028-01-15"));
        }

        @Test
        void owes_a_quarterly_report_from_one_month_held_on() {
            Holding fromFirstOfMarch = Holding.from(d("2026-03-01"));
            Holding fromTenthOfMarch = Holding.from(d("2026-03-10"));

            assertThat(names(SCHEDULE.owed(2026, national(QUARTERLY), fromFirstOfMarch, CEMENT))).startsWith("QUARTERLY 2026-Q1");
            List<OwedReport> owed = SCHEDULE.owed(2026, national(QUARTERLY), fromTenthOfMarch, CEMENT);
            assertThat(names(owed)).containsExactly("QUARTERLY 2026-Q2", "QUARTERLY 2026-Q3", "QUARTERLY 2026-Q4");
            assertThat(owed.get(0).covers()).isEqualTo(new DateSpan(d("2026-03-10"), d("2026-06-30")));
            assertThat(owed.get(0).foldedIn()).containsExactly(ReportPeriod.parse(QUARTERLY, "2026-Q1"));
        }

        @Test
        void owes_a_monthly_report_from_ten_days_held_on() {
            assertThat(names(SCHEDULE.owed(2026, national(MONTHLY), Holding.from(d("2026-05-22")), CEMENT))).startsWith("MONTHLY 2026-05");
            List<OwedReport> owed = SCHEDULE.owed(2026, national(MONTHLY), Holding.from(d("2026-05-23")), CEMENT);
            assertThat(names(owed)).startsWith("MONTHLY 2026-06");
            assertThat(owed.get(0).covers()).isEqualTo(new DateSpan(d("2026-05-23"), d("2026-06-30")));
        }

        @Test
        void a_skipped_first_half_year_ends_up_in_the_annual_report() {
            List<OwedReport> owed = SCHEDULE.owed(2026, national(ANNUAL, SEMIANNUAL), Holding.from(d("2026-04-15")), CEMENT);

            assertThat(names(owed)).containsExactly("ANNUAL 2026");
            assertThat(owed.get(0).covers()).isEqualTo(new DateSpan(d("2026-04-15"), d("2026-12-31")));
            assertThat(owed.get(0).foldedIn()).containsExactly(ReportPeriod.parse(SEMIANNUAL, "2026-H1"));
            assertThat(owed.get(0).standsInFor()).containsExactly(ReportPeriod.parse(SEMIANNUAL, "2026-H2"));
        }

        @Test
        void a_report_that_stands_in_for_one_with_a_fold_covers_the_fold_too() {
            // issued 25 November: no annual report (37 days), a fourth-quarter one (over a month), none for November (6
            // days), folded into December's, which the quarterly report stands in for
            List<OwedReport> owed = SCHEDULE.owed(2026, national(ANNUAL, QUARTERLY, MONTHLY), Holding.from(d("2026-11-25")), CEMENT);

            assertThat(names(owed)).containsExactly("QUARTERLY 2026-Q4");
            OwedReport q4 = owed.get(0);
            assertThat(q4.covers()).isEqualTo(new DateSpan(d("2026-11-25"), d("2026-12-31")));
            assertThat(q4.foldedIn()).containsExactly(ReportPeriod.parse(MONTHLY, "2026-11"));
            assertThat(q4.standsInFor()).containsExactly(ReportPeriod.parse(MONTHLY, "2026-12"));
            assertThat(q4.due()).isEqualTo(d("2027-01-15"));

            OwedReport annual2027 = only(SCHEDULE.owed(2027, national(ANNUAL, QUARTERLY, MONTHLY), Holding.from(d("2026-11-25")), CEMENT), "ANNUAL 2027");
            assertThat(annual2027.covers().first()).isEqualTo(d("2026-11-25"));
            assertThat(annual2027.foldedIn()).containsExactly(ReportPeriod.parse(ANNUAL, "2026"));
        }

        @Test
        void a_skipped_period_after_the_holding_ended_is_owed_nowhere() {
            // cancelled on 5 February: January's report, a first-quarter one (held 36 days), none for February (5 days)
            List<OwedReport> owed = SCHEDULE.owed(2026, national(ANNUAL, QUARTERLY, MONTHLY),
                    Holding.between(d("2019-06-01"), d("2026-02-05")), CEMENT);

            assertThat(names(owed)).containsExactly("MONTHLY 2026-01", "QUARTERLY 2026-Q1");
            assertThat(only(owed, "QUARTERLY 2026-Q1").covers()).isEqualTo(new DateSpan(d("2026-01-01"), d("2026-02-05")));
        }

        @Test
        void nothing_is_owed_for_a_year_the_permit_was_not_held() {
            assertThat(SCHEDULE.owed(2026, national(ANNUAL, QUARTERLY), Holding.between(d("2020-01-01"), d("2025-12-31")), CEMENT)).isEmpty();
            assertThat(SCHEDULE.owed(2026, national(ANNUAL, QUARTERLY), Holding.from(d("2027-01-01")), CEMENT)).isEmpty();
        }
    }

    @Nested
    class Deadlines {

        final Holding held = Holding.from(d("2015-01-01"));

        @Test
        void are_the_permit_s_with_the_day_clipped_to_the_month_s_length() {
            List<ReportObligation> endOfMonth = List.of(new ReportObligation(ANNUAL, 1, 31), new ReportObligation(QUARTERLY, 1, 31),
                    new ReportObligation(MONTHLY, 1, 31));

            List<OwedReport> owed2026 = SCHEDULE.owed(2026, endOfMonth, held, CEMENT);
            assertThat(only(owed2026, "MONTHLY 2026-01").due()).isEqualTo(d("2026-02-28"));
            assertThat(only(owed2026, "QUARTERLY 2026-Q1").due()).isEqualTo(d("2026-04-30"));
            assertThat(only(owed2026, "ANNUAL 2026").due()).isEqualTo(d("2027-01-31"));
            assertThat(only(SCHEDULE.owed(2028, endOfMonth, held, CEMENT), "MONTHLY 2028-01").due()).isEqualTo(d("2028-02-29"));
            assertThat(only(SCHEDULE.owed(2026, List.of(new ReportObligation(QUARTERLY, 2, 10)), held, CEMENT), "QUARTERLY 2026-Q2").due())
                    .isEqualTo(d("2026-08-10"));
        }

        @Test
        void the_ministry_extended_the_2023_annual_report_to_29_february_2024() {
            assertThat(only(SCHEDULE.owed(2023, national(ANNUAL), held, CEMENT), "ANNUAL 2023").due()).isEqualTo(d("2024-02-29"));
            assertThat(only(SCHEDULE.owed(2023, List.of(new ReportObligation(ANNUAL, 1, 31)), held, THERMAL_POWER), "ANNUAL 2023").due())
                    .isEqualTo(d("2024-02-29"));
        }

        @Test
        void and_the_2024_annual_report_to_31_january_for_thermal_power_and_28_february_for_the_rest() {
            assertThat(only(SCHEDULE.owed(2024, national(ANNUAL), held, THERMAL_POWER), "ANNUAL 2024").due()).isEqualTo(d("2025-01-31"));
            assertThat(only(SCHEDULE.owed(2024, national(ANNUAL), held, CEMENT), "ANNUAL 2024").due()).isEqualTo(d("2025-02-28"));
            assertThat(only(SCHEDULE.owed(2024, national(ANNUAL), held, "4412"), "ANNUAL 2024").due())
                    .as("4412 is not 4411").isEqualTo(d("2025-02-28"));
        }

        @Test
        void an_extension_never_shortens_what_the_permit_allows_and_touches_no_other_period() {
            ReportObligation endOfFebruary = new ReportObligation(ANNUAL, 2, 31);
            assertThat(SCHEDULE.due(endOfFebruary, ReportPeriod.parse(ANNUAL, "2024"), THERMAL_POWER)).isEqualTo(d("2025-02-28"));
            assertThat(only(SCHEDULE.owed(2025, national(ANNUAL), held, THERMAL_POWER), "ANNUAL 2025").due()).isEqualTo(d("2026-01-15"));
            assertThat(only(SCHEDULE.owed(2023, national(QUARTERLY), held, CEMENT), "QUARTERLY 2023-Q4").due()).isEqualTo(d("2024-01-15"));
        }

        @Test
        void the_longest_matching_industry_prefix_wins() {
            ReportSchedule schedule = new ReportSchedule(NATIONAL, List.of(
                    new DeadlineExtension(ReportPeriod.parse(QUARTERLY, "2026-Q1"), List.of("44"), d("2026-04-20")),
                    new DeadlineExtension(ReportPeriod.parse(QUARTERLY, "2026-Q1"), List.of("441", "2614"), d("2026-04-25")),
                    new DeadlineExtension(ReportPeriod.parse(QUARTERLY, "2026-Q1"), List.of(), d("2026-04-30"))));
            ReportPeriod q1 = ReportPeriod.parse(QUARTERLY, "2026-Q1");
            ReportObligation quarterly = schedule.nationalDefault(QUARTERLY);

            assertThat(schedule.due(quarterly, q1, "4411")).isEqualTo(d("2026-04-25"));
            assertThat(schedule.due(quarterly, q1, "4420")).isEqualTo(d("2026-04-20"));
            assertThat(schedule.due(quarterly, q1, "2614")).isEqualTo(d("2026-04-25"));
            assertThat(schedule.due(quarterly, q1, "3011")).isEqualTo(d("2026-04-30"));
        }
    }

    @Nested
    class Refuses {

        @Test
        void a_report_type_required_twice() {
            assertThatThrownBy(() -> SCHEDULE.owed(2026, List.of(new ReportObligation(ANNUAL, 1, 15), new ReportObligation(ANNUAL, 1, 31)),
                    Holding.from(d("2020-01-01")), CEMENT)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ANNUAL");
        }

        @Test
        void deadlines_outside_the_columns_checks() {
            assertThatThrownBy(() -> new ReportObligation(ANNUAL, 0, 15)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new ReportObligation(ANNUAL, 13, 15)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new ReportObligation(ANNUAL, 1, 32)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void an_extension_of_no_period_or_not_after_its_period() {
            assertThatThrownBy(() -> ReportPeriod.parse(QUARTERLY, "2024-Q5")).hasMessageContaining("2024-Q3");
            assertThatThrownBy(() -> ReportPeriod.parse(ANNUAL, "2024-H1")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new DeadlineExtension(ReportPeriod.parse(ANNUAL, "2024"), List.of(), d("2024-12-31")))
                    .hasMessageContaining("not after the period");
            assertThatThrownBy(() -> new DeadlineExtension(ReportPeriod.parse(ANNUAL, "2024"), List.of("44A"), d("2025-02-28")))
                    .hasMessageContaining("44A");
        }
    }

    @Test
    void periods_are_named_as_extensions_name_them() {
        for (String key : List.of("2024", "2024-H1", "2024-H2", "2024-Q1", "2024-Q4", "2024-01", "2024-12")) {
            ReportType type = key.length() == 4 ? ANNUAL : key.contains("H") ? SEMIANNUAL : key.contains("Q") ? QUARTERLY : MONTHLY;
            assertThat(ReportPeriod.parse(type, key).key()).isEqualTo(key);
        }
        assertThat(ReportPeriod.parse(SEMIANNUAL, "2024-H2").last()).isEqualTo(d("2024-12-31"));
        assertThat(ReportPeriod.parse(MONTHLY, "2024-02").last()).isEqualTo(d("2024-02-29"));
        assertThat(ReportPeriod.holding(QUARTERLY, d("2024-08-19"))).isEqualTo(ReportPeriod.parse(QUARTERLY, "2024-Q3"));
    }
}
