package org.epermit.api.filing;

import org.epermit.api.filing.MonitoringEvidence.OutletPollutant;
import org.epermit.api.filing.MonitoringEvidence.RecordedExceedance;
import org.epermit.api.filing.ReportContent.Acknowledgement;
import org.epermit.api.filing.ReportContent.ActualEmission;
import org.epermit.api.filing.ReportContent.EmissionMethod;
import org.epermit.api.filing.ReportContent.Exceedance;
import org.epermit.api.filing.ReportContent.MonitoringCompleteness;
import org.epermit.api.permit.reporting.DeadlineExtension;
import org.epermit.api.permit.reporting.ReportObligation;
import org.epermit.api.permit.reporting.ReportPeriod;
import org.epermit.api.permit.reporting.ReportSchedule;
import org.epermit.api.permit.reporting.ReportType;
import org.epermit.api.permit.terms.PermitVersions;
import org.epermit.api.problem.FieldError;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epermit.api.permit.reporting.ReportType.ANNUAL;
import static org.epermit.api.permit.reporting.ReportType.MONTHLY;
import static org.epermit.api.permit.reporting.ReportType.QUARTERLY;
import static org.epermit.api.permit.reporting.ReportType.SEMIANNUAL;

/** The rules an execution report is checked by: every hard error and every finding, with its exact code and path. */
class ReportCheckTest {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final ReportSchedule SCHEDULE = new ReportSchedule(new EnumMap<>(Map.of(
            ANNUAL, new ReportObligation(ANNUAL, 1, 15), SEMIANNUAL, new ReportObligation(SEMIANNUAL, 1, 15),
            QUARTERLY, new ReportObligation(QUARTERLY, 1, 15), MONTHLY, new ReportObligation(MONTHLY, 1, 15))),
            List.of(new DeadlineExtension(ReportPeriod.parse(ANNUAL, "2024"), List.of("4411"), LocalDate.of(2025, 1, 31))));
    static final FilingConfig CONFIG = new FilingConfig() {
        public BigDecimal absurdFactor() {
            return new BigDecimal("100");
        }

        public BigDecimal estimateTolerance() {
            return new BigDecimal("0.2");
        }

        public double estimateMinCoverage() {
            return 0.8;
        }

        public int maxListed() {
            return 200;
        }
    };
    static final ReportCheck CHECK = new ReportCheck(SCHEDULE, CONFIG, Clock.fixed(Instant.EPOCH, CHINA));
    static final LocalDate JAN_10_2026 = LocalDate.of(2026, 1, 10);

    static PeriodTerms terms(PermitVersions permit, ReportType type, String period) {
        ReportCheck.Resolution r = CHECK.resolve(permit, type, period, JAN_10_2026);
        assertThat(r.errors()).isEmpty();
        return r.terms().orElseThrow();
    }

    static List<FieldError> resolveErrors(ReportType type, String period, LocalDate today) {
        return CHECK.resolve(PlantPermit.plant(), type, period, today).errors();
    }

    /** A complete annual report of 2025 that breaks no rule. */
    static ReportContent annual2025() {
        return new ReportContent(ANNUAL, "2025", false, null,
                List.of(new ActualEmission("a21026", new BigDecimal("61.2"), EmissionMethod.MEASURED, null),
                        new ActualEmission("a21002", new BigDecimal("98.7"), EmissionMethod.MEASURED, null),
                        new ActualEmission("w01018", new BigDecimal("4.3"), EmissionMethod.CALCULATED, null)),
                List.of(),
                List.of(new MonitoringCompleteness("DW001", "w01018", 12L, 12L, null),
                        new MonitoringCompleteness("DW001", "w01001", null, 12L, null)),
                List.of(), new ReportContent.Statements(true, true, true), new ReportContent.Signatory("王建国", "法定代表人"), List.of());
    }

    static ReportCheck.Checked check(ReportContent content) {
        return check(content, MonitoringEvidence.NONE, JAN_10_2026);
    }

    static ReportCheck.Checked check(ReportContent content, MonitoringEvidence evidence, LocalDate filedOn) {
        return CHECK.check(terms(PlantPermit.plant(), content.type(), content.period()), content, evidence, filedOn, false);
    }

