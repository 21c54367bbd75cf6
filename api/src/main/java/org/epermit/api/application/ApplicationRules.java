package org.epermit.api.application;

import jakarta.enterprise.context.ApplicationScoped;
import org.epermit.api.common.CreditCode;
import org.epermit.api.common.FreeText;
import org.epermit.api.problem.FieldError;
import org.epermit.codes.Strictness;
import org.epermit.api.problem.Message;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The rules an application filed on a permit must meet (domain.md, lifecycle): each failing field is an error with its
 * JSON pointer and {@link ApplicationCode}, all of them at once; late filings are findings. Pure: the permit and the
 * day are given, so the rules are tested without a database.
 */
@ApplicationScoped
public class ApplicationRules {

    /** What the rules found: errors refuse the application, findings are stored with it. */
    record Checked(List<FieldError> errors, List<ApplicationFinding> findings) {
    }

    private final ApplicationConfig config;

    public ApplicationRules(ApplicationConfig config) {
        this.config = config;
    }

    /** The types a permit of {@code status} takes: a lapsed or withdrawn permit can only be cancelled; a cancelled one nothing. */
    static Set<ApplicationType> allowed(String status) {
        return switch (status) {
            case "VALID" -> EnumSet.of(ApplicationType.RENEWAL, ApplicationType.CHANGE, ApplicationType.REAPPLICATION,
                    ApplicationType.CANCELLATION, ApplicationType.REISSUE);
            case "EXPIRED", "REVOKED", "ANNULLED" -> EnumSet.of(ApplicationType.CANCELLATION);
            default -> EnumSet.noneOf(ApplicationType.class);
        };
    }

    /** The errors that refuse any application of {@code type} on this permit today, whatever its body says. */
    List<FieldError> refusals(PermitFacts permit, ApplicationType type, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        if (type == ApplicationType.INITIAL) {
            errors.add(error("/type", ApplicationCode.TYPE_NOT_ON_PERMIT, "An INITIAL application is for a site without a permit "
                    + "(POST /v1/applications); " + permit.permitNumber() + " exists. File RENEWAL, CHANGE, REAPPLICATION, CANCELLATION or REISSUE on it.",
                    "首次申请适用于尚无许可证的场所（POST /v1/applications），许可证" + permit.permitNumber() + "已存在，请提交延续、变更、重新申请、注销或补办申请。"));
            return errors;
        }
        if ("REGISTRATION".equals(permit.category())) {
            errors.add(error("/type", ApplicationCode.REGISTRATION_SELF_SERVICE, permit.permitNumber() + " is a registration "
                    + "receipt (登记): the unit renews it (POST /v1/registrations/" + permit.permitNumber() + "/renewal) and registers its "
                    + "changes (POST /v1/registrations/" + permit.permitNumber() + "/change) itself, with no application and no decision.",
                    permit.permitNumber() + "为登记回执（登记管理）：由排污单位自行延续（POST /v1/registrations/" + permit.permitNumber()
                            + "/renewal）和登记变更（POST /v1/registrations/" + permit.permitNumber() + "/change），无需申请和审批。"));
            return errors;
        }
        if (!allowed(permit.status()).contains(type)) {
            Set<ApplicationType> allowed = allowed(permit.status());
            errors.add(error("/type", ApplicationCode.TYPE_NOT_ALLOWED_FOR_STATUS, "Permit " + permit.permitNumber() + " is "
                    + permit.status() + ": it takes " + (allowed.isEmpty() ? "no application (apply for a new permit)" : "only " + allowed)
                    + ", not " + type + ".", "许可证" + permit.permitNumber() + "状态为" + permit.status() + "，"
                    + (allowed.isEmpty() ? "不能再提交申请（请重新申领许可证）" : "仅可提交" + allowed) + "，不能提交" + type + "。"));
            return errors;
        }
        if (type == ApplicationType.RENEWAL && permit.expiredOn(today)) {
            errors.add(error("/type", ApplicationCode.RENEWAL_AFTER_EXPIRY, "Permit " + permit.permitNumber() + " expired on "
                    + permit.validTo() + "; a renewal must be filed before expiry.",
                    "许可证" + permit.permitNumber() + "已于" + permit.validTo() + "到期，延续申请须在有效期届满前提交。"));
        }
        return errors;
    }

    /** The last day a renewal is on time: {@code renewalLeadDays} before expiry. */
    LocalDate renewalDeadline(PermitFacts permit) {
        return permit.validTo().minusDays(config.renewalLeadDays());
    }

