package org.epermit.api.permit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.epermit.api.permit.monitoring.MonitoringMode;
import org.epermit.api.permit.monitoring.SamplingMethod;
import org.epermit.api.permit.reporting.ReportType;
import org.epermit.api.reference.CodeName;
import org.epermit.api.reference.Medium;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The public disclosure (信息公开) of a permit version. The database renders it (permit_public_document); this
 * record is its contract, checked against the rendered document by a test.
 */
@Schema(name = "PublicPermit", description = "Public view of a permit: what the permit's copy discloses")
public record PublicPermit(
        @Schema(examples = "91130200699229617X001P") String permitNumber,
        @Schema(description = "Version of the permit; every change, renewal or reissue creates a new one", examples = "2") int version,
        PermitCategory category,
        PermitStatus status,
        @Schema(description = "Date this version was issued") LocalDate issueDate,
        LocalDate validFrom,
        @Schema(description = "Last day of validity") LocalDate validTo,
        @Schema(description = "The issuing ecology and environment authority, by its region; null for a registration "
                + "receipt (登记回执), which the unit files itself and no authority decides", nullable = true)
        CodeName issuingAuthority,
        Enterprise enterprise,
        Site site,
        List<Outlet> outlets,
        @Schema(description = "Annual licensed quantities (许可排放量) for the whole site, per pollutant and year")
        List<AnnualQuantity> annualQuantities,
        @Schema(description = "Execution reports (执行报告) the permit requires, with the deadlines its copy sets")
        List<ReportObligation> reportObligations) {

    @Schema(name = "PublicPermitEnterprise", description = "The discharge unit's public fields")
    public record Enterprise(
            @Schema(examples = "91130200699229617X") String creditCode,
            @Schema(examples = "唐山鑫源热电有限公司") String name,
            String address,
            CodeName region,
            CodeName industry) {
    }

    @Schema(name = "PermitSite", description = "The site the permit covers")
    public record Site(String name, String address, CodeName region,
                       @Schema(description = "The site's main GB/T 4754-2017 industry class (主码)") CodeName industry,
                       @Schema(description = "The site's secondary industry classes (副码), by code; a search by "
                               + "industry finds the site by any of its classes")
                       List<CodeName> secondaryIndustries,
                       @Schema(nullable = true) BigDecimal longitude,
                       @Schema(nullable = true) BigDecimal latitude) {
    }

    @Schema(name = "Outlet", description = "A discharge outlet (排放口) and what it may emit")
    public record Outlet(
            @Schema(description = "DA### for air, DW### for water", examples = "DA001") String code,
            String name,
            Medium medium,
            OutletKind kind,
            @Schema(nullable = true) BigDecimal longitude,
            @Schema(nullable = true) BigDecimal latitude,
            @Schema(description = "Stack height in metres (air outlets)", nullable = true) BigDecimal stackHeightMeters,
            @Schema(description = "Receiving water body (water outlets)", nullable = true) String receivingWater,
            List<OutletPollutant> pollutants) {
    }

    @Schema(name = "OutletPollutant", description = "A licensed pollutant at an outlet: its limit and how it is monitored")
    public record OutletPollutant(
            @Schema(description = "HJ 212-2017 code", examples = "a21026") String pollutantCode,
            @Schema(examples = "二氧化硫") String pollutantName,
            // No description here: with one, SmallRye writes "type: object" beside the nullable anyOf, and null fails
            // it (PublicPermitDocumentTest). What null means is said in the schemas' own descriptions.
            @Schema(nullable = true) Limit limit,
            @Schema(nullable = true) StandardCitation standard,
            @Schema(description = "Emission rate limit in kg/h, where licensed", nullable = true) BigDecimal rateLimitKgPerHour,
            Monitoring monitoring) {
    }

    @Schema(name = "PollutantLimit", description = "A licensed limit: an upper bound, or a range where the standard "
            + "gives one (pH 6–9), on the value it names. An outlet pollutant's limit is null when the parameter is "
            + "monitored but not limited (flow)")
    public record Limit(
            @Schema(description = "Lower bound of a range; null when the limit is an upper bound only",
                    nullable = true, examples = "6") BigDecimal min,
            @Schema(description = "Upper bound; null for a limit with a lower bound only", nullable = true,
                    examples = "35") BigDecimal max,
            @Schema(description = "Unit of the bounds; null when dimensionless (pH)", nullable = true,
                    examples = "mg/m3") String unit,
            LimitAveraging averaging,
            @Schema(description = "Air: the reference oxygen content (%) the limit is at; measured values are converted "
                    + "to it (HJ 212-2017 ZsAvg) before they are compared. Null when the limit is on the measured value",
                    nullable = true, examples = "6") BigDecimal referenceOxygenPercent) {
    }

    @Schema(name = "LimitAveraging", description = "The value a limit applies to: the valid hourly mean, the valid "
            + "daily mean, or each single sample (pH, manual samples)")
    public enum LimitAveraging { HOURLY, DAILY, SAMPLE }

    @Schema(name = "StandardCitation", description = "The emission standard, and the table of it, that a limit "
            + "comes from (null where there is no limit). Special emission limits (特别排放限值) and local standards "
            + "(DB…) have tables of their own")
    public record StandardCitation(
            @Schema(examples = "GB 13223-2011") String code,
            @Schema(description = "Chinese name", examples = "火电厂大气污染物排放标准") String name,
            @Schema(description = "English name", examples = "Emission standard of air pollutants for thermal power plants")
            String nameEn,
            StandardKind kind,
            @Schema(description = "The table, as the standard numbers it; null when the permit does not say",
                    nullable = true, examples = "表1") String table,
            @Schema(description = "Whether the table gives special emission limits (特别排放限值)") boolean special) {
    }

    @Schema(name = "StandardKind", description = "NATIONAL (GB…) or LOCAL (DB…, issued by a province)")
    public enum StandardKind { NATIONAL, LOCAL }

    @Schema(name = "MonitoringRequirement", description = "Self-monitoring (自行监测, HJ 819-2017) required for a pollutant at an outlet")
    public record Monitoring(
            MonitoringMode mode,
            @Schema(description = "How often a manual sample is taken; for AUTOMATIC monitoring, while the monitor is "
                    + "out of service (see frequencyApplies)") Frequency frequency,
            FrequencyApplies frequencyApplies,
            @Schema(description = "How a manual sample is taken", nullable = true) SamplingMethod samplingMethod,
            @Schema(description = "Samples taken at each monitoring event", examples = "3") int samplesPerEvent) {
    }

    @Schema(name = "MonitoringFrequency", description = "A frequency as permits write it, a count per period: "
            + "1次/2小时 is count 1, every 2, HOUR; 4次/日 is count 4, every 1, DAY")
    public record Frequency(
            @Schema(description = "Samples (events) per period", examples = "1") int count,
            @Schema(description = "Length of the period in units", examples = "2") int every,
            FrequencyUnit unit,
            @Schema(description = "The frequency as the permit writes it", examples = "1次/2小时") String notation) {
    }

    @Schema(name = "FrequencyApplies", description = "When the frequency applies: ALWAYS for manual monitoring; "
            + "DURING_OUTAGE for automatic monitoring, whose manual frequency applies while the monitor is out of service")
    public enum FrequencyApplies { ALWAYS, DURING_OUTAGE }

    @Schema(name = "AnnualQuantity")
    public record AnnualQuantity(
            @Schema(examples = "a21026") String pollutantCode,
            @Schema(examples = "二氧化硫") String pollutantName,
            @Schema(examples = "2026") int year,
            @Schema(description = "Licensed quantity in tonnes per year", examples = "125.5") BigDecimal tonnes) {
    }

    public enum OutletKind {
        /** 主要排放口 */
        MAIN,
        /** 一般排放口 */
        GENERAL
    }

    @Schema(name = "ReportObligation", description = "An execution report (执行报告, HJ 944-2018) the permit requires")
    public record ReportObligation(ReportType type, ReportDeadline deadline) {
    }

    @Schema(name = "ReportDeadline", description = "When a report is due, as the permit's copy sets it: on `day` of "
            + "the `monthsAfterPeriod`-th month after the period ends (a day past the month's end is its last day): "
            + "15 January for an annual report is (1, 15), the end of January (1, 31). Yearly extensions by the "
            + "ministry are not part of the permit")
    public record ReportDeadline(
            @Schema(examples = "1") int monthsAfterPeriod,
            @Schema(examples = "15") int day) {
    }
}