    static ReportContent with(ReportContent c, List<ActualEmission> emissions) {
        return new ReportContent(c.type(), c.period(), c.stoppage(), c.stoppageExplanation(), emissions, c.exceedances(),
                c.monitoring(), c.abnormalConditions(), c.statements(), c.signatory(), c.acknowledgements());
    }

    static ReportContent withExceedances(ReportContent c, Exceedance... exceedances) {
        return new ReportContent(c.type(), c.period(), c.stoppage(), c.stoppageExplanation(), c.actualEmissions(), List.of(exceedances),
                c.monitoring(), c.abnormalConditions(), c.statements(), c.signatory(), c.acknowledgements());
    }

    static ReportContent withMonitoring(ReportContent c, MonitoringCompleteness... monitoring) {
        return new ReportContent(c.type(), c.period(), c.stoppage(), c.stoppageExplanation(), c.actualEmissions(), c.exceedances(),
                List.of(monitoring), c.abnormalConditions(), c.statements(), c.signatory(), c.acknowledgements());
    }

    static ReportContent acknowledging(ReportContent c, Acknowledgement... acks) {
        return new ReportContent(c.type(), c.period(), c.stoppage(), c.stoppageExplanation(), c.actualEmissions(), c.exceedances(),
                c.monitoring(), c.abnormalConditions(), c.statements(), c.signatory(), List.of(acks));
    }

    static List<String> codesAt(ReportCheck.Checked checked) {
        return checked.errors().stream().map(e -> e.code() + " " + e.path()).toList();
    }

    static List<String> findingsAt(ReportCheck.Checked checked) {
        return checked.findings().stream().map(f -> f.code() + " " + f.path()).toList();
    }

    static OffsetDateTime at(String local) {
        return OffsetDateTime.parse(local + "+08:00");
    }

    @Test
    void a_complete_report_on_time_is_accepted_without_findings() {
        ReportCheck.Checked checked = check(annual2025());
        assertThat(checked.errors()).isEmpty();
        assertThat(checked.findings()).isEmpty();
    }

    @Nested
    class The_period {

        @Test
        void type_and_period_are_required() {
            assertThat(resolveErrors(null, null, JAN_10_2026)).extracting(FieldError::code, FieldError::path)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("REQUIRED", "/type"), org.assertj.core.groups.Tuple.tuple("REQUIRED", "/period"));
        }

        @Test
        void a_malformed_period_is_refused() {
            assertThat(resolveErrors(QUARTERLY, "2025-Q5", JAN_10_2026)).extracting(FieldError::code).containsExactly("PERIOD_MALFORMED");
            assertThat(resolveErrors(ANNUAL, "2025-07", JAN_10_2026)).extracting(FieldError::code).containsExactly("PERIOD_MALFORMED");
        }

