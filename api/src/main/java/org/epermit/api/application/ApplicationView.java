package org.epermit.api.application;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** An application as its applicant, its enterprise and the regulators of its region read it. */
@Schema(name = "Application")
public record ApplicationView(
        long id,
        ApplicationType type,
        ApplicationStatus status,
        @Schema(nullable = true, description = "The permit applied on (none for an INITIAL application)",
                examples = "91130200699229617X001P") String permitNumber,
        @Schema(description = "The applicant unit's credit code", examples = "91130200699229617X") String enterpriseCreditCode,
        @Schema(description = "The region of the permit or of the draft's site: its regulators review it", examples = "130203")
        String regionCode,
        @Schema(description = "The management category of the permit or draft: KEY, SIMPLIFIED", examples = "KEY") String category,
        ApplicationBody body,
        List<ApplicationFinding> findings,
        OffsetDateTime filedAt,
        @Schema(description = "The API client that filed it (the enterprise's or its delegated vendor's)") UUID filedBy,
        OffsetDateTime updatedAt,
        @Schema(nullable = true, description = "The day it was accepted (受理), or counts as accepted; the decision period runs from the next day")
        LocalDate acceptedOn,
        @Schema(description = "Whether the regulator ordered a site inspection at acceptance (the longer period for KEY units)")
        boolean siteInspection,
        @Schema(nullable = true, description = "The day it was approved or rejected") LocalDate decidedOn,
        @Schema(description = "Every status it has had, oldest first") List<HistoryEntry> history) {

    @Schema(name = "ApplicationHistoryEntry")
    public record HistoryEntry(ApplicationStatus status, OffsetDateTime at,
                               @Schema(description = "The API client that made the change") UUID by,
                               @Schema(nullable = true, description = "The regulator's comment to the applicant; never public") String comment,
                               @Schema(nullable = true, description = "A return's one notice: everything to correct") List<Correction> corrections,
                               @Schema(nullable = true, description = "A rejection's reasons") List<String> reasons) {
    }
}
