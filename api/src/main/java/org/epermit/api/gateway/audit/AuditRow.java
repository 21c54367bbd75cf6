package org.epermit.api.gateway.audit;

import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Tuple;
import org.epermit.api.gateway.CredentialType;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * One row of {@code audit_log}. Every text that a caller can influence is made fit for its column here
 * ({@link AuditText}), so the database never refuses a row for what a caller sent.
 */
record AuditRow(OffsetDateTime occurredAt, UUID clientId, String subject, CredentialType credentialType, String method,
                String route, String permitNumber, int status, BigDecimal latencyMs, String requestId,
                byte[] bodySha256, String clientIp, String idempotencyKey, boolean replayed, String correlationId,
                String resourceType, String resourceId, List<String> changedFields) {

    static final String INSERT = """
            INSERT INTO audit_log (occurred_at, client_id, subject, credential_type, method, route, permit_number, status,
                                   latency_ms, request_id, body_sha256, client_ip, idempotency_key, replayed, correlation_id,
                                   resource_type, resource_id, changed_fields)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, CAST(CAST($12 AS text) AS inet), $13, $14, $15, $16, $17, $18)""";

    /** The column is numeric(10, 3): a request slower than this (2.7 hours) is recorded at this. */
    static final BigDecimal MAX_LATENCY_MS = new BigDecimal("9999999.999");

    AuditRow {
        subject = AuditText.bounded(subject, 255);
        method = AuditText.bounded(method, 32);
        route = AuditText.bounded(route, 200);
        permitNumber = AuditText.bounded(permitNumber, 22);  // varchar(22)
        requestId = AuditText.bounded(requestId, 64);
        idempotencyKey = AuditText.bounded(idempotencyKey, 255);
        correlationId = AuditText.bounded(correlationId, 64);
        resourceType = AuditText.bounded(resourceType, 64);
        resourceId = AuditText.bounded(resourceId, 255);
        changedFields = changedFields == null ? null
                : changedFields.stream().limit(64).map(field -> AuditText.bounded(field, 64)).toList();
        latencyMs = latencyMs.min(MAX_LATENCY_MS);
    }

    Tuple tuple() {
        return Tuple.from(Arrays.stream(values()).map(v -> v instanceof byte[] b ? Buffer.buffer(b) : v).toList());
    }

    /** The parameters of {@link #INSERT}, as plain Java values ({@code byte[]} for bytea, {@code String[]} for text[]). */
    Object[] values() {
        return new Object[] {occurredAt, clientId, subject, credentialType.name(), method, route, permitNumber,
                status, latencyMs, requestId, bodySha256, clientIp, idempotencyKey, replayed, correlationId, resourceType,
                resourceId, changedFields == null ? null : changedFields.toArray(String[]::new)};
    }
}
