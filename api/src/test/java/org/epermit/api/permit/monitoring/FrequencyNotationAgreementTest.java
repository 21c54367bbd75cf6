package org.epermit.api.permit.monitoring;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.epermit.api.permit.FrequencyUnit;
import org.epermit.api.testing.Db;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public document writes a frequency's notation in SQL (epermit_frequency_notation, V12), the filing rules read
 * and write it in Java (MonitoringFrequency): both must write every frequency the same way, and the Java side must
 * read back what the document says.
 */
@QuarkusTest
class FrequencyNotationAgreementTest {

    @Inject
    Pool pool;

    @Test
    void the_document_and_the_rules_write_every_frequency_alike() {
        for (FrequencyUnit unit : FrequencyUnit.values()) {
            for (int count = 1; count <= 12; count++) {
                for (int every = 1; every <= 6; every++) {
                    if (unit == FrequencyUnit.HALF_YEAR && every > 2 || unit == FrequencyUnit.QUARTER && every > 4) {
                        continue; // a period spans at most the cycle it restarts in (MonitoringFrequency)
                    }
                    MonitoringFrequency frequency = new MonitoringFrequency(count, every, unit);
                    String sql = Db.string(pool, "SELECT epermit_frequency_notation($1, $2, $3)", count, every, unit.name());
                    assertThat(sql).as("%s", frequency).isEqualTo(frequency.format());
                    assertThat(MonitoringFrequency.parse(sql)).isEqualTo(frequency);
                }
            }
        }
    }

    @Test
    void every_notation_in_the_demo_documents_reads_back_as_its_count_per_period() {
        var rows = Db.rows(pool, """
                SELECT DISTINCT f->>'notation' AS notation, (f->>'count')::int AS count, (f->>'every')::int AS every, f->>'unit' AS unit
                FROM permit_document d, json_array_elements(d.body::json->'outlets') o,
                     json_array_elements(o->'pollutants') op, LATERAL (SELECT op->'monitoring'->'frequency') AS x(f)""");
        assertThat(rows).isNotEmpty();
        for (var row : rows) {
            assertThat(MonitoringFrequency.parse(row.getString("notation"))).isEqualTo(new MonitoringFrequency(
                    row.getInteger("count"), row.getInteger("every"), FrequencyUnit.valueOf(row.getString("unit"))));
        }
    }
}
