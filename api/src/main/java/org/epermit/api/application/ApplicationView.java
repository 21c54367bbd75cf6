package org.epermit.api.application;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

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
        ApplicationBody body,
        List<ApplicationFinding> findings,
        OffsetDateTime filedAt,
        @Schema(description = "The API client that filed it (the enterprise's or its delegated vendor's)") UUID filedBy,
        OffsetDateTime updatedAt,
        @Schema(description = "Every status it has had, oldest first") List<HistoryEntry> history) {

    @Schema(name = "ApplicationHistoryEntry")
    public record HistoryEntry(ApplicationStatus status, OffsetDateTime at,
                               @Schema(description = "The API client that made the change") UUID by,
                               @Schema(nullable = true) String comment) {
    }
}
