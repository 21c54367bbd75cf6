package org.epermit.api.permit.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import org.epermit.api.access.SqlCondition;
import org.epermit.api.common.PermitNumber;
import org.epermit.api.common.QueryParameters;
import org.epermit.api.gateway.Caller;
import org.epermit.api.gateway.ratelimit.ExportAllowance;
import org.epermit.api.permit.PermitQueries;
import org.epermit.api.permit.PermitSearch;
import org.epermit.api.permit.PermitSearchCriteria;
import org.epermit.api.permit.PermitSummary;
import org.epermit.api.problem.ApiException;
import org.epermit.api.problem.ErrorCode;
import org.epermit.api.problem.FieldError;
import org.epermit.api.problem.Message;
import org.epermit.codes.Printable;

import java.net.InetAddress;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;

/**
 * The bulk export of the public search: every matching permit, in permit-number order, from one snapshot
 * ({@link PermitSnapshot}), streamed a batch at a time as the client takes it. The request is checked first, then a
 * slot is taken ({@link ExportSlots}), the snapshot opened and counted, and the rows taken from the caller's daily
 * allowance ({@link ExportAllowance}); rows not sent when a client leaves early are given back.
 */
@ApplicationScoped
public class PermitExport {

    private static final Set<String> PARAMETERS = Set.of("q", "region", "industry", "category", "status",
            "expiringBefore", "dueForRenewal", "resumeAfter", "format");

    private final Pool pool;
    private final PermitQueries queries;
    private final ExportAllowance allowance;
    private final ExportSlots slots;
    private final ExportConfig config;
    private final ObjectMapper json;

    public PermitExport(Pool pool, PermitQueries queries, ExportAllowance allowance, ExportSlots slots,
                        ExportConfig config, ObjectMapper json) {
        this.pool = pool;
        this.queries = queries;
        this.allowance = allowance;
        this.slots = slots;
        this.config = config;
        this.json = json;
    }

    /** An export's checked request: its filters, where it resumes, and the format asked for. */
    public record Request(PermitSearchCriteria criteria, Optional<String> resumeAfter, ExportFormat format) {
    }

    /**
     * Reads and checks the parameters, every bad one reported at once. The format is {@code format} when given,
     * else the one {@code Accept} prefers, else CSV.
     */
    public static Request read(MultivaluedMap<String, String> query, HttpHeaders headers) {
        QueryParameters params = QueryParameters.of(query, PARAMETERS);
        PermitSearchCriteria criteria = PermitSearch.criteria(params);
        Optional<String> resumeAfter = params.text("resumeAfter", 64);
        resumeAfter.ifPresent(r -> params.check(PermitNumber.check(r, "query.resumeAfter")));
        Optional<ExportFormat> format = params.text("format").flatMap(f -> {
            for (ExportFormat candidate : ExportFormat.values()) {
                if (candidate.extension().equals(f)) {
                    return Optional.of(candidate);
                }
            }
            params.check(Optional.of(new FieldError("query.format", "UNKNOWN_VALUE", Message.of(
                    "'" + Printable.of(f) + "' is not one of csv, ndjson", "'" + Printable.of(f) + "'不是允许的取值（csv, ndjson）"))));
            return Optional.empty();
        });
        params.throwIfInvalid();
        return new Request(criteria, resumeAfter, format.orElseGet(() -> preferred(headers)));
    }

