package org.epermit.api.permit.reporting;

import java.time.LocalDate;

/**
 * The execution reports (执行报告) a permit may require (HJ 944-2018; semi-annual ones only in older permits), each
 * with its period and the least a permit must be held in a period for that period's report to be owed.
 */
public enum ReportType {
    /** 年度执行报告: the calendar year; owed when the permit was held at least 3 months of it. */
    ANNUAL(12),
    /** 半年执行报告: January–June, July–December; owed when held at least 3 months of the half. */
    SEMIANNUAL(6),
    /** 季度执行报告: the calendar quarter; owed when held at least one month of it. */
    QUARTERLY(3),
    /** 月度执行报告: the calendar month; owed when held at least 10 days of it. */
    MONTHLY(1);

    private final int months;

    ReportType(int months) {
        this.months = months;
    }

    /** How many months a period lasts. */
    public int months() {
        return months;
    }

    /**
     * Whether holding the permit from {@code first} to {@code last} (both included, within one period) is long enough
     * for the period's report to be owed: less than 3 months needs no annual or semi-annual report, less than one
     * month no quarterly one, less than 10 days no monthly one. "Three months" are counted on the calendar: held from
     * 1 October to 31 December is three months, from 2 October is not.
     */
    public boolean heldLongEnough(LocalDate first, LocalDate last) {
        LocalDate dayAfter = last.plusDays(1);
        return switch (this) {
            case ANNUAL, SEMIANNUAL -> !first.plusMonths(3).isAfter(dayAfter);
            case QUARTERLY -> !first.plusMonths(1).isAfter(dayAfter);
            case MONTHLY -> !first.plusDays(10).isAfter(dayAfter);
        };
    }
}
