package org.epermit.api.application;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The regulator's acceptance of a submitted application: accepted, or returned with everything to correct at once. */
@Schema(name = "ApplicationAcceptance")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AcceptanceBody(
        @Schema(required = true) AcceptanceOutcome outcome,
        @Schema(nullable = true, maxItems = 100, description = "RETURNED only, and required then: every correction, in one notice")
        List<Correction> corrections,
        @Schema(nullable = true, description = "ACCEPTED only, for an INITIAL or REAPPLICATION under key management: a site "
                + "inspection is needed, so the decision period is the longer one (45 days)") Boolean siteInspection,
        @Schema(nullable = true, maxLength = 2000, description = "To the applicant; never public") String comment) {
}
