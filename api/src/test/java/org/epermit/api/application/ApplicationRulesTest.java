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
        return new ApplicationBody(ApplicationType.RENEWAL, true, null, null, null, null, null, null);
    }

    static ApplicationBody change(LocalDate on) {
        return new ApplicationBody(ApplicationType.CHANGE, true, null, new ApplicationBody.Change(on,
                List.of(new ApplicationBody.ChangedItem(ChangedField.NAME, "新名称"))), null, null, null, null);
    }

    static List<String> codes(ApplicationRules.Checked checked) {
        return checked.errors().stream().map(FieldError::code).toList();
    }

    @Test
    void a_renewal_is_on_time_up_to_60_days_before_expiry_and_late_from_the_day_after() {
        assertThat(rules.check(permit("VALID", TODAY.plusDays(60)), renewal(), TODAY, Drafts.CATALOGUE).findings()).isEmpty();
        assertThat(rules.check(permit("VALID", TODAY.plusDays(59)), renewal(), TODAY, Drafts.CATALOGUE).findings())
                .extracting(ApplicationFinding::code).containsExactly(ApplicationCode.RENEWAL_FILED_LATE);
        assertThat(codes(rules.check(permit("VALID", TODAY), renewal(), TODAY, Drafts.CATALOGUE))).as("expiring today: still renewable").isEmpty();
        assertThat(codes(rules.check(permit("VALID", TODAY.minusDays(1)), renewal(), TODAY, Drafts.CATALOGUE))).containsExactly("RENEWAL_AFTER_EXPIRY");
    }

    @Test
    void a_change_is_on_time_for_30_days_after_it_took_effect() {
        LocalDate far = TODAY.plusYears(2);
        assertThat(rules.check(permit("VALID", far), change(TODAY.minusDays(30)), TODAY, Drafts.CATALOGUE).findings()).isEmpty();
        assertThat(rules.check(permit("VALID", far), change(TODAY.minusDays(31)), TODAY, Drafts.CATALOGUE).findings())
                .extracting(ApplicationFinding::code).containsExactly(ApplicationCode.CHANGE_FILED_LATE);
        assertThat(codes(rules.check(permit("VALID", far), change(TODAY), TODAY, Drafts.CATALOGUE))).isEmpty();
        assertThat(codes(rules.check(permit("VALID", far), change(TODAY.plusDays(1)), TODAY, Drafts.CATALOGUE))).containsExactly("CHANGE_DATE_IN_FUTURE");
    }

    @Test
    void a_lapsed_or_withdrawn_permit_takes_only_a_cancellation_and_a_cancelled_one_nothing() {
        assertThat(ApplicationRules.allowed("VALID")).containsExactlyInAnyOrder(ApplicationType.RENEWAL, ApplicationType.CHANGE,
                ApplicationType.REAPPLICATION, ApplicationType.CANCELLATION, ApplicationType.REISSUE);
        for (String status : List.of("EXPIRED", "REVOKED", "ANNULLED")) {
            assertThat(ApplicationRules.allowed(status)).as(status).containsExactly(ApplicationType.CANCELLATION);
        }
        assertThat(ApplicationRules.allowed("CANCELLED")).isEmpty();
        assertThat(codes(rules.check(permit("ANNULLED", TODAY.plusYears(1)), change(TODAY), TODAY, Drafts.CATALOGUE)))
                .containsExactly("TYPE_NOT_ALLOWED_FOR_STATUS");
    }

    @Test
    void a_cancellation_for_expiry_fits_a_permit_past_its_validity_whatever_its_status_says() {
        ApplicationBody expired = new ApplicationBody(ApplicationType.CANCELLATION, true, null, null,
                new ApplicationBody.Cancellation(CancellationReason.EXPIRED_NOT_RENEWED, null), null, null, null);
        assertThat(codes(rules.check(permit("VALID", TODAY.minusDays(1)), expired, TODAY, Drafts.CATALOGUE))).isEmpty();
        assertThat(codes(rules.check(permit("VALID", TODAY.plusDays(1)), expired, TODAY, Drafts.CATALOGUE))).containsExactly("CANCELLATION_REASON_MISMATCH");
    }

    static ApplicationBody initial(ApplicationBody.Enterprise enterprise, PermitDraft draft) {
        return new ApplicationBody(ApplicationType.INITIAL, true, null, null, null, null, enterprise, draft);
    }

    @Test
    void an_initial_application_names_a_known_unit_by_its_code_and_a_new_one_in_full_with_a_code_valid_in_full() {
        PermitDraft draft = Drafts.powerPlant("唐山热电厂");
        String fresh = Drafts.newCreditCode();
        assertThat(codes(rules.checkInitial(initial(new ApplicationBody.Enterprise(fresh, null, null, null), draft), true, Drafts.CATALOGUE)))
                .as("a known unit: its code is enough").isEmpty();
        ApplicationRules.Checked unnamed = rules.checkInitial(initial(new ApplicationBody.Enterprise(fresh, null, null, null), draft), false, Drafts.CATALOGUE);
        assertThat(unnamed.errors()).extracting(FieldError::path)
                .containsExactly("/enterprise/name", "/enterprise/address", "/enterprise/legalRepresentative");
        // the mod-31 check character wrong: refused whether the unit is known or new
        String wrong = fresh.substring(0, 17) + (fresh.charAt(17) == '0' ? '1' : '0');
        assertThat(codes(rules.checkInitial(initial(new ApplicationBody.Enterprise(wrong, "新单位", "地址", "王五"), draft), false, Drafts.CATALOGUE)))
                .containsExactly("INVALID_CREDIT_CODE");
        assertThat(codes(rules.checkInitial(initial(null, null), false, Drafts.CATALOGUE))).containsExactly("REQUIRED", "REQUIRED");
    }

    @Test
    void only_initial_applications_are_filed_without_a_permit_and_their_sections_are_their_own() {
        ApplicationBody renewalHere = new ApplicationBody(ApplicationType.RENEWAL, false, null, null, null, new ApplicationBody.Reissue(ReissueCircumstance.LOST),
                new ApplicationBody.Enterprise(Drafts.newCreditCode(), null, null, null), Drafts.powerPlant("厂"));
        assertThat(codes(rules.checkInitial(renewalHere, true, Drafts.CATALOGUE))).containsExactly("TYPE_FILED_ON_PERMIT", "COMMITMENT_REQUIRED",
                "SECTION_NOT_FOR_TYPE");
    }

    @Test
    void a_reapplication_on_a_valid_permit_carries_a_draft_checked_like_an_initial_one() {
        PermitFacts valid = permit("VALID", TODAY.plusYears(2));
        ApplicationBody without = new ApplicationBody(ApplicationType.REAPPLICATION, true, null, null, null, null, null, null);
        assertThat(rules.check(valid, without, TODAY, Drafts.CATALOGUE).errors()).extracting(FieldError::path).containsExactly("/draft");
        PermitDraft plant = Drafts.powerPlant("唐山热电厂");
        ApplicationBody reapplication = new ApplicationBody(ApplicationType.REAPPLICATION, true, null, null, null, null, null, plant);
        assertThat(codes(rules.check(valid, reapplication, TODAY, Drafts.CATALOGUE))).isEmpty();
        PermitDraft wrongOutlet = new PermitDraft(plant.site(), plant.category(), plant.mainIndustry(), List.of(),
                List.of(Drafts.drain("DA009", org.epermit.api.permit.PublicPermit.OutletKind.MAIN, plant.outlets().get(1).pollutants())),
                List.of(), plant.reportObligations());
        ApplicationBody withEnterprise = new ApplicationBody(ApplicationType.REAPPLICATION, true, null, null, null, null,
                new ApplicationBody.Enterprise(Drafts.newCreditCode(), null, null, null), wrongOutlet);
        assertThat(rules.check(valid, withEnterprise, TODAY, Drafts.CATALOGUE).errors()).extracting(FieldError::path, FieldError::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("/enterprise", "SECTION_NOT_FOR_TYPE"),
                        org.assertj.core.groups.Tuple.tuple("/draft/outlets/0/code", "OUTLET_CODE_MEDIUM_MISMATCH"));
        assertThat(codes(rules.check(permit("EXPIRED", TODAY.minusDays(3)), reapplication, TODAY, Drafts.CATALOGUE)))
                .containsExactly("TYPE_NOT_ALLOWED_FOR_STATUS");
        ApplicationBody renewalWithDraft = new ApplicationBody(ApplicationType.RENEWAL, true, null, null, null, null, null, plant);
        assertThat(codes(rules.check(valid, renewalWithDraft, TODAY, Drafts.CATALOGUE))).containsExactly("SECTION_NOT_FOR_TYPE");
    }
}
