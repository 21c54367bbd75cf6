package org.epermit.api.permit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.time.Period;

import static org.assertj.core.api.Assertions.assertThat;

/** When a permit is due for renewal: VALID, and its validity ends within the lead (90 days; 20 for a registration). */
class RenewalDueTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    @ParameterizedTest(name = "{0} {1} valid to {2}: {3}")
    @CsvSource({
            "VALID,     KEY,          2026-11-28, true",    // its last day
            "VALID,     KEY,          2027-02-26, true",    // 90 days ahead
            "VALID,     KEY,          2027-02-27, false",   // 91 days ahead
            "VALID,     SIMPLIFIED,   2027-01-27, true",    // 60 days ahead: the filing deadline, well inside the lead
            "VALID,     KEY,          2026-11-27, false",   // past: no longer renewable, the lifecycle job expires it
            "EXPIRED,   KEY,          2026-12-10, false",
            "REVOKED,   KEY,          2026-12-10, false",
            "ANNULLED,  SIMPLIFIED,   2026-12-10, false",
            "CANCELLED, SIMPLIFIED,   2026-12-10, false",
            "VALID,     REGISTRATION, 2026-12-18, true",    // 20 days ahead
            "VALID,     REGISTRATION, 2026-12-19, false",   // 21 days ahead
            "VALID,     REGISTRATION, 2026-11-28, true"})
    void is_valid_and_ends_within_the_lead(PermitStatus status, PermitCategory category, LocalDate validTo, boolean due) {
        assertThat(RenewalDue.isDue(status, category, validTo, TODAY, Period.ofDays(90), Period.ofDays(20))).isEqualTo(due);
    }
}
