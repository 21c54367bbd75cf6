package org.epermit.api.filing;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A finding on a report: accepted, stored with the report and shown in the compliance view.
 *
 * @param explanation the submission's explanation of it, when it needs one and was given
 */
@Schema(name = "ReportFinding")
public record Finding(
        @Schema(examples = "EMISSIONS_ABOVE_LICENSED") FilingCode code,
        @Schema(description = "JSON pointer into the report's content", examples = "/actualEmissions/0/tonnes") String path,
        @Schema(description = "Whether it is accepted only with an explanation (an acknowledgement of its code and path)")
        boolean needsExplanation,
        @Schema(description = "What was found, in English") String message,
        @Schema(description = "What was found, in Chinese") String messageZh,
        @Schema(nullable = true) String explanation) {

    public Finding explained(String text) {
        return new Finding(code, path, needsExplanation, message, messageZh, text);
    }
}
