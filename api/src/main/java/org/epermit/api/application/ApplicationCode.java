package org.epermit.api.application;

import org.epermit.api.problem.Message;

/**
 * The one source of the codes an application is checked with: errors, which refuse it (422, each failing field with
 * its JSON pointer and one of these codes; an open application of the same type is a 409), and findings, which are
 * stored with an accepted application for the regulator to see. The guide (docs/applications.md) lists every code
 * with its meaning and fix; a test checks it against this enum.
 */
public enum ApplicationCode implements org.epermit.api.problem.DocumentedCode {
    // --- errors: the body
    REQUIRED(true, "A field the application's type needs is missing.", "缺少该申请类型所需的字段。",
            "Send the field; GET …/applications/requirements?type=… lists what each type needs.",
            "补充该字段；GET …/applications/requirements?type=… 列出了各类申请所需字段。"),
    SECTION_NOT_FOR_TYPE(true, "The body carries a section that belongs to another type.", "请求体包含其他申请类型的内容。",
            "Send only the section of the application's type (change, cancellation or reissue).",
            "仅填写与申请类型对应的部分（change、cancellation 或 reissue）。"),
    TOO_LONG(true, "A text is longer than allowed.", "文本超出长度限制。", "Shorten it to the length the message gives.",
            "请按提示缩短文本。"),
    COMMITMENT_REQUIRED(true, "The applicant has not committed that the application is true.", "申请人未承诺申请内容真实。",
            "Set truthful to true: the unit answers for what it files.", "请将 truthful 设为 true：排污单位对申请内容的真实性负责。"),
    // --- errors: the type and the permit
    TYPE_NOT_ON_PERMIT(true, "An INITIAL application is not filed on an existing permit.", "首次申请不针对已有许可证提交。",
            "File INITIAL at POST /v1/applications; on an existing permit file RENEWAL, CHANGE, REAPPLICATION, CANCELLATION or REISSUE.",
            "首次申请通过 POST /v1/applications 提交；已有许可证可提交延续、变更、重新申请、注销或补办申请。"),
    TYPE_FILED_ON_PERMIT(true, "Only INITIAL applications are filed at POST /v1/applications.", "POST /v1/applications 仅受理首次申请。",
            "File RENEWAL, CHANGE, REAPPLICATION, CANCELLATION and REISSUE on the permit: POST /v1/permits/{permitNumber}/applications.",
            "延续、变更、重新申请、注销和补办申请请针对许可证提交：POST /v1/permits/{permitNumber}/applications。"),
    REGISTRATION_SELF_SERVICE(true, "Registration receipts (登记) are not applied for: the unit registers itself.",
            "登记管理的排污单位无需申请，由单位自行登记。",
            "Renew it at POST /v1/registrations/{number}/renewal and register changes at POST /v1/registrations/{number}/change (docs/registration.md), not by an application.",
            "请通过 POST /v1/registrations/{number}/renewal 办理延续、POST /v1/registrations/{number}/change 登记变更（见 docs/registration.md），而非提交申请。"),
    TYPE_NOT_ALLOWED_FOR_STATUS(true, "The permit's status does not allow an application of this type.",
            "许可证当前状态不允许提交该类申请。",
            "A VALID permit takes every type; an EXPIRED, REVOKED or ANNULLED one only CANCELLATION; a CANCELLED one none (apply for a new permit).",
            "有效的许可证可提交各类申请；已过期、被吊销或被撤销的只能申请注销；已注销的不能再申请（请重新申领许可证）。"),
    RENEWAL_AFTER_EXPIRY(true, "The permit has expired: it can no longer be renewed.", "许可证已过有效期，不能再申请延续。",
            "Apply for a new permit (INITIAL, POST /v1/applications); cancel the expired one with reason EXPIRED_NOT_RENEWED.",
            "请重新申领许可证（首次申请，POST /v1/applications），并以 EXPIRED_NOT_RENEWED 为由注销已过期的许可证。"),
    CHANGE_NEEDS_REAPPLICATION(true, "A change of outlets, pollutants, quantities, limits or site is a reapplication, not a change.",
            "排放口、污染物、排放量、限值或地点的变动须重新申请，不属于变更。",
            "File a REAPPLICATION with the new permit draft; a CHANGE covers the name, address, legal representative and principal person in charge.",
            "请提交附新许可证草案的重新申请；变更仅适用于名称、地址、法定代表人和主要负责人。"),
    CHANGE_DATE_IN_FUTURE(true, "The change has not happened yet.", "变更尚未发生。",
            "File the change once it has taken effect, with the date it did.", "请在变更生效后提交，并填写生效日期。"),
    DUPLICATE_CHANGE(true, "The same field is changed twice.", "同一事项重复变更。", "Name each field once.", "每项只填写一次。"),
    CANCELLATION_REASON_MISMATCH(true, "The cancellation's reason does not match the permit.", "注销理由与许可证状态不符。",
            "Give the reason that applies: EXPIRED_NOT_RENEWED for an expired permit, REVOKED or ANNULLED for one the authority withdrew, UNIT_TERMINATED otherwise.",
            "请填写相符的理由：已过期的填 EXPIRED_NOT_RENEWED，被吊销或撤销的填 REVOKED 或 ANNULLED，其他情况填 UNIT_TERMINATED。"),
    APPLICATION_OPEN(true, "An application of this type is open for the permit.", "该许可证已有同类型的申请在办理中。",
            "Wait for its decision, or withdraw it (POST /v1/applications/{id}/withdrawal; the message names it) and file again.",
            "请等待其办结，或撤回该申请（POST /v1/applications/{id}/withdrawal，提示中给出了申请编号）后重新提交。"),
    // --- errors: the applicant (INITIAL)
    INVALID_CREDIT_CODE(true, "The enterprise's unified social credit code is not valid (GB 32100-2015).", "排污单位的统一社会信用代码无效（GB 32100-2015）。",
            "Send the unit's 18-character code as its business licence prints it; a new unit's code is checked in full, both check characters included.",
            "请按营业执照填写18位代码；新登记单位的代码须通过全部校验（含两位校验码）。"),
    // --- errors: the permit draft (INITIAL, REAPPLICATION)
    INVALID_TEXT(true, "A text is not plain visible text (a control character, an invisible-only or malformed text).", "文本含控制字符、仅含不可见字符或编码错误。",
            "Send the text as it should be shown.", "请按应显示的内容填写。"),
    INVALID_VALUE(true, "A number is out of its range or has too many decimals.", "数值超出范围或小数位数过多。",
            "Give a value within the range the message names.", "请按提示填写范围内的数值。"),
    UNKNOWN_REGION(true, "The site's division is not a GB/T 2260 code the service knows.", "场所所在行政区划代码不在代码表中。",
            "Give a code from GET /v1/reference/regions.", "请填写 GET /v1/reference/regions 中的代码。"),
    REGION_NOT_A_SITE(true, "The division is a province, a city or a grouping row (市辖区, 县), not a place a site can be.",
            "该区划为省、市级或汇总类区划（市辖区、县），不能作为场所所在地。",
            "Give the county-level division (level 3) the site is in.", "请填写场所所在的县级行政区划（第3级）。"),
    UNKNOWN_INDUSTRY(true, "The industry is not a GB/T 4754-2017 code the service knows.", "行业代码不在行业分类代码表中。",
            "Give a code from GET /v1/reference/industries.", "请填写 GET /v1/reference/industries 中的代码。"),
    INDUSTRY_NOT_A_CLASS(true, "The industry is a division or a group, not a 4-digit class.", "所填为行业大类或中类，而非4位小类。",
            "Give the 4-digit class the site's activity falls in.", "请填写场所生产活动所属的4位行业小类。"),
    DUPLICATE_INDUSTRY(true, "A secondary industry is named twice, or is the main class.", "副行业类别重复，或与主行业类别相同。",
            "Name each class once; the main class only as mainIndustry.", "每个类别只填写一次；主行业类别只填在 mainIndustry。"),
    CATEGORY_NOT_FOR_INDUSTRY(true, "The classification catalogue (分类管理名录 2019) does not put the main industry class under this category.",
            "分类管理名录（2019年版）未将该主行业类别列入所填管理类别。",
            "Apply under a category the catalogue gives the class (the message lists them); a REGISTRATION unit registers itself.",
            "请按名录为该行业类别规定的管理类别申请（提示中已列出）；登记管理的单位自行登记。"),
    OUTLET_CODE_INVALID(true, "An outlet code is not DA### (air) or DW### (water).", "排放口编号不符合 DA###（废气）或 DW###（废水）格式。",
            "Number outlets as HJ 608-2017 does: DA001, DW001…", "请按 HJ 608-2017 编号：DA001、DW001……"),
    OUTLET_CODE_MEDIUM_MISMATCH(true, "The outlet code's prefix does not match its medium (DA is air, DW water).", "排放口编号前缀与介质不符（DA 为废气，DW 为废水）。",
            "Give an air outlet a DA code and a water outlet a DW code.", "废气排放口用 DA 编号，废水排放口用 DW 编号。"),
    DUPLICATE_OUTLET(true, "Two outlets have the same code.", "两个排放口编号相同。", "Give each outlet its own code.", "每个排放口使用不同的编号。"),
    MAIN_OUTLET_FOR_SIMPLIFIED(true, "A SIMPLIFIED permit has a MAIN outlet; its outlets are general outlets.", "简化管理的许可证含主要排放口，而其排放口均为一般排放口。",
            "Make the outlet GENERAL, or apply as KEY where the catalogue says so.", "将该排放口设为 GENERAL，或在名录规定时按重点管理申请。"),
    FIELD_NOT_FOR_MEDIUM(true, "A field of the other medium: a stack height on a water outlet, a receiving water or reference oxygen on water or air where it does not apply.",
            "填写了不属于该介质的字段：如废水排放口的排气筒高度、废气排放口的受纳水体、废水限值的基准氧含量。",
            "Leave the field out.", "删除该字段。"),
    UNKNOWN_POLLUTANT(true, "The pollutant is not an HJ 212-2017 code the service knows.", "污染物代码不在代码表中。",
            "Give a code from GET /v1/reference/pollutants.", "请填写 GET /v1/reference/pollutants 中的代码。"),
    POLLUTANT_MEDIUM_MISMATCH(true, "A pollutant of the other medium (an air pollutant at a water outlet, or the reverse): the outlet does not discharge it.",
            "污染物与排放口介质不符（如废水排放口填写大气污染物）：该排放口不排放该污染物。",
            "License and monitor each pollutant at outlets of its medium (a… codes at DA outlets, w… codes at DW outlets).",
            "在相应介质的排放口许可和监测污染物（a 开头的代码在 DA 排放口，w 开头的在 DW 排放口）。"),
    DUPLICATE_POLLUTANT(true, "A pollutant is listed twice at one outlet.", "同一排放口重复填写同一污染物。",
            "List each pollutant once per outlet.", "每个排放口每种污染物只填写一次。"),
    LIMIT_ON_FLOW(true, "A limit or a quantity for a flow parameter, which is monitored, not limited.", "为流量参数填写了限值或许可排放量，而流量只监测、不设限。",
            "Leave the limit (or the quantity) out; keep its monitoring.", "删除其限值（或排放量），保留监测要求。"),
    LIMIT_UNIT_MISMATCH(true, "The limit's unit is not the pollutant's (mg/m3 for air, mg/L for water, dimensionless for pH).",
            "限值单位与污染物单位不符（废气 mg/m3，废水 mg/L，pH 无量纲）。",
            "Give the bounds in the unit GET /v1/reference/pollutants names.", "请使用 GET /v1/reference/pollutants 给出的单位。"),
    UNKNOWN_STANDARD(true, "The emission standard, or the table of it, is not one the service knows.", "排放标准或其表号不在本系统收录范围内。",
            "Cite the standard's code as it is printed (GB 13223-2011) and a table it has (表1); the message lists its tables.",
            "请按标准编号（如 GB 13223-2011）及其表号（如 表1）填写；提示中列出了其各表。"),
    STANDARD_MEDIUM_MISMATCH(true, "The standard (or its table) sets no limits for the pollutant's medium.", "该标准（或其表）不规定该介质污染物的限值。",
            "Cite an air standard for air pollutants and a water standard for water pollutants.", "大气污染物引用大气排放标准，水污染物引用水污染物排放标准。"),
    LIMIT_NOT_IN_STANDARD(true, "The cited standard (or table) sets no limit for the pollutant.", "所引用的标准（或表）未规定该污染物的限值。",
            "Cite the standard and table that limit the pollutant.", "请引用规定该污染物限值的标准和表。"),
    LIMIT_LOOSER_THAN_STANDARD(true, "The limit is looser than the cited standard allows.", "许可限值宽于所引用标准的规定。",
            "Give a limit within the standard's (the message gives it): a permit may be stricter than its standard, never looser.",
            "请填写不宽于标准的限值（提示中已给出）：许可限值可严于标准，不得宽于标准。"),
    SPECIAL_LIMIT_APPLIES(true, "Special emission limits (特别排放限值) apply where the site is, and the limit is looser than the standard's special table.",
            "场所所在地执行特别排放限值，而该限值宽于标准的特别排放限值表。",
            "Give a limit within the special table's (the message names it), citing that table.", "请按提示的特别排放限值表填写不宽于其规定的限值，并引用该表。"),
    MAIN_POLLUTANT_NOT_AUTOMATIC(true, "A KEY unit's main outlet monitors a main pollutant manually.", "重点管理单位的主要排放口对主要污染物采用手工监测。",
            "Monitor it AUTOMATIC (a networked continuous monitor), with the manual frequency that applies during outages.",
            "改为自动监测（AUTOMATIC，联网的在线监测设备），并填写设备故障期间的手工监测频次。"),
    QUANTITY_NOT_LICENSED(true, "An annual quantity for a pollutant no outlet of the draft licenses.", "为草案中没有任何排放口许可的污染物填写了许可排放量。",
            "License the pollutant at an outlet, or leave its quantity out.", "在排放口许可该污染物，或删除其排放量。"),
    DUPLICATE_QUANTITY(true, "A pollutant has two annual quantities.", "同一污染物填写了两条许可排放量。",
            "Give one entry per pollutant, with a value for each year.", "每种污染物填写一条，每年一个数值。"),
    QUANTITY_YEARS_MISMATCH(true, "An annual quantity does not give one value for each of the 5 years of validity.", "许可排放量未按有效期5年逐年填写。",
            "Give 5 values, for the first to the fifth year of validity.", "请填写5个数值，依次对应有效期第1至第5年。"),
    REPORT_NOT_FOR_CATEGORY(true, "An execution report the category does not carry (HJ 944-2018).", "所填执行报告类型不属于该管理类别（HJ 944-2018）。",
            "KEY permits require ANNUAL, QUARTERLY and, where they say so, MONTHLY reports; SIMPLIFIED ANNUAL and, where they say so, QUARTERLY or SEMIANNUAL.",
            "重点管理：年报、季报，规定时另有月报；简化管理：年报，规定时另有季报或半年报。"),
    REPORT_OBLIGATION_MISSING(true, "A report the category always requires is missing.", "缺少该管理类别必须提交的执行报告。",
            "Add it: ANNUAL for every permit, QUARTERLY too for KEY ones.", "请补充：所有许可证须有年报，重点管理还须有季报。"),
    DUPLICATE_REPORT_OBLIGATION(true, "A report type is listed twice.", "执行报告类型重复填写。", "List each type once.", "每种类型只填写一次。"),
    RESUBMISSION_TYPE_CHANGED(true, "A resubmission names another type than the application it corrects.",
            "重新提交的申请类型与原申请不一致。", "Resubmit with the application's own type; file another type as a new application.",
            "请保持原申请类型重新提交；其他类型请作为新申请提交。"),
    RESUBMISSION_UNIT_CHANGED(true, "A resubmitted INITIAL application names another unit than the one it was filed for.",
            "重新提交的首次申请所填单位与原申请不一致。", "Resubmit for the application's own unit; apply for another unit as a new application.",
            "请为原申请单位重新提交；其他单位请作为新申请提交。"),
    // --- findings: accepted, flagged for the regulator
    RENEWAL_FILED_LATE(false, "A renewal filed later than the lead the regulation asks (60 days before expiry).",
            "延续申请晚于规定时限（有效期届满前60日）提交。",
            "Nothing to fix now; the regulator may not decide before expiry. File renewals earlier next time.",
            "无需更正；主管部门可能无法在有效期届满前作出决定。今后请提前提交。"),
    CHANGE_FILED_LATE(false, "A change filed more than 30 days after it took effect.", "变更在发生之日起30日后才提交。",
            "Nothing to fix now; file changes within 30 days next time.", "无需更正；今后请在变更之日起30日内提交。");

    private final boolean error;
    private final Message meaning;
    private final Message fix;

    ApplicationCode(boolean error, String meaningEn, String meaningZh, String fixEn, String fixZh) {
        this.error = error;
        this.meaning = Message.of(meaningEn, meaningZh);
        this.fix = Message.of(fixEn, fixZh);
    }

    /** Whether it refuses the application (otherwise it is a finding the application is accepted with). */
    public boolean isError() {
        return error;
    }

    @Override
    public Message meaning() {
        return meaning;
    }

    @Override
    public Message fix() {
        return fix;
    }
}
