package org.epermit.api.delegation;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A delegation (委托): an enterprise lets a vendor client act for it. */
@Schema(name = "Delegation")
public record DelegationView(
        UUID id,
        @Schema(examples = "91130200699229617X") String enterpriseCreditCode,
        String enterpriseName,
        UUID vendorClientId,
        String vendorName,
        @Schema(description = "True when the delegation covers all the enterprise's permits, present and future") boolean allPermits,
        @Schema(description = "The permits covered when allPermits is false") List<String> permitNumbers,
        @Schema(examples = "[\"permits:read\", \"filings:write\"]") List<String> scopes,
        OffsetDateTime validFrom,
        OffsetDateTime validTo,
        @Schema(nullable = true) OffsetDateTime revokedAt,
        @Schema(nullable = true, description = "Why it was revoked (null unless revoked): REVOKED by an administrator or "
                + "the enterprise, or VENDOR_DELETED when its vendor client was deleted") RevocationReason revocationReason,
        @Schema(description = "ACTIVE now, SCHEDULED (not yet valid), EXPIRED or REVOKED") Status status,
        OffsetDateTime createdAt) {

    @Schema(name = "DelegationStatus")
    public enum Status { ACTIVE, SCHEDULED, EXPIRED, REVOKED }

    @Schema(name = "DelegationRevocationReason")
    public enum RevocationReason { REVOKED, VENDOR_DELETED }

    @Schema(name = "NewDelegation")
    public record NewDelegation(
            @Schema(description = "The delegating enterprise; an enterprise client may omit it (its own)", examples = "91130200699229617X") String enterpriseCreditCode,
            @Schema(required = true, description = "The vendor's API client id") String vendorClientId,
            @Schema(description = "The permits covered; absent or null for all the enterprise's permits") List<String> permitNumbers,
            @Schema(required = true, description = "permits:read, filings:write and/or applications:write") List<String> scopes,
            @Schema(description = "From when (default: now)") OffsetDateTime validFrom,
            @Schema(required = true, description = "Until when (exclusive)") OffsetDateTime validTo) {
    }

    @Schema(name = "DelegationPage")
    public record Page(List<DelegationView> items,
                       @Schema(nullable = true, description = "Cursor of the next page; null on the last page") String nextCursor) {
    }
}
