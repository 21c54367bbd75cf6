package org.epermit.api.filing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.epermit.api.gateway.TransactionSql;
import org.epermit.api.permit.reporting.ReportType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads of execution reports: the views (rendered by one statement as JSON), the summaries and the public disclosure. */
@ApplicationScoped
public class ExecutionReportQueries {

    /** One report with every version, as the API shows it; followed by the condition on {@code r}. */
    static final String VIEWS = """
            SELECT r.id, r.covers_to, CAST(json_build_object(
                'id', r.id, 'permitNumber', p.permit_number, 'type', r.report_type, 'period', r.period,
                'coversFrom', r.covers_from, 'coversTo', r.covers_to, 'dueDate', r.due_date, 'status', r.status,
                'late', r.days_late > 0, 'daysLate', r.days_late, 'currentVersion', r.current_version,
                'versions', (SELECT json_agg(json_build_object(
                        'number', v.number, 'content', v.content, 'findings', v.findings,
                        'permitVersions', to_json(v.permit_versions), 'submittedAt', v.submitted_at,
                        'afterDeadline', v.after_deadline, 'source', v.source,
                        'receipt', CASE WHEN v.receipt IS NOT NULL
                                        THEN json_build_object('jws', v.receipt, 'contentSha256', v.content_sha256) END)
                        ORDER BY v.number)
                    FROM execution_report_version v WHERE v.report_id = r.id),
                'reviews', COALESCE((SELECT json_agg(json_build_object('reportVersion', w.report_version, 'outcome', w.outcome,
                        'at', w.at, 'by', w.by_client, 'comment', w.comment) ORDER BY w.sequence)
                    FROM execution_report_review w WHERE w.report_id = r.id), CAST('[]' AS json))) AS text) AS view
            FROM execution_report r JOIN permit p ON p.id = r.permit_id
            """;
    static final String VIEW = VIEWS + "WHERE r.id = $1";
    static final String STORED = """
            SELECT r.id, p.permit_number, r.report_type, r.period, r.version
            FROM execution_report r JOIN permit p ON p.id = r.permit_id WHERE r.id = $1""";
    static final String BY_PERIOD = """
            SELECT r.id, p.permit_number, r.report_type, r.period, r.version
            FROM execution_report r JOIN permit p ON p.id = r.permit_id
            WHERE r.permit_id = $1 AND r.report_type = $2 AND r.period = $3""";
    /** The reports of a permit whose days end in a year, for the obligations and the compliance view. */
    static final String OF_YEAR = """
            SELECT r.id, r.report_type, r.period, r.first_submitted_at, r.days_late, r.current_version, r.exceedance_count,
                   r.stoppage, r.status
            FROM execution_report r
            WHERE r.permit_id = $1 AND r.covers_to >= $2 AND r.covers_to <= $3""";

    private final Pool pool;
    private final ObjectMapper json;

    public ExecutionReportQueries(Pool pool, ObjectMapper json) {
        this.pool = pool;
        this.json = json;
    }

    /** What a correction or a clash needs to know of a stored report. */
    public record StoredReport(long id, String permitNumber, ReportType type, String period, long entityVersion) {
    }

    /** A stored report in a year's listing. */
    public record FiledReport(long id, ReportType type, String period, java.time.OffsetDateTime firstSubmittedAt, int daysLate,
                              int currentVersion, int exceedanceCount, boolean stoppage, String status) {
    }

    public Uni<Optional<StoredReport>> stored(long reportId) {
        return pool.preparedQuery(STORED).execute(Tuple.of(reportId)).map(rows -> first(rows).map(ExecutionReportQueries::stored));
    }

    /** The report of a permit's type and period, if filed; none when type or period is missing. */
    public Uni<Optional<StoredReport>> find(long permitId, ReportType type, String period) {
        if (type == null || period == null) {
            return Uni.createFrom().item(Optional.empty());
        }
        return pool.preparedQuery(BY_PERIOD).execute(Tuple.of(permitId, type.name(), period))
                .map(rows -> first(rows).map(ExecutionReportQueries::stored));
    }

    /** The id of the report of a permit's type and period, read in a write's transaction. */
    Uni<Optional<Long>> find(TransactionSql tx, long permitId, ReportType type, String period) {
        return tx.query("SELECT id FROM execution_report WHERE permit_id = $1 AND report_type = $2 AND period = $3",
                permitId, type.name(), period).map(rows -> rows.isEmpty() ? Optional.empty()
                : Optional.of(((Number) rows.get(0).get("id")).longValue()));
    }

    public Uni<Optional<ExecutionReportView>> view(long reportId) {
        return pool.preparedQuery(VIEW).execute(Tuple.of(reportId)).map(rows -> first(rows).map(r -> parse(r.getString("view"))));
    }

    /** The view as the write's own transaction sees it (its new version included). */
    Uni<Optional<ExecutionReportView>> view(TransactionSql tx, long reportId) {
        return tx.query(VIEW, reportId).map(rows -> rows.isEmpty() ? Optional.empty() : Optional.of(parse(rows.get(0).string("view"))));
    }

    public Uni<List<FiledReport>> ofYear(long permitId, int year) {
        return pool.preparedQuery(OF_YEAR).execute(Tuple.of(permitId, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)))
                .map(rows -> {
                    List<FiledReport> list = new ArrayList<>();
                    for (Row r : rows) {
                        list.add(new FiledReport(r.getLong("id"), ReportType.valueOf(r.getString("report_type")), r.getString("period"),
                                r.getOffsetDateTime("first_submitted_at"), r.getInteger("days_late"), r.getInteger("current_version"),
                                r.getInteger("exceedance_count"), r.getBoolean("stoppage"), r.getString("status")));
                    }
                    return list;
                });
    }

    private ExecutionReportView parse(String text) {
        try {
            return json.readValue(text, ExecutionReportView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored report does not read as its view", e);
        }
    }

    private static StoredReport stored(Row r) {
        return new StoredReport(r.getLong("id"), r.getString("permit_number"), ReportType.valueOf(r.getString("report_type")),
                r.getString("period"), r.getLong("version"));
    }

    private static Optional<Row> first(io.vertx.mutiny.sqlclient.RowSet<Row> rows) {
        var it = rows.iterator();
        return it.hasNext() ? Optional.of(it.next()) : Optional.empty();
    }
}
