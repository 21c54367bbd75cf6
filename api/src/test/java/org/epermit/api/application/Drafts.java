package org.epermit.api.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.epermit.api.common.CreditCode;
import org.epermit.api.permit.FrequencyUnit;
import org.epermit.api.permit.PermitCategory;
import org.epermit.api.permit.PublicPermit;
import org.epermit.api.permit.monitoring.MonitoringMode;
import org.epermit.api.permit.reporting.ReportType;
import org.epermit.api.reference.Medium;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Permit drafts for tests: a thermal power plant's (class 4411, KEY) as the reference data of V2 and V11 allows it, the
 * part of that reference data the rules need as a {@link DraftCatalogue}, and fresh credit codes valid in full.
 */
final class Drafts {

    private Drafts() {
    }

    static final ObjectMapper JSON = new ObjectMapper();

    /** The reference data of the migrations, abridged to what the tests' drafts cite. */
    static final DraftCatalogue CATALOGUE = new DraftCatalogue(
            Map.of("a00000", new DraftCatalogue.Pollutant("a00000", Medium.AIR, "m3/s", true),
                    "a21026", new DraftCatalogue.Pollutant("a21026", Medium.AIR, "mg/m3", false),
                    "a21002", new DraftCatalogue.Pollutant("a21002", Medium.AIR, "mg/m3", false),
                    "a34013", new DraftCatalogue.Pollutant("a34013", Medium.AIR, "mg/m3", false),
                    "w00000", new DraftCatalogue.Pollutant("w00000", Medium.WATER, "L/s", true),
                    "w01018", new DraftCatalogue.Pollutant("w01018", Medium.WATER, "mg/L", false),
                    "w21003", new DraftCatalogue.Pollutant("w21003", Medium.WATER, "mg/L", false),
                    "w01001", new DraftCatalogue.Pollutant("w01001", Medium.WATER, "dimensionless", false)),
            Map.of("130000", new DraftCatalogue.Region("130000", 1, false), "130200", new DraftCatalogue.Region("130200", 2, false),
                    "130201", new DraftCatalogue.Region("130201", 2, true), "130203", new DraftCatalogue.Region("130203", 3, false),
                    "440305", new DraftCatalogue.Region("440305", 3, false)),
            Set.of("44", "441", "4411", "4412", "3011", "4430"),
            Map.of("4411", Set.of(PermitCategory.KEY), "4412", Set.of(PermitCategory.KEY),
                    "4430", Set.of(PermitCategory.KEY, PermitCategory.SIMPLIFIED, PermitCategory.REGISTRATION)),
            Map.of("GB 13223-2011", new DraftCatalogue.Standard("GB 13223-2011", Medium.AIR, Map.of("表1", Medium.AIR, "表2", Medium.AIR), Set.of("表2")),
                    "GB 8978-1996", new DraftCatalogue.Standard("GB 8978-1996", Medium.WATER, Map.of("表1", Medium.WATER, "表4 一级", Medium.WATER), Set.of())),
            Map.of(limit("GB 13223-2011", "表1", "a34013"), List.of(new DraftCatalogue.ReferenceLimit(null, new BigDecimal("30"))),
                    limit("GB 13223-2011", "表1", "a21026"), List.of(new DraftCatalogue.ReferenceLimit(null, new BigDecimal("100"))),
                    limit("GB 13223-2011", "表1", "a21002"), List.of(new DraftCatalogue.ReferenceLimit(null, new BigDecimal("100"))),
                    limit("GB 13223-2011", "表2", "a34013"), List.of(new DraftCatalogue.ReferenceLimit(null, new BigDecimal("20"))),
                    limit("GB 13223-2011", "表2", "a21026"), List.of(new DraftCatalogue.ReferenceLimit(null, new BigDecimal("50"))),
                    limit("GB 8978-1996", "表1", "w20116"), List.of(new DraftCatalogue.ReferenceLimit(null, new BigDecimal("1.5"))),
                    limit("GB 8978-1996", "表4 一级", "w01018"), List.of(new DraftCatalogue.ReferenceLimit(null, new BigDecimal("100"))),
                    limit("GB 8978-1996", "表4 一级", "w21003"), List.of(new DraftCatalogue.ReferenceLimit(null, new BigDecimal("15"))),
                    limit("GB 8978-1996", "表4 一级", "w01001"), List.of(new DraftCatalogue.ReferenceLimit(new BigDecimal("6"), new BigDecimal("9")))),
            Map.of(PermitCategory.KEY, Map.of(ReportType.ANNUAL, new DraftCatalogue.ObligationDefault(true, 1, 15),
                            ReportType.QUARTERLY, new DraftCatalogue.ObligationDefault(true, 1, 15),
                            ReportType.MONTHLY, new DraftCatalogue.ObligationDefault(false, 1, 15)),
                    PermitCategory.SIMPLIFIED, Map.of(ReportType.ANNUAL, new DraftCatalogue.ObligationDefault(true, 1, 15),
                            ReportType.QUARTERLY, new DraftCatalogue.ObligationDefault(false, 1, 15),
                            ReportType.SEMIANNUAL, new DraftCatalogue.ObligationDefault(false, 1, 15))),
            Map.of("4411", Map.of(Medium.AIR, Set.of("a00000", "a21026", "a21002", "a34013"), Medium.WATER, Set.of("w00000", "w01001", "w01018", "w21003")),
                    DraftCatalogue.ANY_INDUSTRY, Map.of(Medium.AIR, Set.of("a00000", "a21026", "a21002", "a34013"),
                            Medium.WATER, Set.of("w00000", "w01001", "w01018", "w21003"))),
            // the 2+26 cities' air (Tangshan among them), the Taihu basin's water (Wuxi)
            Map.of(Medium.AIR, Set.of("11", "1302"), Medium.WATER, Set.of("3202")));

