package org.epermit.api.permit.monitoring;

import org.epermit.api.permit.FrequencyUnit;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/**
 * The starts of the periods of "once every {@code every} {@code unit}s", on the calendar of a zone.
 *
 * <p>Periods are aligned to the calendar: an hour starts at a full hour, a day at midnight, a week on Monday (ISO
 * 8601), a month, quarter, half-year or year on its first day. When {@code every} is more than one, the periods are
 * counted from the start of the next larger calendar unit, the <em>cycle</em>, as cron counts {@code *}{@code /n}:
 *
 * <table>
 *   <caption>cycles</caption>
 *   <tr><th>unit</th><th>cycle</th><th>example</th></tr>
 *   <tr><td>HOUR</td><td>the day</td><td>1次/2小时: 00:00, 02:00 … 22:00; 1次/5小时: 00, 05, 10, 15, 20 (20–24 is 4 h)</td></tr>
 *   <tr><td>DAY</td><td>the month</td><td>1次/2日: the 1st, 3rd … 29th, 31st (in a 31-day month, the 31st alone)</td></tr>
 *   <tr><td>WEEK</td><td>the ISO week-based year</td><td>1次/2周: weeks 1, 3, 5 … 53</td></tr>
 *   <tr><td>MONTH, QUARTER, HALF_YEAR</td><td>the year</td><td>1次/2月: January, March … November</td></tr>
 *   <tr><td>YEAR</td><td>blocks of {@code every} years from year 0</td><td>1次/2年: even years</td></tr>
 * </table>
 *
 * <p>A cycle's last period is shorter when {@code every} does not divide the cycle. Restarting at each cycle keeps the
 * periods where a sampling plan puts them (a bi-hourly plan samples at even hours every day, whatever happened the day
 * before) and makes the count of a cycle a property of the cycle alone.
 *
 * <p>A period start is a local date-time; its instant is what {@link java.time.ZonedDateTime#of} makes of it (in a
 * clock change's gap, the time after the gap). Instants of successive starts never decrease, which is all the counts
 * rely on. In a zone with daylight saving time, the hour a clock change skips remains a period, of no length.
 */
final class CalendarGrid {

    private final FrequencyUnit unit;
    private final int every;
    private final ZoneId zone;

    CalendarGrid(FrequencyUnit unit, int every, ZoneId zone) {
        this.unit = unit;
        this.every = every;
        this.zone = zone;
    }

    /** A period: the {@code index}-th (from 0) of cycle {@code cycle}. */
    record Cursor(long cycle, int index) {
    }

    /** The period whose local span holds {@code local}. */
    Cursor containing(LocalDateTime local) {
        long cycle = cycleOf(local);
        return new Cursor(cycle, baseIndex(local, cycle) / every);
    }

    Cursor next(Cursor c) {
        return c.index + 1 < periodsIn(c.cycle) ? new Cursor(c.cycle, c.index + 1) : new Cursor(c.cycle + 1, 0);
    }

    Cursor previous(Cursor c) {
        return c.index > 0 ? new Cursor(c.cycle, c.index - 1) : new Cursor(c.cycle - 1, periodsIn(c.cycle - 1) - 1);
    }

    Instant start(Cursor c) {
        return baseStart(c.cycle, c.index * every).atZone(zone).toInstant();
    }

    /** How many periods start in the cycles {@code from} (included) to {@code to} (excluded); negative when to < from. */
    long periodsBetween(long from, long to) {
        if (to < from) {
            return -periodsBetween(to, from);
        }
        return switch (unit) {
            // cycles of the same length: one product
            case HOUR, MONTH, QUARTER, HALF_YEAR, YEAR -> (to - from) * periodsIn(from);
            // months of 28–31 days, week-based years of 52 or 53 weeks: a few thousand cycles at most in 1900–9999
            case DAY, WEEK -> {
                long sum = 0;
                for (long c = from; c < to; c++) {
                    sum += periodsIn(c);
                }
                yield sum;
            }
        };
    }

    /** The number of period {@code c}, counted from the first period of cycle {@code origin}. */
    long number(Cursor c, long origin) {
        return periodsBetween(origin, c.cycle) + c.index;
    }

    /** The first period that starts at or after {@code t}. */
    Cursor firstAtOrAfter(Instant t) {
        Cursor c = containing(LocalDateTime.ofInstant(t, zone));
        if (start(c).isBefore(t)) {
            do {
                c = next(c);
            } while (start(c).isBefore(t));
            return c;
        }
        for (Cursor p = previous(c); !start(p).isBefore(t); p = previous(p)) {
            c = p;
        }
        return c;
    }

    long cycleOf(LocalDateTime local) {
        LocalDate date = local.toLocalDate();
        return switch (unit) {
            case HOUR -> date.toEpochDay();
            case DAY -> date.getYear() * 12L + date.getMonthValue() - 1;
            case WEEK -> date.get(IsoFields.WEEK_BASED_YEAR);
            case MONTH, QUARTER, HALF_YEAR -> date.getYear();
            case YEAR -> Math.floorDiv(date.getYear(), every);
        };
    }

    /** The number (from 0) of the calendar unit holding {@code local} within its cycle. */
    private int baseIndex(LocalDateTime local, long cycle) {
        LocalDate date = local.toLocalDate();
        return switch (unit) {
            case HOUR -> local.getHour();
            case DAY -> date.getDayOfMonth() - 1;
            case WEEK -> date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) - 1;
            case MONTH -> date.getMonthValue() - 1;
            case QUARTER -> (date.getMonthValue() - 1) / 3;
            case HALF_YEAR -> (date.getMonthValue() - 1) / 6;
            case YEAR -> (int) (date.getYear() - cycle * every);
        };
    }

    /** How many calendar units cycle {@code cycle} has. */
    private int unitsIn(long cycle) {
        return switch (unit) {
            case HOUR -> 24;
            case DAY -> YearMonth.of((int) Math.floorDiv(cycle, 12L), (int) Math.floorMod(cycle, 12L) + 1).lengthOfMonth();
            case WEEK -> (int) IsoFields.WEEK_OF_WEEK_BASED_YEAR.rangeRefinedBy(week1Monday(cycle)).getMaximum();
            case MONTH -> 12;
            case QUARTER -> 4;
            case HALF_YEAR -> 2;
            case YEAR -> every;
        };
    }

    int periodsIn(long cycle) {
        return (unitsIn(cycle) + every - 1) / every;
    }

    private LocalDateTime baseStart(long cycle, int base) {
        return switch (unit) {
            case HOUR -> LocalDate.ofEpochDay(cycle).atTime(base, 0);
            case DAY -> LocalDate.of((int) Math.floorDiv(cycle, 12L), (int) Math.floorMod(cycle, 12L) + 1, base + 1).atStartOfDay();
            case WEEK -> week1Monday(cycle).plusWeeks(base).atStartOfDay();
            case MONTH -> LocalDate.of((int) cycle, base + 1, 1).atStartOfDay();
            case QUARTER -> LocalDate.of((int) cycle, base * 3 + 1, 1).atStartOfDay();
            case HALF_YEAR -> LocalDate.of((int) cycle, base * 6 + 1, 1).atStartOfDay();
            case YEAR -> LocalDate.of((int) (cycle * every + base), 1, 1).atStartOfDay();
        };
    }

    /** The Monday of week 1 of a week-based year: the week that holds 4 January (ISO 8601). */
    private static LocalDate week1Monday(long weekBasedYear) {
        return LocalDate.of((int) weekBasedYear, 1, 4).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
