package org.epermit.api.registration;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A finding a registration was accepted with; its history event records it. */
@Schema(name = "RegistrationFinding")
public record RegistrationFinding(
        @Schema(examples = "CHANGE_REGISTERED_LATE") RegistrationCode code,
        @Schema(description = "JSON pointer into the body", examples = "/changedOn") String path,
        @Schema(description = "What was found, in English") String message,
        @Schema(description = "What was found, in Chinese") String messageZh) {
}
