package org.epermit.api.calendar;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** The API's shapes of the working-day calendar. */
public final class CalendarView {

    private CalendarView() {
    }

    @Schema(name = "CalendarDay", description = "A date that is not what its weekday makes it: a holiday, or a weekend "
            + "make-up working day")
    public record Day(
            @Schema(required = true, examples = "2026-02-14") LocalDate date,
            @Schema(required = true) DayKind kind,
            @Schema(description = "The holiday it belongs to, in Chinese", required = true, examples = "春节") String nameZh,
            @Schema(description = "The holiday it belongs to, in English", required = true, examples = "Spring Festival") String nameEn) {
    }

    @Schema(name = "CalendarYear", description = "A year of the working-day calendar. A year not covered has no days "
            + "and no source: working days cannot be counted in it until an administrator sets it.")
    public record Year(
            @Schema(required = true, examples = "2026") int year,
            @Schema(required = true, description = "Whether the calendar has this year's arrangement; statutory periods "
                    + "counted in working days cannot run into a year that is not covered") boolean covered,
            @Schema(nullable = true, description = "The notice the year was taken from; null for a year not covered, or "
                    + "one set without a source", examples = "国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04)")
            String source,
            @Schema(required = true, description = "The year's exceptions by date; every other Monday to Friday is a working day")
            List<Day> days) {
    }

    @Schema(name = "CalendarYearChange", description = "A year's exceptions, set whole: the year's days are exactly these afterwards")
    public record Change(
            @Schema(nullable = true, description = "The notice the year is taken from (at most 500 characters)",
                    examples = "国务院办公厅关于2027年部分节假日安排的通知") String source,
            @Schema(description = "Every holiday (each day of each range) and make-up working day of the year, at most 366",
                    required = true) List<Day> days) {
    }
}
