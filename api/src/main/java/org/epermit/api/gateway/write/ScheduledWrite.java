package org.epermit.api.gateway.write;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import org.epermit.api.gateway.TransactionSql;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The one way the service writes on its own, with no request behind the write (a scheduled job): like
 * {@link WriteTransaction}, the write and the outbox events of the aggregates it changed commit in one transaction, so
 * the event feed announces exactly the changes that committed. There is no caller, so no idempotency record and no
 * audit row; the events carry the run's id ({@code job:<name>:<uuid>}) where a request's would carry its request id.
 */
@ApplicationScoped
public class ScheduledWrite {

    private final Pool pool;
    private final Outbox outbox;

    public ScheduledWrite(Pool pool, Outbox outbox) {
        this.pool = pool;
        this.outbox = outbox;
    }

    /** What a scheduled write did: its result and the events of the aggregates it changed. */
    public record Outcome<T>(T result, List<AggregateEvent> events) {
        public Outcome {
            events = List.copyOf(events);
        }
    }

    /** A new run id for job {@code job}, to pass to {@link #run} for each of the run's transactions. */
    public static String runId(String job) {
        return "job:" + job + ":" + UUID.randomUUID();
    }

    /** Runs {@code write} in a transaction of its own and appends its events to the outbox in the same transaction. */
    public <T> Uni<T> run(String runId, Function<TransactionSql, Uni<Outcome<T>>> write) {
        return pool.withTransaction(connection -> {
            TransactionSql tx = TransactionSql.of(connection);
            return write.apply(tx).flatMap(outcome -> {
                Uni<Void> appended = Uni.createFrom().voidItem();
                for (AggregateEvent event : outcome.events()) {
                    appended = appended.flatMap(done -> outbox.append(tx, event, runId));
                }
                return appended.replaceWith(outcome.result());
            });
        });
    }
}
