package org.epermit.api.application;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.epermit.api.calendar.DayCount;
import org.epermit.api.calendar.ReviewCase;
import org.epermit.api.calendar.ReviewDeadlineConfig;
import org.epermit.api.problem.FieldError;

import java.time.LocalDate;
import java.util.List;

/**
 * What an application of a type needs for a permit today, before anyone files it: the fields, the kinds of
 * attachments, the filing deadline that applies and whether it has passed, and the decision period, so that a vendor
 * can guide an enterprise without calling the bureau.
 */
@ApplicationScoped
public class ApplicationRequirements {

    @Schema(name = "ApplicationRequirements")
    public record Requirements(
            ApplicationType type,
            @Schema(examples = "91130200699229617X001P") String permitNumber,
            @Schema(description = "Whether the permit takes an application of this type today") boolean allowed,
            @Schema(description = "Why not, when not allowed: the errors a filing would meet whatever its body") List<Refusal> refusals,
            @Schema(description = "The body's fields this type needs") List<RequiredField> fields,
            @Schema(description = "The kinds of attachment the regulator asks for") List<Attachment> attachments,
            @Schema(nullable = true, description = "The filing deadline that applies; null for types without one") FilingDeadline filingDeadline,
            @Schema(nullable = true, description = "The decision period from acceptance; null when no application is allowed") DecisionPeriod decisionPeriod) {
    }

    @Schema(name = "ApplicationRefusal")
    public record Refusal(@Schema(examples = "TYPE_NOT_ALLOWED_FOR_STATUS") ApplicationCode code,
                          @Schema(examples = "/type") String path, String message, String messageZh) {

        static Refusal of(FieldError error) {
            return new Refusal(ApplicationCode.valueOf(error.code()), error.path(), error.message().en(), error.message().zh());
        }
    }

    @Schema(name = "ApplicationRequiredField")
    public record RequiredField(@Schema(description = "JSON pointer into the body", examples = "/change/changedOn") String path,
                                boolean required, String description, String descriptionZh) {
    }

    @Schema(name = "ApplicationAttachment")
    public record Attachment(@Schema(examples = "COMMITMENT_LETTER") String kind, boolean required, String description, String descriptionZh) {
    }

    @Schema(name = "ApplicationFilingDeadline")
    public record FilingDeadline(
            @Schema(nullable = true, description = "The last day to file on time; null when it depends on the body (a change's date)")
            LocalDate date,
            @Schema(nullable = true, description = "Whether it has passed today; null when the date depends on the body") Boolean passed,
            @Schema(description = "The rule, in English") String rule,
            @Schema(description = "The rule, in Chinese") String ruleZh,
            @Schema(description = "What filing later means", examples = "RENEWAL_FILED_LATE") ApplicationCode lateFinding) {
    }

    @Schema(name = "ApplicationDecisionPeriod")
    public record DecisionPeriod(
            @Schema(description = "Days from acceptance (受理), the day of acceptance not counted", examples = "20") int days,
            @Schema(description = "WORKING: working days of the calendar (GET /v1/calendar/{year}: statutory holidays skipped, "
                    + "make-up working days counted); CALENDAR: every day") DayCount dayCount,
            @Schema(description = "Counted from acceptance", examples = "ACCEPTANCE") String countsFrom) {
    }

    private final ApplicationRules rules;
    private final ApplicationConfig config;
    private final ReviewDeadlineConfig periods;

    public ApplicationRequirements(ApplicationRules rules, ApplicationConfig config, ReviewDeadlineConfig periods) {
        this.rules = rules;
        this.config = config;
        this.periods = periods;
    }

    Requirements of(PermitFacts permit, ApplicationType type, LocalDate today) {
        List<FieldError> refusals = rules.refusals(permit, type, today);
        boolean allowed = refusals.isEmpty();
        return new Requirements(type, permit.permitNumber(), allowed, refusals.stream().map(Refusal::of).toList(), fields(type), attachments(type),
                deadline(permit, type, today), allowed ? new DecisionPeriod(periods.period(reviewCase(permit, type)), periods.dayCount(), "ACCEPTANCE") : null);
    }

