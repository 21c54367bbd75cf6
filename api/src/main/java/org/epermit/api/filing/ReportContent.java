package org.epermit.api.filing;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.epermit.api.permit.reporting.ReportType;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An execution report (执行报告, HJ 944-2018) as a vendor or enterprise submits it, validates it or corrects it; the
 * blank report is one of these with what the permit and our records already know filled in. Paths in errors and
 * findings are JSON pointers into this body ({@code /actualEmissions/0/tonnes}).
 */
@Schema(name = "ExecutionReportContent", description = "An execution report's content, as submitted")
public record ReportContent(
        @Schema(description = "The report type; in a correction, absent or the report's own", nullable = true) ReportType type,
        @Schema(description = "The period: 2025 (annual), 2025-H1, 2025-Q3, 2025-07; in a correction, absent or the report's own",
                nullable = true, examples = "2025") String period,
        @Schema(description = "The unit stopped production for the whole period (停产): the report carries an explanation "
                + "instead of figures", nullable = true) Boolean stoppage,
        @Schema(description = "Why the unit stopped; required with stoppage", nullable = true) String stoppageExplanation,
        @Schema(description = "Actual emissions (实际排放量) per licensed pollutant, in tonnes for the period", nullable = true)
        List<ActualEmission> actualEmissions,
        @Schema(description = "Exceedances of a limit (超标) in the period, each with its reason and measures", nullable = true)
        List<Exceedance> exceedances,
        @Schema(description = "Self-monitoring completeness per requirement: required vs performed samples", nullable = true)
        List<MonitoringCompleteness> monitoring,
        @Schema(description = "Abnormal operating conditions and facility faults (非正常工况)", nullable = true)
        List<AbnormalCondition> abnormalConditions,
        @Schema(nullable = true) Statements statements,
        @Schema(nullable = true) Signatory signatory,
        @Schema(description = "Explanations of the findings that need one, by the finding's code and path", nullable = true)
        List<Acknowledgement> acknowledgements) {

    public ReportContent {
        actualEmissions = actualEmissions == null ? List.of() : List.copyOf(actualEmissions);
        exceedances = exceedances == null ? List.of() : List.copyOf(exceedances);
        monitoring = monitoring == null ? List.of() : List.copyOf(monitoring);
        abnormalConditions = abnormalConditions == null ? List.of() : List.copyOf(abnormalConditions);
        acknowledgements = acknowledgements == null ? List.of() : List.copyOf(acknowledgements);
    }

    public boolean isStoppage() {
        return Boolean.TRUE.equals(stoppage);
    }

    /** This content with {@code type} and {@code period} set (a correction inherits its report's). */
    public ReportContent of(ReportType type, String period) {
        return new ReportContent(type, period, stoppage, stoppageExplanation, actualEmissions, exceedances, monitoring,
                abnormalConditions, statements, signatory, acknowledgements);
    }

    @Schema(name = "EmissionMethod", description = "How actual emissions were determined: from monitoring data, "
            + "calculated (material balance, emission factors), or estimated")
    public enum EmissionMethod { MEASURED, CALCULATED, ESTIMATED }

    @Schema(name = "ActualEmission")
    public record ActualEmission(
            @Schema(examples = "a21026") String pollutantCode,
            @Schema(description = "Tonnes in the period", examples = "12.43") BigDecimal tonnes,
            EmissionMethod method,
            @Schema(description = "Pre-filled in the blank report: the licensed quantity for the period, pro rata; "
                    + "ignored on submission", nullable = true, readOnly = true) BigDecimal licensedTonnes) {
    }

    @Schema(name = "DeclaredExceedance")
    public record Exceedance(
            @Schema(examples = "DA001") String outletCode,
            @Schema(examples = "a21026") String pollutantCode,
            OffsetDateTime from,
            OffsetDateTime to,
            @Schema(description = "The measured value, in the limit's unit", examples = "52.1") BigDecimal measuredValue,
            @Schema(description = "The permit's limit; absent or the permit's own", nullable = true, examples = "35") BigDecimal limitValue,
            @Schema(description = "Why the limit was exceeded") String reason,
            @Schema(description = "What was done about it", nullable = true) String measures) {
    }

    @Schema(name = "MonitoringCompleteness")
    public record MonitoringCompleteness(
            @Schema(examples = "DW001") String outletCode,
            @Schema(examples = "w01018") String pollutantCode,
            @Schema(description = "Samples the permit requires in the period (as the blank report states it); absent or that count",
                    nullable = true) Long requiredSamples,
            @Schema(description = "Samples taken in the period") Long performedSamples,
            @Schema(description = "Pre-filled in the blank report: the samples we hold records of; ignored on submission",
                    nullable = true, readOnly = true) Long recordedSamples) {
    }

    @Schema(name = "AbnormalCondition")
    public record AbnormalCondition(OffsetDateTime from, OffsetDateTime to, String description,
                                    @Schema(nullable = true) String measures) {
    }

    @Schema(name = "ReportStatements", description = "The statements a report confirms")
    public record Statements(
            @Schema(description = "The environmental management ledger (台账) is kept as the permit requires") Boolean ledgerKept,
            @Schema(description = "The information the permit requires was disclosed (信息公开)") Boolean disclosed,
            @Schema(description = "The unit commits that the report is true (承诺书); must be true") Boolean truthful) {
    }

    @Schema(name = "Signatory", description = "Who signs the report for the unit, and in what role")
    public record Signatory(@Schema(examples = "王建国") String name,
                            @Schema(examples = "法定代表人") String role) {
    }

    @Schema(name = "Acknowledgement", description = "An explanation of a finding that needs one")
    public record Acknowledgement(
            @Schema(examples = "EMISSIONS_ABOVE_LICENSED") String code,
            @Schema(examples = "/actualEmissions/0/tonnes") String path,
            String explanation) {
    }
}
