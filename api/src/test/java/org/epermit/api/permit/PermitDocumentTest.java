package org.epermit.api.permit;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.epermit.api.testing.Db;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stored public document (permit_document, V13) is always what rendering from the tables gives, byte for byte,
 * after every kind of change to any table the document shows: the triggers refresh it in the changing transaction.
 * Every change here is rolled back.
 */
@QuarkusTest
class PermitDocumentTest {

    /** Permits whose stored document is missing, left over, or not what a fresh rendering gives. */
    private static final String STALE = """
            SELECT coalesce(p.permit_number, d.permit_number) FROM permit p FULL JOIN permit_document d ON d.permit_id = p.id
            WHERE p.id IS NULL OR d.permit_id IS NULL OR d.permit_number <> p.permit_number OR d.version <> p.version
               OR d.body <> permit_public_document(p.id)::text""";

    @Inject
    Pool pool;

    @Test
    void after_the_demo_load_every_permit_has_its_rendered_document() {
        assertThat(Db.strings(pool, STALE)).isEmpty();
        assertThat(Db.count(pool, "SELECT count(*) FROM permit_document"))
                .isEqualTo(Db.count(pool, "SELECT count(*) FROM permit")).isPositive();
    }

    @Test
    void a_lookup_answers_the_stored_text_as_it_is() {
        Row stored = Db.rows(pool, "SELECT permit_number, body FROM permit_document ORDER BY permit_id LIMIT 1").get(0);
        String answered = given().get("/v1/public/permits/" + stored.getString("permit_number"))
                .then().statusCode(200).extract().asString();
        assertThat(answered).isEqualTo(stored.getString("body"));
    }

    @Test
    void a_change_of_the_permit_itself() {
        changes(A, "UPDATE permit SET status = 'REVOKED', site_name = site_name || '（二期）' WHERE id = " + A);
        changes(A, "UPDATE permit SET version = version + 1, valid_to = valid_to + 365 WHERE id = " + A);
    }

    @Test
    void a_change_of_its_enterprise() {
        changes(A, "UPDATE enterprise SET name = name || '分公司', address = '新地址' WHERE id = (SELECT enterprise_id FROM permit WHERE id = " + A + ")");
    }

    @Test
    void outlets_added_changed_and_removed() {
        changes(A, """
                INSERT INTO permit_outlet (permit_id, code, name, medium, kind)
                VALUES (%s, 'DW099', '雨水排放口', 'WATER', 'GENERAL')""".formatted(A));
        changes(A, "UPDATE permit_outlet SET name = name || '（改）' WHERE permit_id = " + A);
        changes(A, "DELETE FROM permit_outlet_pollutant WHERE outlet_id IN (SELECT id FROM permit_outlet WHERE permit_id = " + A + ")",
                "DELETE FROM permit_outlet WHERE permit_id = " + A);
    }

    @Test
    void licensed_pollutants_added_changed_and_removed_at_an_outlet() {
        changes(A, "UPDATE permit_outlet_pollutant SET limit_value = limit_value + 1 WHERE limit_value IS NOT NULL"
                + " AND outlet_id IN (SELECT id FROM permit_outlet WHERE permit_id = " + A + ")");
        changes(A, "DELETE FROM permit_outlet_pollutant WHERE outlet_id = (SELECT min(id) FROM permit_outlet WHERE permit_id = " + A + ")");
        changes(WATER, """
                INSERT INTO permit_outlet_pollutant (outlet_id, pollutant_code, monitoring_mode, frequency_unit)
                SELECT min(o.id), 'w01001', 'MANUAL', 'MONTH' FROM permit_outlet o
                WHERE o.permit_id = %s AND o.medium = 'WATER'
                  AND NOT EXISTS (SELECT 1 FROM permit_outlet_pollutant x WHERE x.outlet_id = o.id AND x.pollutant_code = 'w01001')
                HAVING min(o.id) IS NOT NULL""".formatted(WATER));
    }

