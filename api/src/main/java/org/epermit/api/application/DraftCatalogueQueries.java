package org.epermit.api.application;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import org.epermit.api.permit.PermitCategory;
import org.epermit.api.permit.reporting.ReportType;
import org.epermit.api.reference.Medium;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads the {@link DraftCatalogue} once and keeps it: reference data changes only through migrations, which run before
 * the service serves.
 */
@ApplicationScoped
public class DraftCatalogueQueries {

    private final Pool pool;
    private final Uni<DraftCatalogue> catalogue;

    public DraftCatalogueQueries(Pool pool) {
        this.pool = pool;
        this.catalogue = load().memoize().indefinitely();
    }

    Uni<DraftCatalogue> catalogue() {
        return catalogue;
    }

    private Uni<DraftCatalogue> load() {
        Map<String, DraftCatalogue.Pollutant> pollutants = new HashMap<>();
        Map<String, DraftCatalogue.Region> regions = new HashMap<>();
        Set<String> industries = new HashSet<>();
        Map<String, Set<PermitCategory>> categories = new HashMap<>();
        Map<String, Medium> standardMedia = new HashMap<>();
        Map<String, Map<String, Medium>> tables = new HashMap<>();
        Map<String, Set<String>> specialTables = new HashMap<>();
        Map<Medium, Set<String>> specialRegions = new EnumMap<>(Medium.class);
        Map<DraftCatalogue.LimitKey, List<DraftCatalogue.ReferenceLimit>> limits = new HashMap<>();
        Map<PermitCategory, Map<ReportType, DraftCatalogue.ObligationDefault>> obligations = new EnumMap<>(PermitCategory.class);
        Map<String, Map<Medium, Set<String>>> automatic = new HashMap<>();
        return each("SELECT code, medium, unit, is_flow FROM pollutant", r -> pollutants.put(r.getString("code"),
                        new DraftCatalogue.Pollutant(r.getString("code"), Medium.valueOf(r.getString("medium")), r.getString("unit"), r.getBoolean("is_flow"))))
                .flatMap(x -> each("SELECT code, level, grouping FROM region", r -> regions.put(r.getString("code"),
                        new DraftCatalogue.Region(r.getString("code"), r.getInteger("level"), r.getBoolean("grouping")))))
                .flatMap(x -> each("SELECT code FROM industry", r -> industries.add(r.getString("code"))))
                .flatMap(x -> each("SELECT industry_code, category FROM industry_management_category", r -> categories
                        .computeIfAbsent(r.getString("industry_code"), k -> java.util.EnumSet.noneOf(PermitCategory.class))
                        .add(PermitCategory.valueOf(r.getString("category")))))
                .flatMap(x -> each("SELECT code, medium FROM emission_standard", r -> standardMedia.put(r.getString("code"), Medium.valueOf(r.getString("medium")))))
                .flatMap(x -> each("SELECT standard_code, table_ref, medium, special FROM emission_standard_table", r -> {
                    tables.computeIfAbsent(r.getString("standard_code"), k -> new HashMap<>()).put(r.getString("table_ref"), Medium.valueOf(r.getString("medium")));
                    if (r.getBoolean("special")) {
                        specialTables.computeIfAbsent(r.getString("standard_code"), k -> new HashSet<>()).add(r.getString("table_ref"));
                    }
                }))
                .flatMap(x -> each("SELECT region_code, medium FROM special_emission_limit_region", r -> specialRegions
                        .computeIfAbsent(Medium.valueOf(r.getString("medium")), k -> new HashSet<>()).add(DraftCatalogue.prefix(r.getString("region_code")))))
                .flatMap(x -> each("SELECT standard_code, table_ref, pollutant_code, limit_min, limit_value FROM emission_standard_limit", r -> limits
                        .computeIfAbsent(new DraftCatalogue.LimitKey(r.getString("standard_code"), r.getString("table_ref"), r.getString("pollutant_code")),
                                k -> new ArrayList<>())
                        .add(new DraftCatalogue.ReferenceLimit(r.getBigDecimal("limit_min"), r.getBigDecimal("limit_value")))))
                .flatMap(x -> each("SELECT category, report_type, mandatory, due_months_after, due_day FROM report_obligation_default", r -> obligations
                        .computeIfAbsent(PermitCategory.valueOf(r.getString("category")), k -> new EnumMap<>(ReportType.class))
                        .put(ReportType.valueOf(r.getString("report_type")), new DraftCatalogue.ObligationDefault(r.getBoolean("mandatory"),
                                r.getInteger("due_months_after"), r.getInteger("due_day")))))
                .flatMap(x -> each("""
                        SELECT DISTINCT t.industry_code, t.medium, p.pollutant_code
                        FROM industry_outlet_template t
                        JOIN industry_outlet_pollutant p ON p.industry_code = t.industry_code AND p.category = t.category
                                                       AND p.template_no = t.template_no
                        WHERE t.category = 'KEY' AND t.kind = 'MAIN' AND p.monitoring_mode = 'AUTOMATIC'""", r -> {
                    Medium medium = Medium.valueOf(r.getString("medium"));
                    for (String industry : List.of(r.getString("industry_code"), DraftCatalogue.ANY_INDUSTRY)) {
                        automatic.computeIfAbsent(industry, k -> new EnumMap<>(Medium.class))
                                .computeIfAbsent(medium, k -> new HashSet<>()).add(r.getString("pollutant_code"));
                    }
                }))
                .map(x -> {
                    Map<String, DraftCatalogue.Standard> standards = new HashMap<>();
                    standardMedia.forEach((code, medium) -> standards.put(code,
                            new DraftCatalogue.Standard(code, medium, Map.copyOf(tables.getOrDefault(code, Map.of())),
                                    Set.copyOf(specialTables.getOrDefault(code, Set.of())))));
                    return new DraftCatalogue(Map.copyOf(pollutants), Map.copyOf(regions), Set.copyOf(industries), Map.copyOf(categories),
                            Map.copyOf(standards), Map.copyOf(limits), Map.copyOf(obligations), Map.copyOf(automatic),
                            Map.copyOf(specialRegions));
                });
    }

    private Uni<Void> each(String sql, Consumer<Row> row) {
        return pool.query(sql).execute().invoke(rows -> rows.forEach(row)).replaceWithVoid();
    }
}
