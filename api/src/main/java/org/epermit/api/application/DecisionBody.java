package org.epermit.api.application;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The regulator's decision on an accepted application. */
@Schema(name = "ApplicationDecision")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DecisionBody(
        @Schema(required = true) DecisionOutcome decision,
        @Schema(nullable = true, maxItems = 50, description = "REJECTED only, and required then: the reasons for the refusal")
        List<String> reasons,
        @Schema(nullable = true, maxItems = 100, description = "RETURNED only, and required then: every correction, in one notice")
        List<Correction> corrections,
        @Schema(nullable = true, maxLength = 2000, description = "To the applicant; never public") String comment) {
}