    /** Checks an application filed on {@code permit} (every type but INITIAL); a reapplication's draft against {@code catalogue}. */
    Checked check(PermitFacts permit, ApplicationBody body, LocalDate today, DraftCatalogue catalogue) {
        List<FieldError> errors = new ArrayList<>();
        List<ApplicationFinding> findings = new ArrayList<>();
        if (body.type() == null) {
            errors.add(error("/type", ApplicationCode.REQUIRED, "Name the type: RENEWAL, CHANGE, REAPPLICATION, CANCELLATION or REISSUE.",
                    "请填写申请类型：RENEWAL、CHANGE、REAPPLICATION、CANCELLATION 或 REISSUE。"));
        } else {
            errors.addAll(refusals(permit, body.type(), today));
        }
        commitment(body, errors);
        ApplicationType type = body.type();
        sections(body, type, errors);
        if (type == ApplicationType.REAPPLICATION) {
            draft(body, catalogue, errors);
        }
        if (type == ApplicationType.RENEWAL && errors.stream().noneMatch(e -> e.path().equals("/type"))
                && today.isAfter(renewalDeadline(permit))) {
            long before = ChronoUnit.DAYS.between(today, permit.validTo());
            findings.add(finding(ApplicationCode.RENEWAL_FILED_LATE, "/type", "Filed " + before + " day(s) before expiry ("
                            + permit.validTo() + "); renewals are due " + config.renewalLeadDays() + " days before, by " + renewalDeadline(permit) + ".",
                    "在有效期届满（" + permit.validTo() + "）前" + before + "日提交；延续申请应在届满前" + config.renewalLeadDays()
                            + "日（" + renewalDeadline(permit) + "前）提交。"));
        }
        if (type == ApplicationType.CHANGE) {
            change(body.change(), today, errors, findings);
        }
        if (type == ApplicationType.CANCELLATION) {
            cancellation(permit, body.cancellation(), today, errors);
        }
        if (type == ApplicationType.REISSUE && (body.reissue() == null || body.reissue().circumstance() == null)) {
            errors.add(error(body.reissue() == null ? "/reissue" : "/reissue/circumstance", ApplicationCode.REQUIRED,
                    "Say whether the copy was LOST or DAMAGED.", "请说明许可证是遗失（LOST）还是损毁（DAMAGED）。"));
        }
        return new Checked(errors, findings);
    }

    /**
     * Checks an INITIAL application (filed at POST /v1/applications): its enterprise section, {@code known} telling
     * whether the service knows the unit's credit code, and its draft against {@code catalogue}.
     */
    Checked checkInitial(ApplicationBody body, boolean known, DraftCatalogue catalogue) {
        List<FieldError> errors = new ArrayList<>();
        if (body.type() == null) {
            errors.add(error("/type", ApplicationCode.REQUIRED, "Name the type: INITIAL.", "请填写申请类型：INITIAL。"));
        } else if (body.type() != ApplicationType.INITIAL) {
            errors.add(error("/type", ApplicationCode.TYPE_FILED_ON_PERMIT, "A " + body.type() + " application is filed on its permit: "
                    + "POST /v1/permits/{permitNumber}/applications.", body.type() + "申请应针对许可证提交：POST /v1/permits/{permitNumber}/applications。"));
        }
        commitment(body, errors);
        sections(body, ApplicationType.INITIAL, errors);
        enterprise(body.enterprise(), known, errors);
        draft(body, catalogue, errors);
        return new Checked(errors, List.of());
    }

    private static void commitment(ApplicationBody body, List<FieldError> errors) {
        if (!Boolean.TRUE.equals(body.truthful())) {
            errors.add(error("/truthful", ApplicationCode.COMMITMENT_REQUIRED, "truthful must be true.", "truthful 须为 true。"));
        }
        if (body.statement() != null && body.statement().length() > ApplicationBody.STATEMENT_MAX) {
            errors.add(tooLong("/statement", ApplicationBody.STATEMENT_MAX));
        }
    }

