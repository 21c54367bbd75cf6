package org.epermit.api.monitoring;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import org.epermit.api.access.PermitAccess;
import org.epermit.api.common.TimeConfig;
import org.epermit.api.gateway.Caller;
import org.epermit.api.gateway.audit.AuditedResource;
import org.epermit.api.gateway.write.AggregateEvent;
import org.epermit.api.gateway.write.WriteOutcome;
import org.epermit.api.gateway.write.WriteTransaction;
import org.epermit.api.monitoring.BatchValidation.ValidRecord;
import org.epermit.api.permit.terms.PermitVersionQueries;
import org.epermit.api.problem.ApiException;
import org.epermit.api.problem.ErrorCode;
import org.epermit.api.problem.FieldError;
import org.epermit.api.problem.Message;
import org.epermit.api.reference.ReferenceData;
import org.epermit.api.reference.ReferenceQueries;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Takes in one batch of monitoring records for one permit, whatever it came as (JSON, CSV, HJ 212 packets): checks
 * that the caller may file for the permit, reads the permit's versions, validates the whole batch in memory
 * ({@link BatchValidation}), and only then opens the write transaction, which stores the new records in one
 * statement, refuses the batch if any record differs from the one stored under its key, and records the batch with its
 * audit row and outbox event. All or nothing: a refused batch leaves nothing.
 */
@ApplicationScoped
public class MonitoringIntake {

    /** The scope a caller files monitoring data with. */
    static final String WRITE_SCOPE = "filings:write";
    /** How audit rows and the event feed name a batch. */
    static final String BATCH = "monitoring_batch";

    private final PermitAccess access;
    private final PermitVersionQueries versions;
    private final ReferenceQueries reference;
    private final MonitoringRecords records;
    private final WriteTransaction writes;
    private final MonitoringConfig config;
    private final Clock clock;
    private final ZoneId zone;

    public MonitoringIntake(PermitAccess access, PermitVersionQueries versions, ReferenceQueries reference,
                            MonitoringRecords records, WriteTransaction writes, MonitoringConfig config, Clock clock,
                            TimeConfig time) {
        this.access = access;
        this.versions = versions;
        this.reference = reference;
        this.records = records;
        this.writes = writes;
        this.config = config;
        this.clock = clock;
        this.zone = time.zone();
    }

    /** Where a batch came from, as monitoring_record.source stores it. */
    public enum Source { JSON, CSV, HJ212 }

    /**
     * A batch read from its body: the records, those that could not be read at all (a CSV row of the wrong width) by
     * index, and how errors name the records' fields.
     */
    public record Parsed(List<RawRecord> records, Map<Integer, FieldError> unreadable, RecordPaths paths) {

        /** Records listed in the body ({@code body.records[i]}). */
        public Parsed(List<RawRecord> records, Map<Integer, FieldError> unreadable) {
            this(records, unreadable, RecordPaths.LISTED);
        }
    }

    /**
     * Reads a batch's body once the permit is known: {@code permitId}, and each pollutant's own unit (reference data),
     * which a body without units (HJ 212) takes its units from.
     */
    @FunctionalInterface
    public interface BodyReader {
        Uni<Parsed> read(long permitId, Map<String, String> pollutantUnits);
    }

    /**
     * Receives a batch for permit {@code permitNumber} (canonical) from {@code caller}. {@code parse} reads the body; it
     * runs once the caller is known to be allowed, so a caller who may not file learns nothing from the body's checks.
     * Answers 201 when the batch stored something, 200 when every record was already stored (a resend).
     */
    public Uni<Response> receive(Caller caller, String permitNumber, Source source, Supplier<Parsed> parse) {
        return receive(caller, permitNumber, source, (permitId, units) -> Uni.createFrom().item(parse));
    }

    /** As {@link #receive(Caller, String, Source, Supplier)}, for a body that needs the permit to be read. */
    public Uni<Response> receive(Caller caller, String permitNumber, Source source, BodyReader reader) {
        return access.require(caller, WRITE_SCOPE, permitNumber).flatMap(permitId -> reference.pollutants()
                .flatMap(pollutants -> {
                    Map<String, String> units = pollutants.items().stream()
                            .collect(Collectors.toMap(ReferenceData.Pollutant::code, ReferenceData.Pollutant::unit));
                    return reader.read(permitId, units).flatMap(parsed -> {
                        checkSize(parsed.records().size());
                        return versions.load(permitId).flatMap(found -> {
                            var permit = found.orElseThrow(() -> PermitAccess.notFound(permitNumber));
                            OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
                            BatchValidation.Valid valid = new BatchValidation(permit, units, now, zone,
                                    config.maxListedErrors(), parsed.paths()).check(parsed.records(), parsed.unreadable());
                            return store(caller, permitId, permitNumber, source, now, parsed.records().size(), valid,
                                    parsed.paths());
                        });
                    });
                }));
    }

