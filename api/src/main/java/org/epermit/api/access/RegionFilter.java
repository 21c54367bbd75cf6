package org.epermit.api.access;

/**
 * A region filter on permits: a GB/T 2260 prefix of 2 (province), 4 (city) or 6 (county) digits, as an equality on
 * the permit column of that level, so that an index on (level, permit_number) returns the rows in search order
 * (see the V5 migration for why a range on the 6-digit code does not). A regulator's region and the search's
 * {@code region} filter are the same condition.
 */
public final class RegionFilter {

    private RegionFilter() {
    }

    /** The condition on {@code p} (the permit table). */
    public static SqlCondition condition(String prefix) {
        String column = switch (prefix.length()) {
            case 2 -> "p.province_code";
            case 4 -> "p.city_code";
            case 6 -> "p.region_code";
            default -> throw new IllegalArgumentException("a region prefix has 2, 4 or 6 digits: " + prefix);
        };
        return SqlCondition.of(column + " = $1", prefix);
    }
}
