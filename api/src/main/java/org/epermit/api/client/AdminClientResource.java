package org.epermit.api.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.epermit.api.contract.SharedParameters;
import org.epermit.api.common.CursorCodec;
import org.epermit.api.common.PathIds;
import org.epermit.api.common.PagingConfig;
import org.epermit.api.common.QueryParameters;
import org.epermit.api.gateway.audit.AuditedResource;
import org.epermit.api.gateway.auth.ApiKeyFormat;
import org.epermit.api.gateway.write.AggregateEvent;
import org.epermit.api.gateway.write.WriteOutcome;
import org.epermit.api.gateway.write.WriteTransaction;
import org.epermit.api.client.ClientRequests.ClientChange;
import org.epermit.api.client.ClientRequests.ClientPage;
import org.epermit.api.client.ClientRequests.CreatedClient;
import org.epermit.api.client.ClientRequests.IssuedKey;
import org.epermit.api.client.ClientRequests.NewClient;
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

/** The client registry, for platform administrators. */
@Path("/v1/admin/clients")
@Produces(MediaType.APPLICATION_JSON)
@PermissionsAllowed("admin")
@SecurityRequirement(name = "apiKey")
@SecurityRequirement(name = "bearer")
@Tag(name = "Admin", description = "Client registry, keys and audit log (administrators, scope admin)")
public class AdminClientResource {

    private static final String LIST_QUERY = "admin-clients";
    /** How audit rows name what these operations act on. */
    static final String CLIENT = "client";
    static final String API_KEY = "api_key";

    private final ClientRegistry registry;
    private final WriteTransaction writes;
    private final CursorCodec cursors;
    private final PagingConfig paging;
    private final ObjectMapper json;

    public AdminClientResource(ClientRegistry registry, WriteTransaction writes, CursorCodec cursors, PagingConfig paging,
                               ObjectMapper json) {
        this.registry = registry;
        this.writes = writes;
        this.cursors = cursors;
        this.paging = paging;
        this.json = json;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createClient", summary = "Register an API client",
            description = "Registers a client and issues its first API key, which is shown in this response only.")
    @APIResponse(responseCode = "201", description = "Registered; Location names the client",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CreatedClient.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields (VALIDATION_FAILED), each listed in errors")
    @APIResponse(responseCode = "403", description = "The caller lacks the admin scope (INSUFFICIENT_SCOPE)")
    @APIResponse(responseCode = "409", description = "The Keycloak client id is taken (CONFLICT); or this is a retry of a registration already done, whose API key was shown once and is not kept (SECRET_ALREADY_SHOWN, Location names the client: rotate its key if the first response was lost)")
    @APIResponse(responseCode = "415", description = "The body is not application/json (UNSUPPORTED_MEDIA_TYPE)")
    public Uni<Response> create(NewClient body) {
        ClientCommands.Registration registration = registry.registration(body);  // a 400 opens no transaction
        return writes.runOnEntities(tx -> registry.create(tx, registration).map(written -> WriteOutcome.created(
                        AuditedResource.created(CLIENT, written.client().id()),
                        URI.create("/v1/admin/clients/" + written.client().id()), written.result())
                .showingSecretOnce(new CreatedClient(written.client(), null))
                .announcing(event("client.created", written))));
    }

    @GET
    @Operation(operationId = "listClients", summary = "List API clients", description = "Registered clients (not deleted), by id, cursor-paged.")
    @Parameters({
            @Parameter(ref = SharedParameters.LIMIT),
            @Parameter(ref = SharedParameters.CURSOR)
    })
    @APIResponse(responseCode = "200", description = "A page of clients",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClientPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid parameters (VALIDATION_FAILED) or cursor (INVALID_CURSOR)")
    @APIResponse(responseCode = "403", description = "The caller lacks the admin scope (INSUFFICIENT_SCOPE)")
    public Uni<ClientPage> list(@Context UriInfo uri) {
        QueryParameters params = QueryParameters.of(uri.getQueryParameters(), Set.of("limit", "cursor"));
        int limit = params.limit(paging);
        Optional<String> cursor = params.text("cursor", 4096);
        params.throwIfInvalid();
        Optional<UUID> after = cursor.map(c -> UUID.fromString(cursors.decode(c, LIST_QUERY, "query.cursor").get(0)));
        return registry.list(after, limit + 1).map(rows -> {
            var page = cursors.slice(rows, limit, LIST_QUERY, c -> c.id().toString());
            return new ClientPage(page.items(), page.nextCursor());
        });
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getClient", summary = "Get an API client",
            description = "A registered client: its organisation, roles, scopes, region, plan, status and keys (their ids and lifetimes, never the secrets).")
    @APIResponse(responseCode = "200", description = "The client",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClientView.class)))
    @APIResponse(responseCode = "400", description = "The id is not a UUID (VALIDATION_FAILED)")
    @APIResponse(responseCode = "403", description = "The caller lacks the admin scope (INSUFFICIENT_SCOPE)")
    @APIResponse(responseCode = "404", description = "No such client (CLIENT_NOT_FOUND)")
    public Uni<ClientView> get(@Parameter(description = "Client id", example = "0b7c8e52-3a55-4a1e-9d52-8f3f5c3a1b2e") @PathParam("id") String id) {
        UUID clientId = clientId(id);
        return registry.find(clientId).map(found -> found.filter(c -> c.status() != ClientView.ClientStatus.DELETED)
                .orElseThrow(() -> notFound(clientId)));
    }

