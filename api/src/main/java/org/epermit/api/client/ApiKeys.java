package org.epermit.api.client;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The clients' API keys, as entities in the current Panache session (a write's, opened by WriteTransaction). */
@ApplicationScoped
class ApiKeys implements PanacheRepositoryBase<ApiKey, String> {

    /** A client's keys that still work at {@code now}: not revoked, not expired. */
    Uni<List<ApiKey>> live(UUID client, OffsetDateTime now) {
        return list("clientId = ?1 and revokedAt is null and (expiresAt is null or expiresAt > ?2)", client, now);
    }
}