    /** Refuses the sections that belong to another type than {@code type}. */
    private static void sections(ApplicationBody body, ApplicationType type, List<FieldError> errors) {
        sectionOnlyFor("/change", body.change() != null, ApplicationType.CHANGE, type, errors);
        sectionOnlyFor("/cancellation", body.cancellation() != null, ApplicationType.CANCELLATION, type, errors);
        sectionOnlyFor("/reissue", body.reissue() != null, ApplicationType.REISSUE, type, errors);
        sectionOnlyFor("/enterprise", body.enterprise() != null, ApplicationType.INITIAL, type, errors);
        if (body.draft() != null && type != null && type != ApplicationType.INITIAL && type != ApplicationType.REAPPLICATION) {
            errors.add(error("/draft", ApplicationCode.SECTION_NOT_FOR_TYPE, "draft belongs to an INITIAL or REAPPLICATION application, not a "
                    + type + " one.", "draft 属于首次申请或重新申请，不属于" + type + "申请。"));
        }
    }

    private static void draft(ApplicationBody body, DraftCatalogue catalogue, List<FieldError> errors) {
        if (body.draft() == null) {
            errors.add(error("/draft", ApplicationCode.REQUIRED, "Give the permit draft: {site, category, mainIndustry, outlets, "
                    + "annualQuantities, reportObligations}.", "请填写许可证草案：{site, category, mainIndustry, outlets, annualQuantities, reportObligations}。"));
        } else {
            errors.addAll(DraftRules.check(body.draft(), catalogue));
        }
    }

    /**
     * The applicant unit: its credit code valid at lookup (a unit the service knows is found whatever its early check
     * character), and, for a new unit, valid in full (the service registers it) with its name, address and legal
     * representative.
     */
    private static void enterprise(ApplicationBody.Enterprise e, boolean known, List<FieldError> errors) {
        if (e == null) {
            errors.add(error("/enterprise", ApplicationCode.REQUIRED, "Name the unit: {creditCode} if the service knows it, else also "
                    + "{name, address, legalRepresentative}.", "请填写排污单位：已有单位填 {creditCode}，新单位另填 {name, address, legalRepresentative}。"));
            return;
        }
        if (e.creditCode() == null) {
            errors.add(error("/enterprise/creditCode", ApplicationCode.REQUIRED, "Give the unit's credit code.", "请填写统一社会信用代码。"));
        } else {
            Optional<FieldError> invalid = CreditCode.check(e.creditCode(), "/enterprise/creditCode", known ? Strictness.LOOKUP : Strictness.REGISTRATION);
            invalid.ifPresent(f -> errors.add(new FieldError(f.path(), ApplicationCode.INVALID_CREDIT_CODE.name(), f.message())));
        }
        String[][] fields = {{"name", e.name(), "the unit's name", "单位名称"}, {"address", e.address(), "its registered address", "注册地址"},
                {"legalRepresentative", e.legalRepresentative(), "its legal representative", "法定代表人"}};
        for (String[] f : fields) {
            String path = "/enterprise/" + f[0];
            if (f[1] == null) {
                if (!known) {
                    errors.add(error(path, ApplicationCode.REQUIRED, "A new unit gives " + f[2] + ".", "新登记单位须填写" + f[3] + "。"));
                }
            } else {
                FreeText.check(f[1], path, DraftRules.TEXT_MAX).ifPresent(x -> errors.add(new FieldError(path,
                        "TOO_LONG".equals(x.code()) ? ApplicationCode.TOO_LONG.name() : ApplicationCode.INVALID_TEXT.name(), x.message())));
            }
        }
    }

