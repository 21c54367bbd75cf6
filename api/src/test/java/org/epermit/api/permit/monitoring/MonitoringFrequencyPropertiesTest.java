package org.epermit.api.permit.monitoring;

import org.epermit.api.permit.FrequencyUnit;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

/**
 * Properties of {@link MonitoringFrequency} over generated frequencies, zones and windows (2000–2040, edges often on
 * a full hour or a local midnight, where periods start): what the filing checks rely on.
 */
class MonitoringFrequencyPropertiesTest {

    /** China, UTC, a half-hour offset, and a zone with daylight saving time. */
    private static final List<ZoneId> ZONES = List.of(TimeWindow.CHINA, ZoneOffset.UTC, ZoneId.of("Asia/Kolkata"),
            ZoneId.of("America/New_York"));
    /** Zones without a clock change in 2000–2040, where every period has a length. */
    private static final List<ZoneId> STEADY_ZONES = ZONES.subList(0, 3);
    private static final long START = LocalDate.of(2000, 1, 1).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
    private static final long END = LocalDate.of(2040, 1, 1).atStartOfDay().toEpochSecond(ZoneOffset.UTC);

    static Gen<MonitoringFrequency> frequencies() {
        return Generate.enumValues(FrequencyUnit.class).flatMap(unit -> Generate.frequency(
                        Pair.of(3, Generate.range(1, Math.min(3, MonitoringFrequency.maxEvery(unit)))),
                        Pair.of(1, Generate.range(1, MonitoringFrequency.maxEvery(unit))))
                .zip(Generate.range(1, 6), (every, count) -> new MonitoringFrequency(count, every, unit)));
    }

    /** A window length that spans a few to a few hundred periods of {@code f}. */
    static Gen<Long> lengths(MonitoringFrequency f) {
        long unit = switch (f.unit()) {
            case HOUR -> 3_600;
            case DAY -> 86_400;
            case WEEK -> 7 * 86_400;
            case MONTH -> 31 * 86_400;
            case QUARTER -> 92 * 86_400;
            case HALF_YEAR -> 183 * 86_400;
            case YEAR -> 366 * 86_400;
        };
        long span = unit * f.every() * (f.unit() == FrequencyUnit.YEAR ? 3 : 30);
        return Generate.frequency(Pair.of(1, Generate.constant(0L)),
                Pair.of(6, Generate.longRange(1, span)),
                Pair.of(3, Generate.longRange(0, span / 3600).map(h -> h * 3600)));
    }

    /** Instants in 2000–2040, often on a full local hour or at local midnight. */
    static Gen<Instant> instants(ZoneId zone) {
        return Generate.longRange(START, END).zip(Generate.range(0, 2), (seconds, snap) -> {
            ZonedDateTime t = Instant.ofEpochSecond(seconds).atZone(zone);
            return switch (snap) {
                case 0 -> t.toInstant();
                case 1 -> t.truncatedTo(ChronoUnit.HOURS).toInstant();
                default -> t.toLocalDate().atStartOfDay(zone).toInstant();
            };
        });
    }

    /** A frequency, a zone, a start and three successive lengths. */
    record Case(MonitoringFrequency f, ZoneId zone, Instant a, long ab, long bc) {
        Instant b() {
            return a.plusSeconds(ab);
        }

        Instant c() {
            return b().plusSeconds(bc);
        }

        TimeWindow window(Instant from, Instant to) {
            return new TimeWindow(from, to, zone);
        }
    }

    static Gen<Case> cases(List<ZoneId> zones) {
        return frequencies().zip(Generate.pick(zones), FrequencyInZone::new).flatMap(fz ->
                instants(fz.zone()).zip(lengths(fz.f()), lengths(fz.f()), (a, ab, bc) -> new Case(fz.f(), fz.zone(), a, ab, bc)));
    }

    record FrequencyInZone(MonitoringFrequency f, ZoneId zone) {
    }

    @Test
    void parse_of_format_is_the_identity() {
        qt().withExamples(2_000).forAll(frequencies()).checkAssert(f -> {
            assertThat(MonitoringFrequency.parse(f.format())).isEqualTo(f);
            assertThat(MonitoringFrequency.parse(f.format()).format()).isEqualTo(f.format());
        });
    }

    @Test
    void adjacent_windows_add_up() {
        qt().withExamples(3_000).forAll(cases(ZONES)).checkAssert(c -> assertThat(
                c.f().requiredEvents(c.window(c.a(), c.b())) + c.f().requiredEvents(c.window(c.b(), c.c())))
                .as("%s over [a, b) + [b, c) in %s", c.f(), c.zone())
                .isEqualTo(c.f().requiredEvents(c.window(c.a(), c.c()))));
    }

