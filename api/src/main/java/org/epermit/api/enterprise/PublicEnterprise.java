package org.epermit.api.enterprise;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.epermit.api.permit.PermitSummary;
import org.epermit.api.reference.CodeName;

import java.util.List;

/** A discharge unit's public fields and the permits it holds. Contacts are never public. */
@Schema(name = "PublicEnterprise")
public record PublicEnterprise(
        @Schema(examples = "91130200699229617X") String creditCode,
        @Schema(examples = "唐山鑫源热电有限公司") String name,
        String address,
        @Schema(description = "Region of registration") CodeName region,
        @Schema(description = "Main industry") CodeName industry,
        @Schema(description = "Permits and registration receipts the unit holds, by permit number") List<PermitSummary> permits) {
}
