package org.epermit.api.permit.reporting;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The period one report covers when no earlier period was folded into it: a calendar year, half-year, quarter or
 * month, named by {@link #key()} as the deadline extensions name it.
 *
 * @param type  the report type, which sets the period's length
 * @param first the period's first day
 */
public record ReportPeriod(ReportType type, LocalDate first) {

    public ReportPeriod {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(first, "first");
        if (first.getDayOfMonth() != 1 || (first.getMonthValue() - 1) % type.months() != 0) {
            throw new IllegalArgumentException(first + " does not start a " + type + " period");
        }
    }

    /** The period of {@code type} that holds {@code day}. */
    public static ReportPeriod holding(ReportType type, LocalDate day) {
        int month0 = (day.getMonthValue() - 1) / type.months() * type.months();
        return new ReportPeriod(type, LocalDate.of(day.getYear(), month0 + 1, 1));
    }

    /** The period a key names: {@code 2024} (ANNUAL), {@code 2024-H1}, {@code 2024-Q3}, {@code 2024-07}. */
    public static ReportPeriod parse(ReportType type, String key) {
        String pattern = switch (type) {
            case ANNUAL -> "[0-9]{4}";
            case SEMIANNUAL -> "[0-9]{4}-H[12]";
            case QUARTERLY -> "[0-9]{4}-Q[1-4]";
            case MONTHLY -> "[0-9]{4}-(0[1-9]|1[0-2])";
        };
        if (key == null || !key.matches(pattern)) {
            throw new IllegalArgumentException("'" + key + "' does not name a " + type + " period (" + example(type) + ")");
        }
        int year = Integer.parseInt(key.substring(0, 4));
        int index = key.length() == 4 ? 1 : Integer.parseInt(key.substring(type == ReportType.MONTHLY ? 5 : 6));
        return new ReportPeriod(type, LocalDate.of(year, (index - 1) * type.months() + 1, 1));
    }

    private static String example(ReportType type) {
        return switch (type) {
            case ANNUAL -> "e.g. 2024";
            case SEMIANNUAL -> "e.g. 2024-H1";
            case QUARTERLY -> "e.g. 2024-Q3";
            case MONTHLY -> "e.g. 2024-07";
        };
    }

    /** The period's last day. */
    public LocalDate last() {
        return first.plusMonths(type.months()).minusDays(1);
    }

    public ReportPeriod next() {
        return new ReportPeriod(type, first.plusMonths(type.months()));
    }

    /** {@code 2024}, {@code 2024-H1}, {@code 2024-Q3}, {@code 2024-07}. */
    public String key() {
        int index = (first.getMonthValue() - 1) / type.months() + 1;
        return switch (type) {
            case ANNUAL -> String.valueOf(first.getYear());
            case SEMIANNUAL -> first.getYear() + "-H" + index;
            case QUARTERLY -> first.getYear() + "-Q" + index;
            case MONTHLY -> String.format(java.util.Locale.ROOT, "%d-%02d", first.getYear(), index);
        };
    }

    @Override
    public String toString() {
        return type + " " + key();
    }
}
