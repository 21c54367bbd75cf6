package org.epermit.api.registration;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A renewal of a registration receipt (登记延续): the unit commits that its registration still holds. */
@Schema(name = "RegistrationRenewal")
public record RegistrationRenewal(
        @Schema(required = true, description = "The unit commits that what it registered is still true; must be true") Boolean truthful) {
}