    private void change(ApplicationBody.Change change, LocalDate today, List<FieldError> errors, List<ApplicationFinding> findings) {
        if (change == null) {
            errors.add(error("/change", ApplicationCode.REQUIRED, "A CHANGE says what changed and when: {changedOn, items}.",
                    "变更申请须说明变更事项及日期：{changedOn, items}。"));
            return;
        }
        if (change.changedOn() == null) {
            errors.add(error("/change/changedOn", ApplicationCode.REQUIRED, "Give the day the change took effect.", "请填写变更生效日期。"));
        } else if (change.changedOn().isAfter(today)) {
            errors.add(error("/change/changedOn", ApplicationCode.CHANGE_DATE_IN_FUTURE, change.changedOn() + " is after today ("
                    + today + ").", change.changedOn() + "晚于今日（" + today + "）。"));
        } else if (ChronoUnit.DAYS.between(change.changedOn(), today) > config.changeWindowDays()) {
            findings.add(finding(ApplicationCode.CHANGE_FILED_LATE, "/change/changedOn", "Filed "
                    + ChronoUnit.DAYS.between(change.changedOn(), today) + " days after the change of " + change.changedOn()
                    + "; changes are due within " + config.changeWindowDays() + " days.", "在变更（" + change.changedOn() + "）后"
                    + ChronoUnit.DAYS.between(change.changedOn(), today) + "日提交；变更应在" + config.changeWindowDays() + "日内提交。"));
        }
        if (change.items() == null || change.items().isEmpty()) {
            errors.add(error("/change/items", ApplicationCode.REQUIRED, "Name at least one field that changed.", "请至少填写一项变更事项。"));
            return;
        }
        EnumSet<ChangedField> seen = EnumSet.noneOf(ChangedField.class);
        for (int i = 0; i < change.items().size(); i++) {
            ApplicationBody.ChangedItem item = change.items().get(i);
            String at = "/change/items/" + i;
            if (item == null || item.field() == null) {
                errors.add(error(at + "/field", ApplicationCode.REQUIRED, "Name the field that changed.", "请填写变更事项。"));
                continue;
            }
            if (!seen.add(item.field())) {
                errors.add(error(at + "/field", ApplicationCode.DUPLICATE_CHANGE, item.field() + " is named twice.", item.field() + "重复填写。"));
            }
            if (item.field().needsReapplication()) {
                errors.add(error(at + "/field", ApplicationCode.CHANGE_NEEDS_REAPPLICATION, "A change of " + item.field()
                        + " changes what the permit licenses: file a REAPPLICATION with the new permit draft instead.",
                        item.field() + "的变动涉及许可事项，请改为提交附新许可证草案的重新申请（REAPPLICATION）。"));
            } else if (item.value() == null || item.value().isBlank()) {
                errors.add(error(at + "/value", ApplicationCode.REQUIRED, "Give the new " + item.field() + ".", "请填写变更后的" + item.field() + "。"));
            } else if (item.value().length() > ApplicationBody.VALUE_MAX) {
                errors.add(tooLong(at + "/value", ApplicationBody.VALUE_MAX));
            }
        }
    }

    private static void cancellation(PermitFacts permit, ApplicationBody.Cancellation cancellation, LocalDate today, List<FieldError> errors) {
        if (cancellation == null || cancellation.reason() == null) {
            errors.add(error(cancellation == null ? "/cancellation" : "/cancellation/reason", ApplicationCode.REQUIRED,
                    "Give the reason: UNIT_TERMINATED, EXPIRED_NOT_RENEWED, REVOKED or ANNULLED.",
                    "请填写注销理由：UNIT_TERMINATED、EXPIRED_NOT_RENEWED、REVOKED 或 ANNULLED。"));
            return;
        }
        if (cancellation.explanation() != null && cancellation.explanation().length() > ApplicationBody.STATEMENT_MAX) {
            errors.add(tooLong("/cancellation/explanation", ApplicationBody.STATEMENT_MAX));
        }
        boolean matches = switch (cancellation.reason()) {
            case UNIT_TERMINATED -> true;
            case EXPIRED_NOT_RENEWED -> permit.expiredOn(today);
            case REVOKED -> "REVOKED".equals(permit.status());
            case ANNULLED -> "ANNULLED".equals(permit.status());
        };
        if (!matches) {
            errors.add(error("/cancellation/reason", ApplicationCode.CANCELLATION_REASON_MISMATCH, "Permit " + permit.permitNumber()
                    + " is " + permit.status() + " (valid to " + permit.validTo() + "): " + cancellation.reason() + " does not apply.",
                    "许可证" + permit.permitNumber() + "状态为" + permit.status() + "（有效期至" + permit.validTo() + "），注销理由"
                            + cancellation.reason() + "不适用。"));
        }
    }

    private static void sectionOnlyFor(String path, boolean present, ApplicationType owner, ApplicationType type, List<FieldError> errors) {
        if (present && type != null && type != owner) {
            errors.add(error(path, ApplicationCode.SECTION_NOT_FOR_TYPE, path.substring(1) + " belongs to a " + owner
                    + " application, not a " + type + " one.", path.substring(1) + "属于" + owner + "申请，不属于" + type + "申请。"));
        }
    }

    private static FieldError tooLong(String path, int max) {
        return error(path, ApplicationCode.TOO_LONG, "must be at most " + max + " characters", "不得超过" + max + "个字符");
    }

    static FieldError error(String path, ApplicationCode code, String en, String zh) {
        return new FieldError(path, code.name(), Message.of(en, zh));
    }

    static ApplicationFinding finding(ApplicationCode code, String path, String en, String zh) {
        return new ApplicationFinding(code, path, en, zh);
    }
}
