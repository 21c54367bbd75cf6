package org.epermit.api.permit.monitoring;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.epermit.api.permit.monitoring.TimeWindow.CHINA;

/** The samples a monitoring requirement asks of a period: events × samples per event, outages of automatic monitors included. */
class MonitoringRequirementTest {

    private static final TimeWindow YEAR_2026 = TimeWindow.year(2026, CHINA);
    private static final TimeWindow JUNE_2026 = TimeWindow.days(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 30), CHINA);

    private static TimeWindow local(String from, String to) {
        return TimeWindow.of(LocalDateTime.parse(from), LocalDateTime.parse(to), CHINA);
    }

    @Test
    void manual_monitoring_requires_its_events_times_the_samples_each_takes() {
        MonitoringRequirement stackGas = new MonitoringRequirement(MonitoringMode.MANUAL, MonitoringFrequency.parse("1次/季度"),
                SamplingMethod.NON_CONTINUOUS, 3);
        MonitoringRequirement wastewater = new MonitoringRequirement(MonitoringMode.MANUAL, MonitoringFrequency.parse("1次/月"),
                SamplingMethod.COMPOSITE, 1);

        assertThat(stackGas.requiredEvents(YEAR_2026)).isEqualTo(4);
        assertThat(stackGas.requiredSamples(YEAR_2026)).isEqualTo(12);
        assertThat(stackGas.requiredSamples(JUNE_2026)).as("no quarter starts in June").isZero();
        assertThat(wastewater.requiredSamples(JUNE_2026)).isEqualTo(1);
        assertThat(wastewater.requiredSamples(YEAR_2026, List.of(JUNE_2026))).as("outages concern automatic monitors only").isEqualTo(12);
    }

    @Test
    void an_automatic_monitor_requires_no_manual_sample_while_it_runs() {
        MonitoringRequirement cems = new MonitoringRequirement(MonitoringMode.AUTOMATIC, MonitoringFrequency.parse("1次/日"),
                SamplingMethod.NON_CONTINUOUS, 3);

        assertThat(cems.requiredEvents(YEAR_2026)).isZero();
        assertThat(cems.requiredSamples(YEAR_2026)).isZero();
        assertThat(cems.requiredSamples(YEAR_2026, List.of())).isZero();
    }

    @Test
    void while_it_is_out_of_service_the_fallback_frequency_applies_and_at_least_four_a_day() {
        MonitoringRequirement daily = new MonitoringRequirement(MonitoringMode.AUTOMATIC, MonitoringFrequency.parse("1次/日"),
                SamplingMethod.NON_CONTINUOUS, 3);
        MonitoringRequirement biHourly = new MonitoringRequirement(MonitoringMode.AUTOMATIC, MonitoringFrequency.parse("1次/2小时"),
                SamplingMethod.GRAB, 1);
        TimeWindow thirtyHours = local("2026-06-10T08:00", "2026-06-11T14:00");
        TimeWindow oneDay = local("2026-06-10T00:00", "2026-06-11T00:00");

        // 1次/日 gives 1 (11 June starts in it), the outage rule 5 (30 hours): 5 events of 3 samples
        assertThat(daily.requiredEventsDuringOutage(thirtyHours)).isEqualTo(5);
        assertThat(daily.requiredSamples(YEAR_2026, List.of(thirtyHours))).isEqualTo(15);
        // 1次/2小时 gives 12 a day, more than the outage rule's 4
        assertThat(biHourly.requiredEventsDuringOutage(oneDay)).isEqualTo(12);
    }

    @Test
    void outages_that_overlap_count_once_and_only_inside_the_window() {
        MonitoringRequirement cems = new MonitoringRequirement(MonitoringMode.AUTOMATIC, MonitoringFrequency.parse("1次/日"),
                SamplingMethod.GRAB, 2);
        TimeWindow first = local("2026-06-29T12:00", "2026-06-30T00:00");
        TimeWindow overlapping = local("2026-06-29T18:00", "2026-07-01T12:00");

        // merged: 29 June 12:00 to 1 July 12:00; in June: 29 June 12:00 to 1 July 00:00, 36 hours: 6 events of 2 samples
        assertThat(cems.requiredSamples(JUNE_2026, List.of(overlapping, first))).isEqualTo(12);
        assertThat(MonitoringRequirement.merged(List.of(overlapping, first))).containsExactly(local("2026-06-29T12:00", "2026-07-01T12:00"));
        assertThat(MonitoringRequirement.merged(List.of(local("2026-06-01T00:00", "2026-06-01T01:00"), local("2026-06-01T01:00", "2026-06-01T02:00"))))
                .as("touching outages are one").containsExactly(local("2026-06-01T00:00", "2026-06-01T02:00"));
    }

    @Test
    void a_requirement_takes_at_least_one_sample_per_event() {
        assertThatThrownBy(() -> new MonitoringRequirement(MonitoringMode.MANUAL, MonitoringFrequency.parse("1次/月"), SamplingMethod.GRAB, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
