package org.epermit.api.client;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A registered API client as administrators see it. Secrets are never shown here. */
@Schema(name = "ApiClient")
public record ClientView(
        UUID id,
        @Schema(examples = "绿源环保监测平台") String name,
        @Schema(examples = "绿源环境科技有限公司") String organisation,
        @Schema(nullable = true, examples = "ops@example.cn") String contactEmail,
        @Schema(examples = "[\"vendor\"]") List<String> roles,
        @Schema(examples = "[\"permits:read\", \"filings:write\"]") List<String> scopes,
        @Schema(nullable = true, description = "A regulator's region (GB/T 2260)", examples = "4403") String regionCode,
        @Schema(nullable = true, description = "An enterprise user's unit") String enterpriseCreditCode,
        @Schema(examples = "standard") String plan,
        @Schema(examples = "ACTIVE") ClientStatus status,
        @Schema(nullable = true, description = "The Keycloak client (azp) that maps to this client") String oidcClientId,
        List<KeyView> keys,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    @Schema(name = "ApiKeyInfo", description = "An API key's public id and lifetime (the secret is shown once, at creation)")
    public record KeyView(
            @Schema(examples = "k3v9x0q2m7c4b8n1") String id,
            OffsetDateTime createdAt,
            @Schema(nullable = true, description = "Set when a rotation replaced the key: it works until then") OffsetDateTime expiresAt,
            @Schema(nullable = true) OffsetDateTime revokedAt) {
    }

    public enum ClientStatus { ACTIVE, SUSPENDED, DELETED }
}
