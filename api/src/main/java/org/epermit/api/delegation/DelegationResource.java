package org.epermit.api.delegation;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameters;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.epermit.api.contract.SharedParameters;
import org.epermit.api.common.CursorCodec;
import org.epermit.api.common.PathIds;
import org.epermit.api.common.PagingConfig;
import org.epermit.api.common.QueryParameters;
import org.epermit.api.gateway.Caller;
import org.epermit.api.gateway.auth.CurrentCaller;
import org.epermit.api.gateway.audit.AuditedResource;
import org.epermit.api.gateway.write.WriteOutcome;
import org.epermit.api.gateway.write.WriteTransaction;
import org.epermit.api.problem.ApiException;
import org.epermit.api.problem.ErrorCode;
import org.epermit.api.problem.FieldError;
import org.epermit.api.problem.Message;
import org.epermit.api.problem.Problem;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Delegations (委托) of enterprises to vendors. */
@Path("/v1/delegations")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "apiKey")
@SecurityRequirement(name = "bearer")
@Tag(name = "Delegations", description = "Enterprises delegating vendors (委托): administrators and the enterprise manage them, the vendor reads them")
public class DelegationResource {

    /** How audit rows name what these operations act on. */
    static final String DELEGATION = "delegation";

    private final Delegations delegations;
    private final WriteTransaction writes;
    private final CurrentCaller caller;
    private final CursorCodec cursors;
    private final PagingConfig paging;

    public DelegationResource(Delegations delegations, WriteTransaction writes, CurrentCaller caller, CursorCodec cursors,
                              PagingConfig paging) {
        this.delegations = delegations;
        this.writes = writes;
        this.caller = caller;
        this.cursors = cursors;
        this.paging = paging;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createDelegation", summary = "Delegate a vendor",
            description = "The enterprise (or an administrator for it) lets a vendor client read and/or file for all or listed permits, for a period.")
    @APIResponse(responseCode = "201", description = "Created; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DelegationView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields (VALIDATION_FAILED), each listed in errors")
    @APIResponse(responseCode = "403", description = "Only administrators and the enterprise itself delegate (INSUFFICIENT_SCOPE)")
    @APIResponse(responseCode = "415", description = "The body is not application/json (UNSUPPORTED_MEDIA_TYPE)")
    public Uni<Response> create(DelegationView.NewDelegation body) {
        Caller who = caller.required();
        Delegations.Request request = delegations.request(who, body);  // a 400 or 403 opens no transaction
        return writes.run(tx -> delegations.create(tx, who, request)
                .map(d -> WriteOutcome.created(AuditedResource.created(DELEGATION, d.id()), URI.create("/v1/delegations/" + d.id()), d)));
    }

    @GET
    @Operation(operationId = "listDelegations", summary = "List delegations",
            description = "Administrators see all; an enterprise its own; a vendor those naming it. By id, cursor-paged.")
    @Parameters({
            @Parameter(ref = SharedParameters.LIMIT),
            @Parameter(ref = SharedParameters.CURSOR)
    })
    @APIResponse(responseCode = "200", description = "A page of delegations",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DelegationView.Page.class)))
    @APIResponse(responseCode = "400", description = "Invalid parameters (VALIDATION_FAILED) or cursor (INVALID_CURSOR)")
    public Uni<DelegationView.Page> list(@Context UriInfo uri) {
        Caller c = caller.required();
        QueryParameters params = QueryParameters.of(uri.getQueryParameters(), Set.of("limit", "cursor"));
        int limit = params.limit(paging);
        Optional<String> cursor = params.text("cursor", 4096);
        params.throwIfInvalid();
        String query = "delegations|" + c.clientId();
        Optional<UUID> after = cursor.map(v -> UUID.fromString(cursors.decode(v, query, "query.cursor").get(0)));
        return delegations.list(c, after, limit + 1).map(rows -> {
            var page = cursors.slice(rows, limit, query, d -> d.id().toString());
            return new DelegationView.Page(page.items(), page.nextCursor());
        });
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getDelegation", summary = "Get a delegation",
            description = "One delegation the caller may see: administrators any, an enterprise its own, a vendor those naming it.")
    @APIResponse(responseCode = "200", description = "The delegation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DelegationView.class)))
    @APIResponse(responseCode = "400", description = "The id is not a UUID (VALIDATION_FAILED)")
    @APIResponse(responseCode = "404", description = "No such delegation visible to the caller (DELEGATION_NOT_FOUND)")
    public Uni<DelegationView> get(@Parameter(description = "Delegation id") @PathParam("id") String id) {
        UUID delegation = id(id);
        return delegations.find(caller.required(), delegation).map(d -> d.orElseThrow(() -> Delegations.notFound(delegation)));
    }

    @DELETE
    // A success has no body, so a client may accept nothing but problems (the contract documents no other content
    // here, and generated clients send exactly that): answering it 406 would refuse a request the API can serve.
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Path("/{id}")
    @Operation(operationId = "revokeDelegation", summary = "Revoke a delegation", description = "It stops at once.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "400", description = "The id is not a UUID (VALIDATION_FAILED)")
    @APIResponse(responseCode = "403", description = "Only administrators and the enterprise itself revoke (INSUFFICIENT_SCOPE)")
    @APIResponse(responseCode = "404", description = "No such delegation visible to the caller (DELEGATION_NOT_FOUND)")
    public Uni<Response> revoke(@Parameter(description = "Delegation id") @PathParam("id") String id) {
        Caller who = caller.required();
        UUID delegation = id(id);
        return writes.run(tx -> delegations.revoke(tx, who, delegation).map(revokedNow -> WriteOutcome.noContent(
                AuditedResource.changed(DELEGATION, delegation, revokedNow ? List.of("revokedAt") : List.of()))));
    }

    private static UUID id(String raw) {
        return PathIds.uuid(raw, "id");
    }
}
