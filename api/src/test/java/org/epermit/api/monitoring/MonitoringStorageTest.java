package org.epermit.api.monitoring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.epermit.api.client.ClientRegistry;
import org.epermit.api.gateway.TestClients;
import org.epermit.api.monitoring.MonitoringTestData.Target;
import org.epermit.api.testing.Db;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.epermit.api.monitoring.MonitoringTestData.batch;
import static org.epermit.api.monitoring.MonitoringTestData.hour;
import static org.epermit.api.monitoring.MonitoringTestData.json;
import static org.epermit.api.monitoring.MonitoringTestData.stored;

/**
 * How batches meet the table: validation costs no transaction, records land in their year's partition and the
 * duplicate check is one index probe into it, and concurrent batches for the same windows end as if one came after the
 * other.
 */
@QuarkusTest
class MonitoringStorageTest {

    @Inject
    Pool pool;

    @Inject
    ClientRegistry registry;

    @Inject
    MeterRegistry meters;

    private double writeTransactions() {
        return meters.find("epermit.write.transactions").counters().stream().mapToDouble(Counter::count).sum();
    }

    private Response send(String key, Target t, String body) {
        return given().header("X-API-Key", key).contentType("application/json").body(body)
                .post("/v1/permits/{n}/monitoring-records", t.permitNumber());
    }

    @Test
    void an_invalid_batch_is_refused_before_any_transaction_opens() {
        Target t = MonitoringTestData.hourlyAir(pool, 40);
        String key = TestClients.enterprise(registry, t.creditCode()).apiKey();
        double before = writeTransactions();
        assertThat(send(key, t, batch(json("DA999", t.pollutant(), "AUTOMATIC", "HOURLY", hour(2, 8), "1", t.unit(), null)))
                .statusCode()).isEqualTo(422);
        assertThat(writeTransactions()).as("no write transaction was opened").isEqualTo(before);
        assertThat(send(key, t, batch(json(t.outlet(), t.pollutant(), "AUTOMATIC", "HOURLY", hour(2, 8), "1", t.unit(), null)))
                .statusCode()).isEqualTo(201);
        assertThat(writeTransactions()).isEqualTo(before + 1);
    }

    @Test
    void a_record_lands_in_its_china_time_year_and_its_duplicate_check_probes_one_partition_by_the_unique_key() {
        Target t = MonitoringTestData.hourlyAir(pool, 41);
        String key = TestClients.enterprise(registry, t.creditCode()).apiKey();
        OffsetDateTime from = hour(2, 8);
        assertThat(send(key, t, batch(json(t.outlet(), t.pollutant(), "AUTOMATIC", "HOURLY", from, "1", t.unit(), null)))
                .statusCode()).isEqualTo(201);
        assertThat(Db.string(pool, "SELECT tableoid::regclass::text FROM monitoring_record WHERE permit_id = $1", t.permitId()))
                .isEqualTo("monitoring_record_y" + from.getYear());

        String plan = Db.rows(pool, """
                        EXPLAIN SELECT 1 FROM monitoring_record WHERE permit_id = $1 AND outlet_code = $2 AND pollutant_code = $3
                        AND kind = 'AUTOMATIC' AND averaging = 'HOURLY' AND measured_from = $4""",
                t.permitId(), t.outlet(), t.pollutant(), from).stream().map(r -> r.getString(0)).collect(Collectors.joining("\n"));
        assertThat(plan).contains("monitoring_record_y" + from.getYear()).contains("Index")
                .doesNotContain("monitoring_record_y" + (from.getYear() - 1)).doesNotContain("monitoring_record_default");

        // a later year's partition is made ahead of time, and making it twice is harmless
        assertThat(Db.string(pool, "SELECT epermit_monitoring_record_partition(2031)")).isEqualTo("monitoring_record_y2031");
        assertThat(Db.string(pool, "SELECT epermit_monitoring_record_partition(2031)")).isEqualTo("monitoring_record_y2031");
        assertThat(Db.string(pool, """
                SELECT pg_get_expr(c.relpartbound, c.oid) FROM pg_class c WHERE c.relname = 'monitoring_record_y2031'"""))
                .contains("2030-12-31 16:00:00+00").contains("2031-12-31 16:00:00+00");
    }

    @Test
    void concurrent_batches_for_the_same_windows_end_as_if_one_came_after_the_other() {
        Target t = MonitoringTestData.hourlyAir(pool, 42);
        String key = TestClients.enterprise(registry, t.creditCode()).apiKey();
        List<String> same = new ArrayList<>();
        List<String> other = new ArrayList<>();
        for (int h = 0; h < 20; h++) {
            same.add(json(t.outlet(), t.pollutant(), "AUTOMATIC", "HOURLY", hour(3, h), "1", t.unit(), null));
            other.add(json(t.outlet(), t.pollutant(), "AUTOMATIC", "HOURLY", hour(3, h), "2", t.unit(), null));
        }
        // identical batches: one stores, the other finds everything stored
        List<Response> identical = parallel(key, t, batch(same.toArray(String[]::new)), batch(same.toArray(String[]::new)));
        assertThat(identical).extracting(Response::statusCode).containsExactlyInAnyOrder(201, 200);
        assertThat(identical.stream().mapToInt(r -> r.path("inserted")).sum()).isEqualTo(20);
        assertThat(stored(pool, t.permitId())).isEqualTo(20);

        // batches that disagree about the next day's windows: one wins whole, the other is a conflict and stores nothing
        List<String> sameNext = new ArrayList<>();
        List<String> otherNext = new ArrayList<>();
        for (int h = 0; h < 20; h++) {
            sameNext.add(json(t.outlet(), t.pollutant(), "AUTOMATIC", "HOURLY", hour(2, h), "1", t.unit(), null));
            otherNext.add(json(t.outlet(), t.pollutant(), "AUTOMATIC", "HOURLY", hour(2, h), "2", t.unit(), null));
        }
        List<Response> disagreeing = parallel(key, t, batch(sameNext.toArray(String[]::new)), batch(otherNext.toArray(String[]::new)));
        assertThat(disagreeing).extracting(Response::statusCode).containsExactlyInAnyOrder(201, 409);
        String winner = disagreeing.get(0).statusCode() == 201 ? "1" : "2";
        assertThat(Db.strings(pool, """
                SELECT DISTINCT value::text FROM monitoring_record WHERE permit_id = $1 AND measured_from >= $2""",
                t.permitId(), hour(2, 0))).containsExactly(winner);
        assertThat(stored(pool, t.permitId())).isEqualTo(40);
    }

    private List<Response> parallel(String key, Target t, String first, String second) {
        CompletableFuture<Response> a = CompletableFuture.supplyAsync(() -> send(key, t, first));
        CompletableFuture<Response> b = CompletableFuture.supplyAsync(() -> send(key, t, second));
        return List.of(a.join(), b.join());
    }
}
