package org.epermit.api.filing;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** The reports' versions, as entities in the current Panache session; only ever added. */
@ApplicationScoped
class ExecutionReportVersionRepository implements PanacheRepositoryBase<ExecutionReportVersion, ExecutionReportVersion.Key> {
}
