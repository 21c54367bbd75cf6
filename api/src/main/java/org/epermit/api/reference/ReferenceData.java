package org.epermit.api.reference;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The reference lists, as the API returns them. */
public final class ReferenceData {

    private ReferenceData() {
    }

    @Schema(name = "Pollutant")
    public record Pollutant(
            @Schema(description = "HJ 212-2017 code", examples = "a21026") String code,
            @Schema(examples = "二氧化硫") String name,
            @Schema(examples = "Sulphur dioxide") String nameEn,
            Medium medium,
            @Schema(examples = "mg/m3") String unit,
            @Schema(description = "A flow parameter, monitored but not limited") boolean flow) {
    }

    @Schema(name = "Industry")
    public record Industry(
            @Schema(description = "GB/T 4754-2017 code: division (2 digits), group (3) or class (4)", examples = "4411") String code,
            @Schema(description = "Section letter", examples = "D") String section,
            @Schema(examples = "火力发电") String name,
            @Schema(examples = "Thermal power generation") String nameEn) {
    }

    @Schema(name = "Region")
    public record Region(
            @Schema(description = "GB/T 2260 code", examples = "440305") String code,
            @Schema(examples = "南山区") String name,
            @Schema(examples = "Nanshan District") String nameEn,
            @Schema(description = "1 province, 2 city, 3 county", examples = "3") int level,
            @Schema(nullable = true, examples = "440300") String parentCode) {
    }

    @Schema(name = "PollutantList")
    public record PollutantList(List<Pollutant> items) {
    }

    @Schema(name = "IndustryList")
    public record IndustryList(List<Industry> items) {
    }

    @Schema(name = "RegionList")
    public record RegionList(List<Region> items) {
    }
}
