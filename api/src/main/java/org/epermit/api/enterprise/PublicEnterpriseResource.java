package org.epermit.api.enterprise;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.epermit.api.common.CreditCode;
import org.epermit.api.common.HttpCaching;
import org.epermit.api.problem.ApiException;
import org.epermit.api.problem.ErrorCode;
import org.epermit.api.problem.Message;
import org.epermit.codes.Strictness;

/** Public information on discharge units. */
@Path("/v1/public/enterprises")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Public enterprises", description = "Discharge units (排污单位) and the permits they hold, open to everyone")
public class PublicEnterpriseResource {

    private final EnterpriseQueries queries;
    private final HttpCaching caching;

    public PublicEnterpriseResource(EnterpriseQueries queries, HttpCaching caching) {
        this.queries = queries;
        this.caching = caching;
    }

    @GET
    @Path("/{creditCode}")
    @Operation(operationId = "getPublicEnterprise", summary = "Get an enterprise's public information",
            description = "Name, credit code, address, region and industry of a discharge unit, with its permits.")
    @APIResponse(responseCode = "200", description = "The enterprise",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PublicEnterprise.class)))
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match matched the ETag)")
    @APIResponse(responseCode = "400", description = """
            The credit code is malformed (INVALID_CREDIT_CODE): length, character, division digits, check character, \
            or the structure of a pseudo-code""")
    @APIResponse(responseCode = "404", description = "No enterprise has this credit code (ENTERPRISE_NOT_FOUND)")
    public Uni<Response> get(@Parameter(description = """
                                     Unified social credit code (GB 32100-2015), 18 characters, or the pseudo-code of \
                                     a unit without one (H9…, its last letter lower case, e.g. H9440100000000123k). \
                                     A code whose organisation code fails its own check (position 17, GB 11714), as \
                                     some genuine early codes do, is looked up like any other""",
                                     example = "91130200699229617X") @PathParam("creditCode") String creditCode,
                             @Context Request request) {
        // A lookup: a code that may exist is looked up (unknown → 404), a genuine early one included.
        CreditCode code = CreditCode.parse(creditCode, "path.creditCode", Strictness.LOOKUP);
        return queries.publicView(code.value()).map(found -> caching.publicJson(request, found.orElseThrow(() ->
                new ApiException(ErrorCode.ENTERPRISE_NOT_FOUND, Message.of(
                        "No enterprise has the credit code " + code.value() + ".",
                        "没有统一社会信用代码为" + code.value() + "的排污单位。")))));
    }
}
