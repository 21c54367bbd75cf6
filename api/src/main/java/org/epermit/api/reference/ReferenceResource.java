package org.epermit.api.reference;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.epermit.api.common.HttpCaching;
import org.epermit.api.common.QueryParameters;

import java.util.Set;

/** The code lists permits are written in. */
@Path("/v1/reference")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reference data", description = "Pollutants (HJ 212-2017), industries (GB/T 4754-2017) and regions (GB/T 2260)")
public class ReferenceResource {

    private final ReferenceQueries queries;
    private final HttpCaching caching;

    public ReferenceResource(ReferenceQueries queries, HttpCaching caching) {
        this.queries = queries;
        this.caching = caching;
    }

    @GET
    @Path("/pollutants")
    @Operation(operationId = "listPollutants", summary = "List pollutants", description = "Pollutants and flow parameters with their HJ 212-2017 codes and units.")
    @APIResponse(responseCode = "200", description = "All pollutants",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReferenceData.PollutantList.class)))
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match matched the ETag)")
    @APIResponse(responseCode = "400", description = "The request has query parameters; this operation takes none (VALIDATION_FAILED)")
    public Uni<Response> pollutants(@Context UriInfo uri, @Context Request request) {
        noParameters(uri);
        return queries.pollutants().map(list -> caching.publicJson(request, list));
    }

    @GET
    @Path("/industries")
    @Operation(operationId = "listIndustries", summary = "List industries", description = "GB/T 4754-2017 divisions, groups and classes used by permits.")
    @APIResponse(responseCode = "200", description = "All industries",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReferenceData.IndustryList.class)))
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match matched the ETag)")
    @APIResponse(responseCode = "400", description = "The request has query parameters; this operation takes none (VALIDATION_FAILED)")
    public Uni<Response> industries(@Context UriInfo uri, @Context Request request) {
        noParameters(uri);
        return queries.industries().map(list -> caching.publicJson(request, list));
    }

    @GET
    @Path("/regions")
    @Operation(operationId = "listRegions", summary = "List regions", description = "GB/T 2260 provinces, cities and counties, each with its parent.")
    @APIResponse(responseCode = "200", description = "All regions",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReferenceData.RegionList.class)))
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match matched the ETag)")
    @APIResponse(responseCode = "400", description = "The request has query parameters; this operation takes none (VALIDATION_FAILED)")
    public Uni<Response> regions(@Context UriInfo uri, @Context Request request) {
        noParameters(uri);
        return queries.regions().map(list -> caching.publicJson(request, list));
    }

    private static void noParameters(UriInfo uri) {
        QueryParameters.of(uri.getQueryParameters(), Set.of()).throwIfInvalid();
    }
}
