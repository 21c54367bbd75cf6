package org.epermit.api.stats;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.epermit.api.testing.Db;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rollups kept by the triggers of V22 equal the rollups computed afresh from the base tables after every kind of
 * write: a statement of one row or of many, inserts, updates of counted and uncounted columns, deletes, a permit moved
 * to another region and industry, reports accepted, returned and corrected, emission rows changed and removed.
 * (Each test runs in a transaction that is rolled back.)
 */
@QuarkusTest
class StatisticsRollupTest {

    private static final List<String> ROLLUPS = List.of("stats_permit_count", "stats_permit_expiry", "stats_emission");

    @Inject
    Pool pool;

    private String a;
    private String b;
    private String province;

    @BeforeEach
    void pickPermits() {
        a = Db.string(pool, "SELECT min(id)::text FROM permit WHERE category = 'KEY' AND status = 'VALID'");
        b = Db.string(pool, "SELECT max(id)::text FROM permit WHERE category <> 'KEY' AND status = 'VALID'");
        province = Db.string(pool, "SELECT province_code FROM permit WHERE id = " + a);
    }

    @Test
    void the_rollups_start_equal_to_a_fresh_computation() {
        consistentAfter();
    }

    @Test
    void permits_changed_one_at_a_time_and_many_at_once() {
        consistentAfter(
                "UPDATE permit SET status = 'REVOKED' WHERE id = " + a,
                "UPDATE permit SET updated_at = now() WHERE province_code = '" + province + "'",
                "UPDATE permit SET valid_to = valid_to + 30 WHERE province_code = '" + province + "' AND status = 'VALID'",
                "UPDATE permit SET category = 'SIMPLIFIED' WHERE id IN (SELECT id FROM permit WHERE category = 'KEY' ORDER BY id LIMIT 25)",
                "UPDATE permit SET region_code = (SELECT region_code FROM permit WHERE id = " + b + "), "
                        + "industry_code = (SELECT industry_code FROM permit WHERE id = " + b + ") "
                        + "WHERE id = (SELECT min(id) FROM permit WHERE id > " + a + ")");
    }

    @Test
    void a_permit_added_and_one_removed() {
        consistentAfter("""
                INSERT INTO permit (enterprise_id, permit_number, site_serial, category, status, region_code, industry_code,
                                    issuing_authority, site_name, site_address, issue_date, valid_from, valid_to, version)
                SELECT enterprise_id, left(permit_number, 18) || '997' || right(permit_number, 1), 997, category, status,
                       region_code, industry_code, issuing_authority, site_name, site_address, issue_date,
                       valid_from, valid_to, 1
                FROM permit WHERE id IN (%s, %s)""".formatted(a, b),
                "DELETE FROM permit WHERE site_serial = 997 AND enterprise_id = (SELECT enterprise_id FROM permit WHERE id = " + b + ")");
    }

    @Test
    void reports_accepted_returned_corrected_and_their_permits_moved() {
        consistentAfter(
                report(a, "2024", "ACCEPTED"), report(a, "2025", "SUBMITTED"), report(b, "2025", "ACCEPTED"),
                emissions(a), emissions(b),
                "UPDATE execution_report SET status = 'ACCEPTED' WHERE permit_id = " + a + " AND period = '2025'",
                "UPDATE execution_report_emission SET actual_t = licensed_t * 1.5 WHERE report_id IN "
                        + "(SELECT id FROM execution_report WHERE permit_id = " + a + ") AND pollutant_code = 'a21026'",
                "UPDATE execution_report_emission SET actual_t = NULL WHERE report_id IN "
                        + "(SELECT id FROM execution_report WHERE permit_id = " + b + ") AND pollutant_code = 'w01018'",
                "UPDATE execution_report SET status = 'RETURNED' WHERE permit_id = " + b,
                "UPDATE execution_report SET status = 'ACCEPTED', current_version = 2 WHERE permit_id = " + b,
                "DELETE FROM execution_report_emission WHERE pollutant_code = 'a21002' AND report_id IN "
                        + "(SELECT id FROM execution_report WHERE permit_id = " + a + ")",
                "UPDATE permit SET region_code = (SELECT region_code FROM permit WHERE id = " + b + "), category = 'SIMPLIFIED' WHERE id = " + a);
    }

