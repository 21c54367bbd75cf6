package org.epermit.api.contract;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.epermit.api.problem.Problem;

import java.util.Map;

/**
 * Makes every documented error response an RFC 9457 problem, documents the 500 and 503 every operation can give,
 * and marks operations without a security requirement as public, so resources declare only what is particular to
 * them.
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
        responses.addAPIResponse("500", OASFactory.createAPIResponse().description("Unexpected failure; quote the request id"));
        responses.addAPIResponse("503", OASFactory.createAPIResponse().description("A backing service is unreachable; retry later"));
        for (Map.Entry<String, APIResponse> entry : responses.getAPIResponses().entrySet()) {
            String status = entry.getKey();
            APIResponse response = entry.getValue();
            if ((status.startsWith("4") || status.startsWith("5")) && response.getContent() == null) {
                response.setContent(problemContent());
            }
        }
        return operation;
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
    }
}
