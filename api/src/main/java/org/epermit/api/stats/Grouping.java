package org.epermit.api.stats;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Arrays;
import java.util.Optional;

/** What a statistics table is grouped by: a level of the region, the industry (at a level of its own), or a code. */
@Schema(name = "StatsGrouping", enumeration = {"province", "city", "county", "industry", "category", "status"})
public enum Grouping {
    PROVINCE("province", 2),
    CITY("city", 4),
    COUNTY("county", 6),
    /** At the level {@link IndustryLevel} says. */
    INDUSTRY("industry", 0),
    CATEGORY("category", 0),
    STATUS("status", 0);

    private final String wire;
    private final int regionDigits;

    Grouping(String wire, int regionDigits) {
        this.wire = wire;
        this.regionDigits = regionDigits;
    }

    /** The name in the query and the response. */
    public String wire() {
        return wire;
    }

    /** The digits of the region code a group of this kind has; 0 for the groupings that are not regions. */
    public int regionDigits() {
        return regionDigits;
    }

    public boolean isRegion() {
        return regionDigits > 0;
    }

    public static Optional<Grouping> parse(String wire) {
        return Arrays.stream(values()).filter(g -> g.wire.equals(wire)).findFirst();
    }
}
