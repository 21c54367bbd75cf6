package org.epermit.api.permit.reporting;

import java.time.LocalDate;
import java.util.List;

/**
 * One report a permit owes.
 *
 * @param period      the period it is the report of
 * @param covers      the days it covers: the period as held, and before it the days of a skipped period folded into it
 * @param due         its deadline: the permit's, or a ministry's extension where that is later
 * @param foldedIn    the skipped periods (held too briefly for a report of their own) whose days it also covers
 * @param standsInFor the reports of shorter periods ending on the same day that it stands in for (the annual report
 *                    for the fourth quarter's and December's, a quarterly report for its last month's)
 */
public record OwedReport(ReportPeriod period, DateSpan covers, LocalDate due, List<ReportPeriod> foldedIn,
                         List<ReportPeriod> standsInFor) {

    public OwedReport {
        foldedIn = List.copyOf(foldedIn);
        standsInFor = List.copyOf(standsInFor);
    }

    public ReportType type() {
        return period.type();
    }
}
