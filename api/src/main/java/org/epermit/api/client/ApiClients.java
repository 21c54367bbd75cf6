package org.epermit.api.client;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** The clients, as entities in the current Panache session (a write's, opened by WriteTransaction). */
@ApplicationScoped
class ApiClients implements PanacheRepositoryBase<ApiClient, UUID> {
}
