package org.epermit.api.registration;

import org.epermit.api.common.CreditCode;
import org.epermit.api.permit.PermitCategory;
import org.epermit.api.permit.PermitLifecycleConfig;
import org.epermit.api.permit.PermitStatus;
import org.epermit.api.permit.RenewalDue;
import org.epermit.api.problem.FieldError;
import org.epermit.api.reference.Medium;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules of registration on their own: validity, the renewal window's edges, late and future changes, the form's fields. */
class RegistrationRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

    static final RegistrationConfig CONFIG = new RegistrationConfig() {
        public int validityYears() { return 5; }
        public int changeWindowDays() { return 20; }
    };

    /** The lifecycle configuration's renewal leads (permits 90 days, receipts {@code registrationLead}), all these rules read. */
    static PermitLifecycleConfig lifecycle(Period registrationLead) {
        return (PermitLifecycleConfig) Proxy.newProxyInstance(PermitLifecycleConfig.class.getClassLoader(),
                new Class<?>[] {PermitLifecycleConfig.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "registrationRenewalLead" -> registrationLead;
                    case "renewalLead" -> Period.ofDays(90);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    final RegistrationRules rules = new RegistrationRules(CONFIG, lifecycle(Period.ofDays(20)));

    /** A valid credit code (both check characters right), for a unit of Tangshan's Lubei district. */
    static String creditCode() {
        String organisation = "MA0G4XY2";
        String first17 = "91130203" + organisation + CreditCode.organisationCheckCharacter(organisation);
        return first17 + CreditCode.checkCharacter(first17);
    }

    static RegistrationQueries.Receipt receipt(String status, LocalDate validTo) {
        return new RegistrationQueries.Receipt(1, creditCode() + "001W", "REGISTRATION", status, 1, validTo.minusYears(5).plusDays(1),
                validTo.minusYears(5).plusDays(1), validTo, 1, validTo.minusYears(5).plusDays(1), "锅炉房", "唐山市路北区建设路1号",
                new BigDecimal("118.180193"), new BigDecimal("39.630867"), "唐山某供热有限公司", "唐山市路北区建设路1号", "王强");
    }

    static RegistrationBody form(String creditCode, String region, String industry, List<RegistrationBody.Outlet> outlets, Boolean truthful) {
        return new RegistrationBody(new RegistrationBody.Unit(creditCode, "唐山某供热有限公司", "唐山市路北区建设路1号", "王强"),
                new RegistrationBody.Site("锅炉房", "唐山市路北区建设路1号", region, new BigDecimal("118.180193"), new BigDecimal("39.630867")),
                industry, outlets, truthful);
    }

    static List<String> codes(List<FieldError> errors) {
        return errors.stream().map(FieldError::code).toList();
    }

    static List<String> paths(List<FieldError> errors) {
        return errors.stream().map(FieldError::path).toList();
    }

    @Test
    void a_receipt_is_valid_for_5_years_less_a_day_and_a_renewal_runs_5_years_from_the_old_expiry() {
        assertThat(rules.validTo(TODAY)).isEqualTo(LocalDate.of(2031, 12, 3));
        assertThat(rules.validTo(LocalDate.of(2024, 2, 29))).as("a leap day").isEqualTo(LocalDate.of(2029, 2, 27));
        assertThat(rules.renewedTo(LocalDate.of(2031, 12, 3))).isEqualTo(LocalDate.of(2036, 12, 3));
    }

    @Test
    void a_receipt_is_renewed_from_the_day_it_is_due_for_renewal_20_days_before_its_last_day_of_validity() {
        LocalDate validTo = LocalDate.of(2026, 12, 31);
        assertThat(rules.renewableFrom(validTo)).isEqualTo(LocalDate.of(2026, 12, 11));
        RenewalDue due = new RenewalDue(lifecycle(Period.ofDays(20)), Clock.systemUTC());
        assertThat(due.isDue(PermitStatus.VALID, PermitCategory.REGISTRATION, validTo, LocalDate.of(2026, 12, 11)))
                .as("the day the disclosure starts showing it due for renewal").isTrue();
        assertThat(due.isDue(PermitStatus.VALID, PermitCategory.REGISTRATION, validTo, LocalDate.of(2026, 12, 10))).isFalse();
        assertThat(codes(rules.renewal(receipt("VALID", validTo), LocalDate.of(2026, 12, 10)))).containsExactly("RENEWAL_WINDOW_NOT_OPEN");
        assertThat(rules.renewal(receipt("VALID", validTo), LocalDate.of(2026, 12, 10)).get(0).message().en())
                .contains("renewed from 2026-12-11 (20 days before it expires)").contains("valid to 2026-12-31").contains("1 day(s) from today");
        assertThat(codes(rules.renewal(receipt("VALID", validTo), LocalDate.of(2026, 12, 11)))).isEmpty();
        assertThat(codes(rules.renewal(receipt("VALID", validTo), validTo))).as("its last day").isEmpty();
        assertThat(codes(rules.renewal(receipt("VALID", validTo), validTo.plusDays(1)))).as("expired by its dates, before the nightly job")
                .containsExactly("REGISTRATION_EXPIRED");
        assertThat(codes(rules.renewal(receipt("EXPIRED", validTo), validTo.minusDays(3)))).containsExactly("REGISTRATION_EXPIRED");
        assertThat(codes(rules.renewal(receipt("CANCELLED", validTo), validTo.minusDays(3)))).containsExactly("REGISTRATION_NOT_VALID");
    }

    @Test
    void a_change_is_on_time_for_20_days_after_it_took_effect_and_refused_before_it_did() {
        RegistrationChange.Site site = new RegistrationChange.Site("新锅炉房", null, null, null);
        assertThat(rules.changeForm(new RegistrationChange(TODAY.minusDays(20), null, site, true), TODAY).findings()).isEmpty();
        assertThat(rules.changeForm(new RegistrationChange(TODAY.minusDays(21), null, site, true), TODAY).findings())
                .extracting(RegistrationFinding::code).containsExactly(RegistrationCode.CHANGE_REGISTERED_LATE);
        assertThat(codes(rules.changeForm(new RegistrationChange(TODAY, null, site, true), TODAY).errors())).isEmpty();
        assertThat(codes(rules.changeForm(new RegistrationChange(TODAY.plusDays(1), null, site, false), TODAY).errors()))
                .containsExactly("COMMITMENT_REQUIRED", "CHANGE_DATE_IN_FUTURE");
    }

    @Test
    void a_change_changes_only_what_differs_and_one_of_nothing_or_of_a_unit_holding_permits_is_refused() {
        RegistrationQueries.Receipt r = receipt("VALID", TODAY.plusYears(3));
        RegistrationRules.Changes same = RegistrationRules.changes(new RegistrationChange(TODAY,
                new RegistrationChange.Unit(" 唐山某供热有限公司 ", null, null), new RegistrationChange.Site(null, null,
                new BigDecimal("118.18019300"), new BigDecimal("39.630867")), true), r);
        assertThat(same.any()).isFalse();
        assertThat(codes(rules.change(r, TODAY, same, List.of(), TODAY))).containsExactly("NOTHING_CHANGED");

        RegistrationRules.Changes renamed = RegistrationRules.changes(new RegistrationChange(TODAY,
                new RegistrationChange.Unit("唐山新供热有限公司", null, "李明"), null, true), r);
        assertThat(renamed.unitName()).isEqualTo("唐山新供热有限公司");
        assertThat(renamed.legalRepresentative()).isEqualTo("李明");
        assertThat(codes(rules.change(r, TODAY, renamed, List.of(), TODAY))).isEmpty();
        assertThat(codes(rules.change(r, TODAY, renamed, List.of("91130203MA0G4XY2X5001P"), TODAY))).containsExactly("UNIT_HOLDS_PERMITS");
        assertThat(codes(rules.change(r, r.issueDate().minusDays(1), renamed, List.of(), TODAY))).containsExactly("CHANGE_BEFORE_REGISTRATION");
        assertThat(codes(rules.change(r, r.issueDate(), renamed, List.of(), TODAY))).isEmpty();
        assertThat(Registrations.describe(renamed, List.of())).as("the public history never names the legal representative")
                .contains("单位名称", "法定代表人").doesNotContain("李明");
    }

    @Test
    void a_form_is_refused_with_every_failing_field_at_once() {
        String code = creditCode();
        String wrongCheck = code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0');
        List<RegistrationBody.Outlet> outlets = List.of(
                new RegistrationBody.Outlet("DA001", "锅炉废气排放口", Medium.AIR, "大气"),
                new RegistrationBody.Outlet("DW001", "生活污水排放口", Medium.AIR, null),
                new RegistrationBody.Outlet("DA001", "又一排放口", Medium.AIR, null),
                new RegistrationBody.Outlet("X1", null, null, null));
        List<FieldError> errors = rules.form(form(wrongCheck, "13020", "44", outlets, null));
        assertThat(codes(errors)).containsExactly("COMMITMENT_REQUIRED", "INVALID_CREDIT_CODE", "UNKNOWN_REGION", "UNKNOWN_INDUSTRY",
                "DESTINATION_NOT_FOR_AIR", "OUTLET_MEDIUM_MISMATCH", "DUPLICATE_OUTLET", "OUTLET_CODE_FORMAT", "REQUIRED", "REQUIRED");
        assertThat(paths(errors)).containsExactly("/truthful", "/unit/creditCode", "/site/regionCode", "/industryCode",
                "/outlets/0/destination", "/outlets/1/medium", "/outlets/2/code", "/outlets/3/code", "/outlets/3/medium", "/outlets/3/name");
        assertThat(codes(rules.form(form(code, "130203", "4430", List.of(), true)))).isEmpty();
    }

    @Test
    void coordinates_are_given_together_and_lie_in_china() {
        RegistrationBody body = new RegistrationBody(new RegistrationBody.Unit(creditCode(), "单位", "地址", "王强"),
                new RegistrationBody.Site("场所", "地址", "130203", new BigDecimal("200"), null), "4430", null, true);
        assertThat(paths(rules.form(body))).containsExactly("/site/latitude");
        body = new RegistrationBody(body.unit(), new RegistrationBody.Site("场所", "地址", "130203", new BigDecimal("12.5"),
                new BigDecimal("39.6")), "4430", null, true);
        assertThat(codes(rules.form(body))).containsExactly("COORDINATE_OUT_OF_RANGE");
    }

    @Test
    void what_a_form_refers_to_must_exist_and_the_class_must_be_managed_by_registration() {
        RegistrationBody body = form(creditCode(), "130203", "2211", null, true);
        var known = Optional.of(new RegistrationQueries.KnownUnit(1, creditCode(), "唐山某供热有限公司", "唐山市路北区建设路1号", null));
        var county = Optional.of(new RegistrationQueries.Region("130203", 3, false, false));
        List<FieldError> keyOnly = rules.references(body, true, known, true, county, true,
                Optional.of(new RegistrationQueries.Industry("2211", Set.of("KEY"))));
        assertThat(codes(keyOnly)).containsExactly("INDUSTRY_NOT_REGISTRATION");
        assertThat(keyOnly.get(0).message().en()).contains("KEY").contains("POST /v1/applications");
        assertThat(codes(rules.references(body, true, known, true, county, true,
                Optional.of(new RegistrationQueries.Industry("4430", Set.of("KEY", "SIMPLIFIED", "REGISTRATION")))))).isEmpty();
        assertThat(codes(rules.references(body, true, Optional.empty(), true, Optional.of(new RegistrationQueries.Region("130200", 2, true, false)),
                true, Optional.empty()))).containsExactly("UNKNOWN_UNIT", "REGION_TOO_BROAD", "UNKNOWN_INDUSTRY");
        var renamed = Optional.of(new RegistrationQueries.KnownUnit(1, creditCode(), "唐山另一有限公司", "唐山市路北区建设路1号", "赵六"));
        List<FieldError> differ = rules.references(body, true, renamed, false, Optional.empty(), false, Optional.empty());
        assertThat(paths(differ)).containsExactly("/unit/name", "/unit/legalRepresentative");
        assertThat(differ.get(1).message().en()).doesNotContain("赵六");
    }
}
