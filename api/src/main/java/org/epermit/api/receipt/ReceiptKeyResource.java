package org.epermit.api.receipt;

import io.smallrye.common.annotation.NonBlocking;
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

/** The public keys receipts are verified with: public, so that anyone holding a receipt can check it. */
@Path("/v1/receipts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Receipts", description = "Signed receipts (回执) for accepted execution reports: the keys to verify them offline")
public class ReceiptKeyResource {

    private final ReceiptKeys keys;
    private final HttpCaching caching;

    public ReceiptKeyResource(ReceiptKeys keys, HttpCaching caching) {
        this.keys = keys;
        this.caching = caching;
    }

    @GET
    @Path("/keys")
    // keys held in memory: nothing here blocks, so no worker thread
    @NonBlocking
    @Operation(operationId = "listReceiptKeys", summary = "List the receipt signing keys", description = """
            The Ed25519 public keys (JWK Set, RFC 7517 and RFC 8037) that receipts are signed with: a receipt is a \
            JWS (RFC 7515, alg EdDSA, typ epermit-receipt+jwt) whose header names its key in kid. Earlier keys stay \
            listed after a rotation. Cache the set; fetch it again when a receipt names a kid it lacks.""")
    @APIResponse(responseCode = "200", description = "The key set",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReceiptKeySet.class)))
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match matched the ETag)")
    @APIResponse(responseCode = "400", description = "The request has query parameters; this operation takes none (VALIDATION_FAILED)")
    public Response keys(@Context UriInfo uri, @Context Request request) {
        QueryParameters.of(uri.getQueryParameters(), Set.of()).throwIfInvalid();
        return caching.publicJson(request, keys.keySet());
    }
}
