package org.epermit.api.calendar;

/** How statutory periods are counted (epermit.review.day-count). */
public enum DayCount {
    /** Working days of the configured calendar: Monday to Friday less holidays, plus make-up working days. */
    WORKING,
    /** Calendar days, every day counted. */
    CALENDAR
}
