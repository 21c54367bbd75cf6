package org.epermit.api.demo;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reference data the generator draws from, read from the database (where the migrations put it): divisions, the
 * categories the classification catalogue allows per class, the outlets of each industry and category, the limits of
 * each standard table, where special limits apply, receiving waters, report-obligation defaults and typical licensed
 * quantities.
 */
record DemoReferenceData(Map<String, Region> regions,
                         Map<String, List<Region>> siteRegionsByProvince,
                         Map<String, List<Region>> industrialSiteRegionsByProvince,
                         Set<String> urbanCoreIndustries,
                         Map<String, Set<String>> categoriesByIndustry,
                         Map<String, List<OutletTemplate>> templatesByIndustryAndCategory,
                         Map<String, List<StandardTable>> tablesBySource,
                         Map<String, Set<String>> specialLimitPrefixesByMedium,
                         Map<String, List<String>> receivingWatersByProvince,
                         Map<String, List<ReportDefault>> reportDefaultsByCategory,
                         Map<String, Map<String, BigDecimal>> annualQuantitiesByIndustry) {

    record Region(String code, String nameZh, int level, String parentCode, boolean grouping, boolean urbanCore) {
        String province() {
            return code.substring(0, 2);
        }
    }

    /** An outlet a permit of the industry and category has: {@code count} of them, numbered where the name says {n}. */
    record OutletTemplate(String medium, String kind, String nameZh, String source, int minCount, int maxCount,
                          int sharePct, Integer choiceGroup, int stackMinM, int stackMaxM,
                          List<MonitoredPollutant> pollutants) {
    }

    /** How a pollutant is monitored at an outlet: a count per period (AUTOMATIC: the manual fallback). */
    record MonitoredPollutant(String pollutantCode, String mode, int count, int every, String unit,
                              String samplingMethod, int samplesPerEvent) {
    }

    /** A standard's table with its limits for one kind of source; {@code localProvince} set for a local standard. */
    record StandardTable(String standardCode, String tableRef, boolean special, String localProvince,
                         Map<String, Limit> limits) {
    }

    record Limit(BigDecimal min, BigDecimal value, String unit, String averaging, BigDecimal referenceOxygenPct) {
    }

    record ReportDefault(String reportType, boolean mandatory, int dueMonthsAfter, int dueDay, Integer alternativeDueDay) {
    }

    static String key(String industry, String category) {
        return industry + "/" + category;
    }

    static DemoReferenceData read(Connection connection) throws SQLException {
        Map<String, Region> regions = new LinkedHashMap<>();
        Set<String> parents = new HashSet<>();
        query(connection, "SELECT code, name_zh, level, parent_code, grouping, urban_core FROM region ORDER BY code", rs -> {
            Region r = new Region(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getBoolean(5),
                    rs.getBoolean(6));
            regions.put(r.code(), r);
            if (r.parentCode() != null) {
                parents.add(r.parentCode());
            }
        });
        // Sites lie in the most detailed divisions we have (counties where listed, else cities), never in a grouping
        // row; heavy industry never in a central-city district.
        Map<String, List<Region>> sites = new LinkedHashMap<>();
        Map<String, List<Region>> industrialSites = new LinkedHashMap<>();
        for (Region r : regions.values()) {
            if (r.level() > 1 && !parents.contains(r.code()) && !r.grouping()) {
                sites.computeIfAbsent(r.province(), k -> new ArrayList<>()).add(r);
                if (!r.urbanCore()) {
                    industrialSites.computeIfAbsent(r.province(), k -> new ArrayList<>()).add(r);
                }
            }
        }
        Set<String> urbanCoreIndustries = new HashSet<>();
        query(connection, "SELECT code FROM industry WHERE urban_core_sited", rs -> urbanCoreIndustries.add(rs.getString(1)));

        Map<String, Set<String>> categories = new LinkedHashMap<>();
        query(connection, "SELECT industry_code, category FROM industry_management_category ORDER BY 1, 2",
                rs -> categories.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2)));

        Map<String, List<MonitoredPollutant>> monitored = new HashMap<>();
        query(connection, """
                SELECT op.industry_code, op.category, op.template_no, op.pollutant_code, op.monitoring_mode,
                       op.frequency_count, op.frequency_every, op.frequency_unit, op.sampling_method, op.samples_per_event
                FROM industry_outlet_pollutant op JOIN pollutant p ON p.code = op.pollutant_code
                ORDER BY op.industry_code, op.category, op.template_no, p.display_order""", rs -> monitored
                .computeIfAbsent(rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getInt(3), k -> new ArrayList<>())
                .add(new MonitoredPollutant(rs.getString(4), rs.getString(5), rs.getInt(6), rs.getInt(7),
                        rs.getString(8), rs.getString(9), rs.getInt(10))));
        Map<String, List<OutletTemplate>> templates = new LinkedHashMap<>();
        query(connection, """
                SELECT industry_code, category, template_no, medium, kind, name_zh, source, min_count, max_count,
                       share_pct, choice_group, stack_min_m, stack_max_m
                FROM industry_outlet_template ORDER BY industry_code, category, template_no""", rs -> {
            String k = key(rs.getString(1), rs.getString(2));
            Integer group = rs.getObject(11) == null ? null : rs.getInt(11);
            templates.computeIfAbsent(k, x -> new ArrayList<>()).add(new OutletTemplate(rs.getString(4),
                    rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8), rs.getInt(9), rs.getInt(10),
                    group, rs.getInt(12), rs.getInt(13),
                    List.copyOf(monitored.getOrDefault(k + "/" + rs.getInt(3), List.of()))));
        });

        Map<String, Map<String, StandardTable>> tables = new LinkedHashMap<>();
        query(connection, """
                SELECT l.source, l.standard_code, l.table_ref, t.special, s.issued_by, l.pollutant_code, l.limit_min,
                       l.limit_value, l.unit, l.averaging, l.reference_oxygen_pct
                FROM emission_standard_limit l
                JOIN emission_standard_table t USING (standard_code, table_ref)
                JOIN emission_standard s ON s.code = l.standard_code
                ORDER BY l.source, l.standard_code, l.table_ref, l.pollutant_code""", rs -> {
            String source = rs.getString(1);
            String standard = rs.getString(2);
            String tableRef = rs.getString(3);
            boolean special = rs.getBoolean(4);
            String province = rs.getString(5) == null ? null : rs.getString(5).substring(0, 2);
            StandardTable table = tables.computeIfAbsent(source, k -> new LinkedHashMap<>()).computeIfAbsent(
                    standard + "/" + tableRef, k -> new StandardTable(standard, tableRef, special, province,
                            new LinkedHashMap<>()));
            table.limits().put(rs.getString(6), new Limit(rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getString(9),
                    rs.getString(10), rs.getBigDecimal(11)));
        });
        Map<String, List<StandardTable>> tablesBySource = new LinkedHashMap<>();
        tables.forEach((source, bySource) -> tablesBySource.put(source, List.copyOf(bySource.values())));

        Map<String, Set<String>> specialRegions = new HashMap<>();
        query(connection, "SELECT region_code, medium FROM special_emission_limit_region", rs -> specialRegions
                .computeIfAbsent(rs.getString(2), k -> new HashSet<>()).add(prefix(rs.getString(1))));
        Map<String, List<String>> waters = new HashMap<>();
        query(connection, "SELECT province_code, name_zh FROM receiving_water ORDER BY 1, 2", rs -> waters
                .computeIfAbsent(rs.getString(1).substring(0, 2), k -> new ArrayList<>()).add(rs.getString(2)));
        Map<String, List<ReportDefault>> reports = new HashMap<>();
        query(connection, """
                SELECT category, report_type, mandatory, due_months_after, due_day, alternative_due_day
                FROM report_obligation_default
                ORDER BY category, array_position(ARRAY['ANNUAL', 'SEMIANNUAL', 'QUARTERLY', 'MONTHLY'], report_type)""",
                rs -> reports.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new ReportDefault(
                        rs.getString(2), rs.getBoolean(3), rs.getInt(4), rs.getInt(5),
                        rs.getObject(6) == null ? null : rs.getInt(6))));
        Map<String, Map<String, BigDecimal>> quantities = new HashMap<>();
        query(connection, """
                SELECT industry_code, pollutant_code, annual_quantity_t FROM industry_pollutant_profile
                WHERE annual_quantity_t IS NOT NULL ORDER BY 1, 2""", rs -> quantities
                .computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getBigDecimal(3)));

        if (sites.isEmpty() || templates.isEmpty() || tablesBySource.isEmpty()) {
            throw new IllegalStateException("reference data is missing: run the migrations first");
        }
        return new DemoReferenceData(regions, sites, industrialSites, urbanCoreIndustries, categories, templates,
                tablesBySource, specialRegions, waters, reports, quantities);
    }

    /** A division's code without its trailing zero pairs: 110000 → 11, 130200 → 1302 (the prefix its sites have). */
    static String prefix(String code) {
        String p = code;
        while (p.length() > 2 && p.endsWith("00")) {
            p = p.substring(0, p.length() - 2);
        }
        return p;
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private static void query(Connection connection, String sql, RowReader reader) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                reader.read(rs);
            }
        }
    }
}