    @Test
    void a_window_that_holds_another_never_requires_fewer_events() {
        qt().withExamples(2_000).forAll(cases(ZONES)).checkAssert(c -> {
            MonitoringFrequency f = c.f();
            long outer = f.requiredEvents(c.window(c.a(), c.c()));
            assertThat(f.requiredEvents(c.window(c.a(), c.b()))).isBetween(0L, outer);
            assertThat(f.requiredEvents(c.window(c.b(), c.c()))).isBetween(0L, outer);
        });
    }

    @Test
    void whole_periods_require_exactly_count_events_each() {
        qt().withExamples(2_000).forAll(cases(STEADY_ZONES)).checkAssert(c -> {
            MonitoringFrequency f = c.f();
            List<TimeWindow> periods = f.periods(c.window(c.a(), c.c()));
            assertThat(periods).hasSize((int) f.periodCount(c.window(c.a(), c.c())));
            for (TimeWindow p : periods) {
                assertThat(p.isEmpty()).isFalse();
                assertThat(f.requiredEvents(p)).as("%s over its period %s", f, p).isEqualTo(f.count());
                assertThat(f.periodAt(p.from(), c.zone())).isEqualTo(p);
                assertThat(f.periodAt(p.to().minusNanos(1), c.zone())).isEqualTo(p);
            }
            for (int i = 0; i + 1 < periods.size(); i++) {
                assertThat(periods.get(i).to()).as("periods follow each other").isEqualTo(periods.get(i + 1).from());
            }
            if (periods.size() >= 2) {
                TimeWindow run = c.window(periods.get(0).from(), periods.get(periods.size() - 1).to());
                assertThat(f.requiredEvents(run)).isEqualTo((long) f.count() * periods.size());
            }
        });
    }

    @Test
    void agrees_with_counting_the_calendar_s_units_one_by_one() {
        qt().withExamples(1_500).forAll(cases(ZONES)).checkAssert(c -> {
            TimeWindow w = c.window(c.a(), c.b());
            assertThat(c.f().requiredEvents(w)).as("%s over %s", c.f(), w).isEqualTo(c.f().count() * naiveStarts(c.f(), w));
        });
    }

    @Test
    void every_period_starts_on_the_calendar_boundary_of_its_unit() {
        qt().withExamples(1_000).forAll(cases(STEADY_ZONES)).checkAssert(c -> {
            for (TimeWindow p : c.f().periods(c.window(c.a(), c.b()))) {
                LocalDateTime local = LocalDateTime.ofInstant(p.from(), c.zone());
                assertThat(isStart(c.f(), local)).as("%s starts a period of %s", local, c.f()).isTrue();
            }
        });
    }

    /**
     * The oracle: walks the local calendar hour by hour (or day by day) around the window and counts the starts that
     * land in it, by the rule written out once more: units numbered from the start of their cycle, every n-th a start.
     */
    static long naiveStarts(MonitoringFrequency f, TimeWindow w) {
        ZoneId zone = w.zone();
        LocalDateTime from = LocalDateTime.ofInstant(w.from(), zone).truncatedTo(ChronoUnit.DAYS).minusDays(2);
        LocalDateTime to = LocalDateTime.ofInstant(w.to(), zone).plusDays(2);
        ChronoUnit step = switch (f.unit()) {
            case HOUR -> ChronoUnit.HOURS;
            case DAY, WEEK -> ChronoUnit.DAYS;
            // every longer period starts on the first of a month
            case MONTH, QUARTER, HALF_YEAR, YEAR -> ChronoUnit.MONTHS;
        };
        if (step == ChronoUnit.MONTHS) {
            from = from.minusMonths(1).withDayOfMonth(1);
        }
        long starts = 0;
        for (LocalDateTime t = from; t.isBefore(to); t = t.plus(1, step)) {
            if (isStart(f, t) && w.contains(ZonedDateTime.of(t, zone).toInstant())) {
                starts++;
            }
        }
        return starts;
    }

    private static boolean isStart(MonitoringFrequency f, LocalDateTime t) {
        int n = f.every();
        LocalDate d = t.toLocalDate();
        boolean midnight = t.toLocalTime().equals(java.time.LocalTime.MIDNIGHT);
        boolean firstOfMonth = midnight && d.getDayOfMonth() == 1;
        int month0 = d.getMonthValue() - 1;
        return switch (f.unit()) {
            case HOUR -> t.getMinute() == 0 && t.getSecond() == 0 && t.getNano() == 0 && t.getHour() % n == 0;
            case DAY -> midnight && (d.getDayOfMonth() - 1) % n == 0;
            case WEEK -> midnight && d.getDayOfWeek() == DayOfWeek.MONDAY && (d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) - 1) % n == 0;
            case MONTH -> firstOfMonth && month0 % n == 0;
            case QUARTER -> firstOfMonth && month0 % 3 == 0 && (month0 / 3) % n == 0;
            case HALF_YEAR -> firstOfMonth && month0 % 6 == 0 && (month0 / 6) % n == 0;
            case YEAR -> firstOfMonth && month0 == 0 && Math.floorMod(d.getYear(), n) == 0;
        };
    }
}
