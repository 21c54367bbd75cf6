package org.epermit.api.permit;

import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameters;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.epermit.api.access.PermitAccess;
import org.epermit.api.contract.SharedParameters;
import org.epermit.api.common.PermitNumber;
import org.epermit.api.gateway.Caller;
import org.epermit.api.gateway.auth.CurrentCaller;

/** The full view of permits, for callers entitled to them: delegated vendors, the enterprise, its regulator, admins. */
@Path("/v1/permits")
@Produces(MediaType.APPLICATION_JSON)
@PermissionsAllowed("permits:read")
@SecurityRequirement(name = "apiKey")
@SecurityRequirement(name = "bearer")
@Tag(name = "Permits", description = "Full permit data for authorised callers (scope permits:read)")
public class PermitResource {

    private static final String SCOPE = "permits:read";

    private final PermitQueries queries;
    private final PermitSearch search;
    private final CurrentCaller caller;
    private final PermitAccess access;

    public PermitResource(PermitQueries queries, PermitSearch search, CurrentCaller caller, PermitAccess access) {
        this.queries = queries;
        this.access = access;
        this.search = search;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "searchPermits", summary = "Search the permits you may see",
            description = "The public search's filters and paging, over the permits the caller may see: those delegated "
                    + "to a vendor, an enterprise's own, a regulator's region, all for administrators.")
    @Parameters({
            @Parameter(ref = SharedParameters.Q),
            @Parameter(ref = SharedParameters.REGION),
            @Parameter(ref = SharedParameters.INDUSTRY),
            @Parameter(ref = SharedParameters.CATEGORY),
            @Parameter(ref = SharedParameters.STATUS),
            @Parameter(ref = SharedParameters.EXPIRING_BEFORE),
            @Parameter(ref = SharedParameters.DUE_FOR_RENEWAL),
            @Parameter(ref = SharedParameters.LIMIT),
            @Parameter(ref = SharedParameters.CURSOR)
    })
    @APIResponse(responseCode = "200", description = "A page of permits",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PublicPermitResource.PermitSummaryPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid parameters (VALIDATION_FAILED) or cursor (INVALID_CURSOR)")
    @APIResponse(responseCode = "403", description = "The caller lacks the permits:read scope (INSUFFICIENT_SCOPE)")
    public Uni<PublicPermitResource.PermitSummaryPage> search(@Context UriInfo uri) {
        Caller c = caller.required();
        return search.page(uri.getQueryParameters(), c.clientId().toString(), access.visibleTo(c, SCOPE));
    }

    @GET
    @Path("/{permitNumber}")
    @Operation(operationId = "getPermit", summary = "Get a permit's full view",
            description = "The public view plus what is not public (the enterprise's contacts). A vendor needs a live "
                    + "delegation covering the permit (NOT_DELEGATED otherwise), a regulator the permit's region.")
    @APIResponse(responseCode = "200", description = "The permit",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PermitFull.class)))
    @APIResponse(responseCode = "400", description = "The permit number is malformed (INVALID_PERMIT_NUMBER)")
    @APIResponse(responseCode = "403", description = "No scope, or a delegation without permits:read (INSUFFICIENT_SCOPE), not delegated (NOT_DELEGATED) or outside the regulator's region (OUTSIDE_REGION)")
    @APIResponse(responseCode = "404", description = "No permit has this number (PERMIT_NOT_FOUND)")
    public Uni<PermitFull> get(@Parameter(ref = SharedParameters.PERMIT_NUMBER)
                               @PathParam("permitNumber") String permitNumber) {
        Caller c = caller.required();
        // a lookup like the public one: any identification letter; unknown is PERMIT_NOT_FOUND
        PermitNumber number = PermitNumber.parse(permitNumber, "path.permitNumber");
        return access.require(c, SCOPE, number.value())
                .chain(queries::fullView)
                .map(found -> {
                    var view = found.orElseThrow(() -> PermitAccess.notFound(number.value()));
                    return new PermitFull(view.publicDocument(), view.contacts());
                });
    }
}
