package org.epermit.api.permit.reporting;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Execution-report deadlines that are not the permit's own (HJ 944-2018): the national defaults, for an obligation
 * whose permit sets no deadline, and the ministry's extensions of single periods.
 */
@ConfigMapping(prefix = "epermit.reports")
public interface ReportsConfig {

    /** The national default deadline of each report type. */
    Defaults defaults();

    /**
     * The ministry's extensions, each under a name of its own
     * ({@code epermit.reports.extensions.annual-2023.period=2023}).
     */
    Map<String, Extension> extensions();

    /** The national defaults: all four are the 15th of the month after the period. */
    interface Defaults {
        /** The annual report: 15 January of the next year. */
        Deadline annual();

        /** The semi-annual report (older permits): 15 July and 15 January. */
        Deadline semiannual();

        /** The quarterly report: the 15th day of the first month after the quarter. */
        Deadline quarterly();

        /** The monthly report: the 15th day of the next month. */
        Deadline monthly();
    }

    /** A deadline: day {@code due-day} of the {@code due-months-after}-th month after the period. */
    interface Deadline {
        /** Months after the period's last month (1 = the next month). */
        @WithDefault("1")
        int dueMonthsAfter();

        /** Day of that month; beyond the month's length, its last day. */
        @WithDefault("15")
        int dueDay();
    }

    /** An extension of one report period's deadline. */
    interface Extension {
        /** The report type whose period it extends. */
        ReportType reportType();

        /** The period: {@code 2023} for an annual report, {@code 2024-H1}, {@code 2024-Q3}, {@code 2024-07}. */
        String period();

        /** GB/T 4754 codes or prefixes of the main industry classes it applies to; absent for every permit. */
        Optional<List<String>> industries();

        /** The extended deadline. */
        LocalDate due();
    }
}
