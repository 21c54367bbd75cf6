package org.epermit.api.permit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * A page of the permit search as an RFC 7946 GeoJSON FeatureCollection: one Feature per permit, in the search's order,
 * its geometry the site's point and its properties the search item. The next page's cursor is a foreign member (RFC
 * 7946 §6.1), where the JSON search has it, so a map client pages the same way.
 */
@Schema(name = "PermitFeatureCollection", description = "A page of permits as a GeoJSON FeatureCollection (RFC 7946)")
public record PermitFeatureCollection(
        @Schema(enumeration = "FeatureCollection") String type,
        List<Feature> features,
        @Schema(nullable = true, description = "Cursor of the next page (a foreign member); null on the last page")
        String nextCursor) {

    static PermitFeatureCollection of(List<PermitQueries.LocatedPermit> permits, String nextCursor) {
        return new PermitFeatureCollection("FeatureCollection", permits.stream().map(Feature::of).toList(), nextCursor);
    }

    /** One permit: its number as the Feature's id, its site as the geometry, its search item as the properties. */
    @Schema(name = "PermitFeature", description = "A permit as a GeoJSON Feature")
    public record Feature(
            @Schema(enumeration = "Feature") String type,
            @Schema(description = "The permit number", examples = "91130200699229617X001P") String id,
            @Schema(nullable = true, description = "The site's location; null when the permit records no coordinates "
                    + "(RFC 7946 §3.2 allows an unlocated Feature)")
            Point geometry,
            @Schema(description = "The permit's public summary, the item of the JSON search; `region.code` joins the "
                    + "statistics by region") PermitSummary properties) {

        static Feature of(PermitQueries.LocatedPermit permit) {
            return new Feature("Feature", permit.summary().permitNumber(),
                    permit.site().map(Point::of).orElse(null), permit.summary());
        }
    }

    /** A GeoJSON Point: longitude first, then latitude, in WGS 84 degrees (RFC 7946 §3.1.1, §4). */
    @Schema(name = "PointGeometry", description = "A GeoJSON Point, [longitude, latitude] in WGS 84 degrees")
    public record Point(
            @Schema(enumeration = "Point") String type,
            @Schema(minItems = 2, maxItems = 2, examples = "[118.180193, 39.630867]") List<Double> coordinates) {

        static Point of(PermitQueries.Coordinates site) {
            return new Point("Point", List.of(site.longitude(), site.latitude()));
        }
    }
}
