package org.epermit.api.filing;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** The reports, as entities in the current Panache session (a write's, opened by WriteTransaction). */
@ApplicationScoped
class ExecutionReportRepository implements PanacheRepositoryBase<ExecutionReport, Long> {
}
