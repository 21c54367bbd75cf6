package org.epermit.api.permit.reporting;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One report type a permit requires and the deadline its copy sets (a row of {@code permit_report_obligation}): due
 * on day {@code dueDay} of the {@code dueMonthsAfter}-th month after the period ends, the day clipped to the month's
 * length (31 = the month's last day). 15 January for an annual report is (1, 15), the end of January (1, 31).
 *
 * @param type           the report type
 * @param dueMonthsAfter 1 to 12
 * @param dueDay         1 to 31
 */
public record ReportObligation(ReportType type, int dueMonthsAfter, int dueDay) {

    public ReportObligation {
        Objects.requireNonNull(type, "type");
        if (dueMonthsAfter < 1 || dueMonthsAfter > 12) {
            throw new IllegalArgumentException("a report is due 1 to 12 months after its period, got " + dueMonthsAfter);
        }
        if (dueDay < 1 || dueDay > 31) {
            throw new IllegalArgumentException("a report is due on day 1 to 31 of a month, got " + dueDay);
        }
    }

    /** The deadline the permit sets for the report of {@code period}, before any extension. */
    public LocalDate dueFor(ReportPeriod period) {
        LocalDate month = period.last().withDayOfMonth(1).plusMonths(dueMonthsAfter);
        return month.withDayOfMonth(Math.min(dueDay, month.lengthOfMonth()));
    }
}
