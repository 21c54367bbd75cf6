package org.epermit.api.application;

import org.epermit.api.permit.FrequencyUnit;
import org.epermit.api.permit.PermitCategory;
import org.epermit.api.permit.PublicPermit;
import org.epermit.api.permit.monitoring.MonitoringMode;
import org.epermit.api.permit.reporting.ReportType;
import org.epermit.api.problem.FieldError;
import org.epermit.api.reference.Medium;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epermit.api.application.Drafts.CATALOGUE;
import static org.epermit.api.application.Drafts.automatic;
import static org.epermit.api.application.Drafts.drain;
import static org.epermit.api.application.Drafts.manual;
import static org.epermit.api.application.Drafts.stack;
import static org.epermit.api.application.Drafts.tonnes;

/** The rules of a permit draft on their own, against reference data given as a value: each rule's error, path and code. */
class DraftRulesTest {

    static Map<String, String> errors(PermitDraft draft) {
        return DraftRules.check(draft, CATALOGUE).stream().collect(Collectors.toMap(FieldError::path, FieldError::code, (a, b) -> a + "," + b,
                java.util.LinkedHashMap::new));
    }

    static PermitDraft with(PermitCategory category, String industry, List<PermitDraft.Outlet> outlets, List<PermitDraft.AnnualQuantity> quantities,
                            List<PermitDraft.ReportObligation> obligations) {
        PermitDraft plant = Drafts.powerPlant("唐山热电厂");
        return new PermitDraft(plant.site(), category, industry, List.of(), outlets, quantities, obligations);
    }

    static final List<PermitDraft.ReportObligation> KEY_REPORTS = List.of(new PermitDraft.ReportObligation(ReportType.ANNUAL, null),
            new PermitDraft.ReportObligation(ReportType.QUARTERLY, null));

    @Test
    void a_thermal_power_plant_as_the_catalogue_and_its_standards_allow_passes() {
        assertThat(errors(Drafts.powerPlant("唐山热电厂"))).isEmpty();
    }

    @Test
    void unknown_codes_and_a_division_that_is_no_place_are_refused() {
        PermitDraft plant = Drafts.powerPlant("唐山热电厂");
        PermitDraft draft = new PermitDraft(new PermitDraft.Site("厂", "地址", "130201", null, null), PermitCategory.KEY, "9999", List.of("44", "4411"),
                List.of(stack("DA001", PublicPermit.OutletKind.MAIN, List.of(automatic("a99999", "10", "mg/m3", "GB 1-2000", null),
                        automatic("a34013", "10", "mg/m3", "GB 13223-2011", "表9")))),
                List.of(new PermitDraft.AnnualQuantity("w99999", tonnes("1"))), plant.reportObligations());
        assertThat(errors(draft)).containsExactly(
                Map.entry("/draft/site/regionCode", "REGION_NOT_A_SITE"),
                Map.entry("/draft/mainIndustry", "UNKNOWN_INDUSTRY"),
                Map.entry("/draft/secondaryIndustries/0", "INDUSTRY_NOT_A_CLASS"),
                Map.entry("/draft/outlets/0/pollutants/0/pollutantCode", "UNKNOWN_POLLUTANT"),
                Map.entry("/draft/outlets/0/pollutants/0/standard/code", "UNKNOWN_STANDARD"),
                Map.entry("/draft/outlets/0/pollutants/1/standard/table", "UNKNOWN_STANDARD"),
                Map.entry("/draft/annualQuantities/0/pollutantCode", "UNKNOWN_POLLUTANT"));
        PermitDraft elsewhere = new PermitDraft(new PermitDraft.Site("厂", "地址", "999999", null, null), PermitCategory.KEY, "4411", List.of(),
                plant.outlets(), plant.annualQuantities(), plant.reportObligations());
        assertThat(errors(elsewhere)).containsExactly(Map.entry("/draft/site/regionCode", "UNKNOWN_REGION"));
    }

