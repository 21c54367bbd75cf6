package org.epermit.api.gateway.auth;

import io.quarkus.security.Authenticated;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.epermit.api.gateway.Caller;
import org.epermit.api.gateway.CredentialType;
import org.epermit.api.gateway.ratelimit.RateLimitStatus;

import java.time.OffsetDateTime;
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
            description = "The client the credentials belong to, how they were presented, what they allow, and where the "
                    + "client stands against its plan's rate limit and daily quota (this request included).")
    @APIResponse(responseCode = "200", description = "The caller")
    @APIResponse(responseCode = "400", description = "Both an API key and a bearer token were sent (MALFORMED_REQUEST)")
    public Me me(@Context RoutingContext rc) {
        Caller c = caller.required();
        RateLimit rateLimit = RateLimitStatus.of(rc).map(s -> new RateLimit(s.plan().name(), s.plan().requestsPerSecond(),
                s.plan().burst(), s.burstRemaining(), s.plan().dailyQuota(), s.plan().dailyQuota() - s.dailyRemaining(),
                s.dailyRemaining(), s.dailyResetsAt().toOffsetDateTime())).orElse(null);
        return new Me(c.clientId(), c.name(), c.credentialType(), c.subject(), c.scopes().stream().sorted().toList(),
                c.roles().stream().sorted().toList(), c.regionCode().orElse(null), c.plan(), rateLimit);
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
            @Schema(examples = "standard") String plan,
            RateLimit rateLimit) {
    }

    @Schema(name = "RateLimitState", description = "The caller's rate limit and daily quota after this request; the same "
            + "figures as the RateLimit and RateLimit-Policy response headers")
    public record RateLimit(
            @Schema(description = "The plan enforced (the default plan when the client's plan is no longer offered)",
                    examples = "standard") String plan,
            @Schema(description = "Sustained requests per second", examples = "50") int requestsPerSecond,
            @Schema(description = "Requests that may be made at once after a pause", examples = "200") int burst,
            @Schema(description = "What is left of the burst", examples = "199") long burstRemaining,
            @Schema(description = "Requests per calendar day (China time)", examples = "500000") long dailyQuota,
            @Schema(description = "Requests counted today, this one included", examples = "1234") long dailyUsed,
            @Schema(description = "Requests left today", examples = "498766") long dailyRemaining,
            @Schema(description = "When the daily quota is renewed: the next midnight, China time",
                    examples = "2026-11-29T00:00:00+08:00") OffsetDateTime resetsAt) {
    }
}
