package org.epermit.api.stats;

import org.epermit.api.permit.PermitCategory;
import org.epermit.api.permit.PermitStatus;

import java.util.Optional;

/**
 * One statistics question: how to group and what to count. Each filter narrows the permits counted; {@code year} and
 * {@code pollutant} are for the measures that have them. The grain a question is answered at is the finest its
 * grouping or filters need ({@link #regionDigits}, {@link #industryDigits}).
 */
public record StatsQuery(Grouping groupBy, IndustryLevel industryLevel, Optional<String> region, Optional<String> industry,
                         Optional<PermitCategory> category, Optional<PermitStatus> status, Optional<Integer> year,
                         Optional<String> pollutant) {

    /** The digits of the region code the groups need: the grouping's, or the region filter's where that is finer. */
    public int regionDigits() {
        return Math.max(groupBy.regionDigits(), filterRegionDigits());
    }

    /** The digits of the industry code the groups need: the grouping's, or the industry filter's where that is finer. */
    public int industryDigits() {
        return Math.max(groupBy == Grouping.INDUSTRY ? industryLevel.digits() : 0, filterIndustryDigits());
    }

    /** The grain of the filters alone (for figures of the whole selection, such as the renewal pipeline). */
    public int filterRegionDigits() {
        return region.map(String::length).orElse(0);
    }

    /** A one-digit filter is read at the division level: no industry code is shorter than two digits. */
    public int filterIndustryDigits() {
        return industry.map(i -> Math.max(2, i.length())).orElse(0);
    }

    /**
     * Whether the question needs more than the public level (provinces and cities, industry divisions and groups):
     * county groups or a county filter, industry classes as groups or as a filter.
     */
    public boolean beyondPublicLevel() {
        return regionDigits() > 4 || industryDigits() > 3;
    }

    public StatsQuery withRegion(String regionPrefix) {
        return new StatsQuery(groupBy, industryLevel, Optional.of(regionPrefix), industry, category, status, year, pollutant);
    }

    /** The filters as stated in a response: what the figures cover. */
    public StatsFilters filters() {
        return new StatsFilters(groupBy.wire(), groupBy == Grouping.INDUSTRY ? industryLevel.wire() : null,
                region.orElse(null), industry.orElse(null), category.map(Enum::name).orElse(null),
                status.map(Enum::name).orElse(null), year.orElse(null), pollutant.orElse(null));
    }
}