    @Test
    void a_pollutant_moved_from_one_permits_outlet_to_anothers_changes_both() {
        Row moved = Db.rows(pool, """
                SELECT op.outlet_id, op.pollutant_code, t.id AS target, t.permit_id AS other FROM permit_outlet_pollutant op
                JOIN permit_outlet o ON o.id = op.outlet_id JOIN permit_outlet t ON t.permit_id <> o.permit_id AND t.medium = o.medium
                WHERE o.permit_id = %s AND NOT EXISTS (SELECT 1 FROM permit_outlet_pollutant x
                                                       WHERE x.outlet_id = t.id AND x.pollutant_code = op.pollutant_code)
                ORDER BY t.id LIMIT 1""".formatted(A)).get(0);
        long target = moved.getLong("target");
        String other = String.valueOf(moved.getLong("other"));
        List<String> before = bodies(A, other);
        inRolledBackTransaction(c -> {
            run(c, "UPDATE permit_outlet_pollutant SET outlet_id = " + target + " WHERE outlet_id = " + moved.getLong("outlet_id")
                    + " AND pollutant_code = '" + moved.getString("pollutant_code") + "'");
            List<String> after = bodies(c, A, other);
            assertThat(after.get(0)).isNotEqualTo(before.get(0));
            assertThat(after.get(1)).isNotEqualTo(before.get(1));
            assertThat(stale(c)).isEmpty();
        });
    }

    @Test
    void annual_quantities_and_report_obligations() {
        changes(KEY, "UPDATE permit_annual_quantity SET quantity_t = quantity_t * 2 WHERE permit_id = " + KEY);
        changes(KEY, "DELETE FROM permit_annual_quantity WHERE permit_id = " + KEY);
        changes(KEY, "DELETE FROM permit_report_obligation WHERE permit_id = " + KEY);
        changes(KEY, "INSERT INTO permit_report_obligation (permit_id, report_type) SELECT " + KEY + ", 'MONTHLY'"
                + " WHERE NOT EXISTS (SELECT 1 FROM permit_report_obligation WHERE permit_id = " + KEY + " AND report_type = 'MONTHLY')");
    }

    @Test
    void secondary_industry_classes() {
        changes(A, "INSERT INTO permit_secondary_industry (permit_id, industry_code) SELECT " + A + ", code FROM industry"
                + " WHERE length(code) = 4 AND code <> (SELECT industry_code FROM permit WHERE id = " + A + ") ORDER BY code LIMIT 2"
                + " ON CONFLICT DO NOTHING");
        String withSecondary = Db.string(pool, "SELECT min(permit_id)::text FROM permit_secondary_industry");
        changes(withSecondary, "DELETE FROM permit_secondary_industry WHERE permit_id = " + withSecondary);
    }

    @Test
    void reference_data_the_document_names() {
        changes(A, "UPDATE region SET name_zh = name_zh || '（新）' WHERE code = (SELECT region_code FROM permit WHERE id = " + A + ")");
        changes(KEY, "UPDATE region SET name_en = name_en || ' (new)' WHERE code = (SELECT issuing_authority FROM permit WHERE id = " + KEY + ")");
        changes(A, "UPDATE industry SET name_zh = name_zh || '（新）' WHERE code = (SELECT industry_code FROM permit WHERE id = " + A + ")");
        changes(KEY, "UPDATE pollutant SET name_zh = name_zh || '（新）' WHERE code = (SELECT min(pollutant_code) FROM permit_annual_quantity WHERE permit_id = " + KEY + ")");
        String cites = Db.string(pool, """
                SELECT min(o.permit_id)::text FROM permit_outlet o JOIN permit_outlet_pollutant op ON op.outlet_id = o.id
                WHERE op.standard_table IS NOT NULL""");
        String itsTables = "SELECT op.standard_code, op.standard_table FROM permit_outlet o"
                + " JOIN permit_outlet_pollutant op ON op.outlet_id = o.id WHERE o.permit_id = " + cites;
        changes(cites, "UPDATE emission_standard SET name_en = name_en || ' (rev.)' WHERE code IN (SELECT standard_code FROM (" + itsTables + ") t)");
        changes(cites, "UPDATE emission_standard_table SET special = NOT special WHERE (standard_code, table_ref) IN (" + itsTables + ")");
        consistentAfter("UPDATE emission_standard_table SET title_en = title_en || ' (rev.)'");
    }

