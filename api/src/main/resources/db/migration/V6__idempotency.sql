-- Idempotency keys: the outcome of a POST sent with an Idempotency-Key, stored in the same transaction as the write
-- it describes, so a write never exists without its record nor a record without its write. See docs/idempotency.md.
CREATE TABLE idempotency_record (
    client_id        uuid    NOT NULL REFERENCES api_client (id),   -- keys are per client: two clients never collide
    idempotency_key  text    NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 255),
    request_sha256   bytea   NOT NULL CHECK (length(request_sha256) = 32),  -- method, path and body of the first request
    status           smallint NOT NULL,
    location         text,
    body             text,                                          -- the response body, secrets removed
    secret_withheld  boolean NOT NULL,                              -- the first response showed a secret (an API key)
    created_at       timestamptz NOT NULL,
    expires_at       timestamptz NOT NULL,
    PRIMARY KEY (client_id, idempotency_key)
);
CREATE INDEX idempotency_record_expiry_idx ON idempotency_record (expires_at);

-- The audit log tells a replayed answer from an executed one. Adding columns with constant defaults rewrites no row,
-- so the log stays append-only.
ALTER TABLE audit_log ADD COLUMN idempotency_key text;
ALTER TABLE audit_log ADD COLUMN replayed boolean NOT NULL DEFAULT false;
