package org.epermit.api.permit.monitoring;

import org.epermit.api.permit.FrequencyUnit;
import org.epermit.api.problem.Message;
import org.epermit.codes.Printable;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A monitoring frequency as permits write it (HJ 819-2017): {@code count} times every {@code every} {@code unit}s.
 * "1次/2小时" is (1, 2, HOUR), "4次/日" (4, 1, DAY), "1次/季度" (1, 1, QUARTER). These are the three columns
 * {@code frequency_count}, {@code frequency_every} and {@code frequency_unit} of {@code permit_outlet_pollutant}.
 *
 * <p>The periods follow the calendar ({@link CalendarGrid} says exactly how); each period asks for {@code count}
 * sampling events, and a period is due in the window in which it starts: so the events a window requires add up over
 * adjacent windows, and a window of whole periods requires exactly {@code count} events per period.
 *
 * @param count how many sampling events each period requires, 1 or more
 * @param every how many units a period lasts, 1 or more, at most the units of the calendar cycle the period restarts
 *              in (24 hours, 31 days, 53 weeks, 12 months, 4 quarters, 2 half-years; 100 years)
 * @param unit  the calendar unit
 */
public record MonitoringFrequency(int count, int every, FrequencyUnit unit) {

    /** The columns are {@code smallint}. */
    static final int MAX_NUMBER = Short.MAX_VALUE;

    /** How many units a period may span: the cycle it restarts in, so "1次/48小时" is refused (write "1次/2日"). */
    private static final Map<FrequencyUnit, Integer> MAX_EVERY = Map.of(FrequencyUnit.HOUR, 24, FrequencyUnit.DAY, 31,
            FrequencyUnit.WEEK, 53, FrequencyUnit.MONTH, 12, FrequencyUnit.QUARTER, 4, FrequencyUnit.HALF_YEAR, 2,
            FrequencyUnit.YEAR, 100);

    /** The unit names {@link #format()} writes. */
    private static final Map<FrequencyUnit, String> NAMES = Map.of(FrequencyUnit.HOUR, "小时", FrequencyUnit.DAY, "日",
            FrequencyUnit.WEEK, "周", FrequencyUnit.MONTH, "月", FrequencyUnit.QUARTER, "季度",
            FrequencyUnit.HALF_YEAR, "半年", FrequencyUnit.YEAR, "年");

    /** The names {@link #parse} reads: those above and the variants permits also use (天, 个月, 季 …). */
    private static final Map<String, FrequencyUnit> UNITS = Map.ofEntries(
            Map.entry("小时", FrequencyUnit.HOUR), Map.entry("个小时", FrequencyUnit.HOUR), Map.entry("时", FrequencyUnit.HOUR),
            Map.entry("日", FrequencyUnit.DAY), Map.entry("天", FrequencyUnit.DAY),
            Map.entry("周", FrequencyUnit.WEEK), Map.entry("星期", FrequencyUnit.WEEK),
            Map.entry("月", FrequencyUnit.MONTH), Map.entry("个月", FrequencyUnit.MONTH),
            Map.entry("季度", FrequencyUnit.QUARTER), Map.entry("季", FrequencyUnit.QUARTER), Map.entry("个季度", FrequencyUnit.QUARTER),
            Map.entry("半年", FrequencyUnit.HALF_YEAR), Map.entry("年", FrequencyUnit.YEAR));

    private static final String SPACE = "[\\s\\u3000]*";
    private static final Pattern NOTATION = Pattern.compile(
            SPACE + "([0-9]+)" + SPACE + "次" + SPACE + "[/／]" + SPACE + "([0-9]*)" + SPACE + "(\\p{IsHan}+)" + SPACE);

    public MonitoringFrequency {
        Objects.requireNonNull(unit, "unit");
        check(count, every, unit, String.valueOf(count), String.valueOf(every));
    }

    /** Once per unit: 1次/日, 1次/月 … */
    public static MonitoringFrequency oncePer(FrequencyUnit unit) {
        return new MonitoringFrequency(1, 1, unit);
    }

    /**
     * Reads the notation permits write: a count of times (次) per period, the period's length before its unit when
     * it is more than one: "1次/2小时", "4次/日", "1次/周", "1次/月", "1次/季度", "1次/半年", "1次/年", "1次/2日". Also
     * read: 天 for 日, 个月 for 月, 季 for 季度, a full-width slash and spaces around the parts.
     *
     * @throws FrequencyNotationException what is wrong with it, in words a caller can act on (a 400 with
     *                                    {@link FrequencyNotationException#fieldError})
     */
    public static MonitoringFrequency parse(String notation) {
        if (notation == null || notation.isBlank()) {
            throw new FrequencyNotationException(notation, Message.of("is empty; write a count per period such as 4次/日",
                    "为空；应写作每周期次数，如 4次/日"));
        }
        Matcher m = NOTATION.matcher(notation);
        if (!m.matches()) {
            throw new FrequencyNotationException(notation, Message.of(
                    "is not a count per period; write it as permits do: 1次/2小时, 4次/日, 1次/周, 1次/月, 1次/季度, 1次/半年, 1次/年",
                    "不是“次数/周期”的写法；应按许可证的写法，如 1次/2小时、4次/日、1次/周、1次/月、1次/季度、1次/半年、1次/年"));
        }
        FrequencyUnit unit = UNITS.get(m.group(3));
        if (unit == null) {
            throw new FrequencyNotationException(notation, Message.of(
                    "has an unknown period '" + Printable.of(m.group(3)) + "'; periods: 小时, 日, 周, 月, 季度, 半年, 年",
                    "的周期“" + Printable.of(m.group(3)) + "”无法识别；可用的周期：小时、日、周、月、季度、半年、年"));
        }
        int count = number(m.group(1), notation);
        int every = m.group(2).isEmpty() ? 1 : number(m.group(2), notation);
        check(count, every, unit, m.group(1), m.group(2));
        return new MonitoringFrequency(count, every, unit);
    }

