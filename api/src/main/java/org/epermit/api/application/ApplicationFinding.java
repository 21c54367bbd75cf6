package org.epermit.api.application;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A finding an application was accepted with: the regulator sees it; the applicant need not fix it. */
@Schema(name = "ApplicationFinding")
public record ApplicationFinding(
        @Schema(examples = "RENEWAL_FILED_LATE") ApplicationCode code,
        @Schema(description = "JSON pointer into the body", examples = "/change/changedOn") String path,
        @Schema(description = "What was found, in English") String message,
        @Schema(description = "What was found, in Chinese") String messageZh) {
}
