package org.epermit.api.filing;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.epermit.api.problem.FieldError;

import java.util.List;

/**
 * What a submission of the same body would meet, without storing anything: the errors that would refuse it and the
 * findings it would be stored with. {@code explanationsRequired} are the findings that need an acknowledgement the
 * body does not carry yet.
 */
@Schema(name = "ReportEvaluation")
public record ReportEvaluation(
        @Schema(description = "Whether a submission of this body would be accepted") boolean acceptable,
        @Schema(description = "The errors that would refuse it, each with its JSON pointer, code and message") List<Error> errors,
        @Schema(description = "The findings it would be stored with") List<Finding> findings,
        @Schema(description = "Findings that need an explanation the body does not give yet") List<Finding> explanationsRequired) {

    @Schema(name = "FilingError", description = "A hard error: the filing is refused until it is fixed")
    public record Error(
            @Schema(description = "JSON pointer into the body", examples = "/actualEmissions/0/tonnes") String path,
            @Schema(description = "Stable code (docs/filing.md)", examples = "VALUE_NEGATIVE") String code,
            @Schema(description = "What is wrong and how to fix it, in English") String message,
            @Schema(description = "What is wrong and how to fix it, in Chinese") String messageZh) {

        static Error of(FieldError e) {
            return new Error(e.path(), e.code(), e.message().en(), e.message().zh());
        }
    }

    static ReportEvaluation of(List<FieldError> errors, List<Finding> findings) {
        return new ReportEvaluation(errors.isEmpty(), errors.stream().map(Error::of).toList(), findings,
                findings.stream().filter(f -> f.needsExplanation() && f.explanation() == null).toList());
    }
}
