package org.epermit.api.stats;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.epermit.api.access.SqlCondition;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Licensed quantity against actual emissions of a year, per group and pollutant, from the accepted annual reports
 * (the rollup {@code stats_emission}, V22).
 */
@ApplicationScoped
public class EmissionStatistics {

    private final Pool pool;
    private final Clock clock;

    public EmissionStatistics(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    public Uni<Table> of(StatsQuery query) {
        SqlCondition selected = SqlCondition.of("s.year = $1", (short) (int) query.year().orElseThrow())
                .and(Rollup.selection(query.regionDigits(), query.industryDigits(), query));
        if (query.pollutant().isPresent()) {
            selected = selected.and(SqlCondition.of("s.pollutant_code = $1", query.pollutant().get()));
        }
        // Counts as bigint (sum() of a bigint is numeric, which the client decodes from text), tonnes with no trailing
        // zeros and the ratio computed here: the service passes the figures through as the database computed them.
        String sql = """
                WITH summed AS (
                    SELECT %1$s AS key, s.pollutant_code, sum(s.permits) AS permits, sum(s.reporting) AS reporting,
                           sum(s.exceeded) AS exceeded, sum(s.licensed_t) AS licensed, sum(s.licensed_reporting_t) AS licensed_reporting,
                           sum(s.actual_t) AS actual
                    FROM stats_emission s WHERE %2$s
                    GROUP BY 1, 2 HAVING sum(s.permits) > 0)
                SELECT c.key, n.name_zh, n.name_en, c.pollutant_code, pl.name_zh AS pollutant_zh, pl.name_en AS pollutant_en,
                       CAST(c.permits AS bigint) AS permits, CAST(c.reporting AS bigint) AS reporting,
                       CAST(c.exceeded AS bigint) AS exceeded, trim_scale(c.licensed) AS licensed,
                       CASE WHEN c.reporting > 0 THEN trim_scale(c.licensed_reporting) END AS licensed_reporting,
                       CASE WHEN c.reporting > 0 THEN trim_scale(c.actual) END AS actual,
                       CASE WHEN c.reporting > 0 AND c.licensed_reporting <> 0 THEN round(c.actual / c.licensed_reporting, 4) END AS ratio,
                       t.as_of
                FROM (SELECT now() AS as_of) t LEFT JOIN summed c ON true %3$s
                LEFT JOIN pollutant pl ON pl.code = c.pollutant_code
                ORDER BY c.key, pl.display_order, c.pollutant_code""".formatted(Rollup.groupKey(query), selected.sql(), Rollup.names(query));
        return pool.preparedQuery(sql).execute(Tuple.from(selected.args())).map(rows -> {
            List<Group> groups = new ArrayList<>();
            OffsetDateTime asOf = null;
            for (Row r : rows) {
                asOf = r.getOffsetDateTime("as_of").atZoneSameInstant(clock.getZone()).toOffsetDateTime();
                if (r.getString("key") == null) {
                    continue;
                }
                groups.add(new Group(r.getString("key"), r.getString("name_zh"), r.getString("name_en"),
                        r.getString("pollutant_code"), r.getString("pollutant_zh"), r.getString("pollutant_en"),
                        r.getLong("permits"), r.getLong("reporting"), r.getLong("exceeded"), r.getBigDecimal("licensed"),
                        r.getBigDecimal("licensed_reporting"), r.getBigDecimal("actual"), r.getBigDecimal("ratio")));
            }
            return new Table(asOf, query.filters(), UNITS, groups);
        });
    }

    static final Map<String, String> UNITS;

    static {
        Map<String, String> units = new LinkedHashMap<>();
        units.put("permits", "count of permits with an accepted annual report of the year that licenses the pollutant");
        units.put("permitsReporting", "count of those permits whose report gives an actual figure");
        units.put("permitsExceeded", "count of those permits whose actual emissions are above their licensed quantity");
        units.put("licensedTonnes", "t (tonnes) per year: licensed quantity of all the permits counted");
        units.put("licensedTonnesOfReporting", "t per year: licensed quantity of the permits reporting");
        units.put("actualTonnes", "t in the year: actual emissions of the permits reporting");
        units.put("ratio", "actualTonnes / licensedTonnesOfReporting, 4 decimals");
        UNITS = Collections.unmodifiableMap(units);
    }

    /** Emissions against licences by group and pollutant. */
    @Schema(name = "EmissionStatistics")
    public record Table(
            @Schema(description = "The moment the figures reflect: every report accepted before it is counted") OffsetDateTime asOf,
            StatsFilters filters,
            @Schema(description = "The unit of each measure") Map<String, String> units,
            @Schema(description = "One row per group and pollutant, by group key, then pollutant (HJ 212 display order)")
            List<Group> rows) {
    }

    @Schema(name = "EmissionGroup")
    public record Group(
            @Schema(description = "The group's code: a region code (2, 4 or 6 digits), an industry code or a category",
                    examples = "44") String key,
            @Schema(nullable = true, examples = "广东省") String nameZh,
            @Schema(nullable = true, examples = "Guangdong") String nameEn,
            @Schema(examples = "a21026") String pollutantCode,
            @Schema(nullable = true, examples = "二氧化硫") String pollutantNameZh,
            @Schema(nullable = true, examples = "Sulphur dioxide") String pollutantNameEn,
            long permits,
            long permitsReporting,
            long permitsExceeded,
            BigDecimal licensedTonnes,
            @Schema(nullable = true, description = "null when no permit gives a figure") BigDecimal licensedTonnesOfReporting,
            @Schema(nullable = true, description = "null when no permit gives a figure") BigDecimal actualTonnes,
            @Schema(nullable = true, description = "actual / licensed of the permits reporting; null when none does") BigDecimal ratio) {
    }
}
