package org.epermit.api.filing;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.epermit.api.permit.monitoring.MonitoringMode;
import org.epermit.api.permit.reporting.ReportType;

import java.time.LocalDate;
import java.util.List;

/** What a permit requires in one year: every execution report with its status, every monitoring requirement. */
@Schema(name = "PermitObligations")
public record PermitObligations(
        @Schema(examples = "91130200699229617X001P") String permitNumber,
        @Schema(examples = "2025") int year,
        @Schema(description = "The day the statuses are reckoned on (China time)") LocalDate asOf,
        @Schema(description = "Every period of every report type the permit requires whose period ends in the year, by deadline")
        List<ReportObligationStatus> reports,
        @Schema(description = "Every self-monitoring requirement, with the samples required in the year's held days and those received")
        List<MonitoringObligation> monitoring) {

    @Schema(name = "ObligationStatus", description = "NOT_DUE: the period has not ended; DUE: ended, deadline not passed; "
            + "SUBMITTED_ON_TIME / SUBMITTED_LATE: filed; OVERDUE: deadline passed, not filed; NOT_REQUIRED: a skip rule applies")
    public enum Status { NOT_DUE, DUE, SUBMITTED_ON_TIME, SUBMITTED_LATE, OVERDUE, NOT_REQUIRED }

    @Schema(name = "SkipRule", description = "Why a period needs no report of its own: FOLDED_INTO_NEXT (held too briefly; "
            + "the next report covers it), COVERED_BY_LONGER_REPORT (the annual report stands in for Q4 and December, a "
            + "quarterly report for its last month), HELD_TOO_BRIEFLY (and no later report covers it), NOT_HELD")
    public enum SkipRule { FOLDED_INTO_NEXT, COVERED_BY_LONGER_REPORT, HELD_TOO_BRIEFLY, NOT_HELD }

    @Schema(name = "ReportObligationStatus")
    public record ReportObligationStatus(
            ReportType type,
            @Schema(examples = "2025-Q3") String period,
            @Schema(nullable = true, description = "First day the report covers; null when not required") LocalDate coversFrom,
            @Schema(nullable = true) LocalDate coversTo,
            @Schema(nullable = true, description = "The deadline; null when not required") LocalDate dueDate,
            Status status,
            @Schema(nullable = true) SkipRule skipRule,
            @Schema(nullable = true, description = "The report that covers a skipped period", examples = "2025-Q2") String coveredBy,
            @Schema(nullable = true, description = "The filed report's id") Long reportId,
            @Schema(nullable = true, description = "Days late, for a late or overdue report") Integer daysLate) {
    }

    @Schema(name = "MonitoringObligation")
    public record MonitoringObligation(
            @Schema(examples = "DA001") String outletCode,
            @Schema(examples = "a21026") String pollutantCode,
            MonitoringMode mode,
            @Schema(description = "Samples required in the year's held days: manual samples, or for automatic monitoring one "
                    + "valid hourly mean per hour") long requiredSamples,
            @Schema(description = "Samples required up to the day before asOf") long requiredToDate,
            @Schema(description = "Valid records received so far") long receivedSamples) {
    }
}
