package org.epermit.api.permit;

import com.fasterxml.jackson.annotation.JsonRawValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The full view of a permit for callers entitled to it: the public view plus what is not public. */
@Schema(name = "PermitFull")
public record PermitFull(
        // The public document as the database rendered it, referenced (not copied) so clients get one PublicPermit type.
        @JsonRawValue @Schema(ref = "PublicPermit", description = "Everything the public view shows")
        String permit,
        @Schema(description = "The discharge unit's contacts (never public)") Contacts enterpriseContacts) {

    @Schema(name = "EnterpriseContacts")
    public record Contacts(@Schema(nullable = true) String legalRepresentative,
                           @Schema(nullable = true) String contactName,
                           @Schema(nullable = true) String contactPhone,
                           @Schema(nullable = true) String contactEmail) {
    }
}