    @Test
    void a_permit_added_gets_its_document_and_a_permit_removed_loses_it() {
        inRolledBackTransaction(c -> {
            run(c, """
                    INSERT INTO permit (enterprise_id, permit_number, site_serial, category, status, region_code, industry_code,
                                        issuing_authority, site_name, site_address, issue_date, valid_from, valid_to, version)
                    SELECT enterprise_id, left(permit_number, 18) || '998' || right(permit_number, 1), 998, category, status,
                           region_code, industry_code, issuing_authority, site_name, site_address, issue_date,
                           valid_from, valid_to, 1
                    FROM permit WHERE id = %s""".formatted(A));
            assertThat(stale(c)).isEmpty();
            run(c, "DELETE FROM permit_event WHERE permit_id = " + B);
            run(c, "DELETE FROM permit_version WHERE permit_id = " + B);
            run(c, "DELETE FROM permit_outlet_pollutant WHERE outlet_id IN (SELECT id FROM permit_outlet WHERE permit_id = " + B + ")");
            for (String table : List.of("permit_outlet", "permit_annual_quantity", "permit_report_obligation", "permit_secondary_industry")) {
                run(c, "DELETE FROM " + table + " WHERE permit_id = " + B);
            }
            run(c, "DELETE FROM permit WHERE id = " + B);
            assertThat(stale(c)).isEmpty();
            assertThat(c.preparedQuery("SELECT count(*) FROM permit_document WHERE permit_id = " + B).execute()
                    .await().indefinitely().iterator().next().getLong(0)).isZero();
        });
    }

    /** Some permit with outlets and pollutants, another such permit, one with annual quantities and report
     * obligations, one with a water outlet: their ids. */
    private String A;
    private String B;
    private String KEY;
    private String WATER;

    @BeforeEach
    void pickPermits() {
        A = Db.string(pool, "SELECT min(o.permit_id)::text FROM permit_outlet o JOIN permit_outlet_pollutant op ON op.outlet_id = o.id");
        // one nothing else refers to (an application or a report would keep it from being removed)
        B = Db.string(pool, """
                SELECT max(o.permit_id)::text FROM permit_outlet o JOIN permit_outlet_pollutant op ON op.outlet_id = o.id
                WHERE NOT EXISTS (SELECT 1 FROM application a WHERE a.permit_id = o.permit_id)
                  AND NOT EXISTS (SELECT 1 FROM execution_report r WHERE r.permit_id = o.permit_id)""");
        KEY = Db.string(pool, "SELECT min(q.permit_id)::text FROM permit_annual_quantity q JOIN permit_report_obligation r ON r.permit_id = q.permit_id");
        WATER = Db.string(pool, "SELECT min(permit_id)::text FROM permit_outlet WHERE medium = 'WATER'");
    }

    /** The statements change the document of permit {@code subject}, and every stored document stays fresh. */
    private void changes(String subject, String... statements) {
        String before = bodies(subject).get(0);
        inRolledBackTransaction(c -> {
            for (String sql : statements) {
                run(c, sql);
            }
            assertThat(bodies(c, subject).get(0)).as("the change shows in the document").isNotEqualTo(before);
            assertThat(stale(c)).isEmpty();
        });
    }

    /** After the statements, every stored document is still what rendering gives. */
    private void consistentAfter(String... statements) {
        inRolledBackTransaction(c -> {
            for (String sql : statements) {
                run(c, sql);
            }
            assertThat(stale(c)).isEmpty();
        });
    }

    private List<String> bodies(String... permits) {
        SqlConnection c = pool.getConnection().await().indefinitely();
        try {
            return bodies(c, permits);
        } finally {
            c.close().await().indefinitely();
        }
    }

    private static List<String> bodies(SqlConnection c, String... permits) {
        List<String> bodies = new ArrayList<>();
        for (String permit : permits) {
            var rows = c.preparedQuery("SELECT body FROM permit_document WHERE permit_id = " + permit).execute().await().indefinitely();
            bodies.add(rows.size() == 0 ? null : rows.iterator().next().getString(0));
        }
        return bodies;
    }

    private static List<String> stale(SqlConnection c) {
        List<String> numbers = new ArrayList<>();
        c.preparedQuery(STALE).execute().await().indefinitely().forEach(r -> numbers.add(r.getString(0)));
        return numbers;
    }

    private static void run(SqlConnection c, String sql) {
        c.preparedQuery(sql).execute(Tuple.tuple()).await().indefinitely();
    }

    private void inRolledBackTransaction(java.util.function.Consumer<SqlConnection> work) {
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
