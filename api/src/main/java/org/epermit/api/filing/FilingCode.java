package org.epermit.api.filing;

import org.epermit.api.problem.Message;

/**
 * The one source of the codes a filing is checked with: hard errors, which refuse it (422, each failing field with its
 * JSON pointer and one of these codes), and findings, which are stored with an accepted report and shown in the
 * compliance view; a finding that {@link #needsExplanation()} is accepted only with an acknowledgement that explains
 * it. The filing guide (docs/filing.md) lists every code with its meaning and its fix; a test checks it against this.
 */
public enum FilingCode implements org.epermit.api.problem.DocumentedCode {
    // --- hard errors: the report and its period
    REQUIRED(Kind.ERROR, "A required field is missing.", "缺少必填字段。",
            "Send the field; the blank report (GET …/execution-reports/blank) has every field a report needs.",
            "补充该字段；空白报告（GET …/execution-reports/blank）列出了报告所需的全部字段。"),
    REPORT_TYPE_NOT_REQUIRED(Kind.ERROR, "The permit does not require reports of this type.", "许可证未要求提交该类型的执行报告。",
            "File one of the types the message lists (the permit's report obligations).", "请按提示提交许可证规定的报告类型。"),
    PERIOD_MALFORMED(Kind.ERROR, "The period does not name a period of the report's type.", "报告期格式与报告类型不符。",
            "Write 2025 (annual), 2025-H1 (semi-annual), 2025-Q3 (quarterly) or 2025-07 (monthly).",
            "年报写 2025，半年报写 2025-H1，季报写 2025-Q3，月报写 2025-07。"),
    PERIOD_IN_FUTURE(Kind.ERROR, "The period has not begun.", "报告期尚未开始。",
            "File a period that has ended.", "请提交已结束的报告期。"),
    PERIOD_NOT_ENDED(Kind.ERROR, "The period has not ended yet.", "报告期尚未结束。",
            "File after the period's last day.", "请在报告期最后一日之后提交。"),
    PERIOD_OUTSIDE_VALIDITY(Kind.ERROR, "The permit was not held in this period.", "该报告期内未持有该许可证。",
            "File the periods in which the unit held the permit (its validity, until cancellation).",
            "请提交持证期间（有效期内、注销之前）的报告期。"),
    REPORT_NOT_DUE(Kind.ERROR, "A skip rule says no report is due for this period.", "按规定该报告期无需单独提交报告。",
            "File the report the message names instead: a period held too briefly is folded into the next report; an "
                    + "annual report stands in for the fourth quarter's and December's, a quarterly report for its last month's.",
            "请改为提交提示中的报告：持证时间不足的报告期并入下一期报告；年报替代第四季度和十二月的报告，季报替代其最后一个月的报告。"),
    // --- hard errors: figures
    POLLUTANT_MISSING(Kind.ERROR, "A licensed pollutant has no actual emissions.", "缺少许可污染物的实际排放量。",
            "Add an entry for every pollutant the message names (each has a licensed quantity for the period).",
            "请为提示中的每种许可污染物填报实际排放量。"),
    POLLUTANT_NOT_LICENSED(Kind.ERROR, "The permit has no licensed quantity for this pollutant.", "许可证未对该污染物核定许可排放量。",
            "Use the codes the message lists (HJ 212-2017 codes of the licensed pollutants).", "请使用提示中列出的许可污染物代码。"),
    OUTLET_UNKNOWN(Kind.ERROR, "The permit has no outlet with this code.", "许可证中没有该排放口。",
            "Use one of the outlet codes the message lists.", "请使用提示中列出的排放口编号。"),
    POLLUTANT_NOT_AT_OUTLET(Kind.ERROR, "The outlet is not licensed or monitored for this pollutant.", "该排放口未许可或未监测该污染物。",
            "Use one of the pollutants the message lists for that outlet.", "请使用提示中列出的该排放口污染物。"),
    DUPLICATE_ENTRY(Kind.ERROR, "The same pollutant, outlet or requirement is given twice.", "同一污染物、排放口或监测要求重复填报。",
            "Give each once.", "每项只填报一次。"),
    VALUE_NEGATIVE(Kind.ERROR, "A figure is negative.", "数值为负。", "Send a figure of zero or more.", "请填报不小于零的数值。"),
    VALUE_ABSURD(Kind.ERROR, "A figure is implausibly large (more than 100 times the licensed quantity).",
            "数值明显不合理（超过许可排放量的100倍）。", "Check the unit: actual emissions are in tonnes for the period.",
            "请核对单位：实际排放量以报告期内的吨计。"),
    // --- hard errors: exceedances, monitoring, conditions
    EXCEEDANCE_NO_LIMIT(Kind.ERROR, "The permit sets no limit for this pollutant at this outlet.", "许可证未对该排放口的该污染物规定排放限值。",
            "Declare exceedances only of limited pollutants.", "仅对有排放限值的污染物填报超标情况。"),
    EXCEEDANCE_NOT_ABOVE_LIMIT(Kind.ERROR, "The measured value does not exceed the limit.", "监测值未超过排放限值。",
            "Check the value against the limit the message gives, or remove the record.", "请对照提示中的限值核对监测值，或删除该记录。"),
    LIMIT_NOT_PERMIT_LIMIT(Kind.ERROR, "The limit given is not the permit's limit.", "填报的限值与许可证规定的限值不一致。",
            "Give the permit's limit (the message says it) or leave the field out.", "请填写提示中许可证规定的限值，或不填写该字段。"),
    WINDOW_OUTSIDE_PERIOD(Kind.ERROR, "The time window lies outside the report's period.", "时段不在报告期内。",
            "Give a window within the period the report covers.", "请填写报告期内的时段。"),
    WINDOW_INVERTED(Kind.ERROR, "The window ends before it starts.", "时段结束早于开始。", "Swap or correct the times.", "请更正起止时间。"),
    MONITORING_REQUIREMENT_UNKNOWN(Kind.ERROR, "The permit has no self-monitoring requirement for this outlet and pollutant.",
            "许可证没有该排放口该污染物的自行监测要求。", "Use the requirements the blank report lists.", "请按空白报告列出的监测要求填报。"),
    MONITORING_COMPLETENESS_MISSING(Kind.ERROR, "A manual monitoring requirement has no completeness entry.", "缺少手工监测要求的完成情况。",
            "Add an entry (required and performed samples) for every requirement the message names.",
            "请为提示中的每项监测要求填报应测与实测样品数。"),
    REQUIRED_SAMPLES_MISMATCH(Kind.ERROR, "The required sample count is not what the permit requires for the period.",
            "应测样品数与许可证对该报告期的要求不符。", "Give the count the message states, or leave the field out.",
            "请填写提示中的样品数，或不填写该字段。"),
    COMMITMENT_REQUIRED(Kind.ERROR, "The signatory has not committed that the report is true.", "未承诺报告内容真实。",
            "Set statements.truthful to true: the unit signs that the report is true (HJ 944-2018).",
            "请将 statements.truthful 设为 true：排污单位须承诺报告真实（HJ 944-2018）。"),
    REPORT_EXISTS(Kind.ERROR, "The permit already has a report of this type and period.", "该许可证已有同类型同报告期的报告。",
            "Correct the existing report (POST /v1/execution-reports/{id}/corrections; the message names it).",
            "请更正已有报告（POST /v1/execution-reports/{id}/corrections，提示中给出了报告编号）。"),
    REPORT_MISMATCH(Kind.ERROR, "A correction names another report type or period than the report it corrects.",
            "更正的报告类型或报告期与原报告不一致。", "Leave type and period out of a correction, or give the report's own.",
            "更正时不填写类型和报告期，或填写原报告的类型和报告期。"),
    // --- hard errors: acknowledgements
    EXPLANATION_REQUIRED(Kind.ERROR, "A finding needs an explanation and the submission gives none.", "存在需说明的问题，但提交中未说明。",
            "Add an acknowledgement {code, path, explanation} for the finding the message names (the validation endpoint lists them).",
            "请为提示中的问题添加说明 {code, path, explanation}（校验接口会列出需说明的问题）。"),
    ACKNOWLEDGEMENT_UNMATCHED(Kind.ERROR, "An acknowledgement names no finding of this submission.", "说明未对应本次提交的任何问题。",
            "Remove it, or correct its code and path to a finding's.", "请删除该说明，或将其代码和路径改为对应问题的代码和路径。"),

