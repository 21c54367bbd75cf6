-- The audit log keeps the caller's own id for a request (X-Correlation-Id, or the X-Request-Id it sent) apart from
-- request_id, which is always the service's own and so unique. Adding nullable columns rewrites no row, so the log
-- stays append-only.
ALTER TABLE audit_log ADD COLUMN correlation_id text;
CREATE INDEX audit_log_correlation_idx ON audit_log (correlation_id, id) WHERE correlation_id IS NOT NULL;
