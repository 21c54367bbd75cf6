package org.epermit.api.registration;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/**
 * A registration receipt (登记回执) as a registration, renewal or change left it. Its public document is at
 * {@code /v1/public/permits/{permitNumber}}, its versions and events at {@code …/history}.
 */
@Schema(name = "RegistrationReceipt")
public record RegistrationReceipt(
        @Schema(description = "Credit code + 3-digit site serial + the registration letter", examples = "91130203MA0G4XY268001W")
        String permitNumber,
        @Schema(examples = "VALID") String status,
        @Schema(description = "The day the receipt was first issued") LocalDate issueDate,
        LocalDate validFrom,
        @Schema(description = "The last day of validity") LocalDate validTo,
        @Schema(description = "The first day a renewal is taken") LocalDate renewableFrom,
        @Schema(description = "The receipt's current version") int version,
        @Schema(description = "What the request was accepted with (a late change)") List<RegistrationFinding> findings) {
}
