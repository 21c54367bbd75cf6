package org.epermit.api.permit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.epermit.api.reference.CodeName;

import java.time.LocalDate;
import java.util.List;

/** The versions of a permit and the lifecycle events that made them. Rendered by the database; checked by a test. */
@Schema(name = "PermitHistory")
public record PermitHistory(
        @Schema(examples = "91130200699229617X001P") String permitNumber,
        @Schema(examples = "2") int currentVersion,
        List<Version> versions,
        List<Event> events) {

    @Schema(name = "PermitVersion")
    public record Version(
            @Schema(examples = "1") int version,
            LocalDate effectiveFrom,
            @Schema(description = "Last day this version was in force; null for the current version", nullable = true)
            LocalDate effectiveTo,
            VersionReason reason) {
    }

    @Schema(name = "PermitEvent")
    public record Event(
            EventType type,
            LocalDate occurredOn,
            @Schema(description = "The version the event produced or ended") int version,
            @Schema(nullable = true) CodeName authority,
            String description) {
    }

    @Schema(name = "PermitVersionReason")
    public enum VersionReason { INITIAL, RENEWAL, CHANGE, REAPPLICATION, REISSUE }

    @Schema(name = "PermitEventType")
    public enum EventType { ISSUED, REGISTERED, CHANGED, RENEWED, REAPPLIED, REISSUED, EXPIRED, REVOKED, ANNULLED, CANCELLED }
}
