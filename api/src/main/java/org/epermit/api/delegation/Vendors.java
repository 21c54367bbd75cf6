package org.epermit.api.delegation;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What a delegation shows of its vendor, as the client feature keeps it (its SQL on {@code api_client} stays there;
 * the client feature depends on this one, not the other way round).
 */
public interface Vendors {

    /** The vendor clients with these ids, as {@code client} (a write's transaction, or the pool) sees them. */
    Uni<Map<UUID, Vendor>> byIds(SqlClient client, Set<UUID> ids);

    /**
     * A vendor client: its name, and whether and when it was deleted ({@code changedAt} is its last change, which
     * for a deleted client is the moment of the deletion).
     */
    record Vendor(String name, boolean deleted, OffsetDateTime changedAt) {
    }
}
