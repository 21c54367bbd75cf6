package org.epermit.api.filing;

import org.epermit.api.permit.FrequencyUnit;
import org.epermit.api.permit.PermitCategory;
import org.epermit.api.permit.PermitStatus;
import org.epermit.api.permit.PublicPermit;
import org.epermit.api.permit.PublicPermit.AnnualQuantity;
import org.epermit.api.permit.PublicPermit.Frequency;
import org.epermit.api.permit.PublicPermit.FrequencyApplies;
import org.epermit.api.permit.PublicPermit.Limit;
import org.epermit.api.permit.PublicPermit.LimitAveraging;
import org.epermit.api.permit.PublicPermit.Monitoring;
import org.epermit.api.permit.PublicPermit.Outlet;
import org.epermit.api.permit.PublicPermit.OutletPollutant;
import org.epermit.api.permit.monitoring.MonitoringMode;
import org.epermit.api.permit.monitoring.SamplingMethod;
import org.epermit.api.permit.reporting.Holding;
import org.epermit.api.permit.reporting.ReportType;
import org.epermit.api.permit.terms.PermitVersions;
import org.epermit.api.reference.CodeName;
import org.epermit.api.reference.Medium;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A thermal power plant's permit, held from 10 March 2023 to 9 March 2028, as the filing rules see it: air outlet
 * DA001 (SO2 ≤ 35 and NOx ≤ 50 mg/m³ as hourly means, flue-gas flow, all monitored automatically), water outlet DW001
 * (COD ≤ 50 mg/L as a daily mean and pH 6–9 per sample, sampled by hand once a month). Licensed per year: SO2 100 t,
 * NOx 150 t, COD 20 t. Annual and quarterly reports, due the 15th of the month after the period.
 */
final class PlantPermit {

    static final String NUMBER = "91130200699229617X001P";
    static final LocalDate FIRST = LocalDate.of(2023, 3, 10);
    static final LocalDate LAST = LocalDate.of(2028, 3, 9);

    private PlantPermit() {
    }

    static PermitVersions plant() {
        return plant(new BigDecimal("100"));
    }

    /** The plant with {@code so2} tonnes of SO2 licensed each year. */
    static PermitVersions plant(BigDecimal so2) {
        return new PermitVersions(1L, NUMBER, PermitCategory.KEY, PermitStatus.VALID, "4411", Holding.between(FIRST, LAST),
                List.of(new PermitVersions.VersionTerms(1, FIRST, Optional.empty(), document(1, so2))));
    }

    /** Version 1 until 30 June 2025, then version 2, which licenses {@code so2After} tonnes of SO2 a year. */
    static PermitVersions changedMid2025(BigDecimal so2After) {
        return new PermitVersions(1L, NUMBER, PermitCategory.KEY, PermitStatus.VALID, "4411", Holding.between(FIRST, LAST),
                List.of(new PermitVersions.VersionTerms(1, FIRST, Optional.of(LocalDate.of(2025, 6, 30)), document(1, new BigDecimal("100"))),
                        new PermitVersions.VersionTerms(2, LocalDate.of(2025, 7, 1), Optional.empty(), document(2, so2After))));
    }

    static PublicPermit document(int version, BigDecimal so2) {
        Monitoring automatic = new Monitoring(MonitoringMode.AUTOMATIC, new Frequency(4, 1, FrequencyUnit.DAY, "4次/日"),
                FrequencyApplies.DURING_OUTAGE, SamplingMethod.NON_CONTINUOUS, 3);
        Monitoring monthly = new Monitoring(MonitoringMode.MANUAL, new Frequency(1, 1, FrequencyUnit.MONTH, "1次/月"),
                FrequencyApplies.ALWAYS, SamplingMethod.GRAB, 1);
        Outlet air = new Outlet("DA001", "1号锅炉烟囱", Medium.AIR, PublicPermit.OutletKind.MAIN, null, null, new BigDecimal("120"), null,
                List.of(new OutletPollutant("a21026", "二氧化硫", limit(null, "35", "mg/m3", LimitAveraging.HOURLY), null, null, automatic),
                        new OutletPollutant("a21002", "氮氧化物", limit(null, "50", "mg/m3", LimitAveraging.HOURLY), null, null, automatic),
                        new OutletPollutant("a00000", "烟气流量", null, null, null, automatic)));
        Outlet water = new Outlet("DW001", "废水总排口", Medium.WATER, PublicPermit.OutletKind.MAIN, null, null, null, "陡河",
                List.of(new OutletPollutant("w01018", "化学需氧量", limit(null, "50", "mg/L", LimitAveraging.DAILY), null, null, monthly),
                        new OutletPollutant("w01001", "pH值", limit("6", "9", null, LimitAveraging.SAMPLE), null, null, monthly)));
        List<AnnualQuantity> quantities = new ArrayList<>();
        for (int year = 2023; year <= 2028; year++) {
            quantities.add(new AnnualQuantity("a21026", "二氧化硫", year, so2));
            quantities.add(new AnnualQuantity("a21002", "氮氧化物", year, new BigDecimal("150")));
            quantities.add(new AnnualQuantity("w01018", "化学需氧量", year, new BigDecimal("20")));
        }
        CodeName region = new CodeName("130203", "路北区", "Lubei District");
        CodeName industry = new CodeName("4411", "火力发电", "Thermal power generation");
        return new PublicPermit(NUMBER, version, PermitCategory.KEY, PermitStatus.VALID, FIRST, FIRST, LAST,
                new CodeName("130200", "唐山市", "Tangshan"),
                new PublicPermit.Enterprise("91130200699229617X", "唐山鑫源热电有限公司", "唐山市路北区", region, industry),
                new PublicPermit.Site("热电厂", "唐山市路北区", region, industry, List.of(), null, null),
                List.of(air, water), quantities,
                List.of(new PublicPermit.ReportObligation(ReportType.ANNUAL, new PublicPermit.ReportDeadline(1, 15)),
                        new PublicPermit.ReportObligation(ReportType.QUARTERLY, new PublicPermit.ReportDeadline(1, 15))));
    }

    private static Limit limit(String min, String max, String unit, LimitAveraging averaging) {
        return new Limit(min == null ? null : new BigDecimal(min), max == null ? null : new BigDecimal(max), unit, averaging, null);
    }
}
