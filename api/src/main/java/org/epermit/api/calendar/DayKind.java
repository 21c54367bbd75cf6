package org.epermit.api.calendar;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a calendar exception does to its date. */
@Schema(name = "CalendarDayKind", description = "HOLIDAY: a statutory holiday or a day of its 放假调休 range, not a working day; "
        + "MAKEUP_WORKDAY: a Saturday or Sunday that is a working day (调休上班)")
public enum DayKind {
    HOLIDAY,
    MAKEUP_WORKDAY
}