    // --- findings
    LATE(Kind.FINDING, "Filed after the deadline.", "逾期提交。", "Nothing to fix now; file before the deadline next time.",
            "无需更正；今后请在截止日期前提交。"),
    CORRECTED_AFTER_DEADLINE(Kind.FINDING, "A correction filed after the report's deadline.", "在截止日期后更正。",
            "Nothing to fix; the correction is kept beside the version it corrects.", "无需更正；更正版本与原版本一并保留。"),
    EMISSIONS_ABOVE_LICENSED(Kind.FINDING_EXPLAINED, "Actual emissions exceed the licensed quantity for the period (pro rata).",
            "实际排放量超过报告期（按比例折算的）许可排放量。", "Explain why in an acknowledgement, or correct the figure.",
            "请说明原因，或更正数值。"),
    MONITORING_BELOW_REQUIRED(Kind.FINDING_EXPLAINED, "Fewer samples were taken than the permit requires.", "实测样品数少于许可证要求。",
            "Explain why (an outage, a stoppage) in an acknowledgement.", "请说明原因（设备故障、停产等）。"),
    EXCEEDANCES_DECLARED(Kind.FINDING, "The report declares exceedances.", "报告填报了超标情况。",
            "Nothing to fix; the regulator sees them.", "无需更正；监管部门可查看。"),
    UNDECLARED_EXCEEDANCE(Kind.FINDING_EXPLAINED, "Our monitoring records show exceedances the report does not declare.",
            "监测记录显示存在报告未填报的超标。", "Declare them (the blank report lists them) or explain why they are not exceedances.",
            "请填报这些超标（空白报告已列出），或说明其不属于超标的原因。"),
    SAMPLES_ABOVE_RECORDS(Kind.FINDING_EXPLAINED, "More samples are claimed than the monitoring records we hold.",
            "填报的实测样品数多于平台收到的监测记录数。", "Send the missing records, or correct the count, or explain.",
            "请补报缺少的监测记录、更正数量或说明原因。"),
    EMISSIONS_DIFFER_FROM_RECORDS(Kind.FINDING, "Actual emissions differ from what the monitoring records imply by more than the tolerance.",
            "实际排放量与监测记录推算值的差异超过允许范围。", "Check the figure and the method against the monitoring data.",
            "请对照监测数据核对数值和核算方法。");

    /** Whether a code refuses a filing, or is a finding, and whether the finding must be explained. */
    public enum Kind { ERROR, FINDING, FINDING_EXPLAINED }

    private final Kind kind;
    private final Message meaning;
    private final Message fix;

    FilingCode(Kind kind, String meaningEn, String meaningZh, String fixEn, String fixZh) {
        this.kind = kind;
        this.meaning = Message.of(meaningEn, meaningZh);
        this.fix = Message.of(fixEn, fixZh);
    }

    public Kind kind() {
        return kind;
    }

    public boolean isError() {
        return kind == Kind.ERROR;
    }

    public boolean needsExplanation() {
        return kind == Kind.FINDING_EXPLAINED;
    }

    /** What the code means. */
    @Override
    public Message meaning() {
        return meaning;
    }

    /** How to fix what it reports. */
    @Override
    public Message fix() {
        return fix;
    }
}