    /** The notation as permits write it, the period's length left out when it is one: "1次/2小时", "4次/日". */
    public String format() {
        return count + "次/" + (every == 1 ? "" : String.valueOf(every)) + NAMES.get(unit);
    }

    @Override
    public String toString() {
        return format();
    }

    /**
     * How many sampling events {@code window} requires: {@code count} for each period that starts in it. Adjacent
     * windows add up ({@code [a, b) + [b, c) = [a, c)}), a longer window never requires fewer.
     */
    public long requiredEvents(TimeWindow window) {
        return (long) count * periodCount(window);
    }

    /** How many periods start in {@code window}. */
    public long periodCount(TimeWindow window) {
        CalendarGrid grid = grid(window.zone());
        CalendarGrid.Cursor first = grid.firstAtOrAfter(window.from());
        if (!grid.start(first).isBefore(window.to())) {
            return 0;
        }
        CalendarGrid.Cursor end = grid.firstAtOrAfter(window.to());
        return grid.number(end, first.cycle()) - grid.number(first, first.cycle());
    }

    /**
     * The periods that start in {@code window}, each as the window from its start to the next period's start (which
     * may lie beyond {@code window}): where a filing's samples are counted period by period.
     *
     * @throws IllegalArgumentException for more than 100,000 periods (hourly over eleven years); count those instead
     */
    public List<TimeWindow> periods(TimeWindow window) {
        long n = periodCount(window);
        if (n > 100_000) {
            throw new IllegalArgumentException(n + " periods of " + format() + " start in " + window + "; list at most 100,000");
        }
        CalendarGrid grid = grid(window.zone());
        List<TimeWindow> periods = new ArrayList<>((int) n);
        CalendarGrid.Cursor c = grid.firstAtOrAfter(window.from());
        Instant start = grid.start(c);
        while (start.isBefore(window.to())) {
            c = grid.next(c);
            Instant next = grid.start(c);
            periods.add(new TimeWindow(start, next, window.zone()));
            start = next;
        }
        return periods;
    }

    /** The period that holds {@code instant}: from the last start at or before it to the next start. */
    public TimeWindow periodAt(Instant instant, ZoneId zone) {
        CalendarGrid grid = grid(zone);
        CalendarGrid.Cursor next = grid.firstAtOrAfter(instant);
        if (grid.start(next).equals(instant)) {
            // the periods of no length at a clock change's gap all start here; the one that lasts is the last of them
            CalendarGrid.Cursor after = grid.next(next);
            while (grid.start(after).equals(instant)) {
                next = after;
                after = grid.next(after);
            }
            return new TimeWindow(instant, grid.start(after), zone);
        }
        return new TimeWindow(grid.start(grid.previous(next)), grid.start(next), zone);
    }

    /** The longest period a unit allows, in units. */
    static int maxEvery(FrequencyUnit unit) {
        return MAX_EVERY.get(unit);
    }

    private CalendarGrid grid(ZoneId zone) {
        return new CalendarGrid(unit, every, zone);
    }

    private static int number(String digits, String notation) {
        String significant = digits.replaceFirst("^0+(?=.)", "");
        if (significant.length() > 5 || Integer.parseInt(significant) > MAX_NUMBER) {
            throw new FrequencyNotationException(notation, Message.of("has a number above " + MAX_NUMBER,
                    "中的数字大于" + MAX_NUMBER));
        }
        return Integer.parseInt(significant);
    }

    private static void check(int count, int every, FrequencyUnit unit, String countText, String everyText) {
        String shown = count + "次/" + (every == 1 ? "" : String.valueOf(every)) + NAMES.get(unit);
        if (count < 1 || count > MAX_NUMBER) {
            throw new FrequencyNotationException(shown, Message.of(
                    "must name at least one time per period (and at most " + MAX_NUMBER + "), got " + Printable.of(countText),
                    "每周期次数应为1到" + MAX_NUMBER + "，实际为" + Printable.of(countText)));
        }
        int max = MAX_EVERY.get(unit);
        if (every < 1 || every > max) {
            String longer = switch (unit) {
                case HOUR -> "; for longer periods count days: 1次/2日";
                case DAY -> "; for longer periods count weeks or months: 1次/2周, 1次/月";
                case WEEK -> "; for longer periods count months: 1次/2月";
                case MONTH, QUARTER, HALF_YEAR -> "; for longer periods count years: 1次/2年";
                case YEAR -> "";
            };
            String longerZh = switch (unit) {
                case HOUR -> "；更长的周期请以日计，如 1次/2日";
                case DAY -> "；更长的周期请以周或月计，如 1次/2周、1次/月";
                case WEEK -> "；更长的周期请以月计，如 1次/2月";
                case MONTH, QUARTER, HALF_YEAR -> "；更长的周期请以年计，如 1次/2年";
                case YEAR -> "";
            };
            String got = Printable.of(everyText.isEmpty() ? "1" : everyText);
            throw new FrequencyNotationException(shown, Message.of(
                    "must have a period of 1 to " + max + " " + NAMES.get(unit) + ", got " + got + longer,
                    "的周期长度应为1到" + max + NAMES.get(unit) + "，实际为" + got + longerZh));
        }
    }
}
