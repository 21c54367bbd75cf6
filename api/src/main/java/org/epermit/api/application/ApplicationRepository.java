package org.epermit.api.application;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** The applications, as entities in the current Panache session (a write's, opened by WriteTransaction). */
@ApplicationScoped
class ApplicationRepository implements PanacheRepositoryBase<Application, Long> {
}
