package org.epermit.api.permit.lifecycle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.time.Period;

import static org.assertj.core.api.Assertions.assertThat;

/** When time changes a permit's status: the day after its validity ends, and 60 days after that. */
class TransitionTest {

    private static final Period SIXTY_DAYS = Period.ofDays(60);

    @Test
    void a_permit_expires_the_day_after_its_last_day_and_is_cancelled_sixty_days_later() {
        LocalDate lastDay = LocalDate.of(2026, 9, 28);
        assertThat(Transition.EXPIRE.dueOn(lastDay, SIXTY_DAYS)).isEqualTo(LocalDate.of(2026, 9, 29));
        assertThat(Transition.CANCEL.dueOn(lastDay, SIXTY_DAYS)).isEqualTo(LocalDate.of(2026, 11, 28));
    }

    @ParameterizedTest(name = "on {1} with {2}: {0} up to valid_to {3}")
    @CsvSource({
            "EXPIRE, 2026-11-28, P60D, 2026-11-27",
            "CANCEL, 2026-11-28, P60D, 2026-09-28",
            "CANCEL, 2026-03-01, P60D, 2025-12-30",
            // months: valid to 28 February, expired 1 March, cancelled 1 April; valid to 27 February, cancelled 28 March
            "CANCEL, 2026-03-31, P1M, 2026-02-27",
            "CANCEL, 2026-04-01, P1M, 2026-02-28",
            "CANCEL, 2024-03-30, P1M, 2024-02-28",
            "CANCEL, 2026-11-28, P0D, 2026-11-27"})
    void the_last_valid_to_due_is_the_latest_day_whose_change_falls_on_or_before_today(Transition t, LocalDate today,
                                                                                       Period after, LocalDate last) {
        assertThat(t.lastValidToDueBy(today, after)).isEqualTo(last);
        assertThat(t.dueOn(last, after)).isBeforeOrEqualTo(today);
        assertThat(t.dueOn(last.plusDays(1), after)).isAfter(today);
    }
}
