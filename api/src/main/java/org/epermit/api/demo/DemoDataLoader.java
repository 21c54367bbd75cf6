package org.epermit.api.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.epermit.api.permit.PermitLifecycleConfig;
import org.epermit.api.permit.PermitNumberConfig;
import org.epermit.api.permit.reporting.ReportSchedule;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads the demo data set into an empty database, through PostgreSQL's bulk path: in one transaction it sets the
 * permit tables' indexes and foreign keys aside, streams generated rows with COPY, then rebuilds them (one scan
 * each instead of one check per row). Either everything is loaded or nothing is.
 */
@ApplicationScoped
public class DemoDataLoader {

    /** The tables the demo fills; their indexes and foreign keys are rebuilt after the load. */
    private static final List<String> TABLES = List.of("enterprise", "permit", "permit_secondary_industry", "permit_outlet",
            "permit_outlet_pollutant", "permit_annual_quantity", "permit_report_obligation", "permit_version",
            "permit_event", "execution_report", "execution_report_version", "execution_report_emission", "monitoring_device",
            "monitoring_batch");
    private static final int ENTERPRISES_PER_BATCH = 5_000;

    private final AgroalDataSource dataSource;
    private final DemoConfig config;
    private final PermitNumberConfig permitNumbers;
    private final PermitLifecycleConfig lifecycle;
    private final Clock clock;
    private final ReportSchedule schedule;
    private final ObjectMapper json;

    @Inject
    public DemoDataLoader(AgroalDataSource dataSource, DemoConfig config, PermitNumberConfig permitNumbers,
                          PermitLifecycleConfig lifecycle, Clock clock, ReportSchedule schedule, ObjectMapper json) {
        this.schedule = schedule;
        this.json = json;
        this.dataSource = dataSource;
        this.config = config;
        this.permitNumbers = permitNumbers;
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) throws SQLException {
        if (!config.enabled()) {
            return;
        }
        long existing = countPermits();
        if (existing > 0) {
            Log.infof("Demo data: the database already holds %,d permits; nothing loaded", existing);
        } else {
            LocalDate asOf = config.asOf().orElse(LocalDate.now(clock));
            long started = System.nanoTime();
            LoadResult result = load(config.permits(), config.seed(), asOf);
            Log.infof("Demo data: loaded %,d permits of %,d enterprises, %,d execution reports (%d years), monitoring data of "
                            + "%d permits (%,d records) (seed %d, as of %s) in %s",
                    result.permits(), result.enterprises(), result.reports(), config.reportYears(), result.monitoredPermits(),
                    result.monitoringRecords(), config.seed(), asOf,
                    Duration.ofNanos(System.nanoTime() - started).toMillis() / 1000.0 + " s");
        }
        if (config.exitAfterLoad()) {
            Quarkus.asyncExit(0);
        }
    }

    public record LoadResult(long enterprises, long permits, long reports, int monitoredPermits, long monitoringRecords) {
    }

