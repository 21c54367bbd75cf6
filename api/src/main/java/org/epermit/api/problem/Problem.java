package org.epermit.api.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** An RFC 9457 problem document, extended with a stable {@code code}, the failing fields and the request id. */
@Schema(name = "Problem", description = "RFC 9457 problem details, the body of every error response")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Problem(
        @Schema(description = "URI identifying the problem type", examples = "urn:epermit:problem:permit-not-found")
        String type,
        @Schema(description = "Short summary of the problem type, in the language asked for with Accept-Language",
                examples = "Permit not found")
        String title,
        @Schema(description = "HTTP status code", examples = "404")
        int status,
        @Schema(description = "Explanation of this occurrence", examples = "No permit has the number 91440300MA5FOBMV7P001P.")
        String detail,
        @Schema(description = "The request path", examples = "/v1/public/permits/91440300MA5FOBMV7P001P")
        String instance,
        @Schema(description = "Stable machine-readable error code", examples = "PERMIT_NOT_FOUND")
        String code,
        @Schema(description = "One entry per failing field or parameter (empty when the problem is not about input)")
        List<Error> errors,
        @Schema(description = "The request's id, also sent as the X-Request-Id header; quote it when asking for support",
                examples = "3f1c0a9e-5d2b-4f8e-9c41-7a2d6b0e8f13")
        String requestId) {

    @Schema(name = "ProblemFieldError", description = "A failing field or parameter")
    public record Error(
            @Schema(description = "Where: query.<name>, path.<name>, header.<name> or body.<json path>", examples = "query.limit")
            String path,
            @Schema(description = "Stable reason code", examples = "RANGE")
            String code,
            @Schema(description = "What is wrong, in the language asked for", examples = "must be from 1 to 100, got 500")
            String message) {
    }

    public static final String MEDIA_TYPE = "application/problem+json";
}
