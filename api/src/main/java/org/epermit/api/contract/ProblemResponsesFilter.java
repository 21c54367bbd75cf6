package org.epermit.api.contract;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.epermit.api.problem.Problem;

import java.util.ArrayList;
import java.util.Map;

/**
 * Makes every documented error response an RFC 9457 problem; documents, once, the responses operations share (401
 * and 403 on every secured operation; 429, 500 and 503 on every operation) and the rate-limit fields every response
 * carries; marks operations without a security requirement as public; lists path parameters in the order of the path
 * ({@link ParameterOrder}); and writes dates, times and ids as formatted strings ({@link FormattedStrings}). Resources
 * declare only what is particular to them.
 */
@OpenApiFilter(stages = {OpenApiFilter.RunStage.BUILD})
public class ProblemResponsesFilter implements OASFilter {

    static final String SCHEMAS = "#/components/schemas/";
    private static final String PROBLEM_REF = SCHEMAS + "Problem";

    private static final String RATE_LIMIT_POLICY = "RateLimit-Policy";
    private static final String RATE_LIMIT = "RateLimit";
    private static final String RETRY_AFTER = "Retry-After";

    /**
     * The shared responses, by status: name in components/responses and description. An operation that declares one
     * of these statuses itself keeps its own description (what it means there) on the reference.
     */
    private enum Shared {
        UNAUTHENTICATED("401", "Unauthenticated", true,
                "Missing, invalid, expired or revoked credentials (UNAUTHENTICATED)"),
        FORBIDDEN("403", "Forbidden", true,
                "The caller may not do this: a scope or role the operation requires is missing (INSUFFICIENT_SCOPE, or the "
                        + "code the operation names), or a browser called from an origin the API does not allow "
                        + "(CROSS_ORIGIN_REFUSED)"),
        TOO_MANY_REQUESTS("429", "TooManyRequests", false,
                "Too many requests (RATE_LIMITED) or the day's quota is spent (QUOTA_EXCEEDED); retry after Retry-After"),
        INTERNAL_ERROR("500", "InternalError", false, "Unexpected failure; quote the request id"),
        SERVICE_UNAVAILABLE("503", "ServiceUnavailable", false, "A backing service is unreachable; retry later");

        final String status;
        final String name;
        final boolean securedOnly;
        final String description;

        Shared(String status, String name, boolean securedOnly, String description) {
            this.status = status;
            this.name = name;
            this.securedOnly = securedOnly;
            this.description = description;
        }

        String ref() {
            return "#/components/responses/" + name;
        }
    }

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getSecurity() == null) {
            // No requirement declared: the operation is public, and the contract says so explicitly.
            operation.setSecurity(new ArrayList<>());
        }
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            return operation;
        }
        boolean secured = !operation.getSecurity().isEmpty();
        for (Shared shared : Shared.values()) {
            APIResponse declared = responses.getAPIResponse(shared.status);
            if (shared.securedOnly && !secured) {
                if (declared != null) {
                    throw new IllegalStateException(operation.getOperationId() + " is public but documents a "
                            + shared.status + ": declare its security requirement");
                }
                continue;
            }
            APIResponse reference = OASFactory.createAPIResponse().ref(shared.ref());
            if (declared != null && declared.getDescription() != null) {
                reference.setDescription(declared.getDescription());
            }
            responses.addAPIResponse(shared.status, reference);
        }
        for (Map.Entry<String, APIResponse> entry : responses.getAPIResponses().entrySet()) {
            APIResponse response = entry.getValue();
            if (response.getRef() != null) {
                continue;
            }
            String status = entry.getKey();
            if ((status.startsWith("4") || status.startsWith("5")) && response.getContent() == null) {
                response.setContent(problemContent());
            }
            rateLimited(response);
        }
        // By status, as a reader looks them up (the shared ones were appended after the declared ones).
        responses.setAPIResponses(new java.util.TreeMap<>(responses.getAPIResponses()));
        return operation;
    }

    /**
     * A reference says what the value is; SmallRye adds the type of the referenced schema beside it (a
     * {@code type: string} next to an enum's {@code $ref}), which says it twice and which generators drop with a
     * warning.
     */
    @Override
    public Schema filterSchema(Schema schema) {
        if (schema.getRef() != null && schema.getType() != null) {
            schema.setType(null);
        }
        return schema;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        // Problem is referenced only from this filter, so make sure its schema is in the document.
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null
                || !openAPI.getComponents().getSchemas().containsKey("Problem")) {
            throw new IllegalStateException("the Problem schema must be registered (see ApiDefinition)");
        }
        addRateLimitHeaders(openAPI);
        for (Shared shared : Shared.values()) {
            APIResponse response = problemResponse().description(shared.description);
            if (shared == Shared.TOO_MANY_REQUESTS) {
                response.addHeader(RETRY_AFTER, OASFactory.createHeader().ref(RETRY_AFTER));
            }
            openAPI.getComponents().addResponse(shared.name, response);
        }
        IdempotencyContract.document(openAPI, ProblemResponsesFilter::problemResponse);
        ParameterOrder.apply(openAPI);
        FormattedStrings.inline(openAPI);
    }

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

    /** A problem response without a description, with the rate-limit fields. */
    private static APIResponse problemResponse() {
        return rateLimited(OASFactory.createAPIResponse().content(problemContent()));
    }

    private static APIResponse rateLimited(APIResponse response) {
        return response.addHeader(RATE_LIMIT_POLICY, OASFactory.createHeader().ref(RATE_LIMIT_POLICY))
                .addHeader(RATE_LIMIT, OASFactory.createHeader().ref(RATE_LIMIT));
    }

    private static Schema string() {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING);
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)));
    }
}