    /** NDJSON when Accept prefers it to CSV (order and weights), CSV otherwise. */
    static ExportFormat preferred(HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isWildcardType() || type.isCompatible(MediaType.valueOf(ExportFormat.CSV.mediaType()))) {
                return ExportFormat.CSV;
            }
            if (type.isCompatible(MediaType.valueOf(ExportFormat.NDJSON.mediaType()))) {
                return ExportFormat.NDJSON;
            }
        }
        return ExportFormat.CSV;
    }

    /** An export under way: its snapshot's moment and size, the rows it carries, and its body. */
    public record Started(Request request, PermitSnapshot snapshot, long rows, Multi<byte[]> body) {
        /** Whether the response carries every matching row (false: the day's allowance ran out first). */
        public boolean complete() {
            return rows == snapshot.rows();
        }

        private Started releasing(ExportSlots.Slot slot) {
            return new Started(request, snapshot, rows, body.onTermination().invoke(slot::release));
        }
    }

    /**
     * Starts the export of {@code request} for {@code caller} (empty: anonymous from {@code address}). Fails with 429
     * RATE_LIMITED when the caller or the instance runs as many exports as allowed, 429 QUOTA_EXCEEDED when rows
     * match and none are left of the day's allowance ({@code refusedFor} receives the seconds to wait).
     */
    public Uni<Started> start(Request request, Optional<Caller> caller, InetAddress address,
                              LongConsumer refusedFor) {
        String who = caller.map(c -> "client:" + c.clientId()).orElse("address:" + address.getHostAddress());
        ExportSlots.Slot slot = slots.acquire(who).orElseThrow(() -> {
            refusedFor.accept(5);
            return new ApiException(ErrorCode.RATE_LIMITED, Message.of(
                    "Too many exports are running at once (at most " + config.maxConcurrentPerCaller()
                            + " per caller); retry when yours has finished.",
                    "同时进行的导出过多（每个调用方最多" + config.maxConcurrentPerCaller() + "个）；请在当前导出完成后重试。"));
        });
        LocalDate today = queries.today();
        PermitQueries.Statement count = queries.countStatement(request.criteria(), request.resumeAfter(), SqlCondition.ALWAYS, today);
        PermitQueries.Statement rows = queries.searchStatement(request.criteria(), request.resumeAfter(), Optional.empty(),
                SqlCondition.ALWAYS, today);
        // the allowance may answer on a Redis client's thread: go on where the request runs
        Context context = Vertx.currentContext();
        Executor here = context == null ? Runnable::run : task -> context.runOnContext(ignored -> task.run());
        return PermitSnapshot.open(pool, count, rows)
                .flatMap(snapshot -> Uni.createFrom().completionStage(() -> allowance.take(caller, address, snapshot.rows()))
                        .emitOn(here)
                        .onFailure().call(failure -> snapshot.close())
                        .map(grant -> {
                            if (snapshot.rows() > 0 && grant.rows() == 0) {
                                snapshot.close().subscribe().with(ignored -> { }, ignored -> { });
                                refusedFor.accept(grant.secondsToRenewal());
                                throw new ApiException(ErrorCode.QUOTA_EXCEEDED, Message.of(
                                        "The day's export allowance of " + grant.dailyRows() + " rows is used up; it is "
                                                + "renewed at midnight (Retry-After). Resume with resumeAfter then.",
                                        "今日导出额度（" + grant.dailyRows() + "行）已用完，将于午夜恢复（见Retry-After），届时可用resumeAfter续传。"));
                            }
                            return new Started(request, snapshot, grant.rows(), body(request, snapshot, today, grant));
                        }))
                .onTermination().invoke((started, failure, cancelled) -> {
                    if (failure != null || cancelled) {
                        slot.release();
                    }
                })
                .map(started -> started.releasing(slot));
    }

    /**
     * The body: the format's head, then one chunk per batch read from the cursor (read when the previous chunk has
     * been written: RESTEasy asks for the next item only then), then the format's tail. However it ends, the snapshot
     * is closed; rows granted but not sent are given back.
     */
    private Multi<byte[]> body(Request request, PermitSnapshot snapshot, LocalDate today, ExportAllowance.Grant grant) {
        ExportFormat format = request.format();
        AtomicLong left = new AtomicLong(grant.rows());
        AtomicLong sent = new AtomicLong();
        AtomicReference<String> last = new AtomicReference<>();
        Multi<byte[]> batches = Multi.createBy().repeating()
                .uni(() -> snapshot.read((int) Math.min(config.fetchSize(), Math.max(1, left.get()))))
                .whilst(batch -> snapshot.hasMore() && left.get() - batch.size() > 0)
                .map(batch -> {
                    List<PermitSummary> summaries = new ArrayList<>(batch.size());
                    for (Row row : batch) {
                        summaries.add(queries.summary(row, today));
                    }
                    left.addAndGet(-summaries.size());
                    sent.addAndGet(summaries.size());
                    if (!summaries.isEmpty()) {
                        last.set(summaries.get(summaries.size() - 1).permitNumber());
                    }
                    return format.rows(summaries, json);
                })
                .filter(chunk -> chunk.length > 0);
        if (grant.rows() == 0) {
            batches = Multi.createFrom().empty();
        }
        Multi<byte[]> head = Multi.createFrom().item(format::head).filter(chunk -> chunk.length > 0);
        Multi<byte[]> tail = Multi.createFrom().item(() -> format.tail(new ExportEnd(true, sent.get(),
                        sent.get() == snapshot.rows(), snapshot.asOf(),
                        sent.get() == snapshot.rows() ? null : last.get()), json))
                .filter(chunk -> chunk.length > 0);
        return Multi.createBy().concatenating().streams(head, batches, tail)
                .onTermination().call((failure, cancelled) -> {
                    if (failure != null || cancelled) {
                        grant.giveBack(grant.rows() - sent.get());
                    }
                    return snapshot.close();
                });
    }
}
