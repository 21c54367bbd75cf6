package org.epermit.api.registration;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A change of registration (登记变更): the day it took effect and the new value of each field that changed; fields
 * left out stay as they are. The unit's fields are the unit's (every receipt and permit of it shows them); the site's
 * are this receipt's. A site that moves to another division is registered anew.
 */
@Schema(name = "RegistrationChange")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RegistrationChange(
        @Schema(required = true, description = "The day the change took effect (China time); not after today") LocalDate changedOn,
        @Schema(nullable = true) Unit unit,
        @Schema(nullable = true) Site site,
        @Schema(required = true, description = "The unit commits that the change is true; must be true") Boolean truthful) {

    /** The unit's fields that changed. */
    @Schema(name = "RegistrationUnitChange")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Unit(
            @Schema(nullable = true, maxLength = 200) String name,
            @Schema(nullable = true, maxLength = 300) String address,
            @Schema(nullable = true, maxLength = 100, description = "Never disclosed") String legalRepresentative) {
    }

    /** The site's fields that changed (coordinates change together). */
    @Schema(name = "RegistrationSiteChange")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Site(
            @Schema(nullable = true, maxLength = 200) String name,
            @Schema(nullable = true, maxLength = 300) String address,
            @Schema(nullable = true, description = "Decimal degrees, with latitude") BigDecimal longitude,
            @Schema(nullable = true, description = "Decimal degrees, with longitude") BigDecimal latitude) {
    }
}
