package org.epermit.api.application;

import org.epermit.api.problem.FieldError;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules of applications on their own: the status matrix and the day boundaries of the late-filing findings. */
class ApplicationRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    static final ApplicationConfig CONFIG = new ApplicationConfig() {
        public int renewalLeadDays() { return 60; }
        public int changeWindowDays() { return 30; }
    };

    final ApplicationRules rules = new ApplicationRules(CONFIG);

    static PermitFacts permit(String status, LocalDate validTo) {
        return new PermitFacts(1, "91130200699229617X001P", "KEY", status, validTo, 1, "130203");
    }

    static ApplicationBody renewal() {
        return new ApplicationBody(ApplicationType.RENEWAL, true, null, null, null, null);
    }

    static ApplicationBody change(LocalDate on) {
        return new ApplicationBody(ApplicationType.CHANGE, true, null, new ApplicationBody.Change(on,
                List.of(new ApplicationBody.ChangedItem(ChangedField.NAME, "新名称"))), null, null);
    }

    static List<String> codes(ApplicationRules.Checked checked) {
        return checked.errors().stream().map(FieldError::code).toList();
    }

    @Test
    void a_renewal_is_on_time_up_to_60_days_before_expiry_and_late_from_the_day_after() {
        assertThat(rules.check(permit("VALID", TODAY.plusDays(60)), renewal(), TODAY).findings()).isEmpty();
        assertThat(rules.check(permit("VALID", TODAY.plusDays(59)), renewal(), TODAY).findings())
                .extracting(ApplicationFinding::code).containsExactly(ApplicationCode.RENEWAL_FILED_LATE);
        assertThat(codes(rules.check(permit("VALID", TODAY), renewal(), TODAY))).as("expiring today: still renewable").isEmpty();
        assertThat(codes(rules.check(permit("VALID", TODAY.minusDays(1)), renewal(), TODAY))).containsExactly("RENEWAL_AFTER_EXPIRY");
    }

    @Test
    void a_change_is_on_time_for_30_days_after_it_took_effect() {
        LocalDate far = TODAY.plusYears(2);
        assertThat(rules.check(permit("VALID", far), change(TODAY.minusDays(30)), TODAY).findings()).isEmpty();
        assertThat(rules.check(permit("VALID", far), change(TODAY.minusDays(31)), TODAY).findings())
                .extracting(ApplicationFinding::code).containsExactly(ApplicationCode.CHANGE_FILED_LATE);
        assertThat(codes(rules.check(permit("VALID", far), change(TODAY), TODAY))).isEmpty();
        assertThat(codes(rules.check(permit("VALID", far), change(TODAY.plusDays(1)), TODAY))).containsExactly("CHANGE_DATE_IN_FUTURE");
    }

    @Test
    void a_lapsed_or_withdrawn_permit_takes_only_a_cancellation_and_a_cancelled_one_nothing() {
        assertThat(ApplicationRules.allowed("VALID")).containsExactlyInAnyOrder(ApplicationType.RENEWAL, ApplicationType.CHANGE,
                ApplicationType.CANCELLATION, ApplicationType.REISSUE);
        for (String status : List.of("EXPIRED", "REVOKED", "ANNULLED")) {
            assertThat(ApplicationRules.allowed(status)).as(status).containsExactly(ApplicationType.CANCELLATION);
        }
        assertThat(ApplicationRules.allowed("CANCELLED")).isEmpty();
        assertThat(codes(rules.check(permit("ANNULLED", TODAY.plusYears(1)), change(TODAY), TODAY)))
                .containsExactly("TYPE_NOT_ALLOWED_FOR_STATUS");
    }

    @Test
    void a_cancellation_for_expiry_fits_a_permit_past_its_validity_whatever_its_status_says() {
        ApplicationBody expired = new ApplicationBody(ApplicationType.CANCELLATION, true, null, null,
                new ApplicationBody.Cancellation(CancellationReason.EXPIRED_NOT_RENEWED, null), null);
        assertThat(codes(rules.check(permit("VALID", TODAY.minusDays(1)), expired, TODAY))).isEmpty();
        assertThat(codes(rules.check(permit("VALID", TODAY.plusDays(1)), expired, TODAY))).containsExactly("CANCELLATION_REASON_MISMATCH");
    }
}