    @PATCH
    @Path("/{id}")
    @Consumes({ClientPatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(operationId = "updateClient", summary = "Change an API client",
            description = "A JSON merge patch (RFC 7396), sent as application/merge-patch+json or application/json: a field "
                    + "left out stays as it is, null clears it (contactEmail, regionCode, oidcClientId; the others cannot be "
                    + "cleared), a value sets it. Suspending a client stops its keys at once. The last administrator able to "
                    + "act cannot be demoted, suspended or lose its last credential.")
    @RequestBody(required = true, content = {
            @Content(mediaType = ClientPatch.MEDIA_TYPE, schema = @Schema(implementation = ClientChange.class)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClientChange.class))})
    @APIResponse(responseCode = "200", description = "The changed client",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClientView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, or null for one that cannot be cleared (VALIDATION_FAILED), each listed in errors")
    @APIResponse(responseCode = "403", description = "The caller lacks the admin scope (INSUFFICIENT_SCOPE)")
    @APIResponse(responseCode = "404", description = "No such client (CLIENT_NOT_FOUND)")
    @APIResponse(responseCode = "409", description = "The Keycloak client id is taken (CONFLICT); the change would leave no administrator able to act (LAST_ADMINISTRATOR); or another change of the client was committed while this one ran (CONCURRENT_MODIFICATION: read it again and retry)")
    @APIResponse(responseCode = "415", description = "The body is neither application/merge-patch+json nor application/json (UNSUPPORTED_MEDIA_TYPE)")
    public Uni<Response> update(@Parameter(description = "Client id") @PathParam("id") String id, ObjectNode body)
            throws JsonProcessingException {
        // read as a tree: a record cannot tell a field left out from one sent as null (ClientPatch)
        ClientPatch patch = body == null ? null : ClientPatch.read(body, json);
        UUID clientId = clientId(id);
        ClientCommands.Change change = registry.change(patch);  // a 400 opens no transaction
        return writes.runOnEntities(tx -> registry.change(tx, clientId, change).map(changed -> WriteOutcome.ok(
                        AuditedResource.changed(CLIENT, clientId, changed.changedFields()), changed.client())
                .announcing(new AggregateEvent("client.changed", CLIENT, clientId.toString(), changed.sequence(), changed.client()))));
    }

    @DELETE
    // A success has no body, so a client may accept nothing but problems (the contract documents no other content
    // here, and generated clients send exactly that): answering it 406 would refuse a request the API can serve.
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Path("/{id}")
    @Operation(operationId = "deleteClient", summary = "Delete an API client",
            description = "The client and all its keys stop at once, and the delegations naming it as their vendor end with it (revocationReason VENDOR_DELETED). The last administrator able to act cannot be deleted.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "400", description = "The id is not a UUID (VALIDATION_FAILED)")
    @APIResponse(responseCode = "403", description = "The caller lacks the admin scope (INSUFFICIENT_SCOPE)")
    @APIResponse(responseCode = "404", description = "No such client (CLIENT_NOT_FOUND)")
    @APIResponse(responseCode = "409", description = "It is the last administrator able to act (LAST_ADMINISTRATOR); or another change of the client was committed while this one ran (CONCURRENT_MODIFICATION)")
    public Uni<Response> delete(@Parameter(description = "Client id") @PathParam("id") String id) {
        UUID clientId = clientId(id);
        return writes.runOnEntities(tx -> registry.delete(tx, clientId).map(written -> WriteOutcome.noContent(
                AuditedResource.changed(CLIENT, clientId, List.of("status"))).announcing(event("client.deleted", written))));
    }

    @POST
    @Path("/{id}/keys")
    @Operation(operationId = "rotateClientKey", summary = "Rotate a client's API key",
            description = "Issues a new key (shown in this response only). The client's previous keys keep working for the configured overlap (24 hours by default), then stop.")
    @APIResponse(responseCode = "201", description = "The new key",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IssuedKey.class)))
    @APIResponse(responseCode = "400", description = "The id is not a UUID (VALIDATION_FAILED)")
    @APIResponse(responseCode = "403", description = "The caller lacks the admin scope (INSUFFICIENT_SCOPE)")
    @APIResponse(responseCode = "404", description = "No such client (CLIENT_NOT_FOUND)")
    @APIResponse(responseCode = "409", description = "The client is suspended (CONFLICT); or this is a retry of a rotation already done, whose key was shown once and is not kept (SECRET_ALREADY_SHOWN: rotate again if the first response was lost); or another change of the client was committed while this one ran (CONCURRENT_MODIFICATION)")
    public Uni<Response> rotate(@Parameter(description = "Client id") @PathParam("id") String id) {
        UUID clientId = clientId(id);
        return writes.runOnEntities(tx -> registry.rotate(clientId).map(written -> {
            IssuedKey key = written.result();
            return WriteOutcome.created(AuditedResource.created(API_KEY, key.keyId()), null, key)
                    .showingSecretOnce(new IssuedKey(key.keyId(), null, key.previousKeysExpireAt()))
                    .announcing(keyEvent("client.key_issued", clientId, written));
        }));
    }

    @DELETE
    // A success has no body, so a client may accept nothing but problems (the contract documents no other content
    // here, and generated clients send exactly that): answering it 406 would refuse a request the API can serve.
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Path("/{id}/keys/{keyId}")
    @Operation(operationId = "revokeClientKey", summary = "Revoke an API key", description = "The key stops at once, on every instance.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "400", description = "The id is not a UUID (VALIDATION_FAILED)")
    @APIResponse(responseCode = "403", description = "The caller lacks the admin scope (INSUFFICIENT_SCOPE)")
    @APIResponse(responseCode = "404", description = "No such client (CLIENT_NOT_FOUND) or live key (RESOURCE_NOT_FOUND)")
    @APIResponse(responseCode = "409", description = "It is the last credential of the last administrator able to act (LAST_ADMINISTRATOR); or another change of the client was committed while this one ran (CONCURRENT_MODIFICATION)")
    public Uni<Response> revoke(@Parameter(description = "Client id") @PathParam("id") String id,
                                @Parameter(description = "Key id (the part after epk_)", example = "k3v9x0q2m7c4b8n1") @PathParam("keyId") String keyId) {
        UUID clientId = clientId(id);
        if (!ApiKeyFormat.isKeyId(keyId)) {
            // not a key id at all (it would reach the database as text it may refuse, a NUL): no key has it
            throw ClientRegistry.noSuchKey();
        }
        return writes.runOnEntities(tx -> registry.revokeKey(tx, clientId, keyId).map(written -> WriteOutcome.noContent(
                AuditedResource.changed(API_KEY, keyId, List.of("revokedAt")))
                .announcing(keyEvent("client.key_revoked", clientId, written))));
    }

    /** The event of a write of a client's key: the client's id and the key's (no secret). */
    private static AggregateEvent keyEvent(String type, UUID clientId, ClientRegistry.Written<?> written) {
        return new AggregateEvent(type, CLIENT, clientId.toString(), written.sequence(),
                new ClientRegistry.KeyEvent(clientId, written.key()));
    }

    /** The event of a write of the client aggregate: the client as the write left it (its keys' ids, no secret). */
    private static AggregateEvent event(String type, ClientRegistry.Written<?> written) {
        return new AggregateEvent(type, CLIENT, written.client().id().toString(), written.sequence(), written.client());
    }

    private static UUID clientId(String raw) {
        return PathIds.uuid(raw, "id");
    }

    private static ApiException notFound(UUID id) {
        return new ApiException(ErrorCode.CLIENT_NOT_FOUND, Message.of("No API client has the id " + id + ".",
                "没有编号为" + id + "的接口客户端。"));
    }
}
