package org.epermit.api.filing;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.epermit.api.filing.MonitoringEvidence.OutletPollutant;
import org.epermit.api.permit.PublicPermit;
import org.epermit.api.permit.monitoring.MonitoringMode;
import org.epermit.api.permit.monitoring.TimeWindow;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what our monitoring records (monitoring_record) say about a report's days: valid samples per requirement,
 * the records over their limits, and the emissions the hourly records imply. Only VALID records count (a record
 * flagged as a fault, calibration or maintenance is not a measurement of the discharge).
 */
@ApplicationScoped
public class MonitoringEvidenceQueries {

    /** Flow parameters (HJ 212-2017): air m³/s, water L/s. */
    static final String AIR_FLOW = "a00000";
    static final String WATER_FLOW = "w00000";

    static final String SAMPLES = """
            SELECT outlet_code, pollutant_code, kind, count(*) AS samples
            FROM monitoring_record
            WHERE permit_id = $1 AND measured_from >= $2 AND measured_from < $3 AND flag = 'VALID'
              AND ((kind = 'MANUAL' AND averaging = 'SAMPLE') OR (kind = 'AUTOMATIC' AND averaging = 'HOURLY'))
            GROUP BY outlet_code, pollutant_code, kind""";
    static final String ANY = """
            SELECT EXISTS (SELECT 1 FROM monitoring_record
                           WHERE permit_id = $1 AND measured_from >= $2 AND measured_from < $3) AS any""";
    static final String EXCEEDANCES = """
            SELECT outlet_code, pollutant_code, measured_from, measured_to, value, limit_max
            FROM monitoring_record
            WHERE permit_id = $1 AND measured_from >= $2 AND measured_from < $3 AND exceedance AND flag = 'VALID'
            ORDER BY measured_from, outlet_code, pollutant_code
            LIMIT $4""";
    // Mass per hour = concentration (mg/m³ or mg/L) × flow (m³/s or L/s) × 3,600 s = mg; × 10⁻⁹ = t.
    static final String HOURLY_MASS = """
            SELECT c.outlet_code, c.pollutant_code, sum(c.value * f.value) * 0.0000036 AS tonnes, count(*) AS hours
            FROM monitoring_record c
            JOIN monitoring_record f ON f.permit_id = c.permit_id AND f.outlet_code = c.outlet_code
                 AND f.measured_from = c.measured_from AND f.kind = 'AUTOMATIC' AND f.averaging = 'HOURLY'
                 AND f.flag = 'VALID' AND f.pollutant_code IN ('a00000', 'w00000')
            WHERE c.permit_id = $1 AND c.measured_from >= $2 AND c.measured_from < $3 AND c.kind = 'AUTOMATIC'
              AND c.averaging = 'HOURLY' AND c.flag = 'VALID' AND c.pollutant_code NOT IN ('a00000', 'w00000')
            GROUP BY c.outlet_code, c.pollutant_code""";

    private final Pool pool;
    private final FilingConfig config;

    public MonitoringEvidenceQueries(Pool pool, FilingConfig config) {
        this.pool = pool;
        this.config = config;
    }

    public Uni<MonitoringEvidence> of(long permitId, PeriodTerms terms) {
        TimeWindow window = terms.window();
        OffsetDateTime from = OffsetDateTime.ofInstant(window.from(), ZoneOffset.UTC);
        OffsetDateTime to = OffsetDateTime.ofInstant(window.to(), ZoneOffset.UTC);
        // a tuple per statement: a Tuple is mutable, and the statements run at once
        Uni<Boolean> any = pool.preparedQuery(ANY).execute(Tuple.of(permitId, from, to)).map(rows -> rows.iterator().next().getBoolean("any"));
        return any.flatMap(exists -> {
            if (!exists) {
                return Uni.createFrom().item(MonitoringEvidence.NONE);
            }
            Uni<Map<OutletPollutant, Long>> samples = pool.preparedQuery(SAMPLES).execute(Tuple.of(permitId, from, to)).map(rows -> {
                Map<OutletPollutant, Long> counts = new HashMap<>();
                for (Row row : rows) {
                    OutletPollutant key = new OutletPollutant(row.getString("outlet_code"), row.getString("pollutant_code"));
                    PeriodTerms.Requirement r = terms.requirements().get(key);
                    MonitoringMode counted = MonitoringMode.valueOf(row.getString("kind"));
                    // a manual requirement counts manual samples; an automatic one its valid hourly means
                    if (r != null && r.mode() == counted) {
                        counts.put(key, row.getLong("samples"));
                    }
                }
                return counts;
            });
            Uni<List<MonitoringEvidence.RecordedExceedance>> exceedances = pool.preparedQuery(EXCEEDANCES)
                    .execute(Tuple.of(permitId, from, to, config.maxListed())).map(rows -> {
                        List<MonitoringEvidence.RecordedExceedance> list = new ArrayList<>();
                        for (Row row : rows) {
                            list.add(new MonitoringEvidence.RecordedExceedance(row.getString("outlet_code"), row.getString("pollutant_code"),
                                    row.getOffsetDateTime("measured_from").toInstant(), row.getOffsetDateTime("measured_to").toInstant(),
                                    row.getBigDecimal("value"), row.getBigDecimal("limit_max")));
                        }
                        return list;
                    });
            Uni<Map<String, BigDecimal>> estimates = pool.preparedQuery(HOURLY_MASS)
                    .execute(Tuple.of(permitId, from, to)).map(rows -> estimates(terms, rows));
            return Uni.combine().all().unis(samples, exceedances, estimates).asTuple()
                    .map(t -> new MonitoringEvidence(true, t.getItem1(), t.getItem2(), t.getItem3()));
        });
    }

    /**
     * The emissions the hourly records imply, per licensed pollutant: only where every outlet that discharges it is
     * monitored automatically and has valid concentration and flow for at least the configured share of the hours;
     * each outlet's mass is scaled up from the hours it covers to all of them.
     */
    private Map<String, BigDecimal> estimates(PeriodTerms terms, Iterable<Row> rows) {
        long hours = terms.window().length().toHours();
        Map<OutletPollutant, Row> measured = new HashMap<>();
        for (Row row : rows) {
            measured.put(new OutletPollutant(row.getString("outlet_code"), row.getString("pollutant_code")), row);
        }
        Map<String, BigDecimal> estimates = new HashMap<>();
        for (String pollutant : terms.licensed().keySet()) {
            BigDecimal total = BigDecimal.ZERO;
            boolean complete = hours > 0;
            boolean anyOutlet = false;
            for (Map.Entry<String, Map<String, PublicPermit.OutletPollutant>> outlet : terms.outlets().entrySet()) {
                if (!outlet.getValue().containsKey(pollutant)) {
                    continue;
                }
                anyOutlet = true;
                OutletPollutant key = new OutletPollutant(outlet.getKey(), pollutant);
                PeriodTerms.Requirement r = terms.requirements().get(key);
                Row row = measured.get(key);
                if (r == null || r.mode() != MonitoringMode.AUTOMATIC || row == null
                        || (double) row.getLong("hours") / hours < config.estimateMinCoverage()) {
                    complete = false;
                    break;
                }
                total = total.add(row.getBigDecimal("tonnes").multiply(BigDecimal.valueOf(hours))
                        .divide(BigDecimal.valueOf(row.getLong("hours")), MathContext.DECIMAL64));
            }
            if (complete && anyOutlet) {
                estimates.put(pollutant, total);
            }
        }
        return estimates;
    }
}