    long countPermits() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM permit")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Generates and loads {@code permits} permits into empty tables. */
    public LoadResult load(int permits, long seed, LocalDate asOf) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return load(connection, permits, seed, asOf);
        }
    }

    /** Generates and loads {@code permits} permits into the empty tables of {@code connection}'s database. */
    LoadResult load(Connection connection, int permits, long seed, LocalDate asOf) throws SQLException {
        connection.setAutoCommit(false);
        try {
            LoadResult result = loadInTransaction(connection, permits, seed, asOf);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    private LoadResult loadInTransaction(Connection connection, int permits, long seed, LocalDate asOf) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("SET LOCAL synchronous_commit = off");
            st.execute("SET LOCAL maintenance_work_mem = '256MB'");
            // Nobody may add rows while the tables have no constraints.
            st.execute("LOCK TABLE " + String.join(", ", TABLES) + " IN EXCLUSIVE MODE");
        }
        // Documents are rendered and statistics rolled up once at the end, in one statement each, not once per COPY batch.
        List<String> documentTriggers = derivedDataTriggers(connection);
        try (Statement st = connection.createStatement()) {
            for (String trigger : documentTriggers) {
                st.execute("ALTER TABLE " + trigger.replace(" ", " DISABLE TRIGGER "));
            }
        }
        DemoReferenceData reference = DemoReferenceData.read(connection);
        DemoReports reports = new DemoReports(schedule, json, seed, asOf, config.reportYears());
        DemoMonitoring monitoring = new DemoMonitoring(seed, asOf, config.monitoringPermits(), pollutantUnits(connection));
        DemoGenerator generator = new DemoGenerator(reference, Vocabulary.load(), seed, asOf,
                lifecycle.cancelExpiredAfter(), Character.toUpperCase(permitNumbers.permitLetter()),
                Character.toUpperCase(permitNumbers.registrationLetter()), reports, monitoring);
        List<String> restore = setAsideIndexesAndForeignKeys(connection);

        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        long phase = System.nanoTime();
        long enterprises = 0;
        long loaded = 0;
        DemoBatch batch = new DemoBatch();
        while (loaded < permits) {
            for (int i = 0; i < ENTERPRISES_PER_BATCH && loaded + batch.permitCount < permits; i++) {
                generator.emitEnterprise(enterprises++, (int) Math.min(3, permits - loaded - batch.permitCount), batch);
            }
            loaded += batch.permitCount;
            batch.permitCount = 0;
            for (CopyBuffer buffer : batch.inLoadOrder()) {
                if (buffer.rows() == 0) {
                    continue;
                }
                byte[] rows = buffer.drain();
                CopyIn in = copy.copyIn(buffer.copyStatement());
                in.writeToCopy(rows, 0, rows.length);
                in.endCopy();
            }
        }
        phase = logPhase("generated and copied the rows (" + reports.reports() + " execution reports, "
                + monitoring.records() + " monitoring records)", phase);
        try (Statement st = connection.createStatement()) {
            for (String ddl : restore) {
                st.execute(ddl);
            }
            for (String table : List.of("enterprise", "permit", "permit_outlet", "permit_event", "execution_report")) {
                st.execute("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), "
                        + "(SELECT coalesce(max(id), 0) + 1 FROM " + table + "), false)");
            }
            // Statistics first: the document function plans its queries at its first call, and on tables with no
            // statistics yet the planner picks sequential scans, which made this step quadratic in the data size
            // (50,000 permits: 10 minutes; 0.2 ms per document with statistics).
            analyze(st);
            phase = logPhase("rebuilt the indexes and foreign keys, analysed the tables", phase);
            for (String trigger : documentTriggers) {
                st.execute("ALTER TABLE " + trigger.replace(" ", " ENABLE TRIGGER "));
            }
            st.execute("SELECT permit_document_refresh_all()");
            st.execute("ANALYZE permit_document");
            phase = logPhase("rendered and stored the public documents", phase);
            st.execute("SELECT stats_refresh_all()");
            phase = logPhase("rolled up the statistics", phase);
            // Superseded versions keep the public document they had. The demo derives it from the current one:
            // that version's number, valid while it was in force, and its own validity where a renewal replaced it.
            st.execute("""
                    UPDATE permit_version v
                    SET snapshot = (SELECT d.body::jsonb FROM permit_document d WHERE d.permit_id = v.permit_id)
                                   || jsonb_build_object('version', v.version, 'status', 'VALID')
                                   || CASE WHEN next.reason = 'RENEWAL'
                                           THEN jsonb_build_object('validFrom', v.effective_from, 'validTo', v.effective_to)
                                           ELSE '{}'::jsonb END
                    FROM permit_version next
                    WHERE next.permit_id = v.permit_id AND next.version = v.version + 1""");
            st.execute("ANALYZE permit_version");
            phase = logPhase("froze the documents of superseded versions", phase);
            int applications = DemoApplications.load(connection, asOf);
            logPhase("wrote " + applications + " applications for the demo regulator's desk", phase);
        }
        return new LoadResult(enterprises, loaded, reports.reports(), monitoring.permits(), monitoring.records());
    }

    private static Map<String, String> pollutantUnits(Connection connection) throws SQLException {
        Map<String, String> units = new HashMap<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT code, unit FROM pollutant")) {
            while (rs.next()) {
                units.put(rs.getString(1), rs.getString(2));
            }
        }
        return units;
    }

    private static long logPhase(String what, long since) {
        long now = System.nanoTime();
        Log.infof("Demo data: %s in %.1f s", what, (now - since) / 1e9);
        return now;
    }

    private static void analyze(Statement st) throws SQLException {
        for (String table : TABLES) {
            st.execute("ANALYZE " + table);
        }
    }

    /**
     * The triggers that keep derived data on the tables the demo fills (the stored documents, V13; the statistics
     * rollups, V22), each as "table trigger".
     */
    private static List<String> derivedDataTriggers(Connection connection) throws SQLException {
        List<String> triggers = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT tgrelid::regclass::text, quote_ident(tgname) FROM pg_trigger
                WHERE NOT tgisinternal AND (tgname LIKE 'permit\\_document\\_%%' OR tgname LIKE 'stats\\_%%') AND tgrelid::regclass::text IN (%s)"""
                .formatted("'" + String.join("','", TABLES) + "'"))) {
            while (rs.next()) {
                triggers.add(rs.getString(1) + " " + rs.getString(2));
            }
        }
        return triggers;
    }

    /** Drops the tables' secondary indexes and foreign keys, returning the DDL that recreates them. */
    private static List<String> setAsideIndexesAndForeignKeys(Connection connection) throws SQLException {
        List<String> restore = new ArrayList<>();
        List<String> drop = new ArrayList<>();
        String tables = "'" + String.join("','", TABLES) + "'";
        try (Statement st = connection.createStatement()) {
            try (ResultSet rs = st.executeQuery("""
                    SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid)
                    FROM pg_constraint
                    WHERE contype = 'f' AND conrelid::regclass::text IN (%s)""".formatted(tables))) {
                while (rs.next()) {
                    drop.add("ALTER TABLE " + rs.getString(1) + " DROP CONSTRAINT " + quote(rs.getString(2)));
                    restore.add("ALTER TABLE " + rs.getString(1) + " ADD CONSTRAINT " + quote(rs.getString(2)) + " "
                            + rs.getString(3));
                }
            }
            try (ResultSet rs = st.executeQuery("""
                    SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
                    FROM pg_index i
                    WHERE i.indrelid::regclass::text IN (%s)
                      AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)""".formatted(tables))) {
                while (rs.next()) {
                    drop.add("DROP INDEX " + rs.getString(1));
                    restore.add(0, rs.getString(2));
                }
            }
            for (String ddl : drop) {
                st.execute(ddl);
            }
        }
        // indexes first (foreign-key checks use the referenced keys' indexes, which are constraints and stay)
        return restore;
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
