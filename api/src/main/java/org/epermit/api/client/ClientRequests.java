package org.epermit.api.client;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;

/** Request and response bodies of the client registry. */
public final class ClientRequests {

    private ClientRequests() {
    }

    @Schema(name = "NewApiClient")
    public record NewClient(
            @Schema(required = true, maxLength = 200, examples = "绿源环保监测平台") String name,
            @Schema(required = true, maxLength = 200, examples = "绿源环境科技有限公司") String organisation,
            @Schema(maxLength = 200, examples = "ops@example.cn") String contactEmail,
            @Schema(required = true, description = "vendor, enterprise, regulator, admin") List<String> roles,
            @Schema(required = true, description = "permits:read, filings:write, applications:write, reviews:write, stats:read, admin") List<String> scopes,
            @Schema(description = "Required for regulators: the GB/T 2260 region (prefix) they oversee", examples = "4403") String regionCode,
            @Schema(description = "Required for enterprise users: their unit's credit code", examples = "91130200699229617X") String enterpriseCreditCode,
            @Schema(description = "Rate-limit plan; the default plan when absent", examples = "standard") String plan,
            @Schema(description = "Keycloak client id (azp) whose tokens act as this client") String oidcClientId) {
    }

    @Schema(name = "ApiClientChange", description = "A JSON merge patch (RFC 7396) of a client: a field left out stays as it "
            + "is, null clears it (only the nullable ones), a value sets it")
    public record ClientChange(
            @Schema(maxLength = 200, description = "Cannot be cleared") String name,
            @Schema(maxLength = 200, description = "Cannot be cleared") String organisation,
            @Schema(maxLength = 200, nullable = true, description = "null clears it") String contactEmail,
            @Schema(description = "Replaces the roles; cannot be cleared") List<String> roles,
            @Schema(description = "Replaces the scopes; cannot be cleared") List<String> scopes,
            @Schema(nullable = true, description = "null clears it (not for a regulator, which needs one)", examples = "4403") String regionCode,
            @Schema(description = "Cannot be cleared") String plan,
            @Schema(description = "ACTIVE or SUSPENDED (DELETE removes a client); cannot be cleared") String status,
            @Schema(nullable = true, description = "Keycloak client id (azp) whose tokens act as this client; null unlinks it") String oidcClientId) {
    }

    @Schema(name = "CreatedApiClient", description = "The new client and its first API key, shown this once")
    public record CreatedClient(ClientView client,
                                @Schema(description = "The API key: store it now, it cannot be shown again",
                                        examples = "epk_k3v9x0q2m7c4b8n1_6Yl2…") String apiKey) {
    }

    @Schema(name = "IssuedApiKey", description = "A new API key, shown this once")
    public record IssuedKey(
            @Schema(examples = "k3v9x0q2m7c4b8n1") String keyId,
            @Schema(description = "The API key: store it now, it cannot be shown again") String apiKey,
            @Schema(description = "When the client's previous keys stop working", nullable = true) OffsetDateTime previousKeysExpireAt) {
    }

    @Schema(name = "ApiClientPage")
    public record ClientPage(List<ClientView> items,
                             @Schema(nullable = true, description = "Cursor of the next page; null on the last page") String nextCursor) {
    }
}
