package org.epermit.api.gateway.audit;

import java.util.List;

/**
 * What a write acted on, as its audit row names it: the resource's type and id and, for a change, the names of the
 * fields it changed (never their values: a change may concern a secret). {@code changedFields} is {@code null} for
 * a creation and empty for a change that changed nothing (revoking what was already revoked).
 */
public record AuditedResource(String type, String id, List<String> changedFields) {

    public AuditedResource {
        changedFields = changedFields == null ? null : List.copyOf(changedFields);
    }

    public static AuditedResource created(String type, Object id) {
        return new AuditedResource(type, id.toString(), null);
    }

    public static AuditedResource changed(String type, Object id, List<String> changedFields) {
        return new AuditedResource(type, id.toString(), changedFields);
    }
}
