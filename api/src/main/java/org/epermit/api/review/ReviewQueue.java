package org.epermit.api.review;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.epermit.api.application.ApplicationStatus;
import org.epermit.api.application.ApplicationType;
import org.epermit.api.application.ReviewStage;
import org.epermit.api.calendar.ReviewCase;
import org.epermit.api.calendar.StatutoryDeadlines;
import org.epermit.api.common.CursorCodec;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The regulator's queue: the pending applications (awaiting acceptance or a decision) and the submitted execution
 * reports of a region, oldest first, each with the deadline of the regulator's next act reckoned on today. The
 * deadline is reckoned per row, not stored, so a calendar year an administrator loads later moves the provisional
 * deadlines at once; the {@code overdue} filter therefore scans the queue in order, at most {@link #SCAN_MAX} rows per
 * page, and a page it cuts short still carries the cursor to go on.
 */
@ApplicationScoped
public class ReviewQueue {

    static final int BATCH = 200;
    static final int SCAN_MAX = 5_000;

    static final String PENDING = """
            SELECT * FROM (
                SELECT 'APPLICATION' AS kind, a.id, a.application_type AS type, a.status, p.permit_number,
                       e.name AS enterprise_name, a.region_code, a.category, a.submitted_at, a.accepted_on, a.site_inspection,
                       (SELECT count(*) FROM application_event h WHERE h.application_id = a.id AND h.status = 'RETURNED') AS returns
                FROM application a JOIN enterprise e ON e.id = a.enterprise_id LEFT JOIN permit p ON p.id = a.permit_id
                WHERE a.status IN ('SUBMITTED', 'ACCEPTED') AND a.region_code >= $1 AND a.region_code < $2
                UNION ALL
                SELECT 'EXECUTION_REPORT', r.id, r.report_type, r.status, p.permit_number, e.name, p.region_code, p.category,
                       r.submitted_at, CAST(NULL AS date), false,
                       (SELECT count(*) FROM execution_report_review w WHERE w.report_id = r.id AND w.outcome = 'RETURNED')
                FROM execution_report r JOIN permit p ON p.id = r.permit_id JOIN enterprise e ON e.id = p.enterprise_id
                WHERE r.status = 'SUBMITTED' AND p.region_code >= $1 AND p.region_code < $2
            ) q
            WHERE (CAST($3 AS text) IS NULL OR q.kind = $3) AND (CAST($4 AS text) IS NULL OR q.type = $4)
              AND (CAST($5 AS text) IS NULL OR q.category = $5)
              AND (CAST($6 AS timestamptz) IS NULL OR (q.submitted_at, q.kind, q.id) > (CAST($6 AS timestamptz), CAST($7 AS text), CAST($8 AS bigint)))
            ORDER BY q.submitted_at, q.kind, q.id
            LIMIT $9""";

    @Schema(name = "ReviewQueuePage")
    public record Page(List<ReviewItem> items,
                       @Schema(nullable = true, description = "Cursor of the next page; null on the last. With overdue, a page "
                               + "may hold fewer items than the limit (even none) and still have a next one") String nextCursor,
                       @Schema(description = "The day the deadlines are reckoned on (China time)") LocalDate today) {
    }

    private final Pool pool;
    private final StatutoryDeadlines deadlines;
    private final CursorCodec cursors;
    private final Clock clock;

    public ReviewQueue(Pool pool, StatutoryDeadlines deadlines, CursorCodec cursors, Clock clock) {
        this.pool = pool;
        this.deadlines = deadlines;
        this.cursors = cursors;
        this.clock = clock;
    }

    Uni<Page> page(ReviewQueueFilter f) {
        return deadlines.reckoning().flatMap(r -> f.overdue().isEmpty()
                ? rows(f, f.after().orElse(null), f.limit() + 1).map(rows -> {
                    List<ReviewItem> items = rows.stream().map(row -> item(row, r)).toList();
                    CursorCodec.Slice<ReviewItem> slice = cursors.slice(items, f.limit(), f.query(), ReviewQueue::position);
                    return new Page(slice.items(), slice.nextCursor(), r.today());
                })
                : scan(f, r, f.after().orElse(null), new ArrayList<>(), 0));
    }

    /** Reads the queue in order from {@code after}, keeping the items whose overdue flag is the one asked for. */
    private Uni<Page> scan(ReviewQueueFilter f, StatutoryDeadlines.Reckoning r, ReviewQueueFilter.Position after,
                           List<ReviewItem> kept, int scanned) {
        boolean overdue = f.overdue().orElseThrow();
        return rows(f, after, BATCH).flatMap(rows -> {
            ReviewQueueFilter.Position last = after;
            int seen = scanned;
            List<ReviewItem> batch = new ArrayList<>();
            for (Row row : rows) {
                batch.add(item(row, r));
            }
            for (int i = 0; i < batch.size(); i++) {
                ReviewItem item = batch.get(i);
                last = new ReviewQueueFilter.Position(item.submittedAt(), item.kind(), item.id());
                seen++;
                if (item.overdue() == overdue) {
                    kept.add(item);
                    if (kept.size() == f.limit()) {
                        // another page only if the rest of this batch holds a match, or the batch was full (more rows follow)
                        boolean more = rows.size() == BATCH
                                || batch.subList(i + 1, batch.size()).stream().anyMatch(next -> next.overdue() == overdue);
                        return Uni.createFrom().item(new Page(List.copyOf(kept), more ? cursor(f, last) : null, r.today()));
                    }
                }
            }
            if (rows.size() < BATCH) {
                return Uni.createFrom().item(new Page(List.copyOf(kept), null, r.today()));
            }
            if (seen >= SCAN_MAX) {
                return Uni.createFrom().item(new Page(List.copyOf(kept), cursor(f, last), r.today()));
            }
            return scan(f, r, last, kept, seen);
        });
    }

    private Uni<io.vertx.mutiny.sqlclient.RowSet<Row>> rows(ReviewQueueFilter f, ReviewQueueFilter.Position after, int limit) {
        Tuple args = Tuple.tuple().addString(f.regionPrefix()).addString(f.regionPrefix() + "\u007f")
                .addString(f.kind().map(Enum::name).orElse(null)).addString(f.type().orElse(null))
                .addString(f.category().orElse(null))
                .addOffsetDateTime(after == null ? null : after.submittedAt())
                .addString(after == null ? null : after.kind().name())
                .addLong(after == null ? null : after.id())
                .addInteger(limit);
        return pool.preparedQuery(PENDING).execute(args);
    }

    private String cursor(ReviewQueueFilter f, ReviewQueueFilter.Position p) {
        return cursors.encode(f.query(), List.of(p.encoded()));
    }

    private static String position(ReviewItem item) {
        return new ReviewQueueFilter.Position(item.submittedAt(), item.kind(), item.id()).encoded();
    }

    private ReviewItem item(Row row, StatutoryDeadlines.Reckoning r) {
        ReviewKind kind = ReviewKind.valueOf(row.getString("kind"));
        long id = row.getLong("id");
        String type = row.getString("type");
        String category = row.getString("category");
        OffsetDateTime submittedAt = row.getOffsetDateTime("submitted_at");
        LocalDate submittedOn = submittedAt.atZoneSameInstant(clock.getZone()).toLocalDate();
        int returns = row.getLong("returns").intValue();
        if (kind == ReviewKind.EXECUTION_REPORT) {
            StatutoryDeadlines.Reckoned due = r.reckon(ReviewCase.EXECUTION_REPORT, submittedOn);
            return new ReviewItem(kind, id, type, row.getString("status"), ReviewStep.REVIEW, row.getString("permit_number"),
                    row.getString("enterprise_name"), row.getString("region_code"), category, submittedAt, null, false,
                    due.deadline(), due.daysLeft(), due.overdue(), due.provisional(), returns, "/v1/execution-reports/" + id);
        }
        ReviewStage stage = ReviewStage.of(r, ApplicationType.valueOf(type), category, row.getBoolean("site_inspection"),
                ApplicationStatus.valueOf(row.getString("status")), submittedOn, row.getLocalDate("accepted_on"));
        StatutoryDeadlines.Reckoned due = stage.deadline();
        return new ReviewItem(kind, id, type, row.getString("status"),
                stage.stage() == ReviewStage.Stage.ACCEPTANCE ? ReviewStep.ACCEPTANCE : ReviewStep.DECISION,
                row.getString("permit_number"), row.getString("enterprise_name"), row.getString("region_code"), category,
                submittedAt, stage.acceptedOn().orElse(null), stage.deemedAccepted(), due.deadline(), due.daysLeft(), due.overdue(),
                due.provisional(), returns, "/v1/applications/" + id);
    }
}
