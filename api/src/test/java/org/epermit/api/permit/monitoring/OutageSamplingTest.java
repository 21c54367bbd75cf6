package org.epermit.api.permit.monitoring;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epermit.api.permit.monitoring.TimeWindow.CHINA;
import static org.quicktheories.QuickTheory.qt;

/** Manual samples while an automatic monitor is out of service: at least 4 a day, no more than 6 hours apart. */
class OutageSamplingTest {

    private static final OutageSampling RULE = OutageSampling.STANDARD;
    private static final LocalDateTime MIDNIGHT = LocalDateTime.of(2026, 6, 1, 0, 0);

    private static TimeWindow outage(LocalDateTime from, Duration length) {
        return TimeWindow.of(from, from.plus(length), CHINA);
    }

    private static List<Instant> at(String... localTimes) {
        return java.util.Arrays.stream(localTimes).map(t -> LocalDateTime.parse(t).atZone(CHINA).toInstant()).toList();
    }

    @ParameterizedTest(name = "an outage of {0} requires {1}")
    @CsvSource({"PT24H, 4", "PT48H, 8", "PT10H, 2", "PT6H, 1", "PT6H0.001S, 2", "PT1M, 1", "PT0S, 0", "PT30H, 5"})
    void an_outage_requires_one_sample_for_every_six_hours_it_lasts_begun(Duration length, long required) {
        assertThat(RULE.requiredEvents(outage(MIDNIGHT.plusHours(7), length))).isEqualTo(required);
    }

    @Test
    void samples_every_six_hours_from_the_failure_satisfy_it() {
        OutageSampling.Check check = RULE.check(outage(MIDNIGHT, Duration.ofDays(1)),
                at("2026-06-01T00:00", "2026-06-01T06:00", "2026-06-01T12:00", "2026-06-01T18:00"));

        assertThat(check.complete()).isTrue();
        assertThat(check.required()).isEqualTo(4);
        assertThat(check.taken()).isEqualTo(4);
        assertThat(check.gaps()).isEmpty();
    }

    @Test
    void three_samples_six_hours_apart_are_one_short_of_a_day_s_four() {
        OutageSampling.Check check = RULE.check(outage(MIDNIGHT, Duration.ofDays(1)),
                at("2026-06-01T06:00", "2026-06-01T12:00", "2026-06-01T18:00"));

        assertThat(check.gaps()).isEmpty();
        assertThat(check.complete()).isFalse();
        assertThat(check.missing()).isEqualTo(1);
    }

    @Test
    void names_every_stretch_longer_than_six_hours_without_a_sample() {
        TimeWindow day = outage(MIDNIGHT, Duration.ofDays(1));
        OutageSampling.Check check = RULE.check(day,
                at("2026-06-01T07:00", "2026-06-01T09:00", "2026-06-01T16:00", "2026-06-01T17:00", "2026-05-31T23:00",
                        "2026-06-02T00:00"));

        assertThat(check.taken()).as("samples outside the outage do not count").isEqualTo(4);
        assertThat(check.gaps()).containsExactly(
                TimeWindow.of(LocalDateTime.parse("2026-06-01T00:00"), LocalDateTime.parse("2026-06-01T07:00"), CHINA),
                TimeWindow.of(LocalDateTime.parse("2026-06-01T09:00"), LocalDateTime.parse("2026-06-01T16:00"), CHINA),
                TimeWindow.of(LocalDateTime.parse("2026-06-01T17:00"), LocalDateTime.parse("2026-06-02T00:00"), CHINA));
        assertThat(check.complete()).isFalse();
    }

    @Test
    void no_sample_in_a_short_outage_is_a_missing_sample_not_a_gap() {
        OutageSampling.Check check = RULE.check(outage(MIDNIGHT, Duration.ofHours(5)), List.of());

        assertThat(check.gaps()).isEmpty();
        assertThat(check.missing()).isEqualTo(1);
    }

    /** Outages of a minute to five days, starting anywhere in 2026. */
    static Gen<TimeWindow> outages() {
        long start = LocalDate.of(2026, 1, 1).atStartOfDay(CHINA).toEpochSecond();
        return Generate.longRange(start, start + 365L * 86_400).zip(Generate.longRange(60, 5 * 86_400),
                (from, length) -> TimeWindow.of(Instant.ofEpochSecond(from), Instant.ofEpochSecond(from + length)));
    }

    @Test
    void sampling_every_six_hours_from_the_failure_is_always_enough() {
        qt().withExamples(1_000).forAll(outages()).checkAssert(o -> {
            List<Instant> plan = new ArrayList<>();
            for (Instant t = o.from(); t.isBefore(o.to()); t = t.plus(Duration.ofHours(6))) {
                plan.add(t);
            }
            assertThat(RULE.check(o, plan).complete()).as("%s sampled at %s", o, plan).isTrue();
            assertThat((long) plan.size()).isEqualTo(RULE.requiredEvents(o));
        });
    }

    @Test
    void samples_that_satisfy_the_rule_give_every_whole_day_of_an_outage_four() {
        qt().withExamples(1_000).forAll(outages(), Generate.intArrays(Generate.constant(40), Generate.range(1, 6 * 60)))
                .checkAssert((o, stepsInMinutes) -> {
                    List<Instant> samples = new ArrayList<>();
                    Instant t = o.from();
                    for (int i = 0; i < stepsInMinutes.length && t.isBefore(o.to()); i++) {
                        t = t.plus(Duration.ofMinutes(i == 0 ? stepsInMinutes[i] % 360 : stepsInMinutes[i]));
                        samples.add(t);
                    }
                    OutageSampling.Check check = RULE.check(o, samples);
                    if (!check.complete()) {
                        return;
                    }
                    for (LocalDate d = o.from().atZone(CHINA).toLocalDate(); !d.atStartOfDay(CHINA).toInstant().isAfter(o.to()); d = d.plusDays(1)) {
                        TimeWindow day = TimeWindow.days(d, d, CHINA);
                        if (!day.from().isBefore(o.from()) && !day.to().isAfter(o.to())) {
                            assertThat(samples.stream().filter(day::contains).count()).as("samples on %s", d).isGreaterThanOrEqualTo(4);
                        }
                    }
                });
    }

    @Test
    void a_longer_outage_never_requires_fewer_and_two_parts_never_fewer_than_the_whole() {
        qt().withExamples(1_000).forAll(outages(), Generate.longRange(0, 3 * 86_400)).checkAssert((o, more) -> {
            TimeWindow longer = new TimeWindow(o.from(), o.to().plusSeconds(more), o.zone());
            TimeWindow rest = new TimeWindow(o.to(), longer.to(), o.zone());
            assertThat(RULE.requiredEvents(longer)).isGreaterThanOrEqualTo(RULE.requiredEvents(o));
            assertThat(RULE.requiredEvents(o) + RULE.requiredEvents(rest)).isGreaterThanOrEqualTo(RULE.requiredEvents(longer));
        });
    }

    @Test
    void a_rule_of_another_interval_counts_by_the_stricter_of_its_two_limits() {
        OutageSampling twiceDailyEightHours = new OutageSampling(2, Duration.ofHours(8));
        TimeWindow day = TimeWindow.of(MIDNIGHT.toInstant(ZoneOffset.ofHours(8)), MIDNIGHT.plusDays(1).toInstant(ZoneOffset.ofHours(8)));

        assertThat(twiceDailyEightHours.requiredEvents(day)).as("8 hours apart needs 3 a day, more than 2").isEqualTo(3);
        assertThat(new OutageSampling(6, Duration.ofHours(6)).requiredEvents(day)).isEqualTo(6);
    }
}
