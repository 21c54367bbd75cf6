package org.epermit.api.filing;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A regulator's review of the current version of a submitted execution report. */
@Schema(name = "ExecutionReportReviewRequest")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReportReviewBody(
        @Schema(required = true) ReviewOutcome outcome,
        @Schema(nullable = true, description = "The version reviewed; when given and no longer current (corrected meanwhile), the review is a 409",
                examples = "1") Integer reportVersion,
        @Schema(nullable = true, maxLength = 2000, description = "To the filer; required when RETURNED (what to correct); never public")
        String comment) {

    static final int COMMENT_MAX = 2000;
}
