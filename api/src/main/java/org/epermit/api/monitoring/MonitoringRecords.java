package org.epermit.api.monitoring;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.epermit.api.monitoring.BatchValidation.ValidRecord;

import org.epermit.api.common.TimeConfig;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The SQL of monitoring_record and monitoring_batch: a batch stored in one statement (the records as arrays, unnested,
 * ON CONFLICT DO NOTHING: one round trip whatever the batch's size), the records that differ from what is stored, and
 * the listing in time order.
 */
@ApplicationScoped
public class MonitoringRecords {

    static final String INSERT = """
            WITH stored AS (
                INSERT INTO monitoring_record (permit_id, permit_version, outlet_code, pollutant_code, kind, averaging,
                                               measured_from, measured_to, value, unit, flag, exceedance, limit_min,
                                               limit_max, received_at, batch_id, source, device_mn)
                SELECT $1, r.permit_version, r.outlet_code, r.pollutant_code, r.kind, r.averaging, r.measured_from,
                       r.measured_to, r.value::numeric, r.unit, r.flag, r.exceedance, r.limit_min::numeric,
                       r.limit_max::numeric, $2, $3, $4, r.device_mn
                FROM unnest($5::int[], $6::text[], $7::text[], $8::text[], $9::text[], $10::timestamptz[],
                            $11::timestamptz[], $12::text[], $13::text[], $14::text[], $15::boolean[], $16::text[],
                            $17::text[], $18::text[])
                     AS r(permit_version, outlet_code, pollutant_code, kind, averaging, measured_from, measured_to,
                          value, unit, flag, exceedance, limit_min, limit_max, device_mn)
                ON CONFLICT ON CONSTRAINT monitoring_record_key DO NOTHING
                RETURNING exceedance)
            SELECT count(*) AS inserted, count(*) FILTER (WHERE exceedance) AS exceedances FROM stored""";

    /**
     * The records of a batch whose key is stored with another value, unit, flag or end: a statement of its own after
     * the insert, so that it also sees what a concurrent batch committed meanwhile (READ COMMITTED takes a snapshot
     * per statement).
     */
    static final String CONFLICTS = """
            SELECT r.idx, m.value::text AS stored_value, m.unit AS stored_unit, m.flag AS stored_flag,
                   m.measured_to AS stored_to, count(*) OVER () AS total
            FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[],
                        $8::timestamptz[], $9::text[], $10::text[], $11::text[])
                 AS r(idx, outlet_code, pollutant_code, kind, averaging, measured_from, measured_to, value, unit, flag)
            JOIN monitoring_record m ON m.permit_id = $1 AND m.outlet_code = r.outlet_code
                 AND m.pollutant_code = r.pollutant_code AND m.kind = r.kind AND m.averaging = r.averaging
                 AND m.measured_from = r.measured_from
            WHERE m.value <> r.value::numeric OR m.unit <> r.unit OR m.flag <> r.flag OR m.measured_to <> r.measured_to
            ORDER BY r.idx
            LIMIT $12""";

    static final String INSERT_BATCH = """
            INSERT INTO monitoring_batch (id, permit_id, source, received_at, client_id, received, inserted, duplicates, exceedances)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)""";

    static final String SELECT = """
            SELECT outlet_code, pollutant_code, kind, averaging, measured_from, measured_to, value, unit, flag,
                   exceedance, limit_min, limit_max, permit_version
            FROM monitoring_record
            WHERE permit_id = $1""";

    private final Pool pool;
    private final ZoneId zone;

    public MonitoringRecords(Pool pool, TimeConfig time) {
        this.pool = pool;
        this.zone = time.zone();
    }

    /** How many records a batch's statement stored, and how many of those are exceedances. */
    record Stored(int inserted, int exceedances) {
    }

    /** A record of a batch that differs from the one stored under its key. */
    record Conflict(int index, String storedValue, String storedUnit, String storedFlag, OffsetDateTime storedTo) {
    }

    /** The conflicts found (the first {@code limit}) and how many there are. */
    record Conflicts(List<Conflict> listed, long total) {
    }

    /** Stores the records that are not stored yet, through the batch's transaction {@code tx}. */
    Uni<Stored> insert(SqlClient tx, long permitId, OffsetDateTime receivedAt, UUID batchId, String source,
                       List<ValidRecord> records) {
        int n = records.size();
        Integer[] versions = new Integer[n];
        String[] outlets = new String[n];
        String[] pollutants = new String[n];
        String[] kinds = new String[n];
        String[] averagings = new String[n];
        OffsetDateTime[] froms = new OffsetDateTime[n];
        OffsetDateTime[] tos = new OffsetDateTime[n];
        String[] values = new String[n];
        String[] units = new String[n];
        String[] flags = new String[n];
        Boolean[] exceedances = new Boolean[n];
        String[] mins = new String[n];
        String[] maxes = new String[n];
        String[] devices = new String[n];
        for (int i = 0; i < n; i++) {
            ValidRecord r = records.get(i);
            versions[i] = r.permitVersion();
            outlets[i] = r.outletCode();
            pollutants[i] = r.pollutantCode();
            kinds[i] = r.kind().name();
            averagings[i] = r.averaging().name();
            froms[i] = r.from();
            tos[i] = r.to();
            // numbers travel as their exact decimal text and are cast in SQL: no binary rounding on the way
            values[i] = r.value().toPlainString();
            units[i] = r.unit();
            flags[i] = r.flag().name();
            exceedances[i] = r.exceedance();
            mins[i] = r.limitMin() == null ? null : r.limitMin().toPlainString();
            maxes[i] = r.limitMax() == null ? null : r.limitMax().toPlainString();
            devices[i] = r.deviceMn();
        }
        return tx.preparedQuery(INSERT).execute(Tuple.from(Arrays.asList(permitId, receivedAt, batchId, source,
                        versions, outlets, pollutants, kinds, averagings, froms, tos, values, units, flags, exceedances,
                        mins, maxes, devices)))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new Stored(row.getLong("inserted").intValue(), row.getLong("exceedances").intValue());
                });
    }

    /** The records of {@code records} stored under their key with something else, the first {@code limit} of them. */
    Uni<Conflicts> conflicts(SqlClient tx, long permitId, List<ValidRecord> records, int limit) {
        int n = records.size();
        Integer[] indexes = new Integer[n];
        String[] outlets = new String[n];
        String[] pollutants = new String[n];
        String[] kinds = new String[n];
        String[] averagings = new String[n];
        OffsetDateTime[] froms = new OffsetDateTime[n];
        OffsetDateTime[] tos = new OffsetDateTime[n];
        String[] values = new String[n];
        String[] units = new String[n];
        String[] flags = new String[n];
        for (int i = 0; i < n; i++) {
            ValidRecord r = records.get(i);
            indexes[i] = r.index();
            outlets[i] = r.outletCode();
            pollutants[i] = r.pollutantCode();
            kinds[i] = r.kind().name();
            averagings[i] = r.averaging().name();
            froms[i] = r.from();
            tos[i] = r.to();
            values[i] = r.value().toPlainString();
            units[i] = r.unit();
            flags[i] = r.flag().name();
        }
        return tx.preparedQuery(CONFLICTS).execute(Tuple.from(Arrays.asList(permitId, indexes, outlets, pollutants,
                        kinds, averagings, froms, tos, values, units, flags, limit)))
                .map(rows -> {
                    List<Conflict> listed = new ArrayList<>();
                    long total = 0;
                    for (Row row : rows) {
                        total = row.getLong("total");
                        listed.add(new Conflict(row.getInteger("idx"), row.getString("stored_value"),
                                row.getString("stored_unit"), row.getString("stored_flag"),
                                row.getOffsetDateTime("stored_to")));
                    }
                    return new Conflicts(listed, total);
                });
    }

    /** Records the accepted batch, through its transaction {@code tx}. */
    Uni<Void> recordBatch(SqlClient tx, UUID batchId, long permitId, String source, OffsetDateTime receivedAt,
                          UUID clientId, MonitoringRecordView.BatchReceipt receipt) {
        return tx.preparedQuery(INSERT_BATCH).execute(Tuple.from(Arrays.asList(batchId, permitId, source, receivedAt,
                clientId, receipt.received(), receipt.inserted(), receipt.duplicates(), receipt.exceedances())))
                .replaceWithVoid();
    }

    /** A listing's filters; {@code visibleBefore}: only records whose window ended by then (the public's delay). */
    record Filter(Optional<String> outletCode, Optional<String> pollutantCode, Optional<OffsetDateTime> from,
                  Optional<OffsetDateTime> to, boolean exceedancesOnly, Optional<OffsetDateTime> visibleBefore) {
    }

    /** Where a page starts: after the record with this time and key. */
    record Position(OffsetDateTime from, String outletCode, String pollutantCode, String kind, String averaging) {

        List<String> fields() {
            return List.of(from.toString(), outletCode, pollutantCode, kind, averaging);
        }

        static Position of(List<String> fields) {
            if (fields.size() != 5) {
                throw new IllegalArgumentException("a position has 5 fields");
            }
            return new Position(OffsetDateTime.parse(fields.get(0)), fields.get(1), fields.get(2), fields.get(3), fields.get(4));
        }

        static Position of(MonitoringRecordView.Record r) {
            return new Position(r.from(), r.outletCode(), r.pollutantCode(), r.kind().name(), r.averaging().name());
        }
    }

    /** Up to {@code limit} records of the permit matching {@code filter}, in time order, after {@code after}. */
    Uni<List<MonitoringRecordView.Record>> list(long permitId, Filter filter, Optional<Position> after, int limit) {
        StringBuilder sql = new StringBuilder(SELECT);
        List<Object> args = new ArrayList<>(List.of(permitId));
        filter.outletCode().ifPresent(o -> sql.append(" AND outlet_code = ").append(arg(args, o)));
        filter.pollutantCode().ifPresent(p -> sql.append(" AND pollutant_code = ").append(arg(args, p)));
        filter.from().ifPresent(f -> sql.append(" AND measured_from >= ").append(arg(args, f)));
        filter.to().ifPresent(t -> sql.append(" AND measured_from < ").append(arg(args, t)));
        filter.visibleBefore().ifPresent(v -> sql.append(" AND measured_to <= ").append(arg(args, v)));
        if (filter.exceedancesOnly()) {
            sql.append(" AND exceedance");
        }
        after.ifPresent(p -> sql.append(" AND (measured_from, outlet_code, pollutant_code, kind, averaging) > (")
                .append(arg(args, p.from())).append(", ").append(arg(args, p.outletCode())).append(", ")
                .append(arg(args, p.pollutantCode())).append(", ").append(arg(args, p.kind())).append(", ")
                .append(arg(args, p.averaging())).append(")"));
        sql.append(" ORDER BY measured_from, outlet_code, pollutant_code, kind, averaging LIMIT ").append(arg(args, limit));
        return pool.preparedQuery(sql.toString()).execute(Tuple.from(args)).map(rows -> {
            List<MonitoringRecordView.Record> records = new ArrayList<>();
            for (Row r : rows) {
                records.add(new MonitoringRecordView.Record(r.getString("outlet_code"), r.getString("pollutant_code"),
                        RecordKind.valueOf(r.getString("kind")), Averaging.valueOf(r.getString("averaging")),
                        local(r.getOffsetDateTime("measured_from")), local(r.getOffsetDateTime("measured_to")),
                        r.getBigDecimal("value"), r.getString("unit"), RecordFlag.valueOf(r.getString("flag")),
                        r.getBoolean("exceedance"), r.getBigDecimal("limit_min"), r.getBigDecimal("limit_max"),
                        r.getInteger("permit_version")));
            }
            return records;
        });
    }

    /** A stored time as China time (+08:00), as records are sent and reports count. */
    private OffsetDateTime local(OffsetDateTime time) {
        return time.atZoneSameInstant(zone).toOffsetDateTime();
    }

    private static String arg(List<Object> args, Object value) {
        args.add(value);
        return "$" + args.size();
    }
}