    @Test
    void an_outlet_code_must_fit_its_medium_once_per_permit_and_each_medium_has_its_own_fields() {
        PermitDraft.Outlet waterNamedDA = new PermitDraft.Outlet("DA002", "废水", Medium.WATER, PublicPermit.OutletKind.GENERAL, null, null,
                new BigDecimal("15"), "陡河", List.of(manual("w01018", "50", "mg/L", "GB 8978-1996", "表4 一级", FrequencyUnit.MONTH)));
        PermitDraft.Outlet airWithoutStack = new PermitDraft.Outlet("DA001", "烟囱", Medium.AIR, PublicPermit.OutletKind.GENERAL, null, null,
                null, "陡河", List.of(manual("a34013", "10", "mg/m3", "GB 13223-2011", "表1", FrequencyUnit.QUARTER)));
        PermitDraft.Outlet badCode = new PermitDraft.Outlet("D-1", "烟囱", Medium.AIR, PublicPermit.OutletKind.GENERAL, null, null,
                new BigDecimal("15"), null, List.of(manual("a34013", "10", "mg/m3", "GB 13223-2011", "表1", FrequencyUnit.QUARTER)));
        PermitDraft draft = with(PermitCategory.KEY, "4411", List.of(Drafts.powerPlant("x").outlets().get(0), waterNamedDA, airWithoutStack, badCode),
                List.of(), KEY_REPORTS);
        assertThat(errors(draft)).containsExactly(
                Map.entry("/draft/outlets/1/code", "OUTLET_CODE_MEDIUM_MISMATCH"),
                Map.entry("/draft/outlets/1/stackHeightMeters", "FIELD_NOT_FOR_MEDIUM"),
                Map.entry("/draft/outlets/2/code", "DUPLICATE_OUTLET"),
                Map.entry("/draft/outlets/2/stackHeightMeters", "REQUIRED"),
                Map.entry("/draft/outlets/2/receivingWater", "FIELD_NOT_FOR_MEDIUM"),
                Map.entry("/draft/outlets/3/code", "OUTLET_CODE_INVALID"));
    }

    @Test
    void an_air_pollutant_at_a_water_outlet_is_refused_with_its_limit_and_monitoring_unchecked() {
        PermitDraft draft = with(PermitCategory.KEY, "4411", List.of(drain("DW001", PublicPermit.OutletKind.GENERAL, List.of(
                        manual("a21026", "35", "mg/m3", "GB 13223-2011", "表1", FrequencyUnit.MONTH),
                        manual("w01018", "50", "mg/L", "GB 8978-1996", "表4 一级", FrequencyUnit.MONTH),
                        manual("w01018", "40", "mg/L", "GB 8978-1996", "表4 一级", FrequencyUnit.MONTH)))),
                List.of(new PermitDraft.AnnualQuantity("a21026", tonnes("10"))), KEY_REPORTS);
        assertThat(errors(draft)).containsExactly(
                Map.entry("/draft/outlets/0/pollutants/0/pollutantCode", "POLLUTANT_MEDIUM_MISMATCH"),
                Map.entry("/draft/outlets/0/pollutants/2/pollutantCode", "DUPLICATE_POLLUTANT"),
                Map.entry("/draft/annualQuantities/0/pollutantCode", "QUANTITY_NOT_LICENSED"));
    }

    @Test
    void a_limit_is_at_most_as_loose_as_its_standard_allows_in_the_pollutants_unit() {
        PermitDraft.OutletPollutant pH = new PermitDraft.OutletPollutant("w01001", new PermitDraft.Limit(null, new BigDecimal("9"), "dimensionless", null, null),
                new PermitDraft.Standard("GB 8978-1996", null), null,
                new PermitDraft.Monitoring(MonitoringMode.MANUAL, new PermitDraft.Frequency(1, 1, FrequencyUnit.DAY), null, null));
        PermitDraft draft = with(PermitCategory.KEY, "4411", List.of(
                stack("DA001", PublicPermit.OutletKind.GENERAL, List.of(
                        manual("a34013", "20", "mg/m3", "GB 13223-2011", "表1", FrequencyUnit.QUARTER),     // within 表1 and the special 表2
                        manual("a21026", "120", "mg/m3", "GB 13223-2011", "表1", FrequencyUnit.QUARTER),    // looser than 100
                        manual("a21002", "50", "mg/L", "GB 13223-2011", "表1", FrequencyUnit.QUARTER),      // a water unit
                        manual("a00000", "5", "m3/s", null, null, FrequencyUnit.QUARTER))),                 // flow has no limit
                drain("DW001", PublicPermit.OutletKind.GENERAL, List.of(
                        manual("w21003", "8", "mg/L", "GB 13223-2011", null, FrequencyUnit.MONTH),          // an air standard
                        manual("w01018", "20", "mg/L", "GB 8978-1996", "表1", FrequencyUnit.MONTH),         // a table without COD
                        pH))),                                                                             // 9 alone is looser than 6–9
                List.of(), KEY_REPORTS);
        assertThat(errors(draft)).containsExactly(
                Map.entry("/draft/outlets/0/pollutants/1/limit", "LIMIT_LOOSER_THAN_STANDARD"),
                Map.entry("/draft/outlets/0/pollutants/2/limit/unit", "LIMIT_UNIT_MISMATCH"),
                Map.entry("/draft/outlets/0/pollutants/3/limit", "LIMIT_ON_FLOW"),
                Map.entry("/draft/outlets/1/pollutants/0/standard", "STANDARD_MEDIUM_MISMATCH"),
                Map.entry("/draft/outlets/1/pollutants/1/standard", "LIMIT_NOT_IN_STANDARD"),
                Map.entry("/draft/outlets/1/pollutants/2/limit", "LIMIT_LOOSER_THAN_STANDARD"));
        assertThat(DraftRules.check(draft, CATALOGUE).get(0).message().en()).contains("≤ 100 mg/m3");
        assertThat(DraftRules.check(draft, CATALOGUE).get(5).message().zh()).contains("6–9");
    }

