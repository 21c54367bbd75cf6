package org.epermit.api.permit.reporting;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The service's schedule is configured with the national defaults and the ministry's extensions that the specifications assume. */
@QuarkusTest
class ReportsConfigTest {

    @Inject
    ReportSchedule schedule;

    @Test
    void the_configured_extensions_are_the_ministry_s() {
        assertThat(schedule.extensions()).containsExactlyInAnyOrderElementsOf(ReportScheduleTest.EXTENSIONS);
    }

    @Test
    void the_national_defaults_are_the_15th_of_the_month_after_the_period() {
        for (ReportType type : ReportType.values()) {
            assertThat(schedule.nationalDefault(type)).isEqualTo(ReportScheduleTest.NATIONAL.get(type));
        }
    }
}
