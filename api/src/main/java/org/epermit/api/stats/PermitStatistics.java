package org.epermit.api.stats;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.epermit.api.access.SqlCondition;
import org.epermit.api.permit.RenewalDue;
import org.epermit.api.permit.PermitStatus;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Permit counts by group and the renewal pipeline of the selection, from the rollups of V22: one statement, so the
 * groups and the pipeline are one snapshot, and {@code asOf} is its moment.
 */
@ApplicationScoped
public class PermitStatistics {

    /** The windows of the renewal pipeline, in days from today (both days included). */
    static final int[] WINDOWS = {30, 60, 90};

    private final Pool pool;
    private final Clock clock;
    private final RenewalDue renewal;

    public PermitStatistics(Pool pool, Clock clock, RenewalDue renewal) {
        this.pool = pool;
        this.clock = clock;
        this.renewal = renewal;
    }

    public Uni<Table> of(StatsQuery query) {
        LocalDate today = LocalDate.now(clock);
        SqlCondition counted = Rollup.selection(query.regionDigits(), query.industryDigits(), query);
        if (query.status().isPresent()) {
            counted = counted.and(SqlCondition.of("s.status = $1", query.status().get().name()));
        }
        SqlCondition window = SqlCondition.of("s.valid_to BETWEEN $1 AND $2", today, today.plusDays(WINDOWS[WINDOWS.length - 1]));
        // The pipeline counts VALID permits; a filter on another status leaves none.
        boolean none = query.status().filter(st -> st != PermitStatus.VALID).isPresent();
        String expiringFrom;
        SqlCondition expiring;
        if (query.region().isEmpty()) {
            expiringFrom = "SELECT s.valid_to, s.category, s.permits AS n FROM stats_permit_expiry s";
            expiring = new SqlCondition("s.industry_level = " + Rollup.level(query.filterIndustryDigits()), List.of());
            if (query.industry().isPresent()) {
                expiring = expiring.and(Rollup.prefix("s.industry_code", query.industry().get(), query.filterIndustryDigits()));
            }
        } else {
            // within a region, from the valid permits' own index (V22: permit_renewal_pipeline_idx)
            String region = query.region().get();
            expiringFrom = "SELECT s.valid_to, s.category, 1 AS n FROM permit s";
            expiring = SqlCondition.of("s.status = $1 AND s.province_code = $2", PermitStatus.VALID.name(), region.substring(0, 2));
            if (region.length() == 4) {
                expiring = expiring.and(SqlCondition.of("s.city_code = $1", region));
            } else if (region.length() == 6) {
                expiring = expiring.and(SqlCondition.of("s.region_code = $1", region));
            }
            if (query.industry().isPresent()) {
                expiring = expiring.and(Rollup.prefix("s.industry_code", query.industry().get(), 4));
            }
        }
        if (query.category().isPresent()) {
            expiring = expiring.and(SqlCondition.of("s.category = $1", query.category().get().name()));
        }
        expiring = none ? SqlCondition.NEVER : expiring.and(window);
        SqlCondition dates = SqlCondition.of("CAST($1 AS date), CAST($2 AS date)", today.plusDays(WINDOWS[0]), today.plusDays(WINDOWS[1]));
        SqlCondition due = renewal.withinLead("s", today);
        String sql = """
                WITH counted AS (
                    SELECT %1$s AS key, sum(s.permits) AS permits FROM stats_permit_count s
                    WHERE %2$s GROUP BY 1 HAVING sum(s.permits) > 0),
                limits (d30, d60) AS (VALUES (%3$s)),
                expiring AS (
                    SELECT coalesce(sum(s.n) FILTER (WHERE s.valid_to <= l.d30), 0) AS w30,
                           coalesce(sum(s.n) FILTER (WHERE s.valid_to <= l.d60), 0) AS w60,
                           coalesce(sum(s.n), 0) AS w90,
                           coalesce(sum(s.n) FILTER (WHERE %7$s), 0) AS due
                    FROM (%6$s WHERE %4$s) s CROSS JOIN limits l)
                SELECT c.key, n.name_zh, n.name_en, CAST(c.permits AS bigint) AS permits, CAST(x.w30 AS bigint) AS w30,
                       CAST(x.w60 AS bigint) AS w60, CAST(x.w90 AS bigint) AS w90, CAST(x.due AS bigint) AS due, now() AS as_of
                FROM expiring x LEFT JOIN counted c ON true %5$s
                ORDER BY c.key""".formatted(Rollup.groupKey(query), counted.sql(), dates.sqlAfter(counted.args().size()),
                expiring.sqlAfter(counted.args().size() + dates.args().size()), Rollup.names(query), expiringFrom,
                due.sqlAfter(counted.args().size() + dates.args().size() + expiring.args().size()));
        List<Object> args = new ArrayList<>(counted.args());
        args.addAll(dates.args());
        args.addAll(expiring.args());
        args.addAll(due.args());
        return pool.preparedQuery(sql).execute(Tuple.from(args)).map(rows -> {
            List<Group> groups = new ArrayList<>();
            OffsetDateTime asOf = null;
            RenewalPipeline pipeline = null;
            long total = 0;
            for (Row r : rows) {
                asOf = r.getOffsetDateTime("as_of").atZoneSameInstant(clock.getZone()).toOffsetDateTime();
                pipeline = new RenewalPipeline(today, r.getLong("w30"), r.getLong("w60"), r.getLong("w90"), r.getLong("due"));
                if (r.getString("key") != null) {
                    groups.add(new Group(r.getString("key"), r.getString("name_zh"), r.getString("name_en"), r.getLong("permits")));
                    total += r.getLong("permits");
                }
            }
            return new Table(asOf, query.filters(), UNITS, groups, total, pipeline);
        });
    }

    static final Map<String, String> UNITS;

    static {
        Map<String, String> units = new LinkedHashMap<>();
        units.put("permits", "count of permits (registration receipts included)");
        units.put("renewalPipeline", "count of VALID permits");
        UNITS = Collections.unmodifiableMap(units);
    }

    /** Permit counts by group. */
    @Schema(name = "PermitStatistics")
    public record Table(
            @Schema(description = "The moment the figures reflect: every filing and permit change committed before it is counted")
            OffsetDateTime asOf,
            StatsFilters filters,
            @Schema(description = "The unit of each measure") Map<String, String> units,
            @Schema(description = "The groups with at least one permit, by key") List<Group> groups,
            @Schema(description = "Permits in all groups") long total,
            RenewalPipeline renewalPipeline) {
    }

    @Schema(name = "PermitCountGroup")
    public record Group(
            @Schema(description = "The group's code: a region code (2, 4 or 6 digits), an industry code, a category or a status",
                    examples = "44") String key,
            @Schema(nullable = true, description = "Its name, for regions and industries", examples = "广东省") String nameZh,
            @Schema(nullable = true, examples = "Guangdong") String nameEn,
            @Schema(examples = "31544") long permits) {
    }

    @Schema(name = "RenewalPipeline", description = "VALID permits of the selection whose validity ends soon: on a day from "
            + "`from` (today, China time) to `from` + 30, 60 or 90 days, both days included; and those due for renewal "
            + "(as the search's dueForRenewal: within 90 days, 20 for registration receipts)")
    public record RenewalPipeline(LocalDate from, long within30Days, long within60Days, long within90Days, long dueForRenewal) {
    }
}
