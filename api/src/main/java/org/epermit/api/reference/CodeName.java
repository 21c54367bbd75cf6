package org.epermit.api.reference;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A coded reference value (region, industry) with its names. */
@Schema(name = "CodeName")
public record CodeName(
        @Schema(examples = "440305") String code,
        @Schema(description = "Chinese name", examples = "南山区") String name,
        @Schema(description = "English name", examples = "Nanshan District") String nameEn) {
}