    static DraftCatalogue.LimitKey limit(String standard, String table, String pollutant) {
        return new DraftCatalogue.LimitKey(standard, table, pollutant);
    }

    static PermitDraft.OutletPollutant automatic(String code, String max, String unit, String standard, String table) {
        return new PermitDraft.OutletPollutant(code, max == null ? null : new PermitDraft.Limit(null, new BigDecimal(max), unit, null, null),
                standard == null ? null : new PermitDraft.Standard(standard, table), null,
                new PermitDraft.Monitoring(MonitoringMode.AUTOMATIC, new PermitDraft.Frequency(4, 1, FrequencyUnit.DAY), null, null));
    }

    static PermitDraft.OutletPollutant manual(String code, String max, String unit, String standard, String table, FrequencyUnit every) {
        return new PermitDraft.OutletPollutant(code, max == null ? null : new PermitDraft.Limit(null, new BigDecimal(max), unit, null, null),
                standard == null ? null : new PermitDraft.Standard(standard, table), null,
                new PermitDraft.Monitoring(MonitoringMode.MANUAL, new PermitDraft.Frequency(1, 1, every), null, null));
    }

    static PermitDraft.Outlet stack(String code, PublicPermit.OutletKind kind, List<PermitDraft.OutletPollutant> pollutants) {
        return new PermitDraft.Outlet(code, code + "锅炉烟囱", Medium.AIR, kind, new BigDecimal("118.18"), new BigDecimal("39.63"),
                new BigDecimal("180"), null, pollutants);
    }

    static PermitDraft.Outlet drain(String code, PublicPermit.OutletKind kind, List<PermitDraft.OutletPollutant> pollutants) {
        return new PermitDraft.Outlet(code, "废水总排放口", Medium.WATER, kind, null, null, null, "陡河", pollutants);
    }

    static List<BigDecimal> tonnes(String each) {
        return List.of(new BigDecimal(each), new BigDecimal(each), new BigDecimal(each), new BigDecimal(each), new BigDecimal(each));
    }

    /** A KEY thermal power plant: one main stack monitored automatically, one main wastewater outlet, quantities, reports. */
    static PermitDraft powerPlant(String siteName) {
        return new PermitDraft(new PermitDraft.Site(siteName, "河北省唐山市路北区热电路1号", "130203", new BigDecimal("118.18"), new BigDecimal("39.63")),
                PermitCategory.KEY, "4411", List.of("4412"),
                List.of(stack("DA001", PublicPermit.OutletKind.MAIN, List.of(
                                automatic("a00000", null, null, null, null),
                                automatic("a34013", "10", "mg/m3", "GB 13223-2011", "表1"),
                                automatic("a21026", "35", "mg/m3", "GB 13223-2011", "表1"),
                                automatic("a21002", "50", "mg/m3", "GB 13223-2011", "表1"))),
                        drain("DW001", PublicPermit.OutletKind.MAIN, List.of(
                                automatic("w01018", "50", "mg/L", "GB 8978-1996", "表4 一级"),
                                automatic("w21003", "8", "mg/L", "GB 8978-1996", "表4 一级"),
                                new PermitDraft.OutletPollutant("w01001", new PermitDraft.Limit(new BigDecimal("6"), new BigDecimal("9"), "dimensionless", null, null),
                                        new PermitDraft.Standard("GB 8978-1996", "表4 一级"), null,
                                        new PermitDraft.Monitoring(MonitoringMode.AUTOMATIC, new PermitDraft.Frequency(4, 1, FrequencyUnit.DAY), null, null))))),
                List.of(new PermitDraft.AnnualQuantity("a21026", tonnes("120.5")), new PermitDraft.AnnualQuantity("a21002", tonnes("310")),
                        new PermitDraft.AnnualQuantity("w01018", tonnes("40"))),
                List.of(new PermitDraft.ReportObligation(ReportType.ANNUAL, null), new PermitDraft.ReportObligation(ReportType.QUARTERLY,
                        new PublicPermit.ReportDeadline(1, 20))));
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A credit code nobody holds yet, valid in full (both check characters): a company (91) registered in Tangshan's Lubei. */
    static String newCreditCode() {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        StringBuilder org = new StringBuilder();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 8; i++) {
            org.append("0123456789ABCDEFGHJKLMNPQRTUWXY".charAt(random.nextInt(alphabet.length())));
        }
        char orgCheck = CreditCode.organisationCheckCharacter(org.toString());
        if (alphabet.indexOf(orgCheck) < 0) {
            return newCreditCode(); // an organisation check character the credit code's alphabet lacks
        }
        String first17 = "91130203" + org + orgCheck;
        return first17 + CreditCode.checkCharacter(first17);
    }
}
