package org.epermit.api.calendar;

import org.epermit.api.problem.ApiException;
import org.epermit.api.problem.FieldError;
import org.epermit.api.problem.Message;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Checks a year's exceptions before any transaction opens, reporting every failing field at once. */
final class CalendarValidation {

    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;
    static final int MAX_DAYS = 366;
    static final int MAX_NAME = 100;
    static final int MAX_SOURCE = 500;

    private CalendarValidation() {
    }

    /** The year in the path: a number from 2000 to 2100, or a {@code VALIDATION_FAILED} on {@code path.year}. */
    static int year(String raw) {
        if (raw != null && raw.matches("\\d{4}")) {
            int year = Integer.parseInt(raw);
            if (year >= FIRST_YEAR && year <= LAST_YEAR) {
                return year;
            }
        }
        throw ApiException.validation(List.of(new FieldError("path.year", "FORMAT",
                Message.of("must be a year from " + FIRST_YEAR + " to " + LAST_YEAR, "应为" + FIRST_YEAR + "至" + LAST_YEAR + "之间的年份"))));
    }

    /** {@code change} if it is a valid whole year of exceptions for {@code year}. */
    static CalendarView.Change check(int year, CalendarView.Change change) {
        List<FieldError> errors = new ArrayList<>();
        if (change == null) {
            throw ApiException.validation(List.of(required("body")));
        }
        if (change.source() != null && (change.source().isBlank() || change.source().length() > MAX_SOURCE)) {
            errors.add(new FieldError("body.source", "LENGTH", Message.of("must be 1 to " + MAX_SOURCE + " characters",
                    "长度应为1至" + MAX_SOURCE + "个字符")));
        }
        List<CalendarView.Day> days = change.days();
        if (days == null) {
            errors.add(required("body.days"));
        } else if (days.size() > MAX_DAYS) {
            errors.add(new FieldError("body.days", "TOO_MANY", Message.of("must have at most " + MAX_DAYS + " days",
                    "最多" + MAX_DAYS + "天")));
        } else {
            Map<LocalDate, Integer> seen = new HashMap<>();
            for (int i = 0; i < days.size(); i++) {
                day(year, days.get(i), "body.days[" + i + "]", i, seen, errors);
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        return change;
    }

    private static void day(int year, CalendarView.Day day, String path, int index, Map<LocalDate, Integer> seen,
                            List<FieldError> errors) {
        if (day == null) {
            errors.add(required(path));
            return;
        }
        if (day.date() == null) {
            errors.add(required(path + ".date"));
        } else if (day.date().getYear() != year) {
            errors.add(new FieldError(path + ".date", "OUTSIDE_YEAR", Message.of("must be a date in " + year,
                    "应为" + year + "年内的日期")));
        } else {
            Integer first = seen.putIfAbsent(day.date(), index);
            if (first != null) {
                errors.add(new FieldError(path + ".date", "DUPLICATE", Message.of(
                        "is given twice (also days[" + first + "]): a date has one kind",
                        "重复（与days[" + first + "]相同）：每个日期只能有一种类型")));
            }
        }
        if (day.kind() == null) {
            errors.add(required(path + ".kind"));
        } else if (day.kind() == DayKind.MAKEUP_WORKDAY && day.date() != null && !weekend(day.date())) {
            errors.add(new FieldError(path + ".kind", "NOT_A_WEEKEND", Message.of(
                    "MAKEUP_WORKDAY must be a Saturday or Sunday (" + day.date() + " is a " + day.date().getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                            + ", a working day already)",
                    "调休上班日应为周六或周日（" + day.date() + "本为工作日）")));
        }
        name(day.nameZh(), path + ".nameZh", errors);
        name(day.nameEn(), path + ".nameEn", errors);
    }

    private static void name(String name, String path, List<FieldError> errors) {
        if (name == null) {
            errors.add(required(path));
        } else if (name.isBlank() || name.length() > MAX_NAME) {
            errors.add(new FieldError(path, "LENGTH", Message.of("must be 1 to " + MAX_NAME + " characters",
                    "长度应为1至" + MAX_NAME + "个字符")));
        }
    }

    private static boolean weekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static FieldError required(String path) {
        return new FieldError(path, "REQUIRED", Message.of("is required", "为必填项"));
    }
}
