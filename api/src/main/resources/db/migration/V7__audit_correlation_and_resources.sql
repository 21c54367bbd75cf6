-- The audit log keeps the caller's own id for a request (X-Correlation-Id, or the X-Request-Id it sent) apart from
-- request_id, which is always the service's own and so unique. Adding nullable columns rewrites no row, so the log
-- stays append-only.
ALTER TABLE audit_log ADD COLUMN correlation_id text;
CREATE INDEX audit_log_correlation_idx ON audit_log (correlation_id, id) WHERE correlation_id IS NOT NULL;

-- Every write's row names the resource it acted on (e.g. delegation 0b7c…) and, for a change, which fields it
-- changed: their names only, never their values.
ALTER TABLE audit_log ADD COLUMN resource_type text;
ALTER TABLE audit_log ADD COLUMN resource_id text;
ALTER TABLE audit_log ADD COLUMN changed_fields text[];
CREATE INDEX audit_log_resource_idx ON audit_log (resource_type, resource_id, id) WHERE resource_id IS NOT NULL;
