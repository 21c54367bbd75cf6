package org.epermit.api.permit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.epermit.api.reference.CodeName;

import java.time.LocalDate;

/** One permit in a search result or an enterprise's list. */
@Schema(name = "PermitSummary")
public record PermitSummary(
        @Schema(examples = "91130200699229617X001P") String permitNumber,
        @Schema(examples = "2") int version,
        PermitCategory category,
        PermitStatus status,
        @Schema(examples = "91130200699229617X") String creditCode,
        @Schema(examples = "唐山鑫源热电有限公司") String enterpriseName,
        String siteName,
        CodeName region,
        CodeName industry,
        @Schema(description = "Region code of the issuing authority; null for a registration receipt, which the unit files itself", nullable = true, examples = "130200") String issuingAuthority,
        LocalDate validFrom,
        LocalDate validTo) {
}
