package org.epermit.api.stats;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a statistics response covers: its grouping and the filters applied (null: not filtered). */
@Schema(name = "StatsFilters")
public record StatsFilters(
        @Schema(description = "The grouping", examples = "province") String groupBy,
        @Schema(nullable = true, description = "The industry level of industry groups", examples = "division") String industryLevel,
        @Schema(nullable = true, description = "Region prefix the figures cover: the one asked for, or a regulator's own "
                + "region where it asked for none", examples = "44") String region,
        @Schema(nullable = true, description = "Industry code prefix (main industry)", examples = "44") String industry,
        @Schema(nullable = true, examples = "KEY") String category,
        @Schema(nullable = true, examples = "VALID") String status,
        @Schema(nullable = true, examples = "2025") Integer year,
        @Schema(nullable = true, examples = "a21026") String pollutant) {
}
