package org.epermit.api.application;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.epermit.api.calendar.DayCount;
import org.epermit.api.calendar.ReviewCase;
import org.epermit.api.calendar.ReviewDeadlineConfig;
import org.epermit.api.problem.FieldError;

import org.epermit.api.permit.PermitCategory;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

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
            @Schema(nullable = true, description = "The permit applied on; null for an INITIAL application", examples = "91130200699229617X001P")
            String permitNumber,
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
            @Schema(description = "Counted from acceptance", examples = "ACCEPTANCE") String countsFrom,
            @Schema(nullable = true, description = "A KEY unit's initial application or reapplication: the period when the regulator "
                    + "orders a site inspection (现场核查); null otherwise", examples = "45") Integer daysWithSiteInspection) {
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
        return new Requirements(type, permit.permitNumber(), allowed, refusals.stream().map(Refusal::of).toList(), fields(type), attachments(type, permit.category()),
                deadline(permit, type, today), allowed ? period(type, permit.category()) : null);
    }

    /** What an INITIAL application under {@code category} needs (there is no permit yet): REGISTRATION units register themselves. */
    Requirements initial(PermitCategory category) {
        List<FieldError> refusals = category == PermitCategory.REGISTRATION
                ? List.of(ApplicationRules.error("/draft/category", ApplicationCode.REGISTRATION_SELF_SERVICE, "A REGISTRATION unit applies for "
                + "no permit: it registers itself (登记) at POST /v1/registrations, with no decision.",
                "登记管理的排污单位无需申请许可证，通过 POST /v1/registrations 自行登记，无需审批。"))
                : List.of();
        boolean allowed = refusals.isEmpty();
        return new Requirements(ApplicationType.INITIAL, null, allowed, refusals.stream().map(Refusal::of).toList(), fields(ApplicationType.INITIAL),
                attachments(ApplicationType.INITIAL, category.name()), null, allowed ? period(ApplicationType.INITIAL, category.name()) : null);
    }

    private DecisionPeriod period(ApplicationType type, String category) {
        boolean key = "KEY".equals(category);
        Integer inspection = (type == ApplicationType.INITIAL || type == ApplicationType.REAPPLICATION) && key
                ? periods.period(ReviewCase.INITIAL_KEY_INSPECTION) : null;
        return new DecisionPeriod(periods.period(reviewCase(category, type)), periods.dayCount(), "ACCEPTANCE", inspection);
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

    /** The statutory case an application of {@code type} under {@code category} is decided under (before any site inspection is ordered). */
    static ReviewCase reviewCase(String category, ApplicationType type) {
        return type.decidedUnder(category, false);
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
            case INITIAL -> java.util.stream.Stream.concat(Stream.of(
                    new RequiredField("/enterprise/creditCode", true, "The unit's unified social credit code", "排污单位统一社会信用代码"),
                    new RequiredField("/enterprise/name", false, "The unit's name (required for a unit the service does not know)", "单位名称（新单位必填）"),
                    new RequiredField("/enterprise/address", false, "Its registered address (required for a new unit)", "注册地址（新单位必填）"),
                    new RequiredField("/enterprise/legalRepresentative", false, "Its legal representative (required for a new unit)", "法定代表人（新单位必填）")),
                    DRAFT.stream()).toList();
            case REAPPLICATION -> DRAFT;
            default -> List.of();
        };
        return java.util.stream.Stream.concat(common.stream(), own.stream()).toList();
    }

    /** The draft's fields, for INITIAL applications and reapplications. */
    static final List<RequiredField> DRAFT = List.of(
            new RequiredField("/draft/site", true, "The site: name, address, county-level regionCode, longitude, latitude",
                    "场所：名称、地址、县级行政区划代码 regionCode、经纬度"),
            new RequiredField("/draft/category", true, "KEY or SIMPLIFIED, as the classification catalogue gives the main industry",
                    "KEY 或 SIMPLIFIED，按分类管理名录对主行业类别的规定"),
            new RequiredField("/draft/mainIndustry", true, "The main industry class (4 digits)", "主行业类别（4位）"),
            new RequiredField("/draft/secondaryIndustries", false, "Secondary industry classes", "副行业类别"),
            new RequiredField("/draft/outlets", true, "Each outlet (DA### air, DW### water; MAIN only for KEY) with its pollutants: limit with "
                    + "unit and standard, optional rate limit, monitoring (AUTOMATIC or MANUAL with a frequency)",
                    "各排放口（废气 DA###、废水 DW###；主要排放口仅限重点管理）及其污染物：限值、单位和依据标准，可选速率限值，监测要求（自动或手工及频次）"),
            new RequiredField("/draft/annualQuantities", false, "Annual licensed quantities per pollutant, 5 values (t/a), one per year of validity",
                    "各污染物年许可排放量，5个数值（吨/年），有效期内每年一个"),
            new RequiredField("/draft/reportObligations", true, "The execution reports: ANNUAL, and QUARTERLY for KEY; others where the permit says so",
                    "执行报告：年报，重点管理另有季报；其他按许可证规定"));

    private static List<Attachment> attachments(ApplicationType type, String category) {
        Attachment letter = new Attachment("COMMITMENT_LETTER", true, "The unit's signed commitment letter", "排污单位签章的承诺书");
        return switch (type) {
            case INITIAL, REAPPLICATION -> List.of(letter,
                    new Attachment("APPLICATION_FORM", true, "The permit application form", "排污许可证申请表"),
                    new Attachment("EIA_APPROVAL", false, "The approval of the environmental impact assessment, where the project needed one",
                            "环境影响评价审批文件（项目依法须开展环评的）"),
                    new Attachment("PROCESS_AND_SITE_PLAN", true, "The production process flow chart and the site plan with the outlets",
                            "生产工艺流程图及标明排放口的厂区总平面布置图"),
                    new Attachment("MONITORING_PLAN", true, "The self-monitoring plan (HJ 819-2017)", "自行监测方案（HJ 819-2017）"),
                    new Attachment("DISCLOSURE_RECORD", "KEY".equals(category), "KEY units: how the unit published its basic information before applying",
                            "重点管理单位：申请前信息公开情况说明"));
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
