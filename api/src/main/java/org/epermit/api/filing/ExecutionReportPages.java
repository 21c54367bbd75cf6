package org.epermit.api.filing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.epermit.api.common.CursorCodec;
import org.epermit.api.common.PagingConfig;
import org.epermit.api.common.QueryParameters;
import org.epermit.api.permit.reporting.ReportType;
import org.epermit.api.problem.FieldError;
import org.epermit.api.problem.Message;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The cursor-paged listings of a permit's reports: in full for those entitled, the disclosure summary for the public. */
@ApplicationScoped
public class ExecutionReportPages {

    /** The public summary of each report (信息公开): no content, no signatory, no explanations. */
    static final String SUMMARIES = """
            SELECT r.id, r.covers_to, json_build_object(
                'type', r.report_type, 'period', r.period, 'coversFrom', r.covers_from, 'coversTo', r.covers_to,
                'dueDate', r.due_date, 'submittedAt', r.first_submitted_at, 'onTime', r.days_late = 0,
                'daysLate', r.days_late, 'version', r.current_version, 'stoppage', r.stoppage,
                'exceedanceCount', r.exceedance_count,
                'source', (SELECT v.source FROM execution_report_version v
                           WHERE v.report_id = r.id AND v.number = r.current_version),
                'emissions', coalesce((SELECT json_agg(json_build_object('pollutantCode', e.pollutant_code,
                        'pollutantName', pl.name_zh, 'actualTonnes', e.actual_t, 'licensedTonnes', e.licensed_t)
                        ORDER BY e.pollutant_code)
                    FROM execution_report_emission e JOIN pollutant pl ON pl.code = e.pollutant_code
                    WHERE e.report_id = r.id), '[]'::json))::text AS view
            FROM execution_report r
            """;
    static final String FILTERS = """
            WHERE r.permit_id = $1 AND ($2::text IS NULL OR r.report_type = $2)
              AND ($3::int IS NULL OR extract(year FROM r.covers_to) = $3) AND ($4::text IS NULL OR r.status = $4)
              AND ($5::date IS NULL OR (r.covers_to, r.id) < ($5, $6))
            ORDER BY r.covers_to DESC, r.id DESC
            LIMIT $7""";

    private final Pool pool;
    private final ObjectMapper json;
    private final CursorCodec cursors;
    private final PagingConfig paging;

    public ExecutionReportPages(Pool pool, ObjectMapper json, CursorCodec cursors, PagingConfig paging) {
        this.pool = pool;
        this.json = json;
        this.cursors = cursors;
        this.paging = paging;
    }

    @Schema(name = "ExecutionReportPage")
    public record ReportPage(List<ExecutionReportView> items,
                             @Schema(nullable = true, description = "Cursor of the next page; null on the last") String nextCursor) {
    }

    @Schema(name = "PublicExecutionReportPage")
    public record SummaryPage(List<PublicReportSummary> items,
                              @Schema(nullable = true, description = "Cursor of the next page; null on the last") String nextCursor) {
    }

    @Schema(name = "PublicExecutionReport", description = "The disclosure summary of an execution report (信息公开)")
    public record PublicReportSummary(ReportType type, @Schema(examples = "2025") String period, LocalDate coversFrom,
                                      LocalDate coversTo, LocalDate dueDate,
                                      @Schema(description = "When the first version was filed") OffsetDateTime submittedAt,
                                      boolean onTime, int daysLate,
                                      @Schema(description = "The current version's number") int version,
                                      boolean stoppage, int exceedanceCount,
                                      @Schema(description = "Where the current version was filed: through this API, or "
                                              + "imported from another platform (then it has no receipt of ours)") ReportSource source,
                                      List<PublicEmission> emissions) {
    }

    @Schema(name = "PublicReportEmission")
    public record PublicEmission(@Schema(examples = "a21026") String pollutantCode, @Schema(examples = "二氧化硫") String pollutantName,
                                 @Schema(nullable = true, description = "Actual emissions, t") BigDecimal actualTonnes,
                                 @Schema(description = "Licensed quantity of the report's days, t") BigDecimal licensedTonnes) {
    }

    /** The filters and position of a listing request. */
    public record Filter(Optional<ReportType> type, Optional<Integer> year, Optional<String> status, int limit,
                         Optional<LocalDate> afterCoversTo, Optional<Long> afterId, String query) {
    }

    Filter filter(UriInfo uri, String scope) {
        QueryParameters params = QueryParameters.of(uri.getQueryParameters(), Set.of("type", "year", "status", "limit", "cursor"));
        Optional<ReportType> type = params.enumValue("type", ReportType.class);
        Optional<Integer> year = Optional.empty();
        if (params.text("year").isPresent()) {
            year = Optional.of(ExecutionReportResource.year(params));
        }
        Optional<String> status = params.text("status", 20);
        status.filter(s -> !Set.of("SUBMITTED", "ACCEPTED", "RETURNED").contains(s)).ifPresent(s -> params.check(Optional.of(
                new FieldError("query.status", "ENUM", Message.of("must be SUBMITTED, ACCEPTED or RETURNED, got " + s,
                        "应为 SUBMITTED、ACCEPTED 或 RETURNED，实际为" + s)))));
        int limit = params.limit(paging);
        Optional<String> cursor = params.text("cursor", 4096);
        params.throwIfInvalid();
        String query = scope + "|" + type.map(Enum::name).orElse("") + "|" + year.map(String::valueOf).orElse("") + "|" + status.orElse("");
        Optional<LocalDate> afterCoversTo = Optional.empty();
        Optional<Long> afterId = Optional.empty();
        if (cursor.isPresent()) {
            List<String> position = List.of(cursors.decode(cursor.get(), query, "query.cursor").get(0).split("/"));
            afterCoversTo = Optional.of(LocalDate.parse(position.get(0)));
            afterId = Optional.of(Long.parseLong(position.get(1)));
        }
        return new Filter(type, year, status, limit, afterCoversTo, afterId, query);
    }

    Uni<ReportPage> reports(long permitId, Filter f) {
        return page(ExecutionReportQueries.VIEWS, permitId, f, ExecutionReportView.class).map(s -> new ReportPage(s.items(), s.nextCursor()));
    }

    Uni<SummaryPage> summaries(long permitId, Filter f) {
        return page(SUMMARIES, permitId, f, PublicReportSummary.class).map(s -> new SummaryPage(s.items(), s.nextCursor()));
    }

    private record Positioned<T>(T item, String position) {
    }

    private <T> Uni<CursorCodec.Slice<T>> page(String select, long permitId, Filter f, Class<T> type) {
        Tuple args = Tuple.tuple().addLong(permitId).addString(f.type().map(Enum::name).orElse(null))
                .addInteger(f.year().orElse(null)).addString(f.status().orElse(null))
                .addLocalDate(f.afterCoversTo().orElse(null)).addLong(f.afterId().orElse(0L)).addInteger(f.limit() + 1);
        return pool.preparedQuery(select + FILTERS).execute(args).map(rows -> {
            List<Positioned<T>> list = new ArrayList<>();
            for (Row r : rows) {
                list.add(new Positioned<>(parse(r.getString("view"), type), r.getLocalDate("covers_to") + "/" + r.getLong("id")));
            }
            CursorCodec.Slice<Positioned<T>> slice = cursors.slice(list, f.limit(), f.query(), Positioned::position);
            return new CursorCodec.Slice<>(slice.items().stream().map(Positioned::item).toList(), slice.nextCursor());
        });
    }

    private <T> T parse(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored report does not read as " + type.getSimpleName(), e);
        }
    }
}