    /** An annual report of the permit, written as the filing path writes the row. */
    private static String report(String permit, String year, String status) {
        return """
                INSERT INTO execution_report (permit_id, report_type, period, covers_from, covers_to, due_date, status,
                                              first_submitted_at, submitted_at, days_late, current_version, stoppage, exceedance_count)
                VALUES (%s, 'ANNUAL', '%s', DATE '%s-01-01', DATE '%s-12-31', DATE '%d-01-15', '%s', now(), now(), 0, 1, false, 0)"""
                .formatted(permit, year, year, year, Integer.parseInt(year) + 1, status);
    }

    /** Emission rows of three pollutants for every report of the permit, in one statement. */
    private static String emissions(String permit) {
        return """
                INSERT INTO execution_report_emission (report_id, pollutant_code, actual_t, licensed_t, method)
                SELECT r.id, x.code, x.actual, x.licensed, 'MEASURED'
                FROM execution_report r
                CROSS JOIN (VALUES ('a21026', 12.5, 20.0), ('a21002', 31.0, 30.0), ('w01018', 4.25, 8.0)) AS x(code, actual, licensed)
                WHERE r.permit_id = %s""".formatted(permit);
    }

    /** After the statements, each rollup holds exactly the rows a fresh computation gives. */
    private void consistentAfter(String... statements) {
        inRolledBackTransaction(c -> {
            for (String sql : statements) {
                run(c, sql);
            }
            if (String.join(" ", statements).contains("execution_report_emission")) {
                assertThat(rows(c, "SELECT * FROM stats_emission WHERE permits > 0")).as("the test's reports are counted").isNotEmpty();
            }
            for (String rollup : ROLLUPS) {
                run(c, "CREATE TEMP TABLE kept_" + rollup + " ON COMMIT DROP AS SELECT * FROM " + rollup
                        + " WHERE " + nonZero(rollup));
            }
            run(c, "SELECT stats_refresh_all()");
            for (String rollup : ROLLUPS) {
                assertThat(rows(c, "SELECT * FROM kept_" + rollup + " EXCEPT SELECT * FROM " + rollup))
                        .as(rollup + ": kept but not computed").isEmpty();
                assertThat(rows(c, "SELECT * FROM " + rollup + " EXCEPT SELECT * FROM kept_" + rollup))
                        .as(rollup + ": computed but not kept").isEmpty();
            }
        });
    }

    /** A rollup row whose counts all went to zero is kept (its group may come back); it counts nothing. */
    private static String nonZero(String rollup) {
        return rollup.equals("stats_emission")
                ? "permits <> 0 OR reporting <> 0 OR exceeded <> 0 OR licensed_t <> 0 OR licensed_reporting_t <> 0 OR actual_t <> 0"
                : "permits <> 0";
    }

    private static List<Object> rows(SqlConnection c, String sql) {
        List<Object> rows = new ArrayList<>();
        c.preparedQuery(sql).execute(Tuple.tuple()).await().indefinitely().forEach(r -> rows.add(r.toJson().encode()));
        return rows;
    }

    private static void run(SqlConnection c, String sql) {
        c.preparedQuery(sql).execute(Tuple.tuple()).await().indefinitely();
    }

    private void inRolledBackTransaction(Consumer<SqlConnection> work) {
        SqlConnection c = pool.getConnection().await().indefinitely();
        try {
            Transaction tx = c.begin().await().indefinitely();
            try {
                work.accept(c);
            } finally {
                tx.rollback().await().indefinitely();
            }
        } finally {
            c.close().await().indefinitely();
        }
    }
}
