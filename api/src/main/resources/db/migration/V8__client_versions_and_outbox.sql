-- The client registry is written through Hibernate Reactive entities with optimistic locking: every write of a client
-- (its keys included: the client and its keys are one aggregate) raises its version, and a write that read an older
-- version fails (409 CONCURRENT_MODIFICATION) instead of overwriting what another write committed meanwhile.
ALTER TABLE api_client ADD COLUMN version bigint NOT NULL DEFAULT 0;

-- The transactional outbox: every committed write of a domain aggregate leaves one event here, in the write's own
-- transaction (WriteTransaction), so an event exists if and only if its write committed. The event feed (a later
-- issue) reads it in id order; nothing updates or deletes a row.
CREATE TABLE outbox_event (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_type      text   NOT NULL CHECK (length(event_type) BETWEEN 1 AND 100),   -- e.g. client.changed
    aggregate_type  text   NOT NULL CHECK (length(aggregate_type) BETWEEN 1 AND 64),  -- e.g. client
    aggregate_id    text   NOT NULL CHECK (length(aggregate_id) BETWEEN 1 AND 255),
    sequence        bigint NOT NULL CHECK (sequence >= 1),   -- the aggregate's version after the write: 1, 2, 3 …
    payload         jsonb  NOT NULL,                        -- the aggregate as the write left it, secrets never
    occurred_at     timestamptz NOT NULL,
    request_id      text   NOT NULL,                        -- the write's X-Request-Id, as in its audit row
    UNIQUE (aggregate_type, aggregate_id, sequence)
);
