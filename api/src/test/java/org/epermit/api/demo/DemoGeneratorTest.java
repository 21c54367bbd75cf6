package org.epermit.api.demo;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import io.agroal.api.AgroalDataSource;
import org.epermit.api.common.CreditCode;
import org.epermit.api.common.PermitNumber;
import org.epermit.codes.PermitLetters;
import org.epermit.codes.PermitNumberRules;
import org.epermit.codes.Strictness;
import org.epermit.api.testing.Db;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class DemoGeneratorTest {

    @Inject
    DemoConfig config;

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 28);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Pool pool;

    private byte[] generate(long seed, int enterprises, int batchSize) throws Exception {
        DemoReferenceData reference;
        try (Connection c = dataSource.getConnection()) {
            reference = DemoReferenceData.read(c);
        }
        DemoGenerator generator = new DemoGenerator(reference, Vocabulary.load(), seed, AS_OF, java.time.Period.ofDays(60), 'P', 'W');
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        DemoBatch batch = new DemoBatch();
        for (int i = 0; i < enterprises; i++) {
            generator.emitEnterprise(i, 3, batch);
            if ((i + 1) % batchSize == 0 || i == enterprises - 1) {
                for (CopyBuffer b : batch.inLoadOrder()) {
                    out.write(b.drain());
                }
            }
        }
        return out.toByteArray();
    }

    @Test
    void the_same_seed_gives_the_same_data_whatever_the_batch_size() throws Exception {
        byte[] a = generate(42, 300, 300);
        byte[] b = generate(42, 300, 300);
        assertThat(Arrays.equals(a, b)).isTrue();
        // batches change only where tables are cut, not what the rows are
        assertThat(rowsOf(generate(42, 300, 7))).isEqualTo(rowsOf(a));
        assertThat(Arrays.equals(a, generate(43, 300, 300))).isFalse();
    }

    private static Set<String> rowsOf(byte[] data) {
        return Set.copyOf(Arrays.asList(new String(data, java.nio.charset.StandardCharsets.UTF_8).split("\n")));
    }

    /** What the generator makes is what the service would register and issue: every rule, strictly. */
    @Test
    void the_loaded_demo_set_has_identifiers_valid_in_full() {
        for (var row : Db.rows(pool, "SELECT credit_code, pseudo_credit_code FROM enterprise")) {
            String code = row.getString(0);
            assertThat(CreditCode.check(code, "x", Strictness.REGISTRATION)).as(code).isEmpty();
            assertThat(new CreditCode(code).isPseudo()).as(code).isEqualTo(row.getBoolean(1));
        }
        for (var row : Db.rows(pool, """
                SELECT p.permit_number, e.credit_code FROM permit p JOIN enterprise e ON e.id = p.enterprise_id""")) {
            String number = row.getString(0);
            assertThat(PermitNumberRules.check(number, PermitLetters.NATIONAL)).as(number).isEmpty();
            assertThat(new PermitNumber(number).creditCode().value()).as(number).isEqualTo(row.getString(1));
        }
        assertThat(Db.count(pool, "SELECT count(*) FROM enterprise WHERE pseudo_credit_code")).as("pseudo-codes")
                .isPositive();
    }

    @Test
    void generated_codes_are_unique_per_enterprise_index_and_valid_in_full() {
        Set<String> codes = new java.util.HashSet<>();
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
        for (long index = 0; index < 20_000; index++) {
            for (String code : new String[] {DemoGenerator.creditCode("440101", index, rnd),
                    DemoGenerator.pseudoCreditCode("440101", index, rnd)}) {
                assertThat(CreditCode.check(code, "x", Strictness.REGISTRATION)).as(code).isEmpty();
                assertThat(codes.add(code)).as("unique: %s", code).isTrue();
            }
        }
        assertThat(codes).anyMatch(c -> c.startsWith("91440101MA")).anyMatch(c -> c.matches("91440101[0-9]{8}[0-9X]."))
                .anyMatch(c -> c.matches("H94401010000[0-9]{5}[a-z]")).anyMatch(c -> c.matches("H9440101(?!0000)[0-9]{8}[0-9X][a-z]"));
    }

    @Test
    void the_loaded_demo_set_has_a_realistic_mix() {
        // the loaded set, not the permits other tests have issued or registered since: the generator dates each permit's
        // row by its first issue, up to the as-of date; the service dates what it writes by the clock, after it
        java.time.OffsetDateTime loadedUpTo = config.asOf().orElseThrow().plusDays(1).atStartOfDay(java.time.ZoneId.of("Asia/Shanghai"))
                .toOffsetDateTime();
        long total = Db.count(pool, "SELECT count(*) FROM permit WHERE created_at < $1", loadedUpTo);
        assertThat(total).isEqualTo(1500);
        assertThat(Db.count(pool, "SELECT count(DISTINCT substr(region_code, 1, 2)) FROM permit")).isGreaterThanOrEqualTo(25);
        assertThat(Db.count(pool, "SELECT count(DISTINCT industry_code) FROM permit")).isGreaterThanOrEqualTo(15);
        for (String category : new String[]{"KEY", "SIMPLIFIED", "REGISTRATION"}) {
            assertThat(Db.count(pool, "SELECT count(*) FROM permit WHERE category = $1", category)).as(category)
                    .isGreaterThan(total / 10);
        }
        for (String status : new String[]{"VALID", "EXPIRED", "REVOKED", "CANCELLED"}) {
            assertThat(Db.count(pool, "SELECT count(*) FROM permit WHERE status = $1", status)).as(status).isPositive();
        }
        assertThat(Db.count(pool, """
                SELECT count(*) FROM permit WHERE status = 'VALID' AND valid_to < DATE '2026-11-28' + 60""")).as("expiring soon").isPositive();
        assertThat(Db.count(pool, "SELECT count(*) FROM permit WHERE status = 'VALID' AND valid_to < DATE '2026-11-28'"))
                .as("a VALID permit is never past its validity").isZero();
        assertThat(Db.count(pool, "SELECT count(*) FROM permit WHERE category = 'REGISTRATION' AND permit_number NOT LIKE '%W'")).isZero();
        assertThat(Db.count(pool, "SELECT count(*) FROM permit_version WHERE effective_to IS NOT NULL AND snapshot IS NULL"))
                .as("every superseded version keeps its document").isZero();
        assertThat(Db.count(pool, """
                SELECT count(*) FROM permit_outlet_pollutant op JOIN permit_outlet o ON o.id = op.outlet_id
                JOIN pollutant p ON p.code = op.pollutant_code WHERE p.medium <> o.medium""")).as("pollutants match their outlet's medium").isZero();
    }
}
