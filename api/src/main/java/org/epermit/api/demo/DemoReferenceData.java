package org.epermit.api.demo;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The reference data the generator draws from, read from the database (where the migrations put it). */
record DemoReferenceData(Map<String, Region> regions,
                         Map<String, List<Region>> siteRegionsByProvince,
                         List<String> industries,
                         Map<String, String> industryNames,
                         Map<String, List<Profile>> profilesByIndustry) {

    record Region(String code, String nameZh, int level, String parentCode) {
        String province() {
            return code.substring(0, 2);
        }
    }

    record Profile(String pollutantCode, String medium, String unit, boolean flow, String standard, BigDecimal limit,
                   String monitoringMode, String manualFrequency, BigDecimal annualQuantity) {
    }

    static DemoReferenceData read(Connection connection) throws SQLException {
        Map<String, Region> regions = new LinkedHashMap<>();
        Map<String, Integer> children = new HashMap<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT code, name_zh, level, parent_code FROM region ORDER BY code")) {
            while (rs.next()) {
                Region r = new Region(rs.getString("code"), rs.getString("name_zh"), rs.getInt("level"),
                        rs.getString("parent_code"));
                regions.put(r.code(), r);
                if (r.parentCode() != null) {
                    children.merge(r.parentCode(), 1, Integer::sum);
                }
            }
        }
        // Sites lie in the most detailed divisions we have: counties where listed, else cities.
        Map<String, List<Region>> sites = new LinkedHashMap<>();
        for (Region r : regions.values()) {
            if (r.level() > 1 && !children.containsKey(r.code())) {
                sites.computeIfAbsent(r.province(), k -> new ArrayList<>()).add(r);
            }
        }
        Map<String, List<Profile>> profiles = new LinkedHashMap<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("""
                     SELECT ip.industry_code, ip.pollutant_code, p.medium, p.unit, p.is_flow, ip.standard_code,
                            ip.limit_value, ip.monitoring_mode, ip.manual_frequency, ip.annual_quantity_t
                     FROM industry_pollutant_profile ip JOIN pollutant p ON p.code = ip.pollutant_code
                     ORDER BY ip.industry_code, p.display_order""")) {
            while (rs.next()) {
                profiles.computeIfAbsent(rs.getString("industry_code"), k -> new ArrayList<>()).add(new Profile(
                        rs.getString("pollutant_code"), rs.getString("medium"), rs.getString("unit"),
                        rs.getBoolean("is_flow"), rs.getString("standard_code"), rs.getBigDecimal("limit_value"),
                        rs.getString("monitoring_mode"), rs.getString("manual_frequency"),
                        rs.getBigDecimal("annual_quantity_t")));
            }
        }
        Map<String, String> industryNames = new HashMap<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT code, name_zh FROM industry")) {
            while (rs.next()) {
                industryNames.put(rs.getString(1), rs.getString(2));
            }
        }
        if (sites.isEmpty() || profiles.isEmpty()) {
            throw new IllegalStateException("reference data is missing: run the migrations first");
        }
        return new DemoReferenceData(regions, sites, List.copyOf(profiles.keySet()), industryNames, profiles);
    }
}
