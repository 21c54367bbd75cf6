package org.epermit.api.permit.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The service's one {@link ReportSchedule}, from {@link ReportsConfig}: a bad extension stops the start. */
@ApplicationScoped
public class ReportScheduleProducer {

    @Produces
    @Singleton
    ReportSchedule schedule(ReportsConfig config) {
        return ReportSchedule.of(config);
    }
}
