package org.epermit.api.monitoring;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.epermit.api.testing.Db;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Each year gets its partition of monitoring_record before it starts; records that arrived before it are moved in. */
@QuarkusTest
class MonitoringPartitionsTest {

    private static final long PERMIT = 990_000_001L;

    @Inject
    Pool pool;

    @Inject
    MonitoringPartitions partitions;

    @Test
    void a_year_without_a_partition_gets_one_and_the_records_the_default_partition_caught_move_into_it() {
        int year = 2033;
        Db.rows(pool, """
                INSERT INTO monitoring_record (permit_id, permit_version, outlet_code, pollutant_code, kind, averaging,
                    measured_from, measured_to, value, unit, flag, exceedance, received_at, batch_id, source)
                VALUES ($1, 1, 'DA001', 'a21026', 'AUTOMATIC', 'HOURLY', TIMESTAMPTZ '2033-06-01 08:00+08',
                    TIMESTAMPTZ '2033-06-01 09:00+08', 12.5, 'mg/m3', 'VALID', false, now(), gen_random_uuid(), 'JSON'),
                       ($1, 1, 'DA001', 'a21026', 'AUTOMATIC', 'HOURLY', TIMESTAMPTZ '2034-01-01 00:00+08',
                    TIMESTAMPTZ '2034-01-01 01:00+08', 13.5, 'mg/m3', 'VALID', false, now(), gen_random_uuid(), 'JSON')""", PERMIT);
        assertThat(Db.count(pool, "SELECT count(*) FROM monitoring_record_default WHERE permit_id = $1", PERMIT)).isEqualTo(2);

        assertThat(partitions.create(year).await().indefinitely()).isEqualTo("monitoring_record_y2033");

        assertThat(Db.count(pool, "SELECT count(*) FROM monitoring_record_y2033 WHERE permit_id = $1", PERMIT))
                .as("2033's record, moved").isEqualTo(1);
        assertThat(Db.count(pool, "SELECT count(*) FROM monitoring_record_default WHERE permit_id = $1", PERMIT))
                .as("2034 (China time) stays in the default").isEqualTo(1);
        assertThat(Db.count(pool, "SELECT count(*) FROM monitoring_record WHERE permit_id = $1", PERMIT)).isEqualTo(2);
        assertThat(partitions.create(year).await().indefinitely()).as("already there").isEmpty();
        Db.rows(pool, "DELETE FROM monitoring_record WHERE permit_id = $1", PERMIT);
    }

    @Test
    void this_year_and_the_next_are_always_ready() {
        int now = LocalDate.now(MonitoringTestData.CHINA).getYear();
        partitions.ensure(now + 1).await().indefinitely();
        assertThat(Db.count(pool, "SELECT count(*) FROM pg_class WHERE relname = ANY($1)",
                (Object) new String[] {"monitoring_record_y" + now, "monitoring_record_y" + (now + 1)})).isEqualTo(2);
    }
}