    @Test
    void where_special_emission_limits_apply_a_general_tables_limit_is_held_to_the_special_table() {
        PermitDraft.Outlet stack = stack("DA001", PublicPermit.OutletKind.GENERAL, List.of(
                manual("a34013", "25", "mg/m3", "GB 13223-2011", "表1", FrequencyUnit.QUARTER),
                manual("a21026", "25", "mg/m3", "GB 13223-2011", "表2", FrequencyUnit.QUARTER),
                manual("a21002", "100", "mg/m3", "GB 13223-2011", "表1", FrequencyUnit.QUARTER)));
        PermitDraft tangshan = with(PermitCategory.KEY, "4411", List.of(stack), List.of(), KEY_REPORTS);
        assertThat(errors(tangshan)).as("Tangshan is one of the 2+26 cities: air special limits apply")
                .containsExactly(Map.entry("/draft/outlets/0/pollutants/0/limit", "SPECIAL_LIMIT_APPLIES"));
        assertThat(DraftRules.check(tangshan, CATALOGUE).get(0).message().en()).contains("表2 allows at most 20 mg/m3");
        PermitDraft shenzhen = new PermitDraft(new PermitDraft.Site("深圳电厂", "深圳市南山区", "440305", null, null), PermitCategory.KEY, "4411",
                List.of(), List.of(stack), List.of(), KEY_REPORTS);
        assertThat(errors(shenzhen)).as("elsewhere the general table applies").isEmpty();
    }

    @Test
    void a_key_units_main_outlet_monitors_its_main_pollutants_automatically_and_a_simplified_permit_has_no_main_outlet() {
        PermitDraft key = with(PermitCategory.KEY, "4411", List.of(stack("DA001", PublicPermit.OutletKind.MAIN, List.of(
                        manual("a21026", "35", "mg/m3", "GB 13223-2011", "表1", FrequencyUnit.MONTH),
                        automatic("a34013", "10", "mg/m3", "GB 13223-2011", "表1"))),
                stack("DA002", PublicPermit.OutletKind.GENERAL, List.of(manual("a34013", "10", "mg/m3", "GB 13223-2011", "表1", FrequencyUnit.QUARTER)))),
                List.of(), KEY_REPORTS);
        assertThat(errors(key)).as("a general outlet may be monitored by hand")
                .containsExactly(Map.entry("/draft/outlets/0/pollutants/0/monitoring/mode", "MAIN_POLLUTANT_NOT_AUTOMATIC"));

        PermitDraft simplified = with(PermitCategory.SIMPLIFIED, "4430", List.of(stack("DA001", PublicPermit.OutletKind.MAIN, List.of(
                manual("a34013", "10", "mg/m3", "GB 13223-2011", "表1", FrequencyUnit.YEAR)))), List.of(),
                List.of(new PermitDraft.ReportObligation(ReportType.ANNUAL, null)));
        assertThat(errors(simplified)).containsExactly(Map.entry("/draft/outlets/0/kind", "MAIN_OUTLET_FOR_SIMPLIFIED"));
    }

