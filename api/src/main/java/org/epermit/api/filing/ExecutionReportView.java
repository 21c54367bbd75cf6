package org.epermit.api.filing;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.epermit.api.permit.reporting.ReportType;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** An execution report as its filer, the enterprise and the regulator read it: every version, as filed. */
@Schema(name = "ExecutionReport")
public record ExecutionReportView(
        @Schema(examples = "1042") long id,
        @Schema(examples = "91130200699229617X001P") String permitNumber,
        ReportType type,
        @Schema(examples = "2025") String period,
        @Schema(description = "First day the report covers (a skipped period folded into it starts earlier)") LocalDate coversFrom,
        @Schema(description = "Last day the report covers") LocalDate coversTo,
        @Schema(description = "Its deadline: the permit's, or a ministry's extension") LocalDate dueDate,
        @Schema(description = "SUBMITTED until a regulator reviews it, then ACCEPTED or RETURNED; a correction makes it SUBMITTED again")
        String status,
        @Schema(description = "Whether the first version was filed after the deadline") boolean late,
        @Schema(description = "Days after the deadline the first version was filed (0 when on time)") int daysLate,
        @Schema(description = "The number of the current version") int currentVersion,
        @Schema(description = "Every version, oldest first") List<Version> versions,
        @Schema(description = "Every review by a regulator, oldest first; never public") List<Review> reviews) {

    @Schema(name = "ExecutionReportReview")
    public record Review(
            @Schema(description = "The version reviewed", examples = "1") int reportVersion,
            ReviewOutcome outcome,
            OffsetDateTime at,
            @Schema(description = "The regulator's API client") java.util.UUID by,
            @Schema(nullable = true, description = "The regulator's comment to the filer; what to correct when RETURNED") String comment) {
    }

    @Schema(name = "ExecutionReportVersion")
    public record Version(
            @Schema(examples = "1") int number,
            ReportContent content,
            @Schema(description = "The findings it was accepted with, with their explanations") List<Finding> findings,
            @Schema(description = "The permit versions in force during the days it covers") List<Integer> permitVersions,
            OffsetDateTime submittedAt,
            @Schema(description = "Whether this version was filed after the report's deadline") boolean afterDeadline,
            ReportSource source,
            @Schema(nullable = true, description = "Its signed receipt; null for a version IMPORTED from another platform, "
                    + "which was accepted there and carries no receipt of ours") ReportReceipt receipt) {
    }

    @Schema(name = "ReportReceipt", description = "The signed receipt (回执) of a version: a JWS (EdDSA, Ed25519) over "
            + "the permit number, permit version, type, period, acceptance time and the SHA-256 of the version's content "
            + "in RFC 8785 canonical JSON; verify it with the keys at /v1/receipts/keys (docs/receipts.md)")
    public record ReportReceipt(
            @Schema(description = "The JWS in compact serialisation") String jws,
            @Schema(description = "Lowercase hex SHA-256 of the content in canonical JSON") String contentSha256) {
    }
}
