package org.epermit.api.contract;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.epermit.api.gateway.idempotency.IdempotencyKey;

import java.util.function.Supplier;

/**
 * Documents idempotency keys on every POST of the contract, so an endpoint added later (filings) is documented the
 * moment it exists, as {@link org.epermit.api.gateway.write.WriteTransaction} handles it the moment it uses it.
 * <p>
 * The header is a declared parameter of every POST (generated clients can send it); the SDK's hand-written services
 * leave it to the SDK's transport, which sets it on every POST and keeps it across retries.
 */
final class IdempotencyContract {

    static final String DESCRIPTION = """
            Idempotent with an `Idempotency-Key` request header (1 to 255 printable ASCII characters without spaces; \
            per client; kept 24 hours by default): a retry with the same key and the same request (method, path, body) gets the \
            first answer again, marked `Idempotency-Replayed: true`, without the write being done twice. See \
            docs/idempotency.md.""";

    private static final String PARAMETER = "IdempotencyKey";

    private IdempotencyContract() {
    }

    /** Runs after every operation is filtered, so the problem content and rate-limit fields are added here too. */
    static void document(OpenAPI openAPI, Supplier<APIResponse> problemResponse) {
        openAPI.getComponents()
                .addParameter(PARAMETER, OASFactory.createParameter()
                        .name(IdempotencyKey.HEADER)
                        .in(Parameter.In.HEADER)
                        .required(false)
                        .description("Makes the request safe to repeat: 1 to " + IdempotencyKey.MAX_LENGTH
                                + " printable ASCII characters without spaces, unique per intended write (a UUID, or your own record's id)")
                        .example("9f0c4a8e-2b7d-4c1e-9a53-0d6e8b1f4c27")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).minLength(1)
                                .maxLength(IdempotencyKey.MAX_LENGTH).pattern("^[\\x21-\\x7E]+$")))
                .addHeader(IdempotencyKey.REPLAYED_HEADER, OASFactory.createHeader()
                        .description("`true` when the response is the stored outcome of an earlier request with the same Idempotency-Key")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).addEnumeration("true")));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> {
            if (item.getPOST() != null) {
                document(item.getPOST(), problemResponse);
            }
        });
    }

    private static void document(Operation post, Supplier<APIResponse> problemResponse) {
        post.addParameter(OASFactory.createParameter().ref(PARAMETER));
        post.setDescription(post.getDescription() == null ? DESCRIPTION : post.getDescription() + "\n\n" + DESCRIPTION);
        APIResponses responses = post.getResponses();
        responses.getAPIResponses().forEach((status, response) -> {
            if (status.startsWith("2")) {
                response.addHeader(IdempotencyKey.REPLAYED_HEADER, OASFactory.createHeader().ref(IdempotencyKey.REPLAYED_HEADER));
            }
        });
        describe(responses, "400", "a malformed Idempotency-Key (VALIDATION_FAILED)", problemResponse);
        describe(responses, "409", "a request with the same Idempotency-Key is still in progress (IDEMPOTENCY_IN_PROGRESS); retry after Retry-After",
                problemResponse);
        responses.getAPIResponse("409").addHeader("Retry-After", OASFactory.createHeader().ref("Retry-After"));
        describe(responses, "422", "the Idempotency-Key was used for a different request (IDEMPOTENCY_CONFLICT)", problemResponse);
    }

    private static void describe(APIResponses responses, String status, String what, Supplier<APIResponse> problemResponse) {
        APIResponse existing = responses.getAPIResponse(status);
        if (existing == null) {
            responses.addAPIResponse(status, problemResponse.get().description(capitalised(what)));
        } else {
            existing.setDescription(existing.getDescription() + "; or " + what);
        }
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

}