    @Test
    void the_category_follows_the_catalogue_and_registration_units_apply_for_nothing() {
        List<PermitDraft.Outlet> general = List.of(stack("DA001", PublicPermit.OutletKind.GENERAL, List.of(
                manual("a34013", "10", "mg/m3", "GB 13223-2011", "表1", FrequencyUnit.YEAR))));
        List<PermitDraft.ReportObligation> annual = List.of(new PermitDraft.ReportObligation(ReportType.ANNUAL, null));
        assertThat(errors(with(PermitCategory.SIMPLIFIED, "4411", general, List.of(), annual)))
                .as("thermal power is KEY in the catalogue").containsExactly(Map.entry("/draft/category", "CATEGORY_NOT_FOR_INDUSTRY"));
        assertThat(errors(with(PermitCategory.SIMPLIFIED, "4430", general, List.of(), annual))).as("boilers below 20 t/h").isEmpty();
        assertThat(errors(with(PermitCategory.REGISTRATION, "4430", general, List.of(), List.of())))
                .containsEntry("/draft/category", "REGISTRATION_SELF_SERVICE");
    }

    @Test
    void report_obligations_are_those_the_category_carries_with_its_mandatory_ones() {
        List<PermitDraft.Outlet> general = List.of(stack("DA001", PublicPermit.OutletKind.GENERAL, List.of(
                manual("a34013", "10", "mg/m3", "GB 13223-2011", "表1", FrequencyUnit.YEAR))));
        PermitDraft key = with(PermitCategory.KEY, "4411", general, List.of(), List.of(new PermitDraft.ReportObligation(ReportType.ANNUAL, null),
                new PermitDraft.ReportObligation(ReportType.SEMIANNUAL, null), new PermitDraft.ReportObligation(ReportType.ANNUAL,
                        new PublicPermit.ReportDeadline(13, 0))));
        assertThat(errors(key)).containsExactly(
                Map.entry("/draft/reportObligations/1/type", "REPORT_NOT_FOR_CATEGORY"),
                Map.entry("/draft/reportObligations/2/type", "DUPLICATE_REPORT_OBLIGATION"),
                Map.entry("/draft/reportObligations/2/deadline/monthsAfterPeriod", "INVALID_VALUE"),
                Map.entry("/draft/reportObligations/2/deadline/day", "INVALID_VALUE"),
                Map.entry("/draft/reportObligations", "REPORT_OBLIGATION_MISSING"));
    }

    @Test
    void quantities_give_one_value_per_year_of_validity_and_numbers_stay_in_range() {
        PermitDraft plant = Drafts.powerPlant("唐山热电厂");
        PermitDraft draft = new PermitDraft(new PermitDraft.Site("厂", "地址", "130203", new BigDecimal("200"), null), PermitCategory.KEY, "4411",
                List.of("4411"), plant.outlets(), List.of(new PermitDraft.AnnualQuantity("a21026", List.of(BigDecimal.ONE)),
                new PermitDraft.AnnualQuantity("a21026", tonnes("1")), new PermitDraft.AnnualQuantity("a21002", tonnes("-1")),
                new PermitDraft.AnnualQuantity("a00000", tonnes("1"))), plant.reportObligations());
        assertThat(errors(draft)).containsExactly(
                Map.entry("/draft/site/longitude", "INVALID_VALUE"),
                Map.entry("/draft/site/latitude", "REQUIRED"),
                Map.entry("/draft/secondaryIndustries/0", "DUPLICATE_INDUSTRY"),
                Map.entry("/draft/annualQuantities/0/tonnes", "QUANTITY_YEARS_MISMATCH"),
                Map.entry("/draft/annualQuantities/1/pollutantCode", "DUPLICATE_QUANTITY"),
                Map.entry("/draft/annualQuantities/2/tonnes/0", "INVALID_VALUE"),
                Map.entry("/draft/annualQuantities/2/tonnes/1", "INVALID_VALUE"),
                Map.entry("/draft/annualQuantities/2/tonnes/2", "INVALID_VALUE"),
                Map.entry("/draft/annualQuantities/2/tonnes/3", "INVALID_VALUE"),
                Map.entry("/draft/annualQuantities/2/tonnes/4", "INVALID_VALUE"),
                Map.entry("/draft/annualQuantities/3/pollutantCode", "LIMIT_ON_FLOW"));
    }

    @Test
    void an_empty_draft_names_every_missing_part_in_both_languages() {
        List<FieldError> errors = DraftRules.check(new PermitDraft(null, null, null, null, null, null, null), CATALOGUE);
        assertThat(errors).extracting(FieldError::path).containsExactly("/draft/site", "/draft/category", "/draft/mainIndustry",
                "/draft/outlets", "/draft/reportObligations");
        assertThat(errors).extracting(FieldError::code).containsOnly("REQUIRED");
        assertThat(errors).allSatisfy(e -> assertThat(e.message().zh()).startsWith("请填写"));
    }
}
