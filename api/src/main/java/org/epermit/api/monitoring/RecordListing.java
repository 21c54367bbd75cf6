package org.epermit.api.monitoring;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.epermit.api.common.CursorCodec;
import org.epermit.api.common.PagingConfig;
import org.epermit.api.common.PreferredMediaType;
import org.epermit.api.common.QueryParameters;
import org.epermit.api.problem.ApiException;
import org.epermit.api.problem.ErrorCode;
import org.epermit.api.problem.FieldError;
import org.epermit.api.problem.Message;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The listing of a permit's records that both the full and the public operation serve: strict filters
 * ({@link QueryParameters}), keyset pages in time order with signed cursors bound to the filters ({@link CursorCodec}),
 * as JSON or, for {@code Accept: text/csv}, as CSV with the next page's cursor in {@link #NEXT_CURSOR}.
 */
@ApplicationScoped
class RecordListing {

    /** The response header that carries a CSV page's next cursor (a CSV body has no place for it). */
    static final String NEXT_CURSOR = "X-Next-Cursor";
    static final String TEXT_CSV = "text/csv";
    private static final Set<String> PARAMETERS = Set.of("outlet", "pollutant", "from", "to", "exceedancesOnly", "limit", "cursor");

    private final MonitoringRecords records;
    private final CursorCodec cursors;
    private final PagingConfig paging;

    RecordListing(MonitoringRecords records, CursorCodec cursors, PagingConfig paging) {
        this.records = records;
        this.cursors = cursors;
        this.paging = paging;
    }

    /** A listing's request, read and checked before the permit is looked up. */
    record Request(MonitoringRecords.Filter filter, int limit, Optional<String> cursor, String query, boolean csv) {
    }

    /**
     * Reads the query; {@code scope} names the listing and who asks (the cursor of one caller's listing is not
     * another's), {@code visibleBefore} is the public's disclosure delay.
     */
    Request request(MultivaluedMap<String, String> query, HttpHeaders headers, String scope,
                    Optional<OffsetDateTime> visibleBefore) {
        QueryParameters params = QueryParameters.of(query, PARAMETERS);
        Optional<String> outlet = params.text("outlet");
        outlet.filter(o -> !o.matches("D[AW][0-9]{3}")).ifPresent(o -> params.check(Optional.of(new FieldError(
                "query.outlet", "FORMAT", Message.of("must be an outlet code such as DA001 or DW001",
                "应为排放口编号，如 DA001 或 DW001")))));
        Optional<String> pollutant = params.text("pollutant");
        pollutant.filter(p -> !p.matches("[aw][0-9]{5}")).ifPresent(p -> params.check(Optional.of(new FieldError(
                "query.pollutant", "FORMAT", Message.of("must be an HJ 212-2017 pollutant code such as a21026",
                "应为HJ 212-2017污染物编码，如 a21026")))));
        Optional<OffsetDateTime> from = params.dateTime("from");
        Optional<OffsetDateTime> to = params.dateTime("to");
        if (from.isPresent() && to.isPresent() && !to.get().isAfter(from.get())) {
            params.check(Optional.of(new FieldError("query.to", "RANGE", Message.of("must be after from", "应晚于 from"))));
        }
        boolean exceedancesOnly = params.bool("exceedancesOnly").orElse(false);
        int limit = params.limit(paging);
        Optional<String> cursor = params.text("cursor", 4096);
        params.throwIfInvalid();
        String canonical = String.join("|", scope, outlet.orElse(""), pollutant.orElse(""),
                from.map(f -> f.toInstant().toString()).orElse(""), to.map(t -> t.toInstant().toString()).orElse(""),
                Boolean.toString(exceedancesOnly));
        return new Request(new MonitoringRecords.Filter(outlet, pollutant, from, to, exceedancesOnly, visibleBefore),
                limit, cursor, canonical, wantsCsv(headers));
    }

    /** One page of the permit's records, as the request asked for it. */
    Uni<Response> page(long permitId, Request request) {
        Optional<MonitoringRecords.Position> after = request.cursor().map(c -> {
            List<String> position = cursors.decode(c, request.query(), "query.cursor");
            try {
                return MonitoringRecords.Position.of(position);
            } catch (RuntimeException notAPosition) {
                // signed by us and bound to these filters, so not expected; refused as any foreign cursor is
                throw new ApiException(ErrorCode.INVALID_CURSOR, Message.of("The cursor is not a position of this listing.",
                        "分页游标不是本列表的位置。"), List.of(new FieldError("query.cursor", "FORMAT", Message.of(
                        "is not a cursor issued by this API", "不是本接口签发的分页游标"))));
            }
        });
        return records.list(permitId, request.filter(), after, request.limit() + 1).map(rows -> {
            List<MonitoringRecordView.Record> items = rows.size() > request.limit() ? rows.subList(0, request.limit()) : rows;
            String next = rows.size() > request.limit()
                    ? cursors.encode(request.query(), MonitoringRecords.Position.of(items.get(items.size() - 1)).fields())
                    : null;
            if (request.csv()) {
                Response.ResponseBuilder csv = Response.ok(RecordCsv.write(items), TEXT_CSV + ";charset=UTF-8");
                return (next == null ? csv : csv.header(NEXT_CURSOR, next)).build();
            }
            return Response.ok(new MonitoringRecordView.Page(List.copyOf(items), next), MediaType.APPLICATION_JSON_TYPE).build();
        });
    }

    /** CSV when the caller prefers it to JSON, JSON otherwise. */
    private static boolean wantsCsv(HttpHeaders headers) {
        return PreferredMediaType.prefersToJson(headers, MediaType.valueOf(TEXT_CSV));
    }
}
