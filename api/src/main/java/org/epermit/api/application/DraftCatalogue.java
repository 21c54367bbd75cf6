package org.epermit.api.application;

import org.epermit.api.permit.PermitCategory;
import org.epermit.api.permit.reporting.ReportType;
import org.epermit.api.reference.Medium;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The reference data a permit draft is checked against, as the migrations store it: pollutants, divisions, industry
 * classes with the categories the classification catalogue (分类管理名录 2019) gives them, emission standards with their
 * tables and limits, the report obligations each category carries, the pollutants a KEY site's main outlets
 * monitor automatically, and the regions where special emission limits (特别排放限值) apply, per medium, as division
 * prefixes (a province's 2 digits, a city's 4). A value, so that {@link DraftRules} is tested without a database ({@link DraftCatalogueQueries}
 * reads it once).
 */
record DraftCatalogue(
        Map<String, Pollutant> pollutants,
        Map<String, Region> regions,
        Set<String> industries,
        Map<String, Set<PermitCategory>> industryCategories,
        Map<String, Standard> standards,
        Map<LimitKey, List<ReferenceLimit>> limits,
        Map<PermitCategory, Map<ReportType, ObligationDefault>> reportObligations,
        Map<String, Map<Medium, Set<String>>> automaticMainPollutants,
        Map<Medium, Set<String>> specialLimitRegions) {

    /** The key of {@link #automaticMainPollutants} that holds, per medium, those of every industry. */
    static final String ANY_INDUSTRY = "*";

    record Pollutant(String code, Medium medium, String unit, boolean flow) {
    }

    /** A division: 1 province, 2 city, 3 county; grouping rows (市辖区, 县) are no place a site can be. */
    record Region(String code, int level, boolean grouping) {

        boolean siteable() {
            return level == 3 && !grouping;
        }
    }

    /**
     * A standard, its medium, its tables with their media (a standard may have tables for air and water), and those of
     * its tables that give special emission limits.
     */
    record Standard(String code, Medium medium, Map<String, Medium> tables, Set<String> specialTables) {

        /** Whether the standard sets anything for {@code m}: a table of that medium, or, without tables, its own medium. */
        boolean covers(Medium m) {
            return tables.isEmpty() ? medium == m : tables.containsValue(m);
        }
    }

    record LimitKey(String standard, String table, String pollutant) {
    }

    /** One limit a standard's table sets for a pollutant from one kind of source. */
    record ReferenceLimit(BigDecimal min, BigDecimal max) {
    }

    /** A report type a category carries, whether it is mandatory, and its usual deadline. */
    record ObligationDefault(boolean mandatory, int monthsAfterPeriod, int day) {
    }

    /** Whether special emission limits of {@code medium} apply in division {@code region}. */
    boolean specialLimitsApply(String region, Medium medium) {
        return region != null && specialLimitRegions.getOrDefault(medium, Set.of()).stream().anyMatch(region::startsWith);
    }

    /** The prefix a division stands for in {@link #specialLimitRegions}: 110000 is 11, 130200 is 1302, 130203 itself. */
    static String prefix(String region) {
        return region.endsWith("0000") ? region.substring(0, 2) : region.endsWith("00") ? region.substring(0, 4) : region;
    }

    Optional<Pollutant> pollutant(String code) {
        return Optional.ofNullable(code == null ? null : pollutants.get(code));
    }

    /**
     * The pollutants that KEY sites of {@code industry} monitor automatically at main outlets of {@code medium}, after the
     * industry's self-monitoring guide; for an industry the data has no main outlets for, those of every industry.
     */
    Set<String> automaticAtMainOutlet(String industry, Medium medium) {
        Map<Medium, Set<String>> own = industry == null ? null : automaticMainPollutants.get(industry);
        Map<Medium, Set<String>> chosen = own != null && own.containsKey(medium) ? own : automaticMainPollutants.getOrDefault(ANY_INDUSTRY, Map.of());
        return chosen.getOrDefault(medium, Set.of());
    }
}
