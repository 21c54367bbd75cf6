package org.epermit.api.registration;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.epermit.api.reference.Medium;

import java.math.BigDecimal;
import java.util.List;

/**
 * A registration form (排污登记表) as the unit files it: the unit, the site, its industry class, its outlets, and its
 * commitment that all of it is true. What the form holds is what a receipt's tables hold: no licensed quantities, no
 * limits, no monitoring (a registered unit has none of them).
 */
@Schema(name = "RegistrationBody")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RegistrationBody(
        @Schema(required = true) Unit unit,
        @Schema(required = true) Site site,
        @Schema(required = true, description = "The site's GB/T 4754-2017 class; the classification catalogue must manage it by registration",
                examples = "4430", maxLength = 4) String industryCode,
        @Schema(nullable = true, description = "The site's outlets (none for a unit that discharges through no outlet)")
        List<Outlet> outlets,
        @Schema(required = true, description = "The unit commits that the registration is true; must be true") Boolean truthful) {

    static final int NAME_MAX = 200;
    static final int ADDRESS_MAX = 300;
    static final int PERSON_MAX = 100;

    /** The unit (排污单位): it must be known to the service by its credit code, and is sent as it is known. */
    @Schema(name = "RegistrationUnit")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Unit(
            @Schema(required = true, description = "Unified social credit code (GB 32100-2015), checked strictly",
                    examples = "91130203MA0G4XY268", maxLength = 18) String creditCode,
            @Schema(required = true, maxLength = 200) String name,
            @Schema(required = true, maxLength = 300) String address,
            @Schema(required = true, maxLength = 100, description = "Never disclosed") String legalRepresentative) {
    }

    /** The site (生产经营场所) the receipt is for. */
    @Schema(name = "RegistrationSite")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Site(
            @Schema(required = true, maxLength = 200) String name,
            @Schema(required = true, maxLength = 300) String address,
            @Schema(required = true, description = "The GB/T 2260 county (district) the site lies in", examples = "130203",
                    maxLength = 6) String regionCode,
            @Schema(nullable = true, description = "Decimal degrees, with latitude", examples = "118.180193") BigDecimal longitude,
            @Schema(nullable = true, description = "Decimal degrees, with longitude", examples = "39.630867") BigDecimal latitude) {
    }

    /** An outlet (排放口) as the registration form lists it. */
    @Schema(name = "RegistrationOutlet")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Outlet(
            @Schema(required = true, description = "HJ 608-2017: DA + 3 digits for air, DW + 3 digits for water", examples = "DA001",
                    maxLength = 5) String code,
            @Schema(required = true, maxLength = 200, examples = "锅炉废气排放口") String name,
            @Schema(required = true) Medium medium,
            @Schema(nullable = true, maxLength = 200, description = "WATER outlets only: where the wastewater goes (the receiving "
                    + "water, or the sewage works it is sent to); disclosed as receivingWater", examples = "市政污水管网（城镇污水处理厂）")
            String destination) {
    }
}
