package org.epermit.api.application;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One thing to correct in an application, in the one notice of a return: where, and what is wrong with it. */
@Schema(name = "ApplicationCorrection")
public record Correction(
        @Schema(required = true, maxLength = 200, description = "JSON pointer into the application's body", examples = "/change/items/0/value")
        String path,
        @Schema(required = true, maxLength = 2000, description = "What to correct there", examples = "新名称与营业执照不一致 / the new name differs from the business licence")
        String comment) {
}
