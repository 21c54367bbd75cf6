package org.epermit.api.gateway.write;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.epermit.api.gateway.TransactionSql;

/**
 * Writes the events of committed aggregate writes to {@code outbox_event}, in the write's own transaction: an event
 * exists exactly when its write committed, so a feed that reads the table (a later issue) never announces a write that
 * rolled back nor misses one that committed. Only {@link WriteTransaction} (requests) and {@link ScheduledWrite} (the
 * service's own jobs) call it.
 */
@ApplicationScoped
public class Outbox {

    // text first: a string parameter typed jsonb would be stored as one JSON string, not as the object it spells
    static final String INSERT = """
            INSERT INTO outbox_event (event_type, aggregate_type, aggregate_id, sequence, payload, occurred_at, request_id)
            VALUES ($1, $2, $3, $4, CAST(CAST($5 AS text) AS jsonb), now(), $6)""";

    private final ObjectMapper json;

    public Outbox(ObjectMapper json) {
        this.json = json;
    }

    Uni<Void> append(TransactionSql tx, AggregateEvent event, String requestId) {
        String payload;
        try {
            payload = json.writeValueAsString(event.payload());
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalStateException("an event's payload could not be serialised", e));
        }
        return tx.update(INSERT, event.type(), event.aggregateType(), event.aggregateId(), event.sequence(), payload, requestId)
                .replaceWithVoid();
    }
}
