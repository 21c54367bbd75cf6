package org.epermit.api.filing;

import jakarta.enterprise.context.ApplicationScoped;
import org.epermit.api.filing.MonitoringEvidence.OutletPollutant;
import org.epermit.api.filing.ReportContent.Acknowledgement;
import org.epermit.api.filing.ReportContent.ActualEmission;
import org.epermit.api.filing.ReportContent.Exceedance;
import org.epermit.api.filing.ReportContent.MonitoringCompleteness;
import org.epermit.api.permit.PublicPermit;
import org.epermit.api.permit.monitoring.MonitoringMode;
import org.epermit.api.permit.reporting.OwedReport;
import org.epermit.api.permit.reporting.ReportObligation;
import org.epermit.api.permit.reporting.ReportPeriod;
import org.epermit.api.permit.reporting.ReportSchedule;
import org.epermit.api.permit.reporting.ReportType;
import org.epermit.api.permit.terms.PermitVersions;
import org.epermit.api.problem.FieldError;
import org.epermit.api.problem.Message;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The one set of rules a report is checked by: the blank report, the validation endpoint, the submission and the
 * correction all call it, so they cannot disagree. Pure: it is given the permit's versions, our monitoring evidence
 * for the period and the day of filing, and answers the errors and findings.
 *
 * <p>Two steps, because the evidence to look up depends on the period: {@link #resolve} finds the report the permit
 * owes for the type and period (or the errors that say why there is none), then {@link #check} checks the content.
 */
@ApplicationScoped
public class ReportCheck {

    private final ReportSchedule schedule;
    private final FilingConfig config;
    private final ZoneId zone;

    public ReportCheck(ReportSchedule schedule, FilingConfig config, Clock clock) {
        this.schedule = schedule;
        this.config = config;
        this.zone = clock.getZone();
    }

    /** The outcome of one step: errors refuse the filing; findings (of a check) are stored with it. */
    public record Checked(List<FieldError> errors, List<Finding> findings) {
        public Checked {
            errors = List.copyOf(errors);
            findings = List.copyOf(findings);
        }

        public boolean acceptable() {
            return errors.isEmpty();
        }
    }

    /** The report owed for {@code type} and {@code periodKey} with its terms, or the errors that refuse the period. */
    public record Resolution(Optional<PeriodTerms> terms, List<FieldError> errors) {
    }

    public Resolution resolve(PermitVersions permit, ReportType type, String periodKey, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        if (type == null) {
            errors.add(error("/type", FilingCode.REQUIRED, "The report type is required (ANNUAL, SEMIANNUAL, QUARTERLY or MONTHLY).",
                    "必须填写报告类型（ANNUAL、SEMIANNUAL、QUARTERLY 或 MONTHLY）。"));
        }
        if (periodKey == null) {
            errors.add(error("/period", FilingCode.REQUIRED, "The period is required (2025, 2025-H1, 2025-Q3, 2025-07).",
                    "必须填写报告期（如 2025、2025-H1、2025-Q3、2025-07）。"));
        }
        if (!errors.isEmpty()) {
            return new Resolution(Optional.empty(), errors);
        }
        ReportPeriod period;
        try {
            period = ReportPeriod.parse(type, periodKey);
        } catch (IllegalArgumentException e) {
            errors.add(error("/period", FilingCode.PERIOD_MALFORMED, "'" + periodKey + "' is not a " + type + " period: "
                    + example(type) + ".", "“" + periodKey + "”不是" + type + "报告期，应写作" + example(type) + "。"));
            return new Resolution(Optional.empty(), errors);
        }
        if (period.first().isAfter(today)) {
            errors.add(error("/period", FilingCode.PERIOD_IN_FUTURE, "The period " + periodKey + " has not begun.",
                    "报告期" + periodKey + "尚未开始。"));
        } else if (!period.last().isBefore(today)) {
            errors.add(error("/period", FilingCode.PERIOD_NOT_ENDED, "The period " + periodKey + " ends on " + period.last()
                    + "; file from " + period.last().plusDays(1) + ".", "报告期" + periodKey + "于" + period.last()
                    + "结束，请于" + period.last().plusDays(1) + "起提交。"));
        }
        if (!errors.isEmpty()) {
            return new Resolution(Optional.empty(), errors);
        }
        LocalDate heldFrom = permit.holding().first();
        LocalDate heldTo = permit.holding().last().orElse(LocalDate.MAX);
        if (period.last().isBefore(heldFrom) || period.first().isAfter(heldTo)) {
            errors.add(error("/period", FilingCode.PERIOD_OUTSIDE_VALIDITY, "Permit " + permit.permitNumber() + " was held from "
                            + heldFrom + (heldTo.equals(LocalDate.MAX) ? "" : " to " + heldTo) + "; " + periodKey + " lies outside.",
                    "许可证" + permit.permitNumber() + "的持证期为" + heldFrom + (heldTo.equals(LocalDate.MAX) ? "起" : "至" + heldTo)
                            + "，" + periodKey + "不在其内。"));
            return new Resolution(Optional.empty(), errors);
        }
        PermitVersions.VersionTerms governing = governing(permit, period);
        Map<ReportType, ReportObligation> obligations = obligations(governing.document());
        if (!obligations.containsKey(type)) {
            String required = obligations.keySet().stream().map(Enum::name).collect(Collectors.joining(", "));
            errors.add(error("/type", FilingCode.REPORT_TYPE_NOT_REQUIRED, "Permit " + permit.permitNumber() + " (version "
                            + governing.version() + ") requires no " + type + " reports; it requires: " + (required.isEmpty() ? "none" : required) + ".",
                    "许可证" + permit.permitNumber() + "（第" + governing.version() + "版）未要求" + type + "报告，要求的报告类型为："
                            + (required.isEmpty() ? "无" : required) + "。"));
            return new Resolution(Optional.empty(), errors);
        }
        List<OwedReport> owed = owed(permit, obligations, period.last().getYear());
        Optional<OwedReport> report = owed.stream().filter(o -> o.period().equals(period)).findFirst();
        if (report.isEmpty()) {
            errors.add(notDue(permit, obligations, period));
            return new Resolution(Optional.empty(), errors);
        }
        return new Resolution(Optional.of(PeriodTerms.of(report.get(), permit.over(report.get().covers()), zone)), errors);
    }

    /** Every report the permit owes for the periods ending in {@code year}, by the obligations of {@code governing}. */
    public List<OwedReport> owed(PermitVersions permit, Map<ReportType, ReportObligation> obligations, int year) {
        return schedule.owed(year, obligations.values(), permit.holding(), permit.industryCode());
    }

    /** The report obligations a version's copy sets. */
    public static Map<ReportType, ReportObligation> obligations(PublicPermit document) {
        Map<ReportType, ReportObligation> byType = new TreeMap<>();
        for (PublicPermit.ReportObligation o : document.reportObligations()) {
            byType.put(o.type(), new ReportObligation(o.type(), o.deadline().monthsAfterPeriod(), o.deadline().day()));
        }
        return byType;
    }

    /** The version whose obligations govern a period: the one in force on its last day held. */
    public static PermitVersions.VersionTerms governing(PermitVersions permit, ReportPeriod period) {
        LocalDate day = permit.holding().last().filter(l -> l.isBefore(period.last())).orElse(period.last());
        return permit.at(day).orElse(permit.current());
    }

    private FieldError notDue(PermitVersions permit, Map<ReportType, ReportObligation> obligations, ReportPeriod period) {
        List<OwedReport> around = new ArrayList<>(owed(permit, obligations, period.last().getYear()));
        around.addAll(owed(permit, obligations, period.last().getYear() + 1));
        for (OwedReport o : around) {
            if (o.foldedIn().contains(period)) {
                return error("/period", FilingCode.REPORT_NOT_DUE, "The permit was held too briefly in " + period.key()
                                + " for a report of its own; the period is folded into the " + o.type() + " report of " + o.period().key()
                                + " (covering " + o.covers() + ", due " + o.due() + ").",
                        period.key() + "持证时间不足，无需单独报告，并入" + o.period().key() + "的" + o.type() + "报告（覆盖"
                                + o.covers() + "，截止" + o.due() + "）。");
            }
            if (o.standsInFor().contains(period)) {
                return error("/period", FilingCode.REPORT_NOT_DUE, "The " + o.type() + " report of " + o.period().key()
                                + " stands in for the " + period + " report; file that one (due " + o.due() + ").",
                        o.period().key() + "的" + o.type() + "报告替代" + period + "报告，请提交前者（截止" + o.due() + "）。");
            }
        }
        return error("/period", FilingCode.REPORT_NOT_DUE, "The permit was held too briefly in " + period.key()
                        + " for a report, and no later report covers it (the holding ended).",
                period.key() + "持证时间不足且持证已终止，该期无需报告。");
    }

    /**
     * Checks a report's content against the terms of its period and our evidence. {@code filedOn} is the day of the
     * filing (for lateness); {@code correction} whether it corrects a stored report (late corrections are flagged as
     * such, not as late reports).
     */
    public Checked check(PeriodTerms terms, ReportContent content, MonitoringEvidence evidence, LocalDate filedOn,
                         boolean correction) {
        List<FieldError> errors = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        if (filedOn.isAfter(terms.owed().due())) {
            long late = ChronoUnit.DAYS.between(terms.owed().due(), filedOn);
            findings.add(correction
                    ? finding(FilingCode.CORRECTED_AFTER_DEADLINE, "", "Corrected " + late + " days after the deadline of " + terms.owed().due() + ".",
                    "于截止日期" + terms.owed().due() + "后" + late + "天更正。")
                    : finding(FilingCode.LATE, "", "Filed " + late + " days after the deadline of " + terms.owed().due() + ".",
                    "于截止日期" + terms.owed().due() + "后" + late + "天提交。"));
        }
        emissions(terms, content, evidence, errors, findings);
        exceedances(terms, content, evidence, errors, findings);
        monitoring(terms, content, evidence, errors, findings);
        conditions(terms, content, errors);
        statements(content, errors);
        List<Finding> explained = acknowledge(content, findings, errors);
        return new Checked(errors, explained);
    }

    // ------------------------------------------------------------------------------------------------------------
    // actual emissions

    private void emissions(PeriodTerms terms, ReportContent content, MonitoringEvidence evidence, List<FieldError> errors,
                           List<Finding> findings) {
        if (content.isStoppage()) {
            if (content.stoppageExplanation() == null || content.stoppageExplanation().isBlank()) {
                errors.add(error("/stoppageExplanation", FilingCode.REQUIRED, "A stoppage report carries the explanation of the stoppage.",
                        "停产报告须说明停产情况。"));
            }
        }
        Set<String> seen = new HashSet<>();
        String licensedList = terms.licensed().keySet().stream().map(c -> c + " " + terms.pollutantNames().get(c))
                .collect(Collectors.joining(", "));
        for (int i = 0; i < content.actualEmissions().size(); i++) {
            ActualEmission e = content.actualEmissions().get(i);
            String at = "/actualEmissions/" + i;
            if (e.pollutantCode() == null) {
                errors.add(error(at + "/pollutantCode", FilingCode.REQUIRED, "The pollutant's code is required.", "必须填写污染物代码。"));
                continue;
            }
            BigDecimal licensed = terms.licensed().get(e.pollutantCode());
            if (licensed == null) {
                errors.add(error(at + "/pollutantCode", FilingCode.POLLUTANT_NOT_LICENSED, "Permit has no licensed quantity of "
                                + e.pollutantCode() + " for this period; its licensed pollutants are: " + orNone(licensedList) + ".",
                        "许可证在该报告期未核定" + e.pollutantCode() + "的许可排放量，许可污染物为：" + orNoneZh(licensedList) + "。"));
                continue;
            }
            if (!seen.add(e.pollutantCode())) {
                errors.add(error(at + "/pollutantCode", FilingCode.DUPLICATE_ENTRY, e.pollutantCode() + " is given more than once.",
                        e.pollutantCode() + "重复填报。"));
                continue;
            }
            if (e.method() == null) {
                errors.add(error(at + "/method", FilingCode.REQUIRED, "The method is required (MEASURED, CALCULATED or ESTIMATED).",
                        "必须填写核算方法（MEASURED、CALCULATED 或 ESTIMATED）。"));
            }
            if (e.tonnes() == null) {
                errors.add(error(at + "/tonnes", FilingCode.REQUIRED, "The actual emissions in tonnes are required.", "必须填写实际排放量（吨）。"));
                continue;
            }
            if (e.tonnes().signum() < 0) {
                errors.add(error(at + "/tonnes", FilingCode.VALUE_NEGATIVE, "Actual emissions cannot be negative (" + e.tonnes().toPlainString() + ").",
                        "实际排放量不能为负（" + e.tonnes().toPlainString() + "）。"));
                continue;
            }
            BigDecimal ceiling = licensed.multiply(config.absurdFactor());
            if (licensed.signum() > 0 && e.tonnes().compareTo(ceiling) > 0) {
                errors.add(error(at + "/tonnes", FilingCode.VALUE_ABSURD, e.tonnes().toPlainString() + " t of " + e.pollutantCode()
                                + " is more than " + config.absurdFactor().toPlainString() + " times the licensed " + licensed.toPlainString()
                                + " t for the period: check the unit (tonnes).",
                        e.pollutantCode() + "的" + e.tonnes().toPlainString() + "吨超过报告期许可排放量" + licensed.toPlainString()
                                + "吨的" + config.absurdFactor().toPlainString() + "倍，请核对单位（吨）。"));
                continue;
            }
            if (e.tonnes().compareTo(licensed) > 0) {
                findings.add(finding(FilingCode.EMISSIONS_ABOVE_LICENSED, at + "/tonnes", e.tonnes().toPlainString() + " t of "
                                + e.pollutantCode() + " exceeds the licensed " + licensed.toPlainString() + " t for the period.",
                        e.pollutantCode() + "实际排放" + e.tonnes().toPlainString() + "吨，超过报告期许可排放量" + licensed.toPlainString() + "吨。"));
            }
            Optional<BigDecimal> estimate = evidence.estimate(e.pollutantCode());
            if (estimate.isPresent() && differs(e.tonnes(), estimate.get())) {
                findings.add(finding(FilingCode.EMISSIONS_DIFFER_FROM_RECORDS, at + "/tonnes", "The monitoring records imply "
                                + estimate.get().round(MathContext.DECIMAL32).toPlainString() + " t of " + e.pollutantCode() + "; the report says "
                                + e.tonnes().toPlainString() + " t (tolerance " + config.estimateTolerance().toPlainString() + ").",
                        "监测记录推算" + e.pollutantCode() + "排放量为" + estimate.get().round(MathContext.DECIMAL32).toPlainString()
                                + "吨，报告为" + e.tonnes().toPlainString() + "吨（允许偏差" + config.estimateTolerance().toPlainString() + "）。"));
            }
        }
        if (!content.isStoppage()) {
            for (String code : terms.licensed().keySet()) {
                if (!seen.contains(code) && content.actualEmissions().stream().noneMatch(e -> code.equals(e.pollutantCode()))) {
                    errors.add(error("/actualEmissions", FilingCode.POLLUTANT_MISSING, "The actual emissions of " + code + " "
                                    + terms.pollutantNames().get(code) + " are missing (licensed " + terms.licensed().get(code).toPlainString() + " t for the period).",
                            "缺少" + code + " " + terms.pollutantNames().get(code) + "的实际排放量（报告期许可排放量" + terms.licensed().get(code).toPlainString() + "吨）。"));
                }
            }
        }
    }

    private boolean differs(BigDecimal reported, BigDecimal estimate) {
        BigDecimal base = estimate.abs().max(reported.abs());
        if (base.signum() == 0) {
            return false;
        }
        return reported.subtract(estimate).abs().divide(base, MathContext.DECIMAL64).compareTo(config.estimateTolerance()) > 0;
    }

    // ------------------------------------------------------------------------------------------------------------
    // exceedances

    private void exceedances(PeriodTerms terms, ReportContent content, MonitoringEvidence evidence, List<FieldError> errors,
                             List<Finding> findings) {
        Instant periodFrom = terms.window().from();
        Instant periodTo = terms.window().to();
        for (int i = 0; i < content.exceedances().size(); i++) {
            Exceedance x = content.exceedances().get(i);
            String at = "/exceedances/" + i;
            int before = errors.size();
            require(x.outletCode(), at + "/outletCode", "The outlet's code", "排放口编号", errors);
            require(x.pollutantCode(), at + "/pollutantCode", "The pollutant's code", "污染物代码", errors);
            require(x.from(), at + "/from", "The start of the exceedance", "超标开始时间", errors);
            require(x.to(), at + "/to", "The end of the exceedance", "超标结束时间", errors);
            require(x.measuredValue(), at + "/measuredValue", "The measured value", "监测值", errors);
            require(x.reason() == null || x.reason().isBlank() ? null : x.reason(), at + "/reason", "The reason", "超标原因", errors);
            if (errors.size() > before) {
                continue;
            }
            if (x.to().isBefore(x.from())) {
                errors.add(error(at + "/to", FilingCode.WINDOW_INVERTED, "The exceedance ends (" + x.to() + ") before it starts (" + x.from() + ").",
                        "超标结束时间（" + x.to() + "）早于开始时间（" + x.from() + "）。"));
                continue;
            }
            if (x.from().toInstant().isBefore(periodFrom) || x.to().toInstant().isAfter(periodTo)) {
                errors.add(error(at + "/from", FilingCode.WINDOW_OUTSIDE_PERIOD, "The exceedance " + x.from() + " to " + x.to()
                                + " is not within the report's days " + terms.owed().covers() + ".",
                        "超标时段" + x.from() + "至" + x.to() + "不在报告期" + terms.owed().covers() + "内。"));
                continue;
            }
            Map<String, PublicPermit.OutletPollutant> outlet = terms.outlets().get(x.outletCode());
            if (outlet == null) {
                errors.add(outletUnknown(terms, at + "/outletCode", x.outletCode()));
                continue;
            }
            LocalDate day = x.from().atZoneSameInstant(terms.zone()).toLocalDate();
            Optional<PublicPermit.OutletPollutant> set = terms.at(day, x.outletCode(), x.pollutantCode());
            if (set.isEmpty()) {
                errors.add(notAtOutlet(at + "/pollutantCode", x.outletCode(), x.pollutantCode(), outlet.keySet()));
                continue;
            }
            PublicPermit.Limit limit = set.get().limit();
            if (limit == null) {
                errors.add(error(at + "/pollutantCode", FilingCode.EXCEEDANCE_NO_LIMIT, "The permit sets no limit for "
                                + x.pollutantCode() + " at " + x.outletCode() + " (it is monitored, not limited).",
                        "许可证未对" + x.outletCode() + "的" + x.pollutantCode() + "规定排放限值（仅监测）。"));
                continue;
            }
            if (x.limitValue() != null && (limit.max() == null || x.limitValue().compareTo(limit.max()) != 0)
                    && (limit.min() == null || x.limitValue().compareTo(limit.min()) != 0)) {
                errors.add(error(at + "/limitValue", FilingCode.LIMIT_NOT_PERMIT_LIMIT, "The permit's limit of " + x.pollutantCode()
                                + " at " + x.outletCode() + " is " + describe(limit) + ", not " + x.limitValue().toPlainString() + ".",
                        "许可证对" + x.outletCode() + "的" + x.pollutantCode() + "规定的限值为" + describe(limit) + "，而非" + x.limitValue().toPlainString() + "。"));
                continue;
            }
            if (!outside(limit, x.measuredValue())) {
                errors.add(error(at + "/measuredValue", FilingCode.EXCEEDANCE_NOT_ABOVE_LIMIT, x.measuredValue().toPlainString()
                                + " does not exceed the limit of " + x.pollutantCode() + " at " + x.outletCode() + ", " + describe(limit) + ".",
                        x.measuredValue().toPlainString() + "未超过" + x.outletCode() + "的" + x.pollutantCode() + "限值" + describe(limit) + "。"));
            }
        }
        if (!content.exceedances().isEmpty()) {
            findings.add(finding(FilingCode.EXCEEDANCES_DECLARED, "/exceedances", "The report declares " + content.exceedances().size()
                    + " exceedance(s).", "报告填报超标" + content.exceedances().size() + "次。"));
        }
        Map<OutletPollutant, Long> undeclared = new TreeMap<>(java.util.Comparator.comparing(OutletPollutant::toString));
        for (MonitoringEvidence.RecordedExceedance r : evidence.exceedances()) {
            boolean declared = content.exceedances().stream().anyMatch(x -> r.outletCode().equals(x.outletCode())
                    && r.pollutantCode().equals(x.pollutantCode()) && x.from() != null && x.to() != null
                    && !x.from().toInstant().isAfter(r.from()) && !x.to().toInstant().isBefore(r.to()));
            if (!declared) {
                undeclared.merge(new OutletPollutant(r.outletCode(), r.pollutantCode()), 1L, Long::sum);
            }
        }
        if (!undeclared.isEmpty()) {
            String list = undeclared.entrySet().stream().map(e -> e.getKey() + " ×" + e.getValue()).collect(Collectors.joining(", "));
            findings.add(finding(FilingCode.UNDECLARED_EXCEEDANCE, "/exceedances", "Our monitoring records show exceedances "
                    + "the report does not declare: " + list + ".", "监测记录显示以下超标未在报告中填报：" + list + "。"));
        }
    }

    static boolean outside(PublicPermit.Limit limit, BigDecimal value) {
        return (limit.max() != null && value.compareTo(limit.max()) > 0) || (limit.min() != null && value.compareTo(limit.min()) < 0);
    }

    static String describe(PublicPermit.Limit limit) {
        String unit = limit.unit() == null ? "" : " " + limit.unit();
        if (limit.min() != null && limit.max() != null) {
            return limit.min().toPlainString() + "–" + limit.max().toPlainString() + unit;
        }
        return limit.max() != null ? "≤ " + limit.max().toPlainString() + unit : "≥ " + limit.min().toPlainString() + unit;
    }

    // ------------------------------------------------------------------------------------------------------------
    // monitoring completeness

    private void monitoring(PeriodTerms terms, ReportContent content, MonitoringEvidence evidence, List<FieldError> errors,
                            List<Finding> findings) {
        Set<OutletPollutant> seen = new HashSet<>();
        for (int i = 0; i < content.monitoring().size(); i++) {
            MonitoringCompleteness m = content.monitoring().get(i);
            String at = "/monitoring/" + i;
            int before = errors.size();
            require(m.outletCode(), at + "/outletCode", "The outlet's code", "排放口编号", errors);
            require(m.pollutantCode(), at + "/pollutantCode", "The pollutant's code", "污染物代码", errors);
            require(m.performedSamples(), at + "/performedSamples", "The samples performed", "实测样品数", errors);
            if (errors.size() > before) {
                continue;
            }
            OutletPollutant key = new OutletPollutant(m.outletCode(), m.pollutantCode());
            PeriodTerms.Requirement requirement = terms.requirements().get(key);
            if (requirement == null) {
                if (!terms.outlets().containsKey(m.outletCode())) {
                    errors.add(outletUnknown(terms, at + "/outletCode", m.outletCode()));
                } else {
                    String monitored = terms.requirements().keySet().stream().filter(k -> k.outletCode().equals(m.outletCode()))
                            .map(OutletPollutant::pollutantCode).collect(Collectors.joining(", "));
                    errors.add(error(at + "/pollutantCode", FilingCode.MONITORING_REQUIREMENT_UNKNOWN, "The permit requires no "
                                    + "self-monitoring of " + m.pollutantCode() + " at " + m.outletCode() + "; it requires: " + orNone(monitored) + ".",
                            "许可证未要求在" + m.outletCode() + "监测" + m.pollutantCode() + "，要求监测的为：" + orNoneZh(monitored) + "。"));
                }
                continue;
            }
            if (!seen.add(key)) {
                errors.add(error(at, FilingCode.DUPLICATE_ENTRY, key + " is given more than once.", key + "重复填报。"));
                continue;
            }
            if (m.performedSamples() < 0) {
                errors.add(error(at + "/performedSamples", FilingCode.VALUE_NEGATIVE, "A sample count cannot be negative.", "样品数不能为负。"));
                continue;
            }
            if (m.requiredSamples() != null && m.requiredSamples() != requirement.requiredSamples()) {
                errors.add(error(at + "/requiredSamples", FilingCode.REQUIRED_SAMPLES_MISMATCH, "The permit requires "
                                + requirement.requiredSamples() + " samples of " + key + " in " + terms.owed().covers() + ", not " + m.requiredSamples() + ".",
                        "许可证要求" + key + "在" + terms.owed().covers() + "应测" + requirement.requiredSamples() + "个样品，而非" + m.requiredSamples() + "。"));
                continue;
            }
            if (m.performedSamples() < requirement.requiredSamples()) {
                findings.add(finding(FilingCode.MONITORING_BELOW_REQUIRED, at + "/performedSamples", m.performedSamples()
                                + " of the " + requirement.requiredSamples() + " samples of " + key + " the permit requires were taken.",
                        key + "应测" + requirement.requiredSamples() + "个样品，实测" + m.performedSamples() + "个。"));
            }
            long recorded = evidence.samples(key);
            // compared where we hold records of the requirement at all: a unit may send us some of its data only
            if (recorded > 0 && m.performedSamples() > recorded) {
                findings.add(finding(FilingCode.SAMPLES_ABOVE_RECORDS, at + "/performedSamples", m.performedSamples()
                                + " samples of " + key + " are claimed; we hold " + recorded + " valid records of them.",
                        key + "填报实测" + m.performedSamples() + "个样品，平台仅收到" + recorded + "条有效记录。"));
            }
        }
        if (!content.isStoppage()) {
            String missing = terms.requirements().entrySet().stream()
                    .filter(e -> e.getValue().mode() == MonitoringMode.MANUAL && !seen.contains(e.getKey()))
                    .map(e -> e.getKey().toString()).collect(Collectors.joining(", "));
            if (!missing.isEmpty()) {
                errors.add(error("/monitoring", FilingCode.MONITORING_COMPLETENESS_MISSING, "The completeness of these manual "
                        + "monitoring requirements is missing: " + missing + ".", "缺少以下手工监测要求的完成情况：" + missing + "。"));
            }
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // conditions, statements, signatory

    private void conditions(PeriodTerms terms, ReportContent content, List<FieldError> errors) {
        for (int i = 0; i < content.abnormalConditions().size(); i++) {
            ReportContent.AbnormalCondition c = content.abnormalConditions().get(i);
            String at = "/abnormalConditions/" + i;
            int before = errors.size();
            require(c.from(), at + "/from", "The start", "开始时间", errors);
            require(c.to(), at + "/to", "The end", "结束时间", errors);
            require(c.description() == null || c.description().isBlank() ? null : c.description(), at + "/description",
                    "The description", "情况说明", errors);
            if (errors.size() > before) {
                continue;
            }
            if (c.to().isBefore(c.from())) {
                errors.add(error(at + "/to", FilingCode.WINDOW_INVERTED, "The condition ends before it starts.", "结束时间早于开始时间。"));
            } else if (c.from().toInstant().isBefore(terms.window().from()) || c.to().toInstant().isAfter(terms.window().to())) {
                errors.add(error(at + "/from", FilingCode.WINDOW_OUTSIDE_PERIOD, "The condition " + c.from() + " to " + c.to()
                        + " is not within the report's days " + terms.owed().covers() + ".", "该情况时段不在报告期" + terms.owed().covers() + "内。"));
            }
        }
    }

    private static void statements(ReportContent content, List<FieldError> errors) {
        ReportContent.Statements s = content.statements();
        if (s == null) {
            errors.add(error("/statements", FilingCode.REQUIRED, "The statements (ledgerKept, disclosed, truthful) are required.",
                    "必须填写声明（ledgerKept、disclosed、truthful）。"));
        } else {
            require(s.ledgerKept(), "/statements/ledgerKept", "Whether the ledger is kept", "台账记录情况", errors);
            require(s.disclosed(), "/statements/disclosed", "Whether the information was disclosed", "信息公开情况", errors);
            if (!Boolean.TRUE.equals(s.truthful())) {
                errors.add(error("/statements/truthful", FilingCode.COMMITMENT_REQUIRED, "The unit must commit that the report is true.",
                        "排污单位须承诺报告内容真实。"));
            }
        }
        ReportContent.Signatory who = content.signatory();
        if (who == null) {
            errors.add(error("/signatory", FilingCode.REQUIRED, "Who signs the report (name and role) is required.", "必须填写签署人（姓名和职务）。"));
        } else {
            require(who.name() == null || who.name().isBlank() ? null : who.name(), "/signatory/name", "The signatory's name", "签署人姓名", errors);
            require(who.role() == null || who.role().isBlank() ? null : who.role(), "/signatory/role", "The signatory's role", "签署人职务", errors);
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // acknowledgements

    private static List<Finding> acknowledge(ReportContent content, List<Finding> findings, List<FieldError> errors) {
        Map<String, Integer> byKey = new HashMap<>();
        for (int i = 0; i < content.acknowledgements().size(); i++) {
            Acknowledgement a = content.acknowledgements().get(i);
            String at = "/acknowledgements/" + i;
            if (a.code() == null || a.path() == null || a.explanation() == null || a.explanation().isBlank()) {
                errors.add(error(at, FilingCode.REQUIRED, "An acknowledgement names a finding's code and path and explains it.",
                        "说明须包含问题的代码、路径和说明内容。"));
                continue;
            }
            byKey.put(a.code() + " " + a.path(), i);
        }
        List<Finding> result = new ArrayList<>();
        Set<Integer> used = new HashSet<>();
        for (Finding f : findings) {
            Integer i = byKey.get(f.code().name() + " " + f.path());
            if (i != null) {
                used.add(i);
                result.add(f.explained(content.acknowledgements().get(i).explanation()));
            } else {
                result.add(f);
                if (f.needsExplanation()) {
                    errors.add(error("/acknowledgements", FilingCode.EXPLANATION_REQUIRED, "Finding " + f.code() + " at "
                                    + (f.path().isEmpty() ? "/" : f.path()) + " needs an explanation: " + f.message(),
                            "问题" + f.code() + "（" + (f.path().isEmpty() ? "/" : f.path()) + "）需要说明：" + f.messageZh()));
                }
            }
        }
        for (Map.Entry<String, Integer> e : byKey.entrySet()) {
            if (!used.contains(e.getValue())) {
                errors.add(error("/acknowledgements/" + e.getValue(), FilingCode.ACKNOWLEDGEMENT_UNMATCHED, "No finding of this "
                        + "submission has code and path " + e.getKey() + ".", "本次提交没有代码和路径为" + e.getKey() + "的问题。"));
            }
        }
        return result;
    }

    // ------------------------------------------------------------------------------------------------------------
    // the blank report

    /**
     * The report a vendor fills in: every licensed pollutant with its licensed quantity, every monitoring requirement
     * with its required and recorded samples, the exceedances our records hold, the statements to confirm.
     */
    public ReportContent blank(PeriodTerms terms, MonitoringEvidence evidence) {
        List<ActualEmission> emissions = new ArrayList<>();
        terms.licensed().forEach((code, tonnes) -> emissions.add(new ActualEmission(code,
                evidence.estimate(code).map(t -> t.round(MathContext.DECIMAL32)).orElse(null),
                evidence.estimate(code).isPresent() ? ReportContent.EmissionMethod.MEASURED : null, tonnes)));
        List<MonitoringCompleteness> monitoring = new ArrayList<>();
        terms.requirements().forEach((key, r) -> monitoring.add(new MonitoringCompleteness(key.outletCode(), key.pollutantCode(),
                r.requiredSamples(), evidence.anyRecords() ? evidence.samples(key) : null, evidence.samples(key))));
        List<Exceedance> exceedances = new ArrayList<>();
        for (MonitoringEvidence.RecordedExceedance r : evidence.exceedances()) {
            exceedances.add(new Exceedance(r.outletCode(), r.pollutantCode(), OffsetDateTime.ofInstant(r.from(), terms.zone()),
                    OffsetDateTime.ofInstant(r.to(), terms.zone()), r.value(), r.limitMax(), null, null));
        }
        return new ReportContent(terms.owed().type(), terms.owed().period().key(), false, null, emissions, exceedances,
                monitoring, List.of(), new ReportContent.Statements(null, null, null), new ReportContent.Signatory(null, null), List.of());
    }

    // ------------------------------------------------------------------------------------------------------------

    private static FieldError outletUnknown(PeriodTerms terms, String path, String outlet) {
        String codes = String.join(", ", terms.outlets().keySet());
        return error(path, FilingCode.OUTLET_UNKNOWN, "The permit has no outlet " + outlet + "; its outlets are: " + orNone(codes) + ".",
                "许可证中没有排放口" + outlet + "，其排放口为：" + orNoneZh(codes) + "。");
    }

    private static FieldError notAtOutlet(String path, String outlet, String pollutant, Set<String> there) {
        String codes = String.join(", ", there);
        return error(path, FilingCode.POLLUTANT_NOT_AT_OUTLET, "Outlet " + outlet + " is not licensed or monitored for "
                        + pollutant + "; it is for: " + orNone(codes) + ".",
                "排放口" + outlet + "未许可或未监测" + pollutant + "，其污染物为：" + orNoneZh(codes) + "。");
    }

    private static void require(Object value, String path, String en, String zh, List<FieldError> errors) {
        if (value == null) {
            errors.add(error(path, FilingCode.REQUIRED, en + " is required.", "必须填写" + zh + "。"));
        }
    }

    static FieldError error(String path, FilingCode code, String en, String zh) {
        return new FieldError(path, code.name(), Message.of(en, zh));
    }

    static Finding finding(FilingCode code, String path, String en, String zh) {
        return new Finding(code, path, code.needsExplanation(), en, zh, null);
    }

    private static String orNone(String list) {
        return list.isEmpty() ? "none" : list;
    }

    private static String orNoneZh(String list) {
        return list.isEmpty() ? "无" : list;
    }

    private static String example(ReportType type) {
        return switch (type) {
            case ANNUAL -> "2025";
            case SEMIANNUAL -> "2025-H1";
            case QUARTERLY -> "2025-Q3";
            case MONTHLY -> "2025-07";
        };
    }
}
