package org.epermit.api.stats;

import org.epermit.api.access.SqlCondition;

import java.util.ArrayList;
import java.util.List;

/**
 * The rows of a rollup table (alias {@code s}, V22) that answer a question: one grain, the filters as equalities and
 * ranges on its key, and the expression of the question's groups.
 */
final class Rollup {

    private Rollup() {
    }

    /** The rows of the grain {@code (regionDigits, industryDigits)} within the query's filters. */
    static SqlCondition selection(int regionDigits, int industryDigits, StatsQuery query) {
        List<SqlCondition> where = new ArrayList<>();
        // The grain is written into the statement, not bound: a prepared statement turns generic after five runs, and
        // a generic plan cannot tell the 31 rows of the province grain from the 48,000 of the finest (a bound level
        // made it scan the whole rollup: 12 ms instead of 1 ms at 1,000,000 permits).
        where.add(new SqlCondition("s.region_level = " + level(regionDigits) + " AND s.industry_level = " + level(industryDigits), List.of()));
        query.region().ifPresent(r -> where.add(prefix("s.region_code", r, regionDigits)));
        query.industry().ifPresent(i -> where.add(prefix("s.industry_code", i, industryDigits)));
        query.category().ifPresent(c -> where.add(SqlCondition.of("s.category = $1", c.name())));
        return SqlCondition.allOf(where);
    }

    /** A grain's level as SQL text: one of the few values V22's stats_grain holds. */
    static String level(int digits) {
        if (digits != 0 && digits != 2 && digits != 3 && digits != 4 && digits != 6) {
            throw new IllegalArgumentException("no rollup grain has " + digits + " digits");
        }
        return Integer.toString(digits);
    }

    /**
     * A code that begins with {@code prefix}, among codes cut to {@code digits}: an equality when they are as long as
     * the prefix, else the range from the prefix to the next one (codes are compared byte by byte, COLLATE "C").
     */
    static SqlCondition prefix(String column, String prefix, int digits) {
        if (prefix.length() == digits) {
            return SqlCondition.of(column + " = $1", prefix);
        }
        char last = prefix.charAt(prefix.length() - 1);
        String next = prefix.substring(0, prefix.length() - 1) + (char) (last + 1);
        return SqlCondition.of(column + " >= $1 AND " + column + " < $2", prefix, next);
    }

    /** The expression of a group's key, for the query's grouping. */
    static String groupKey(StatsQuery query) {
        return switch (query.groupBy()) {
            case PROVINCE, CITY, COUNTY -> "left(s.region_code, " + query.groupBy().regionDigits() + ")";
            case INDUSTRY -> "left(s.industry_code, " + query.industryLevel().digits() + ")";
            case CATEGORY -> "s.category";
            case STATUS -> "s.status";
        };
    }

    /** The join that names a group (region or industry), on the group's key {@code c.key}; none for codes. */
    static String names(StatsQuery query) {
        if (query.groupBy().isRegion()) {
            return "LEFT JOIN region n ON n.code = rpad(c.key, 6, '0')";
        }
        if (query.groupBy() == Grouping.INDUSTRY) {
            return "LEFT JOIN industry n ON n.code = c.key";
        }
        return "LEFT JOIN (SELECT CAST(NULL AS text) AS name_zh, CAST(NULL AS text) AS name_en) AS n ON false";
    }
}
