package org.epermit.api.registration;

import org.epermit.api.problem.Message;

/**
 * The one source of the codes a registration (排污登记), its renewal and its change are checked with: errors, which
 * refuse the request (422 {@code REGISTRATION_REJECTED}, each failing field with its JSON pointer and one of these
 * codes), and findings, which a registration is accepted with and which its history records. The guide
 * (docs/registration.md) lists every code with its meaning and fix; a test checks it against this enum.
 */
public enum RegistrationCode implements org.epermit.api.problem.DocumentedCode {
    // --- errors: the body
    REQUIRED(true, "A field the registration needs is missing.", "缺少登记所需的字段。",
            "Send the field; docs/registration.md lists each request's fields.", "补充该字段；docs/registration.md 列出了各请求的字段。"),
    INVALID_TEXT(true, "A text is not well-formed: a lone surrogate, a control character, or nothing visible.",
            "文本格式不正确：含孤立代理项、控制字符，或没有可见字符。", "Send the text as it is written, without control characters.",
            "请按实际填写文本，不含控制字符。"),
    TOO_LONG(true, "A text is longer than allowed.", "文本超出长度限制。", "Shorten it to the length the message gives.", "请按提示缩短文本。"),
    COMMITMENT_REQUIRED(true, "The unit has not committed that what it registers is true.", "排污单位未承诺登记内容真实。",
            "Set truthful to true: the unit answers for what it registers.", "请将 truthful 设为 true：排污单位对登记内容的真实性负责。"),
    INVALID_CREDIT_CODE(true, "The unified social credit code fails GB 32100-2015 (or its organisation code GB 11714).",
            "统一社会信用代码不符合 GB 32100-2015（或其组织机构代码不符合 GB 11714）。",
            "Copy the code from the unit's business licence; the message says which character is wrong.",
            "请按营业执照填写统一社会信用代码；提示中指出了有误的字符。"),
    COORDINATE_OUT_OF_RANGE(true, "A longitude or latitude is outside China, or only one of the two is given.",
            "经度或纬度超出我国范围，或只填写了其中之一。",
            "Give both, in decimal degrees (WGS-84 or CGCS2000): longitude 73 to 136, latitude 3 to 54.",
            "请同时填写经纬度（十进制度，WGS-84 或 CGCS2000）：经度 73～136，纬度 3～54。"),
    OUTLET_CODE_FORMAT(true, "An outlet code is not DA or DW followed by three digits (HJ 608-2017).",
            "排放口编码不符合 HJ 608-2017（DA 或 DW 加三位数字）。", "Number air outlets DA001, DA002…, water outlets DW001….",
            "废气排放口编为 DA001、DA002……，废水排放口编为 DW001……。"),
    OUTLET_MEDIUM_MISMATCH(true, "An outlet's code and its medium disagree (DA is air, DW water).", "排放口编码与类别不符（DA 为废气，DW 为废水）。",
            "Give an AIR outlet a DA code and a WATER outlet a DW code.", "废气排放口用 DA 编码，废水排放口用 DW 编码。"),
    DUPLICATE_OUTLET(true, "Two outlets have the same code.", "排放口编码重复。", "Give each outlet its own code.", "每个排放口使用不同的编码。"),
    DESTINATION_NOT_FOR_AIR(true, "A destination is given for an air outlet; it is where wastewater goes.",
            "为废气排放口填写了排放去向；排放去向仅适用于废水。", "Leave destination out of AIR outlets.", "废气排放口不填写 destination。"),
    // --- errors: what the body refers to
    UNKNOWN_UNIT(true, "No unit with this credit code is known to the service.", "服务中没有该统一社会信用代码的排污单位。",
            "A unit registers through its enterprise client, which an administrator registers for the unit (docs/registration.md, Who registers).",
            "排污单位通过其单位客户端登记，该客户端由管理员为单位注册（见 docs/registration.md“谁来登记”）。"),
    UNIT_DETAILS_DIFFER(true, "The unit's name, address or legal representative differs from the unit as it is known.",
            "单位名称、地址或法定代表人与已知信息不一致。",
            "Send the unit as it is known (the message gives it); register a change on an existing receipt (POST /v1/registrations/{number}/change) for a change that happened.",
            "请按已知信息填写（提示中已给出）；如确已变更，请在已有登记回执上登记变更（POST /v1/registrations/{number}/change）。"),
    UNKNOWN_REGION(true, "The site's region code is not a GB/T 2260 division the service knows.", "场所行政区划代码不是已知的 GB/T 2260 区划。",
            "Give the six-digit code of the county (district) the site lies in; GET /v1/reference/regions lists them.",
            "请填写场所所在区县的六位代码；可通过 GET /v1/reference/regions 查询。"),
    REGION_TOO_BROAD(true, "The site's region is a province, a city with counties, or a grouping row, not the division a site lies in.",
            "场所行政区划为省、下设区县的市或统计用汇总行，不是场所所在的最小区划。",
            "Give the county (district) code, the most detailed division.", "请填写最小一级区划（区县）的代码。"),
    UNKNOWN_INDUSTRY(true, "The industry class is not a GB/T 4754-2017 class the service knows.", "行业类别不是已知的 GB/T 4754-2017 小类。",
            "Give the four-digit class; GET /v1/reference/industries lists them.", "请填写四位行业小类代码；可通过 GET /v1/reference/industries 查询。"),
    INDUSTRY_NOT_REGISTRATION(true, "The classification catalogue (2019) does not manage this class by registration.",
            "《固定污染源排污许可分类管理名录（2019年版）》未将该行业类别列为登记管理。",
            "Units of this class need a permit: apply for one (an INITIAL application, POST /v1/applications) instead of registering.",
            "该行业类别的排污单位须申领排污许可证：请提交首次申请（POST /v1/applications），而非登记。"),
    INDUSTRY_NOT_IN_CATALOGUE(true, "The classification catalogue the service holds lists no management category for this class.",
            "服务所存分类管理名录未列出该行业类别的管理类别。",
            "Check the class; a class the catalogue does not list needs neither a permit nor a registration.",
            "请核对行业类别；名录未列出的行业类别既无需申领许可证，也无需登记。"),
    // --- errors: a change
    CHANGE_DATE_IN_FUTURE(true, "The change has not happened yet.", "变更尚未发生。",
            "Register the change once it has taken effect, with the date it did.", "请在变更生效后登记，并填写生效日期。"),
    CHANGE_BEFORE_REGISTRATION(true, "The change is dated before the receipt was issued, which registered the details of its day.",
            "变更日期早于登记回执的登记日期，而回执登记的是登记当日的信息。",
            "Date the change on or after the receipt's issue date (the message gives it).", "请填写不早于登记日期（提示中已给出）的变更日期。"),
    NOTHING_CHANGED(true, "The change names no field, or only fields whose value stays the same.", "变更未填写任何事项，或所填事项与现有内容相同。",
            "Send only the fields that changed, with their new values.", "仅填写发生变更的事项及其新内容。"),
    UNIT_HOLDS_PERMITS(true, "The unit also holds a permit: its name, address or legal representative change on that permit first.",
            "该单位还持有排污许可证：单位名称、地址或法定代表人的变更须先在许可证上办理。",
            "File a CHANGE application on the permit the message names (POST /v1/permits/{number}/applications); change the site here.",
            "请在提示所列许可证上提交变更申请（POST /v1/permits/{number}/applications）；场所信息可在此登记变更。"),
    // --- errors: the receipt's state
    REGISTRATION_NOT_VALID(true, "The receipt is not VALID (it was cancelled, revoked or annulled).", "登记回执不在有效状态（已注销、吊销或撤销）。",
            "Register the site again (POST /v1/registrations): it gets a new receipt.", "请重新登记（POST /v1/registrations），将获得新的登记回执。"),
    RENEWAL_WINDOW_NOT_OPEN(true, "A receipt is renewed only in the days before it expires; that window has not opened.",
            "登记回执仅可在有效期届满前规定日数内延续，尚未到延续期。",
            "Renew from the date the message gives (20 days before expiry by default).", "请自提示所给日期起办理延续（默认为届满前20日）。"),
    REGISTRATION_EXPIRED(true, "The receipt has expired: it can no longer be renewed.", "登记回执已过有效期，不能再延续。",
            "Register the site again (POST /v1/registrations): it gets a new receipt, valid 5 years.",
            "请重新登记（POST /v1/registrations），将获得有效期5年的新登记回执。"),
    // --- findings: accepted, recorded in the history
    CHANGE_REGISTERED_LATE(false, "A change registered more than 20 days after it took effect.", "变更在发生之日起20日后才登记。",
            "Nothing to fix now; register changes within 20 days next time.", "无需更正；今后请在变更之日起20日内登记。");

    private final boolean error;
    private final Message meaning;
    private final Message fix;

    RegistrationCode(boolean error, String meaningEn, String meaningZh, String fixEn, String fixZh) {
        this.error = error;
        this.meaning = Message.of(meaningEn, meaningZh);
        this.fix = Message.of(fixEn, fixZh);
    }

    /** Whether it refuses the request (otherwise it is a finding the request is accepted with). */
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
