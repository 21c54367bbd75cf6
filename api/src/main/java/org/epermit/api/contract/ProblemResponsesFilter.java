package org.epermit.api.contract;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.epermit.api.problem.Problem;

import java.util.Map;

/**
 * Makes every documented error response an RFC 9457 problem, documents the 429, 500 and 503 every operation can
 * give and the rate-limit fields every response carries, and marks operations without a security requirement as
 * public, so resources declare only what is particular to them.
 */
@OpenApiFilter(stages = {OpenApiFilter.RunStage.BUILD})
public class ProblemResponsesFilter implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getSecurity() == null) {
            // No requirement declared: the operation is public, and the contract says so explicitly.
            operation.setSecurity(new java.util.ArrayList<>());
        }
        var responses = operation.getResponses();
        if (responses == null) {
            return operation;
        }
        responses.addAPIResponse("429", OASFactory.createAPIResponse()
                .description("Too many requests (RATE_LIMITED) or the day's quota is spent (QUOTA_EXCEEDED); retry after Retry-After")
                .addHeader(RETRY_AFTER, OASFactory.createHeader().ref(RETRY_AFTER)));
        responses.addAPIResponse("500", OASFactory.createAPIResponse().description("Unexpected failure; quote the request id"));
        responses.addAPIResponse("503", OASFactory.createAPIResponse().description("A backing service is unreachable; retry later"));
        for (Map.Entry<String, APIResponse> entry : responses.getAPIResponses().entrySet()) {
            String status = entry.getKey();
            APIResponse response = entry.getValue();
            if ((status.startsWith("4") || status.startsWith("5")) && response.getContent() == null) {
                response.setContent(problemContent());
            }
            response.addHeader(RATE_LIMIT_POLICY, OASFactory.createHeader().ref(RATE_LIMIT_POLICY));
            response.addHeader(RATE_LIMIT, OASFactory.createHeader().ref(RATE_LIMIT));
        }
        return operation;
    }

    private static final String RATE_LIMIT_POLICY = "RateLimit-Policy";
    private static final String RATE_LIMIT = "RateLimit";
    private static final String RETRY_AFTER = "Retry-After";

    /** The rate-limit fields (draft-ietf-httpapi-ratelimit-headers), described once and referenced by every response. */
    private static void addRateLimitHeaders(OpenAPI openAPI) {
        openAPI.getComponents()
                .addHeader(RATE_LIMIT_POLICY, OASFactory.createHeader().schema(string())
                        .description("""
                                The quota policies that apply to the caller (IETF draft-ietf-httpapi-ratelimit-headers): \
                                `"burst";q=<burst>;w=<seconds>` (a token bucket: `burst` requests at once, refilled \
                                completely in `w` seconds) and `"daily";q=<quota>;w=86400` (the calendar day, China time). \
                                On a failed authentication: `"auth-failures";q=<failures>;w=<seconds>`. See docs/rate-limits.md.""")
                        .example("\"burst\";q=200;w=4, \"daily\";q=500000;w=86400"))
                .addHeader(RATE_LIMIT, OASFactory.createHeader().schema(string())
                        .description("""
                                What is left under each policy after this request: `r` requests, and `t` the seconds in \
                                which no more than `r` can be used (for the burst, until the next token; for the day, until \
                                midnight China time).""")
                        .example("\"burst\";r=199;t=1, \"daily\";r=498766;t=41000"))
                .addHeader(RETRY_AFTER, OASFactory.createHeader()
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).minimum(java.math.BigDecimal.ONE))
                        .description("Seconds to wait before sending the request again")
                        .example(1));
    }

    private static Schema string() {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING);
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)));
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        // Problem is referenced only from this filter, so make sure its schema is in the document.
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null
                || !openAPI.getComponents().getSchemas().containsKey("Problem")) {
            throw new IllegalStateException("the Problem schema must be registered (see ProblemSchemaRegistration)");
        }
        addRateLimitHeaders(openAPI);
        IdempotencyContract.document(openAPI, () -> OASFactory.createAPIResponse().content(problemContent())
                .addHeader(RATE_LIMIT_POLICY, OASFactory.createHeader().ref(RATE_LIMIT_POLICY))
                .addHeader(RATE_LIMIT, OASFactory.createHeader().ref(RATE_LIMIT)));
    }
}
