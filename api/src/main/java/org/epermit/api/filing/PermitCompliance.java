package org.epermit.api.filing;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.epermit.api.permit.monitoring.MonitoringMode;
import org.epermit.api.permit.reporting.ReportType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A permit's compliance in one year, on one page: what a regulator or vendor opens first. */
@Schema(name = "PermitCompliance")
public record PermitCompliance(
        @Schema(examples = "91130200699229617X001P") String permitNumber,
        @Schema(examples = "2025") int year,
        @Schema(description = "The day the figures are reckoned on (China time)") LocalDate asOf,
        ReportCounts reports,
        @Schema(description = "Every report the year requires, with its status (as GET …/obligations)")
        List<PermitObligations.ReportObligationStatus> reportStatuses,
        @Schema(description = "Self-monitoring completeness per requirement") List<Completeness> monitoring,
        @Schema(description = "Exceedances per outlet and pollutant: found in the monitoring records, and declared in the reports")
        List<ExceedanceCount> exceedances,
        @Schema(description = "Actual emissions beside the licensed quantity of the year's held days, per licensed pollutant")
        List<EmissionsAgainstLicence> emissions,
        @Schema(description = "The findings of the current versions of the year's reports") List<OpenFinding> findings) {

    @Schema(name = "ComplianceReportCounts", description = "Reports whose period ends in the year: those due so far "
            + "(deadline passed or filed), filed on time or late, and missing (deadline passed, not filed)")
    public record ReportCounts(int required, int due, int submitted, int onTime, int late, int missing, int notYetDue) {
    }

    @Schema(name = "MonitoringCompletenessOfYear")
    public record Completeness(String outletCode, String pollutantCode, MonitoringMode mode,
                               @Schema(description = "Samples required up to asOf (or the year's end)") long required,
                               @Schema(description = "Valid records received") long received,
                               @Schema(description = "received / required, at most 1; null when nothing is required yet",
                                       nullable = true) BigDecimal ratio) {
    }

    @Schema(name = "ExceedanceCount")
    public record ExceedanceCount(String outletCode, String pollutantCode,
                                  @Schema(description = "Records over their limit") long recorded,
                                  @Schema(description = "Exceedances declared in the current versions of the year's reports") long declared) {
    }

    @Schema(name = "EmissionsAgainstLicence")
    public record EmissionsAgainstLicence(String pollutantCode,
                                          @Schema(description = "Licensed quantity of the year's held days, t") BigDecimal licensedTonnes,
                                          @Schema(nullable = true, description = "Actual emissions, t: the annual report's, or the "
                                                  + "sum of the quarterly reports' while the annual report is not filed") BigDecimal actualTonnes,
                                          @Schema(description = "ANNUAL_REPORT, QUARTERLY_REPORTS (partial year) or NONE") Source source,
                                          @Schema(nullable = true, description = "actual / licensed") BigDecimal ratio) {
    }

    @Schema(name = "EmissionsSource")
    public enum Source { ANNUAL_REPORT, QUARTERLY_REPORTS, NONE }

    @Schema(name = "OpenFinding")
    public record OpenFinding(long reportId, ReportType type, String period, int version, Finding finding) {
    }
}
