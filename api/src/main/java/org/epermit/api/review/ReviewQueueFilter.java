package org.epermit.api.review;

import org.epermit.api.application.ApplicationType;
import org.epermit.api.permit.reporting.ReportType;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * A queue request: the regulator's region (narrowed by the {@code region} filter), the filters, the page size and the
 * position after which the page starts (bound to the filters by the cursor).
 */
record ReviewQueueFilter(String regionPrefix, Optional<ReviewKind> kind, Optional<String> type, Optional<String> category,
                         Optional<Boolean> overdue, int limit, Optional<Position> after, String query) {

    /** Where an item stands in the queue's order: oldest first, then applications before reports, then by id. */
    record Position(OffsetDateTime submittedAt, ReviewKind kind, long id) {

        /** The position as a cursor carries it (the cursor is signed, so it is parsed only as issued). */
        String encoded() {
            return submittedAt + "|" + kind.name() + "|" + id;
        }

        static Position decode(String encoded) {
            String[] parts = encoded.split("\\|");
            return new Position(OffsetDateTime.parse(parts[0]), ReviewKind.valueOf(parts[1]), Long.parseLong(parts[2]));
        }
    }

    /** Whether {@code type} names an application type or a report type. */
    static boolean knownType(String type) {
        for (ApplicationType t : ApplicationType.values()) {
            if (t.name().equals(type)) {
                return true;
            }
        }
        for (ReportType t : ReportType.values()) {
            if (t.name().equals(type)) {
                return true;
            }
        }
        return false;
    }
}
