package org.epermit.api.review;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One item of the review queue, with the deadline of the regulator's next act on it. */
@Schema(name = "ReviewQueueItem")
public record ReviewItem(
        ReviewKind kind,
        @Schema(description = "The application's or report's id", examples = "1042") long id,
        @Schema(description = "The application type (RENEWAL…) or the report type (ANNUAL…)", examples = "RENEWAL") String type,
        @Schema(description = "SUBMITTED or ACCEPTED (an application); SUBMITTED (a report)", examples = "SUBMITTED") String status,
        ReviewStep step,
        @Schema(nullable = true, description = "The permit (none for an INITIAL application)", examples = "91130200699229617X001P")
        String permitNumber,
        @Schema(description = "The unit's name", examples = "唐山示范热电有限公司") String enterpriseName,
        @Schema(description = "The region of the permit or of the draft's site", examples = "130203") String regionCode,
        @Schema(description = "KEY, SIMPLIFIED or REGISTRATION", examples = "KEY") String category,
        @Schema(description = "When it entered the queue: filed, resubmitted or corrected last") OffsetDateTime submittedAt,
        @Schema(nullable = true, description = "The day an application was accepted, or counts as accepted") LocalDate acceptedOn,
        @Schema(description = "Accepted by the lapse of the acceptance period with no notice to correct") boolean deemedAccepted,
        @Schema(description = "The deadline of the next act (its last day, inclusive)") LocalDate deadline,
        @Schema(description = "Working (or calendar, as configured) days from today to the deadline; negative once overdue")
        long daysLeft,
        boolean overdue,
        @Schema(description = "The count runs into a year the working-day calendar does not cover yet, counted with that year's "
                + "weekdays: the deadline may move when an administrator loads the year") boolean deadlineProvisional,
        @Schema(description = "How many times it was returned for correction before") int timesReturned,
        @Schema(description = "Where to read it in full, with its history", examples = "/v1/applications/1042") String href) {
}
