package org.epermit.api.gateway.write;

import java.util.Objects;

/**
 * What a committed write of a domain aggregate tells the event feed: one row of {@code outbox_event}, written in the
 * write's own transaction ({@link Outbox}).
 *
 * @param type          what happened, {@code <aggregate>.<past tense>}: {@code client.created}, {@code client.key_revoked}
 * @param aggregateType the kind of aggregate, as audit rows name it: {@code client}
 * @param aggregateId   the aggregate's id
 * @param sequence      the aggregate's version after the write (1 for a creation), so an aggregate's events are
 *                      numbered 1, 2, 3 … without a gap and two writes can never both claim the same number
 * @param payload       the aggregate as the write left it, serialised as JSON; never a secret
 */
public record AggregateEvent(String type, String aggregateType, String aggregateId, long sequence, Object payload) {

    public AggregateEvent {
        Objects.requireNonNull(type);
        Objects.requireNonNull(aggregateType);
        Objects.requireNonNull(aggregateId);
        Objects.requireNonNull(payload);
        if (sequence < 1) {
            throw new IllegalArgumentException("an aggregate's events are numbered from 1, got " + sequence);
        }
    }
}
