package org.epermit.api.application;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.epermit.api.permit.FrequencyUnit;
import org.epermit.api.permit.PermitCategory;
import org.epermit.api.permit.PublicPermit;
import org.epermit.api.permit.monitoring.MonitoringMode;
import org.epermit.api.permit.monitoring.SamplingMethod;
import org.epermit.api.permit.reporting.ReportType;
import org.epermit.api.reference.Medium;

import java.math.BigDecimal;
import java.util.List;

/**
 * The permit an INITIAL application or a REAPPLICATION asks for (许可证草案): the site, its category and industries, the
 * outlets with their licensed pollutants, limits, standards and monitoring, the annual licensed quantities and the
 * execution reports it will owe. It is checked like a filing ({@link DraftRules}) and, once approved, written as the
 * permit's rows ({@link PermitDraftWriter}). Every field is nullable in Java so that a missing one is reported with its
 * JSON pointer rather than refused as unreadable.
 */
@Schema(name = "PermitDraft", description = "The permit applied for, in the shape the permit's copy (副本) has")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PermitDraft(
        @Schema(required = true) Site site,
        @Schema(required = true, description = "KEY or SIMPLIFIED; REGISTRATION units register themselves") PermitCategory category,
        @Schema(required = true, description = "The main industry class (主码), GB/T 4754-2017, 4 digits", examples = "4411")
        String mainIndustry,
        @Schema(nullable = true, description = "Secondary industry classes (副码), 4 digits each") List<String> secondaryIndustries,
        @Schema(required = true, description = "At least one outlet") List<Outlet> outlets,
        @Schema(nullable = true, description = "Annual licensed quantities (许可排放量) of pollutants licensed at an outlet")
        List<AnnualQuantity> annualQuantities,
        @Schema(required = true, description = "The execution reports the permit will require; the category's mandatory ones at least")
        List<ReportObligation> reportObligations) {

    /** Years of validity a permit is issued for (Order 736): an annual quantity gives one value for each. */
    public static final int VALIDITY_YEARS = 5;

    @Schema(name = "DraftSite", description = "The site the permit is for")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Site(
            @Schema(required = true, maxLength = 200, examples = "唐山热电厂") String name,
            @Schema(required = true, maxLength = 200, examples = "河北省唐山市路北区热电路1号") String address,
            @Schema(required = true, description = "GB/T 2260 county-level division of the site", examples = "130203") String regionCode,
            @Schema(nullable = true, examples = "118.18") BigDecimal longitude,
            @Schema(nullable = true, examples = "39.63") BigDecimal latitude) {
    }

    @Schema(name = "DraftOutlet", description = "A discharge outlet (排放口) and what it may emit")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Outlet(
            @Schema(required = true, description = "DA### for air, DW### for water", examples = "DA001") String code,
            @Schema(required = true, maxLength = 200, examples = "1#锅炉烟囱") String name,
            @Schema(required = true) Medium medium,
            @Schema(required = true, description = "MAIN (主要排放口, KEY permits only) or GENERAL") PublicPermit.OutletKind kind,
            @Schema(nullable = true) BigDecimal longitude,
            @Schema(nullable = true) BigDecimal latitude,
            @Schema(nullable = true, description = "Stack height in metres (air outlets: required)", examples = "180") BigDecimal stackHeightMeters,
            @Schema(nullable = true, maxLength = 200, description = "Receiving water body (water outlets: required)", examples = "陡河")
            String receivingWater,
            @Schema(required = true, description = "At least one pollutant, each once") List<OutletPollutant> pollutants) {
    }

    @Schema(name = "DraftOutletPollutant", description = "A pollutant licensed at an outlet: its limit, the standard it comes from, its monitoring")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OutletPollutant(
            @Schema(required = true, description = "HJ 212-2017 code of the outlet's medium", examples = "a21026") String pollutantCode,
            @Schema(nullable = true, description = "The concentration limit; none for a parameter monitored but not limited (flow)") Limit limit,
            @Schema(nullable = true, description = "The standard the limit comes from (required with a limit)") Standard standard,
            @Schema(nullable = true, description = "Emission rate limit in kg/h (air)", examples = "35") BigDecimal rateLimitKgPerHour,
            @Schema(required = true) Monitoring monitoring) {
    }

    @Schema(name = "DraftLimit", description = "A concentration limit: an upper bound, or a range (pH 6–9)")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Limit(
            @Schema(nullable = true, description = "Lower bound of a range", examples = "6") BigDecimal min,
            @Schema(nullable = true, description = "Upper bound (required unless the limit is a lower bound only)", examples = "35") BigDecimal max,
            @Schema(required = true, description = "The pollutant's unit (GET /v1/reference/pollutants): mg/m3 for air, mg/L for water, dimensionless for pH",
                    examples = "mg/m3") String unit,
            @Schema(nullable = true, description = "The value it applies to; by default the standard's (air HOURLY, water DAILY, pH SAMPLE)")
            PublicPermit.LimitAveraging averaging,
            @Schema(nullable = true, description = "Air: the reference oxygen content (%) the limit is at", examples = "6")
            BigDecimal referenceOxygenPercent) {
    }

    @Schema(name = "DraftStandard", description = "The emission standard, and its table, a limit comes from")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Standard(
            @Schema(required = true, examples = "GB 13223-2011") String code,
            @Schema(nullable = true, description = "The table, as the standard numbers it; when absent, every table of the standard for the medium",
                    examples = "表1") String table) {
    }

    @Schema(name = "DraftMonitoring", description = "Self-monitoring (自行监测, HJ 819-2017) of the pollutant at the outlet")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Monitoring(
            @Schema(required = true) MonitoringMode mode,
            @Schema(required = true, description = "MANUAL: how often samples are taken; AUTOMATIC: the manual frequency while the monitor is out of service")
            Frequency frequency,
            @Schema(nullable = true, description = "How a manual sample is taken; by default NON_CONTINUOUS for air, GRAB for water")
            SamplingMethod samplingMethod,
            @Schema(nullable = true, minimum = "1", maximum = "24", description = "Samples per event; by default 3 for air, 1 for water")
            Integer samplesPerEvent) {
    }

    @Schema(name = "DraftFrequency", description = "A count per period, as permits write it: 1次/2小时 is (1, 2, HOUR), 4次/日 (4, 1, DAY)")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Frequency(
            @Schema(required = true, minimum = "1", maximum = "1000", examples = "1") Integer count,
            @Schema(nullable = true, minimum = "1", maximum = "1000", description = "Length of the period in units; 1 by default", examples = "2")
            Integer every,
            @Schema(required = true) FrequencyUnit unit) {
    }

    @Schema(name = "DraftAnnualQuantity", description = "A site's licensed quantity of a pollutant (t/a), for each year of validity")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AnnualQuantity(
            @Schema(required = true, examples = "a21026") String pollutantCode,
            @Schema(required = true, description = "Tonnes for each of the 5 years of validity, in order (the first year starts on the decision)",
                    examples = "[125.5, 125.5, 120, 120, 115]") List<BigDecimal> tonnes) {
    }

    @Schema(name = "DraftReportObligation", description = "An execution report (执行报告, HJ 944-2018) the permit will require")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReportObligation(
            @Schema(required = true) ReportType type,
            @Schema(nullable = true, description = "When it is due; by default the category's usual deadline") PublicPermit.ReportDeadline deadline) {
    }
}
