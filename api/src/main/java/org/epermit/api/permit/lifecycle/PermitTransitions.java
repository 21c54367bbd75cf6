package org.epermit.api.permit.lifecycle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.epermit.api.gateway.TransactionSql;
import org.epermit.api.gateway.write.AggregateEvent;
import org.epermit.api.gateway.write.ScheduledWrite;
import org.epermit.api.permit.PermitLifecycleConfig;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One batch of a {@link Transition}, in one transaction: up to {@code limit} permits due for it change status, each
 * gets its history event ({@code permit_event}) and its outbox event, whose payload is the permit's public document
 * as the change left it. Rows are claimed with {@code FOR UPDATE SKIP LOCKED}: two instances running the job at once
 * take different permits, and a permit a request is changing is left for the next run.
 */
@ApplicationScoped
class PermitTransitions {

    /** The permits' history numbers their events; the outbox numbers a permit's events the same way. */
    static final String CLAIM = """
            UPDATE permit p SET status = $1, updated_at = now()
            FROM (SELECT id FROM permit WHERE status = $2 AND valid_to <= $3
                  ORDER BY valid_to, id LIMIT $4 FOR UPDATE SKIP LOCKED) due
            WHERE p.id = due.id AND p.status = $2
            RETURNING p.id, p.permit_number, p.version, p.valid_to, p.issuing_authority,
                      (SELECT count(*) FROM permit_event e WHERE e.permit_id = p.id) AS events""";
    static final String RECORD = """
            INSERT INTO permit_event (permit_id, version, event_type, occurred_on, authority, description)
            SELECT t.permit_id, t.version, $5, t.occurred_on, t.authority, $6
            FROM unnest($1::bigint[], $2::int[], $3::date[], $4::text[]) AS t (permit_id, version, occurred_on, authority)""";
    /** The documents the claim's own statement stored (the permit_document triggers, V13): not rendered again. */
    static final String DOCUMENTS = "SELECT permit_id AS id, body AS document FROM permit_document WHERE permit_id = ANY ($1::bigint[])";

    private final ScheduledWrite writes;
    private final PermitLifecycleConfig config;
    private final ObjectMapper json;

    PermitTransitions(ScheduledWrite writes, PermitLifecycleConfig config, ObjectMapper json) {
        this.writes = writes;
        this.config = config;
        this.json = json;
    }

    /** Changes up to {@code limit} permits that {@code transition} is due for on {@code today}; how many it changed. */
    Uni<Integer> batch(Transition transition, LocalDate today, int limit, String runId) {
        LocalDate lastValidTo = transition.lastValidToDueBy(today, config.cancelExpiredAfter());
        return writes.run(runId, tx -> tx.query(CLAIM, transition.to.name(), transition.from.name(), lastValidTo, limit)
                .flatMap(claimed -> claimed.isEmpty()
                        ? Uni.createFrom().item(new ScheduledWrite.Outcome<>(0, List.of()))
                        : record(tx, transition, claimed)));
    }

    private Uni<ScheduledWrite.Outcome<Integer>> record(TransactionSql tx, Transition transition, List<TransactionSql.SqlRow> claimed) {
        int n = claimed.size();
        Long[] ids = new Long[n];
        Integer[] versions = new Integer[n];
        LocalDate[] on = new LocalDate[n];
        String[] authorities = new String[n];
        for (int i = 0; i < n; i++) {
            TransactionSql.SqlRow row = claimed.get(i);
            ids[i] = ((Number) row.get("id")).longValue();
            versions[i] = row.integer("version");
            on[i] = transition.dueOn((LocalDate) row.get("valid_to"), config.cancelExpiredAfter());
            // an expiry is a date passing; a cancellation is the issuing authority's act (none for a registration)
            authorities[i] = transition == Transition.CANCEL ? row.string("issuing_authority") : null;
        }
        return tx.update(RECORD, ids, versions, on, authorities, transition.to.name(), transition.description)
                .flatMap(recorded -> tx.query(DOCUMENTS, (Object) ids))
                .map(documents -> {
                    Map<Long, JsonNode> byId = new HashMap<>();
                    for (TransactionSql.SqlRow d : documents) {
                        byId.put(((Number) d.get("id")).longValue(), parse(d.string("document")));
                    }
                    List<AggregateEvent> events = new ArrayList<>(n);
                    for (TransactionSql.SqlRow row : claimed) {
                        long id = ((Number) row.get("id")).longValue();
                        long sequence = ((Number) row.get("events")).longValue() + 1;
                        events.add(new AggregateEvent(transition.eventType, "permit", row.string("permit_number"), sequence, byId.get(id)));
                    }
                    return new ScheduledWrite.Outcome<>(n, events);
                });
    }

    private JsonNode parse(String document) {
        try {
            return json.readTree(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a permit's public document is not JSON", e);
        }
    }
}