    private FilingDeadline deadline(PermitFacts permit, ApplicationType type, LocalDate today) {
        return switch (type) {
            case RENEWAL -> {
                LocalDate date = rules.renewalDeadline(permit);
                yield new FilingDeadline(date, today.isAfter(date), "File at least " + config.renewalLeadDays() + " days before expiry ("
                        + permit.validTo() + "); later it is accepted with RENEWAL_FILED_LATE; after expiry it is refused.",
                        "应在有效期届满（" + permit.validTo() + "）前" + config.renewalLeadDays() + "日提交；逾期提交的予以受理并标注"
                                + " RENEWAL_FILED_LATE；有效期届满后不再受理。", ApplicationCode.RENEWAL_FILED_LATE);
            }
            case CHANGE -> new FilingDeadline(null, null, "File within " + config.changeWindowDays() + " days of the day the change "
                    + "took effect; later it is accepted with CHANGE_FILED_LATE.", "应在变更之日起" + config.changeWindowDays()
                    + "日内提交；逾期提交的予以受理并标注 CHANGE_FILED_LATE。", ApplicationCode.CHANGE_FILED_LATE);
            default -> null;
        };
    }

    /** The statutory case an application of {@code type} on {@code permit} is decided under (before any site inspection is ordered). */
    static ReviewCase reviewCase(PermitFacts permit, ApplicationType type) {
        return type.decidedUnder(permit.category(), false);
    }

    private static List<RequiredField> fields(ApplicationType type) {
        List<RequiredField> common = List.of(
                new RequiredField("/type", true, "The application's type", "申请类型"),
                new RequiredField("/truthful", true, "true: the unit commits that the application is true", "true：排污单位承诺申请内容真实"),
                new RequiredField("/statement", false, "Free text to the regulator", "致主管部门的说明"));
        List<RequiredField> own = switch (type) {
            case CHANGE -> List.of(
                    new RequiredField("/change/changedOn", true, "The day the change took effect", "变更生效日期"),
                    new RequiredField("/change/items", true, "Each changed field (NAME, ADDRESS, LEGAL_REPRESENTATIVE, "
                            + "PRINCIPAL_PERSON) with its new value", "每项变更事项（名称、地址、法定代表人、主要负责人）及变更后的内容"));
            case CANCELLATION -> List.of(
                    new RequiredField("/cancellation/reason", true, "UNIT_TERMINATED, EXPIRED_NOT_RENEWED, REVOKED or ANNULLED",
                            "注销理由：UNIT_TERMINATED、EXPIRED_NOT_RENEWED、REVOKED 或 ANNULLED"),
                    new RequiredField("/cancellation/explanation", false, "What happened", "情况说明"));
            case REISSUE -> List.of(new RequiredField("/reissue/circumstance", true, "LOST or DAMAGED", "遗失（LOST）或损毁（DAMAGED）"));
            default -> List.of();
        };
        return java.util.stream.Stream.concat(common.stream(), own.stream()).toList();
    }

    private static List<Attachment> attachments(ApplicationType type) {
        Attachment letter = new Attachment("COMMITMENT_LETTER", true, "The unit's signed commitment letter", "排污单位签章的承诺书");
        return switch (type) {
            case RENEWAL -> List.of(letter,
                    new Attachment("APPLICATION_FORM", true, "The renewal application form", "排污许可证延续申请表"),
                    new Attachment("COMPLIANCE_SUMMARY", false, "How the unit met the permit during its validity (execution reports filed here count)",
                            "有效期内执行许可证情况说明（已在本平台提交的执行报告可作依据）"));
            case CHANGE -> List.of(letter,
                    new Attachment("APPLICATION_FORM", true, "The change application form", "排污许可证变更申请表"),
                    new Attachment("CHANGE_EVIDENCE", true, "Evidence of the change (the amended business licence or appointment)",
                            "变更证明材料（变更后的营业执照或任命文件等）"));
            case CANCELLATION -> List.of(letter,
                    new Attachment("CANCELLATION_EVIDENCE", false, "Evidence of the ground (dissolution, closure), where the reason is UNIT_TERMINATED",
                            "注销事由证明材料（注销理由为 UNIT_TERMINATED 时，如解散、关闭文件）"));
            case REISSUE -> List.of(letter,
                    new Attachment("LOSS_STATEMENT", false, "A published loss statement, where the copy was LOST", "遗失声明（LOST 时）"),
                    new Attachment("DAMAGED_COPY", false, "The damaged copy, where it was DAMAGED", "损毁的许可证（DAMAGED 时）"));
            default -> List.of();
        };
    }
}
