package org.epermit.api.calendar;

import org.epermit.api.problem.ApiException;
import org.epermit.api.problem.ErrorCode;
import org.epermit.api.problem.Message;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * China's working days by a calendar of exceptions, and statutory periods counted in them or in calendar days. Pure:
 * the calendar is given ({@link WorkingCalendar} reads it from the database), so every rule is testable by hand.
 *
 * <p>A working day is Monday to Friday unless it is a {@link DayKind#HOLIDAY}, or a Saturday or Sunday that is a
 * {@link DayKind#MAKEUP_WORKDAY}. Whether a date is a working day can only be known for a year the calendar covers:
 * asking about another year is {@code CALENDAR_YEAR_NOT_COVERED}, never a guess that it has no holidays.
 */
public final class WorkingDays {

    private final SortedSet<Integer> coveredYears;
    private final Map<LocalDate, DayKind> exceptions;
    /** Whether an uncovered year counts Monday to Friday ({@link #provisional()}) rather than being refused. */
    private final boolean weekdaysOutside;

    /**
     * @param coveredYears the years whose exceptions are all in {@code exceptions} (a covered year may have none)
     * @param exceptions   the exceptions of the covered years, by date
     */
    public WorkingDays(Set<Integer> coveredYears, Map<LocalDate, DayKind> exceptions) {
        this.coveredYears = new TreeSet<>(coveredYears);
        this.exceptions = Map.copyOf(exceptions);
        this.weekdaysOutside = false;
        exceptions.keySet().forEach(day -> {
            if (!this.coveredYears.contains(day.getYear())) {
                throw new IllegalArgumentException("an exception on " + day + " is outside the covered years " + coveredYears);
            }
        });
    }

    public boolean covers(int year) {
        return coveredYears.contains(year);
    }

    /**
     * This calendar, where a year it does not cover counts Monday to Friday as its working days: a provisional count,
     * for a listing that must show every row's deadline (the review queue) and flags the ones counted so. It runs
     * short of the true deadline by the uncovered year's holidays less its make-up days.
     */
    public WorkingDays provisional() {
        return new WorkingDays(coveredYears, exceptions, true);
    }

    private WorkingDays(SortedSet<Integer> coveredYears, Map<LocalDate, DayKind> exceptions, boolean weekdaysOutside) {
        this.coveredYears = coveredYears;
        this.exceptions = exceptions;
        this.weekdaysOutside = weekdaysOutside;
    }

    /** Whether {@code day} is a working day; {@code CALENDAR_YEAR_NOT_COVERED} if its year is not covered. */
    public boolean isWorkingDay(LocalDate day) {
        requireCovered(day);
        DayKind kind = exceptions.get(day);
        if (kind != null) {
            return kind == DayKind.MAKEUP_WORKDAY;
        }
        return !weekend(day);
    }

    /**
     * The deadline of a period of {@code days} counted from {@code start}: the day of {@code start} (acceptance) is not
     * counted, so the deadline is the {@code days}-th working day (or calendar day) after it.
     */
    public LocalDate deadline(LocalDate start, int days, DayCount count) {
        Objects.requireNonNull(start, "start");
        if (days < 1) {
            throw new IllegalArgumentException("a statutory period is at least one day, got " + days);
        }
        if (count == DayCount.CALENDAR) {
            return start.plusDays(days);
        }
        LocalDate day = start;
        for (int counted = 0; counted < days; ) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /**
     * The days left from {@code today} to {@code deadline}, in the same count: 0 when the deadline is today, the
     * number of working (or calendar) days after today up to and including the deadline before it, and minus the
     * number of such days after the deadline up to and including today once it has passed, at least 1: on the
     * Saturday after a Friday deadline an application is one day overdue, not on time.
     */
    public long daysLeft(LocalDate today, LocalDate deadline, DayCount count) {
        Objects.requireNonNull(today, "today");
        Objects.requireNonNull(deadline, "deadline");
        if (count == DayCount.CALENDAR) {
            return ChronoUnit.DAYS.between(today, deadline);
        }
        boolean overdue = deadline.isBefore(today);
        LocalDate from = overdue ? deadline : today;
        LocalDate to = overdue ? today : deadline;
        long working = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                working++;
            }
        }
        return overdue ? -Math.max(1, working) : working;
    }

    /** Whether a decision due on {@code deadline} is overdue on {@code today}: the deadline day itself is still in time. */
    public static boolean overdue(LocalDate today, LocalDate deadline) {
        return today.isAfter(deadline);
    }

    private static boolean weekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private void requireCovered(LocalDate day) {
        if (!weekdaysOutside && !coveredYears.contains(day.getYear())) {
            throw notCovered(day.getYear(), coveredYears);
        }
    }

    static ApiException notCovered(int year, SortedSet<Integer> covered) {
        String range = covered.isEmpty() ? "no year" : covered.size() == 1 ? String.valueOf(covered.first())
                : covered.first() + "–" + covered.last();
        String rangeZh = covered.isEmpty() ? "任何年份" : covered.size() == 1 ? covered.first() + "年"
                : covered.first() + "至" + covered.last() + "年";
        return new ApiException(ErrorCode.CALENDAR_YEAR_NOT_COVERED, Message.of(
                "The working-day calendar does not cover " + year + " (it covers " + range + "), so working days in it "
                        + "cannot be counted. An administrator sets the year from the State Council's holiday notice "
                        + "(PUT /v1/admin/calendar/" + year + ").",
                "工作日历未收录" + year + "年（已收录" + rangeZh + "），无法计算该年的工作日。请管理员依据国务院办公厅节假日安排通知设置该年日历（PUT /v1/admin/calendar/" + year + "）。"));
    }
}
