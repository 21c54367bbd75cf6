package org.epermit.api.permit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
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
        @Schema(description = "The issuing ecology and environment authority, by its region; null for a registration receipt (登记回执), which the unit files itself", nullable = true) CodeName issuingAuthority,
        Enterprise enterprise,
        Site site,
        List<Outlet> outlets,
        @Schema(description = "Annual licensed quantities (许可排放量) for the whole site, per pollutant and year")
        List<AnnualQuantity> annualQuantities,
        @Schema(description = "Execution reports (执行报告) the permit requires")
        List<ReportType> reportObligations) {

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
                       @Schema(description = "GB/T 4754-2017 industry class of the site") CodeName industry,
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
            @Schema(description = "Concentration limit; null when the parameter is monitored but not limited (flow)",
                    nullable = true, examples = "35") BigDecimal limit,
            @Schema(nullable = true, examples = "mg/m3") String unit,
            @Schema(description = "Emission standard the limit comes from", nullable = true, examples = "GB 13223-2011")
            String standard,
            @Schema(description = "Emission rate limit in kg/h, where licensed", nullable = true) BigDecimal rateLimitKgPerHour,
            Monitoring monitoring) {
    }

    @Schema(name = "MonitoringRequirement", description = "Self-monitoring (自行监测) required for a pollutant at an outlet")
    public record Monitoring(
            MonitoringMode mode,
            @Schema(description = "Manual sampling frequency; for AUTOMATIC monitoring, the frequency that applies while the monitor is out of service")
            MonitoringFrequency manualFrequency) {
    }

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

    public enum MonitoringMode { AUTOMATIC, MANUAL }

    public enum MonitoringFrequency { DAILY, WEEKLY, MONTHLY, QUARTERLY, HALF_YEARLY, YEARLY }

    public enum ReportType { ANNUAL, SEMIANNUAL, QUARTERLY, MONTHLY }
}
