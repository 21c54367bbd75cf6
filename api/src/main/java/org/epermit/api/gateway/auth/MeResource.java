package org.epermit.api.gateway.auth;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.epermit.api.gateway.Caller;
import org.epermit.api.gateway.CredentialType;

import java.util.List;
import java.util.UUID;

/** Who the caller is. */
@Path("/v1/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Me", description = "The calling client: identity, scopes, roles and plan")
public class MeResource {

    private final CurrentCaller caller;

    public MeResource(CurrentCaller caller) {
        this.caller = caller;
    }

    @GET
    @Authenticated
    @SecurityRequirement(name = "apiKey")
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "getMe", summary = "Who am I",
            description = "The client the credentials belong to, how they were presented, and what they allow.")
    @APIResponse(responseCode = "200", description = "The caller")
    @APIResponse(responseCode = "400", description = "Both an API key and a bearer token were sent (MALFORMED_REQUEST)")
    @APIResponse(responseCode = "401", description = "Missing, invalid, expired or revoked credentials (UNAUTHENTICATED)")
    public Me me() {
        Caller c = caller.required();
        return new Me(c.clientId(), c.name(), c.credentialType(), c.subject(), c.scopes().stream().sorted().toList(),
                c.roles().stream().sorted().toList(), c.regionCode().orElse(null), c.plan());
    }

    @Schema(name = "Me")
    public record Me(
            UUID clientId,
            @Schema(examples = "绿源环保监测平台") String name,
            CredentialType credentialType,
            @Schema(description = "The credential's subject: the API key id or the token's subject", examples = "key:k3v9x0q2m7c4b8n1") String subject,
            @Schema(examples = "[\"permits:read\", \"filings:write\"]") List<String> scopes,
            @Schema(examples = "[\"vendor\"]") List<String> roles,
            @Schema(nullable = true, description = "A regulator's region prefix") String regionCode,
            @Schema(examples = "standard") String plan) {
    }
}