        @Test
        void a_period_not_ended_or_not_begun_is_refused() {
            assertThat(resolveErrors(QUARTERLY, "2025-Q3", LocalDate.of(2025, 9, 30))).extracting(FieldError::code, FieldError::path)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("PERIOD_NOT_ENDED", "/period"));
            assertThat(resolveErrors(QUARTERLY, "2025-Q3", LocalDate.of(2025, 10, 1))).isEmpty();
            assertThat(resolveErrors(ANNUAL, "2026", JAN_10_2026)).extracting(FieldError::code).containsExactly("PERIOD_NOT_ENDED");
            assertThat(resolveErrors(ANNUAL, "2027", JAN_10_2026)).extracting(FieldError::code).containsExactly("PERIOD_IN_FUTURE");
        }

        @Test
        void a_period_outside_the_holding_is_refused() {
            assertThat(resolveErrors(ANNUAL, "2022", JAN_10_2026)).extracting(FieldError::code).containsExactly("PERIOD_OUTSIDE_VALIDITY");
        }

        @Test
        void a_type_the_permit_does_not_require_is_refused_naming_those_it_does() {
            List<FieldError> errors = resolveErrors(MONTHLY, "2025-07", JAN_10_2026);
            assertThat(errors).extracting(FieldError::code, FieldError::path)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("REPORT_TYPE_NOT_REQUIRED", "/type"));
            assertThat(errors.get(0).message().en()).contains("ANNUAL, QUARTERLY");
        }

        @Test
        void a_quarter_held_too_briefly_is_folded_into_the_next_report() {
            // held from 10 March 2023: 22 days of the first quarter, less than a month
            List<FieldError> errors = resolveErrors(QUARTERLY, "2023-Q1", JAN_10_2026);
            assertThat(errors).extracting(FieldError::code).containsExactly("REPORT_NOT_DUE");
            assertThat(errors.get(0).message().en()).contains("folded into the QUARTERLY report of 2023-Q2").contains("2023-03-10..2023-06-30");
            PeriodTerms q2 = terms(PlantPermit.plant(), QUARTERLY, "2023-Q2");
            assertThat(q2.owed().covers().first()).isEqualTo(LocalDate.of(2023, 3, 10));
        }

        @Test
        void the_annual_report_stands_in_for_the_fourth_quarter() {
            List<FieldError> errors = resolveErrors(QUARTERLY, "2025-Q4", JAN_10_2026);
            assertThat(errors).extracting(FieldError::code).containsExactly("REPORT_NOT_DUE");
            assertThat(errors.get(0).message().en()).contains("ANNUAL report of 2025 stands in");
        }

        @Test
        void a_ministry_extension_moves_the_deadline() {
            assertThat(terms(PlantPermit.plant(), ANNUAL, "2024").owed().due()).isEqualTo(LocalDate.of(2025, 1, 31));
            assertThat(terms(PlantPermit.plant(), ANNUAL, "2025").owed().due()).isEqualTo(LocalDate.of(2026, 1, 15));
        }

        @Test
        void licensed_quantities_are_pro_rata_for_the_days_covered() {
            PeriodTerms q3 = terms(PlantPermit.plant(), QUARTERLY, "2025-Q3");
            assertThat(q3.licensed().get("a21026")).isEqualByComparingTo(new BigDecimal("100").multiply(BigDecimal.valueOf(92))
                    .divide(BigDecimal.valueOf(365), 4, RoundingMode.HALF_UP));
            assertThat(terms(PlantPermit.plant(), ANNUAL, "2025").licensed().get("a21026")).isEqualByComparingTo("100");
        }

        @Test
        void a_period_spanning_two_versions_uses_each_for_its_part() {
            PeriodTerms year = terms(PlantPermit.changedMid2025(new BigDecimal("60")), ANNUAL, "2025");
            BigDecimal expected = new BigDecimal("100").multiply(BigDecimal.valueOf(181)).add(new BigDecimal("60").multiply(BigDecimal.valueOf(184)))
                    .divide(BigDecimal.valueOf(365), 4, RoundingMode.HALF_UP);
            assertThat(year.licensed().get("a21026")).isEqualByComparingTo(expected);
            assertThat(year.parts()).extracting(p -> p.terms().version()).containsExactly(1, 2);
        }

        @Test
        void required_samples_follow_the_frequency_over_the_days_covered() {
            PeriodTerms q3 = terms(PlantPermit.plant(), QUARTERLY, "2025-Q3");
            assertThat(q3.requirements().get(new OutletPollutant("DW001", "w01018")).requiredSamples()).isEqualTo(3);
            // automatic monitoring: one valid hourly mean per hour
            assertThat(q3.requirements().get(new OutletPollutant("DA001", "a21026")).requiredSamples()).isEqualTo(92 * 24);
        }
    }

    @Nested
    class Actual_emissions {

        @Test
        void every_licensed_pollutant_is_required() {
            ReportContent c = with(annual2025(), annual2025().actualEmissions().subList(0, 2));
            ReportCheck.Checked checked = check(c);
            assertThat(codesAt(checked)).containsExactly("POLLUTANT_MISSING /actualEmissions");
            assertThat(checked.errors().get(0).message().en()).contains("w01018");
        }

        @Test
        void a_pollutant_the_permit_has_no_quantity_for_is_refused_naming_those_it_has() {
            List<ActualEmission> e = new ArrayList<>(annual2025().actualEmissions());
            e.add(new ActualEmission("a24088", new BigDecimal("1"), EmissionMethod.ESTIMATED, null));
            ReportCheck.Checked checked = check(with(annual2025(), e));
            assertThat(codesAt(checked)).containsExactly("POLLUTANT_NOT_LICENSED /actualEmissions/3/pollutantCode");
            assertThat(checked.errors().get(0).message().en()).contains("a21002 氮氧化物, a21026 二氧化硫, w01018 化学需氧量");
        }

        @Test
        void negative_duplicate_and_absurd_figures_are_refused() {
            ReportCheck.Checked checked = check(with(annual2025(), List.of(
                    new ActualEmission("a21026", new BigDecimal("-1"), EmissionMethod.MEASURED, null),
                    new ActualEmission("a21002", new BigDecimal("15000.1"), EmissionMethod.MEASURED, null),
                    new ActualEmission("w01018", new BigDecimal("4"), EmissionMethod.MEASURED, null),
                    new ActualEmission("w01018", new BigDecimal("4"), null, null))));
            assertThat(codesAt(checked)).containsExactly("VALUE_NEGATIVE /actualEmissions/0/tonnes", "VALUE_ABSURD /actualEmissions/1/tonnes",
                    "DUPLICATE_ENTRY /actualEmissions/3/pollutantCode");
        }

        @Test
        void tonnes_and_method_are_required() {
            ReportCheck.Checked checked = check(with(annual2025(), List.of(
                    new ActualEmission("a21026", null, null, null), annual2025().actualEmissions().get(1), annual2025().actualEmissions().get(2))));
            assertThat(codesAt(checked)).containsExactly("REQUIRED /actualEmissions/0/method", "REQUIRED /actualEmissions/0/tonnes");
        }

        @Test
        void emissions_above_the_licensed_quantity_are_accepted_only_with_an_explanation() {
            List<ActualEmission> e = new ArrayList<>(annual2025().actualEmissions());
            e.set(0, new ActualEmission("a21026", new BigDecimal("100.5"), EmissionMethod.MEASURED, null));
            ReportCheck.Checked unexplained = check(with(annual2025(), e));
            assertThat(findingsAt(unexplained)).containsExactly("EMISSIONS_ABOVE_LICENSED /actualEmissions/0/tonnes");
            assertThat(codesAt(unexplained)).containsExactly("EXPLANATION_REQUIRED /acknowledgements");

            ReportCheck.Checked explained = check(acknowledging(with(annual2025(), e),
                    new Acknowledgement("EMISSIONS_ABOVE_LICENSED", "/actualEmissions/0/tonnes", "2号机组脱硫塔检修期间超量排放")));
            assertThat(explained.errors()).isEmpty();
            assertThat(explained.findings()).singleElement().satisfies(f -> assertThat(f.explanation()).isEqualTo("2号机组脱硫塔检修期间超量排放"));
        }

        @Test
        void quarterly_emissions_are_compared_with_the_quarter_s_share() {
            // 100 t a year: 25.2 t in Q3 (92 days) is the share; 26 t is above it
            ReportContent q3 = new ReportContent(QUARTERLY, "2025-Q3", false, null,
                    List.of(new ActualEmission("a21026", new BigDecimal("26"), EmissionMethod.MEASURED, null),
                            new ActualEmission("a21002", new BigDecimal("30"), EmissionMethod.MEASURED, null),
                            new ActualEmission("w01018", new BigDecimal("1"), EmissionMethod.MEASURED, null)),
                    List.of(), List.of(new MonitoringCompleteness("DW001", "w01018", 3L, 3L, null), new MonitoringCompleteness("DW001", "w01001", 3L, 3L, null)),
                    List.of(), new ReportContent.Statements(true, true, true), new ReportContent.Signatory("王建国", "法定代表人"), List.of());
            assertThat(findingsAt(check(q3, MonitoringEvidence.NONE, LocalDate.of(2025, 10, 10))))
                    .containsExactly("EMISSIONS_ABOVE_LICENSED /actualEmissions/0/tonnes");
        }

        @Test
        void a_stoppage_report_carries_an_explanation_instead_of_figures() {
            ReportContent stoppage = new ReportContent(ANNUAL, "2025", true, null, List.of(), List.of(), List.of(), List.of(),
                    new ReportContent.Statements(true, true, true), new ReportContent.Signatory("王建国", "法定代表人"), List.of());
            assertThat(codesAt(check(stoppage))).containsExactly("REQUIRED /stoppageExplanation");
            ReportContent explained = new ReportContent(ANNUAL, "2025", true, "全年停产检修", List.of(), List.of(), List.of(), List.of(),
                    new ReportContent.Statements(true, true, true), new ReportContent.Signatory("王建国", "法定代表人"), List.of());
            assertThat(check(explained).errors()).isEmpty();
        }
    }

    @Nested
    class Exceedances {

        static Exceedance so2(String from, String to, String value) {
            return new Exceedance("DA001", "a21026", at(from), at(to), new BigDecimal(value), null, "脱硫系统故障", "已抢修");
        }

        @Test
        void a_declared_exceedance_of_a_limited_pollutant_is_a_finding() {
            ReportCheck.Checked checked = check(withExceedances(annual2025(), so2("2025-03-01T10:00:00", "2025-03-01T11:00:00", "52.1")));
            assertThat(checked.errors()).isEmpty();
            assertThat(findingsAt(checked)).containsExactly("EXCEEDANCES_DECLARED /exceedances");
        }

        @Test
        void each_wrong_exceedance_is_refused_at_its_field() {
            ReportCheck.Checked checked = check(withExceedances(annual2025(),
                    new Exceedance("DA009", "a21026", at("2025-03-01T10:00:00"), at("2025-03-01T11:00:00"), new BigDecimal("52"), null, "r", null),
                    new Exceedance("DA001", "w01018", at("2025-03-01T10:00:00"), at("2025-03-01T11:00:00"), new BigDecimal("52"), null, "r", null),
                    new Exceedance("DA001", "a00000", at("2025-03-01T10:00:00"), at("2025-03-01T11:00:00"), new BigDecimal("52"), null, "r", null),
                    so2("2025-03-01T10:00:00", "2025-03-01T11:00:00", "30"),
                    so2("2024-12-31T23:00:00", "2025-01-01T00:30:00", "52"),
                    so2("2025-03-01T11:00:00", "2025-03-01T10:00:00", "52"),
                    new Exceedance("DA001", "a21026", at("2025-03-01T10:00:00"), at("2025-03-01T11:00:00"), new BigDecimal("52"), new BigDecimal("50"), "r", null),
                    new Exceedance("DA001", "a21026", at("2025-03-01T10:00:00"), at("2025-03-01T11:00:00"), new BigDecimal("52"), null, " ", null)));
            assertThat(codesAt(checked)).containsExactly(
                    "OUTLET_UNKNOWN /exceedances/0/outletCode",
                    "POLLUTANT_NOT_AT_OUTLET /exceedances/1/pollutantCode",
                    "EXCEEDANCE_NO_LIMIT /exceedances/2/pollutantCode",
                    "EXCEEDANCE_NOT_ABOVE_LIMIT /exceedances/3/measuredValue",
                    "WINDOW_OUTSIDE_PERIOD /exceedances/4/from",
                    "WINDOW_INVERTED /exceedances/5/to",
                    "LIMIT_NOT_PERMIT_LIMIT /exceedances/6/limitValue",
                    "REQUIRED /exceedances/7/reason");
            assertThat(checked.errors().get(0).message().en()).contains("its outlets are: DA001, DW001");
            assertThat(checked.errors().get(1).message().en()).contains("a00000, a21002, a21026");
        }

        @Test
        void a_value_inside_a_range_limit_is_not_an_exceedance_and_one_outside_it_is() {
            Exceedance low = new Exceedance("DW001", "w01001", at("2025-05-01T09:00:00"), at("2025-05-01T09:00:00"), new BigDecimal("5.2"), null, "r", null);
            Exceedance inside = new Exceedance("DW001", "w01001", at("2025-05-01T09:00:00"), at("2025-05-01T09:00:00"), new BigDecimal("7"), null, "r", null);
            assertThat(codesAt(check(withExceedances(annual2025(), low, inside)))).containsExactly("EXCEEDANCE_NOT_ABOVE_LIMIT /exceedances/1/measuredValue");
        }
    }

    @Nested
    class Monitoring_completeness {

        @Test
        void every_manual_requirement_needs_its_entry() {
            ReportCheck.Checked checked = check(withMonitoring(annual2025(), annual2025().monitoring().get(0)));
            assertThat(codesAt(checked)).containsExactly("MONITORING_COMPLETENESS_MISSING /monitoring");
            assertThat(checked.errors().get(0).message().en()).contains("DW001/w01001");
        }

        @Test
        void an_entry_for_no_requirement_or_with_the_wrong_required_count_is_refused() {
            ReportCheck.Checked checked = check(withMonitoring(annual2025(), annual2025().monitoring().get(0),
                    new MonitoringCompleteness("DW001", "w01001", 4L, 4L, null),
                    new MonitoringCompleteness("DW001", "w21003", null, 4L, null),
                    new MonitoringCompleteness("DW002", "w01018", null, 4L, null),
                    new MonitoringCompleteness("DW001", "w01018", null, 12L, null),
                    new MonitoringCompleteness("DA001", "a21026", null, -1L, null)));
            assertThat(codesAt(checked)).containsExactly(
                    "REQUIRED_SAMPLES_MISMATCH /monitoring/1/requiredSamples",
                    "MONITORING_REQUIREMENT_UNKNOWN /monitoring/2/pollutantCode",
                    "OUTLET_UNKNOWN /monitoring/3/outletCode",
                    "DUPLICATE_ENTRY /monitoring/4",
                    "VALUE_NEGATIVE /monitoring/5/performedSamples");
            assertThat(checked.errors().get(0).message().en()).contains("requires 12 samples");
        }

        @Test
        void fewer_samples_than_required_need_an_explanation() {
            ReportContent c = withMonitoring(annual2025(), new MonitoringCompleteness("DW001", "w01018", 12L, 10L, null),
                    annual2025().monitoring().get(1));
            assertThat(findingsAt(check(c))).containsExactly("MONITORING_BELOW_REQUIRED /monitoring/0/performedSamples");
            assertThat(codesAt(check(c))).containsExactly("EXPLANATION_REQUIRED /acknowledgements");
            assertThat(check(acknowledging(c, new Acknowledgement("MONITORING_BELOW_REQUIRED", "/monitoring/0/performedSamples",
                    "7月、8月停产，未采样"))).errors()).isEmpty();
        }
    }

    @Nested
    class Statements_and_acknowledgements {

        @Test
        void the_commitment_that_it_is_true_and_a_signatory_are_required() {
            ReportContent c = annual2025();
            ReportContent unsigned = new ReportContent(c.type(), c.period(), false, null, c.actualEmissions(), c.exceedances(), c.monitoring(),
                    c.abnormalConditions(), new ReportContent.Statements(true, null, false), null, List.of());
            assertThat(codesAt(check(unsigned))).containsExactly("REQUIRED /statements/disclosed", "COMMITMENT_REQUIRED /statements/truthful",
                    "REQUIRED /signatory");
        }

        @Test
        void an_acknowledgement_of_no_finding_is_refused() {
            ReportCheck.Checked checked = check(acknowledging(annual2025(), new Acknowledgement("LATE", "", "迟交原因")));
            assertThat(codesAt(checked)).containsExactly("ACKNOWLEDGEMENT_UNMATCHED /acknowledgements/0");
        }

        @Test
        void an_abnormal_condition_outside_the_period_is_refused() {
            ReportContent c = annual2025();
            ReportContent withCondition = new ReportContent(c.type(), c.period(), false, null, c.actualEmissions(), c.exceedances(), c.monitoring(),
                    List.of(new ReportContent.AbnormalCondition(at("2026-02-01T00:00:00"), at("2026-02-02T00:00:00"), "锅炉启停", null),
                            new ReportContent.AbnormalCondition(at("2025-02-01T00:00:00"), at("2025-02-02T00:00:00"), null, null)),
                    c.statements(), c.signatory(), List.of());
            assertThat(codesAt(check(withCondition))).containsExactly("WINDOW_OUTSIDE_PERIOD /abnormalConditions/0/from",
                    "REQUIRED /abnormalConditions/1/description");
        }
    }

    @Nested
    class Deadlines {

        @Test
        void a_report_filed_after_the_deadline_is_late_by_its_days() {
            ReportCheck.Checked checked = check(annual2025(), MonitoringEvidence.NONE, LocalDate.of(2026, 1, 20));
            assertThat(checked.errors()).isEmpty();
            assertThat(checked.findings()).singleElement().satisfies(f -> {
                assertThat(f.code()).isEqualTo(FilingCode.LATE);
                assertThat(f.message()).contains("5 days after the deadline of 2026-01-15");
                assertThat(f.needsExplanation()).isFalse();
            });
            assertThat(check(annual2025(), MonitoringEvidence.NONE, LocalDate.of(2026, 1, 15)).findings()).isEmpty();
        }

        @Test
        void a_correction_after_the_deadline_is_flagged_as_such() {
            ReportCheck.Checked checked = CHECK.check(terms(PlantPermit.plant(), ANNUAL, "2025"), annual2025(), MonitoringEvidence.NONE,
                    LocalDate.of(2026, 3, 1), true);
            assertThat(findingsAt(checked)).containsExactly("CORRECTED_AFTER_DEADLINE ");
        }
    }

    @Nested
    class Cross_checks_against_our_monitoring_records {

        static MonitoringEvidence evidence(Map<OutletPollutant, Long> samples, List<RecordedExceedance> exceedances, Map<String, BigDecimal> estimates) {
            return new MonitoringEvidence(true, samples, exceedances, estimates);
        }

        static RecordedExceedance so2Hour(String from) {
            Instant start = at(from).toInstant();
            return new RecordedExceedance("DA001", "a21026", start, start.plusSeconds(3600), new BigDecimal("41.3"), new BigDecimal("35"));
        }

        @Test
        void an_exceedance_in_the_records_the_report_does_not_declare_needs_an_explanation() {
            MonitoringEvidence ev = evidence(Map.of(new OutletPollutant("DW001", "w01018"), 12L, new OutletPollutant("DW001", "w01001"), 12L),
                    List.of(so2Hour("2025-04-02T03:00:00"), so2Hour("2025-04-02T04:00:00")), Map.of());
            ReportCheck.Checked checked = check(annual2025(), ev, JAN_10_2026);
            assertThat(findingsAt(checked)).containsExactly("UNDECLARED_EXCEEDANCE /exceedances");
            assertThat(checked.findings().get(0).message()).contains("DA001/a21026 ×2");
            assertThat(codesAt(checked)).containsExactly("EXPLANATION_REQUIRED /acknowledgements");

            ReportContent declared = withExceedances(annual2025(), new Exceedance("DA001", "a21026", at("2025-04-02T03:00:00"),
                    at("2025-04-02T05:00:00"), new BigDecimal("41.3"), new BigDecimal("35"), "脱硫浆液泵故障", "已更换"));
            assertThat(findingsAt(check(declared, ev, JAN_10_2026))).containsExactly("EXCEEDANCES_DECLARED /exceedances");
        }

        @Test
        void more_samples_claimed_than_the_records_we_hold_need_an_explanation() {
            MonitoringEvidence ev = evidence(Map.of(new OutletPollutant("DW001", "w01018"), 9L, new OutletPollutant("DW001", "w01001"), 12L),
                    List.of(), Map.of());
            ReportCheck.Checked checked = check(annual2025(), ev, JAN_10_2026);
            assertThat(findingsAt(checked)).containsExactly("SAMPLES_ABOVE_RECORDS /monitoring/0/performedSamples");
            assertThat(checked.findings().get(0).message()).contains("12 samples of DW001/w01018 are claimed; we hold 9");
        }

        @Test
        void with_no_records_of_the_period_there_is_nothing_to_compare_with() {
            assertThat(check(annual2025(), MonitoringEvidence.NONE, JAN_10_2026).findings()).isEmpty();
        }

        @Test
        void emissions_that_differ_from_what_the_records_imply_are_found() {
            // the records imply 0.43 t of COD; a report of 0.13 t is caught, one of 0.40 t is within the tolerance
            MonitoringEvidence ev = evidence(Map.of(new OutletPollutant("DW001", "w01018"), 12L, new OutletPollutant("DW001", "w01001"), 12L),
                    List.of(), Map.of("w01018", new BigDecimal("0.43")));
            List<ActualEmission> e = new ArrayList<>(annual2025().actualEmissions());
            e.set(2, new ActualEmission("w01018", new BigDecimal("0.13"), EmissionMethod.MEASURED, null));
            ReportCheck.Checked changed = check(with(annual2025(), e), ev, JAN_10_2026);
            assertThat(findingsAt(changed)).containsExactly("EMISSIONS_DIFFER_FROM_RECORDS /actualEmissions/2/tonnes");
            assertThat(changed.findings().get(0).message()).contains("imply 0.43 t of w01018; the report says 0.13 t");
            e.set(2, new ActualEmission("w01018", new BigDecimal("0.40"), EmissionMethod.MEASURED, null));
            assertThat(check(with(annual2025(), e), ev, JAN_10_2026).findings()).isEmpty();
        }
    }

    @Nested
    class The_blank_report {

        @Test
        void lists_every_licensed_pollutant_requirement_and_recorded_exceedance() {
            PeriodTerms terms = terms(PlantPermit.plant(), QUARTERLY, "2025-Q3");
            Instant hour = at("2025-08-02T03:00:00").toInstant();
            MonitoringEvidence ev = new MonitoringEvidence(true, Map.of(new OutletPollutant("DW001", "w01018"), 2L),
                    List.of(new RecordedExceedance("DA001", "a21026", hour, hour.plusSeconds(3600), new BigDecimal("41.3"), new BigDecimal("35"))),
                    Map.of());
            ReportContent blank = CHECK.blank(terms, ev);
            assertThat(blank.type()).isEqualTo(QUARTERLY);
            assertThat(blank.period()).isEqualTo("2025-Q3");
            assertThat(blank.actualEmissions()).extracting(ActualEmission::pollutantCode).containsExactly("a21002", "a21026", "w01018");
            assertThat(blank.actualEmissions().get(1).licensedTonnes()).isEqualByComparingTo("25.2055");
            assertThat(blank.monitoring()).extracting(MonitoringCompleteness::outletCode, MonitoringCompleteness::pollutantCode,
                            MonitoringCompleteness::requiredSamples, MonitoringCompleteness::recordedSamples)
                    .contains(org.assertj.core.groups.Tuple.tuple("DW001", "w01018", 3L, 2L),
                            org.assertj.core.groups.Tuple.tuple("DA001", "a21026", 2208L, 0L));
            assertThat(blank.exceedances()).singleElement().satisfies(x -> {
                assertThat(x.from()).isEqualTo(at("2025-08-02T03:00:00"));
                assertThat(x.limitValue()).isEqualByComparingTo("35");
            });
        }

        @Test
        void once_filled_in_it_passes_the_same_rules() {
            PeriodTerms terms = terms(PlantPermit.plant(), ANNUAL, "2025");
            ReportContent blank = CHECK.blank(terms, MonitoringEvidence.NONE);
            List<ActualEmission> filled = blank.actualEmissions().stream()
                    .map(e -> new ActualEmission(e.pollutantCode(), e.licensedTonnes().divide(BigDecimal.valueOf(2), MathContext.DECIMAL64), EmissionMethod.MEASURED, e.licensedTonnes()))
                    .toList();
            List<MonitoringCompleteness> performed = blank.monitoring().stream()
                    .map(m -> new MonitoringCompleteness(m.outletCode(), m.pollutantCode(), m.requiredSamples(), m.requiredSamples(), m.recordedSamples()))
                    .toList();
            ReportContent done = new ReportContent(blank.type(), blank.period(), false, null, filled, blank.exceedances(), performed, List.of(),
                    new ReportContent.Statements(true, true, true), new ReportContent.Signatory("王建国", "法定代表人"), List.of());
            ReportCheck.Checked checked = CHECK.check(terms, done, MonitoringEvidence.NONE, JAN_10_2026, false);
            assertThat(checked.errors()).isEmpty();
            assertThat(checked.findings()).isEmpty();
        }
    }
}
