package org.epermit.sdk.service;

import org.epermit.sdk.ApiTag;
import org.epermit.sdk.OperationId;
import org.epermit.sdk.RequestOptions;
import org.epermit.sdk.model.CalendarYear;
import org.epermit.sdk.model.CalendarYearChange;

/**
 * The working-day calendar statutory decision deadlines are counted in: each year's holidays and make-up working days
 * (调休) as the State Council arranged them. Anyone reads a year; administrators (scope {@code admin}) set one. Reached
 * through {@link org.epermit.sdk.EPermitClient#calendar()}.
 *
 * <p>An interface, so that your tests can stand in for the API; the client's own implementation is thread-safe.
 */
@ApiTag("Calendar")
public interface CalendarService {

    /**
     * Reads a year of the calendar. A year the calendar does not cover comes back with {@code covered false} and no
     * days: it is not a year without holidays, and working days cannot be counted in it.
     *
     * @param year the year, 2000 to 2100
     * @return the year's exceptions and whether it is covered
     */
    @OperationId("getCalendarYear")
    default CalendarYear get(int year) {
        return get(year, RequestOptions.none());
    }

    /**
     * Reads a year of the calendar, with options.
     *
     * @param year    the year, 2000 to 2100
     * @param options options for this call
     * @return the year
     */
    @OperationId("getCalendarYear")
    CalendarYear get(int year, RequestOptions options);

    /**
     * Sets a year's holidays and make-up working days whole (administrators): afterwards the year is covered and its
     * days are exactly {@code change}'s. Every day of each holiday range is listed; a make-up working day must be a
     * Saturday or Sunday. Setting the same year again is harmless, so the call is retried like a read.
     *
     * @param year   the year, 2000 to 2100
     * @param change the notice it is taken from and every exception of the year
     * @return the year as set
     * @throws org.epermit.sdk.errors.ValidationException {@code VALIDATION_FAILED}, listing every bad day
     *                                                    ({@code OUTSIDE_YEAR}, {@code DUPLICATE}, {@code NOT_A_WEEKEND}…)
     */
    @OperationId("setCalendarYear")
    default CalendarYear set(int year, CalendarYearChange change) {
        return set(year, change, RequestOptions.none());
    }

    /**
     * Sets a year of the calendar, with options.
     *
     * @param year    the year, 2000 to 2100
     * @param change  the year's exceptions
     * @param options options for this call
     * @return the year as set
     */
    @OperationId("setCalendarYear")
    CalendarYear set(int year, CalendarYearChange change, RequestOptions options);
}
