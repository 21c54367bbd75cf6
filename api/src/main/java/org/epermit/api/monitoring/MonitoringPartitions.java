package org.epermit.api.monitoring;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Singleton;
import org.epermit.api.common.TimeConfig;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Keeps a partition of monitoring_record ready for this year and the next {@code epermit.monitoring.partitions.years-ahead}
 * (V16 created 2015 to 2030). A record of a year with no partition lands in the default partition, and PostgreSQL will
 * not create a year's partition while the default holds rows of that year: such rows are moved into the new partition
 * in the same transaction, so a year created late loses nothing and the records stay readable throughout except for
 * the moment of the move. Instances running at once take turns under an advisory lock.
 */
@ApplicationScoped
public class MonitoringPartitions {

    private static final String LOCK = "epermit.monitoring_record.partitions";

    private final Pool pool;
    private final MonitoringConfig config;
    private final Clock clock;
    private final TimeConfig time;

    MonitoringPartitions(Pool pool, MonitoringConfig config, Clock clock, TimeConfig time) {
        this.pool = pool;
        this.config = config;
        this.clock = clock;
        this.time = time;
    }

    @Scheduled(identity = "monitoring-partitions", every = "${epermit.monitoring.partitions.every}",
            delayed = "${epermit.monitoring.partitions.first-run-after}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = WhenDisabled.class)
    Uni<Void> scheduled() {
        int year = LocalDate.now(clock.withZone(time.zone())).getYear();
        return ensure(year + config.partitions().yearsAhead()).invoke(created -> {
            if (!created.isEmpty()) {
                Log.infof("Monitoring records: created the partitions %s", created);
            }
        }).onFailure().invoke(failure -> Log.warnf(failure, "Creating monitoring_record partitions failed; retried in %s",
                config.partitions().every())).onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Skips every run on an instance where {@code epermit.monitoring.partitions.enabled} is false. */
    @Singleton
    static class WhenDisabled implements Scheduled.SkipPredicate {

        private final MonitoringConfig config;

        WhenDisabled(MonitoringConfig config) {
            this.config = config;
        }

        @Override
        public boolean test(ScheduledExecution execution) {
            return !config.partitions().enabled();
        }
    }

    /** Creates the missing partitions of the years from this one through {@code lastYear}; answers those it created. */
    public Uni<List<String>> ensure(int lastYear) {
        int first = LocalDate.now(clock.withZone(time.zone())).getYear();
        return Multi.createFrom().items(IntStream.rangeClosed(first, lastYear).boxed())
                .onItem().transformToUniAndConcatenate(this::create)
                .filter(name -> !name.isEmpty()).collect().asList();
    }

    /** One year's partition, with the default partition's rows of that year moved into it; "" when it existed. */
    Uni<String> create(int year) {
        return pool.withTransaction(tx -> tx.preparedQuery("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))")
                .execute(Tuple.of(LOCK))
                .flatMap(locked -> tx.preparedQuery("SELECT to_regclass($1) IS NOT NULL AS present")
                        .execute(Tuple.of("monitoring_record_y" + year)))
                .flatMap(rows -> rows.iterator().next().getBoolean("present") ? Uni.createFrom().item("") : move(tx, year)));
    }

    private static Uni<String> move(SqlConnection tx, int year) {
        String range = "measured_from >= make_timestamptz(" + year + ", 1, 1, 0, 0, 0, 'Asia/Shanghai') "
                + "AND measured_from < make_timestamptz(" + (year + 1) + ", 1, 1, 0, 0, 0, 'Asia/Shanghai')";
        return tx.query("CREATE TEMPORARY TABLE moving_monitoring_records (LIKE monitoring_record) ON COMMIT DROP").execute()
                .flatMap(done -> tx.query("WITH moved AS (DELETE FROM monitoring_record_default WHERE " + range
                        + " RETURNING *) INSERT INTO moving_monitoring_records SELECT * FROM moved").execute())
                .flatMap(moved -> tx.preparedQuery("SELECT epermit_monitoring_record_partition($1) AS name")
                        .execute(Tuple.of(year))
                        .flatMap(created -> tx.query("INSERT INTO monitoring_record SELECT * FROM moving_monitoring_records").execute()
                                .map(back -> {
                                    String name = created.iterator().next().getString("name");
                                    if (moved.rowCount() > 0) {
                                        Log.infof("Monitoring records: moved %d records of %d from the default partition into %s",
                                                moved.rowCount(), year, name);
                                    }
                                    return name;
                                })));
    }
}