    private Uni<Response> store(Caller caller, long permitId, String permitNumber, Source source, OffsetDateTime now, int received,
                                BatchValidation.Valid valid, RecordPaths paths) {
        UUID batchId = UUID.randomUUID();
        List<ValidRecord> toStore = valid.records();
        return writes.run(tx -> records.insert(tx, permitId, now, batchId, source.name(), toStore).flatMap(stored -> {
            Uni<Void> checked = stored.inserted() == toStore.size() ? Uni.createFrom().voidItem()
                    : records.conflicts(tx, permitId, toStore, config.maxListedErrors()).map(conflicts -> {
                        if (conflicts.total() > 0) {
                            throw conflict(conflicts, paths);
                        }
                        return null;
                    });
            return checked.flatMap(ok -> {
                MonitoringRecordView.BatchReceipt receipt = new MonitoringRecordView.BatchReceipt(batchId.toString(),
                        received, stored.inserted(), received - stored.inserted(), stored.exceedances());
                return records.recordBatch(tx, batchId, permitId, source.name(), now, caller.clientId(), receipt)
                        .map(done -> {
                            AuditedResource resource = AuditedResource.created(BATCH, batchId);
                            WriteOutcome outcome = stored.inserted() > 0
                                    ? new WriteOutcome(201, null, receipt, receipt, resource, java.util.List.of())
                                    : WriteOutcome.ok(resource, receipt);
                            return outcome.announcing(new AggregateEvent("monitoring.batch_received", BATCH,
                                    batchId.toString(), 1, new BatchEvent(permitNumber, source.name(), receipt)));
                        });
            });
        }));
    }

    /** The event of an accepted batch: its receipt, with the permit and the source (never the records themselves). */
    record BatchEvent(String permitNumber, String source, MonitoringRecordView.BatchReceipt receipt) {
    }

    private void checkSize(int size) {
        if (size == 0) {
            throw ApiException.validation(List.of(new FieldError("body.records", "REQUIRED", Message.of(
                    "must hold at least one record", "至少应包含一条记录"))));
        }
        if (size > config.maxBatchRecords()) {
            throw ApiException.validation(List.of(new FieldError("body.records", "TOO_MANY", Message.of(
                    "must hold at most " + config.maxBatchRecords() + " records; split the upload into batches of that size",
                    "最多包含" + config.maxBatchRecords() + "条记录，请按此规模分批报送"))));
        }
    }

    private static ApiException conflict(MonitoringRecords.Conflicts conflicts, RecordPaths paths) {
        List<FieldError> errors = conflicts.listed().stream().map(c -> new FieldError(
                paths.of(c.index(), "value"), "DIFFERS_FROM_STORED", Message.of(
                "a record with this outlet, pollutant, kind, averaging and from is stored with value " + c.storedValue()
                        + " " + c.storedUnit() + ", flag " + c.storedFlag() + ", to " + c.storedTo(),
                "已存在排放口、污染物、监测方式、均值类型和开始时间相同的记录，其数值为" + c.storedValue() + " " + c.storedUnit()
                        + "，标记" + c.storedFlag() + "，结束时间" + c.storedTo()))).toList();
        String shown = errors.size() < conflicts.total() ? "; the first " + errors.size() + " are listed" : "";
        return new ApiException(ErrorCode.MONITORING_RECORD_CONFLICT, Message.of(
                conflicts.total() + " record" + (conflicts.total() == 1 ? " differs" : "s differ")
                        + " from what is stored for the same window" + shown + ". Nothing of the batch was stored. "
                        + "A stored record is not overwritten: resend it unchanged, or leave it out.",
                "有" + conflicts.total() + "条记录与同一时段已存数据不一致。整批数据均未保存。已存记录不会被覆盖：请原样重发或从批次中删除这些记录。"),
                errors);
    }
}
