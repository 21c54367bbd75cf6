package org.epermit.api.application;

import org.epermit.api.problem.Message;

/**
 * The one source of the codes an application is checked with: errors, which refuse it (422, each failing field with
 * its JSON pointer and one of these codes; an open application of the same type is a 409), and findings, which are
 * stored with an accepted application for the regulator to see. The guide (docs/applications.md) lists every code
 * with its meaning and fix; a test checks it against this enum.
 */
public enum ApplicationCode {
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
            "File RENEWAL, CHANGE, CANCELLATION or REISSUE here; initial applications are filed at POST /v1/applications (a later release).",
            "此处可提交延续、变更、注销或补办申请；首次申请通过 POST /v1/applications 提交（后续版本提供）。"),
    TYPE_NOT_YET_AVAILABLE(true, "Reapplications carry a permit draft and are not taken yet.", "重新申请须附许可证草案，暂未开放。",
            "File it at the bureau until the API takes permit drafts (a later release).", "在接口支持许可证草案之前（后续版本），请到主管部门办理。"),
    REGISTRATION_SELF_SERVICE(true, "Registration receipts (登记) are not applied for: the unit registers itself.",
            "登记管理的排污单位无需申请，由单位自行登记。",
            "Renew it at POST /v1/registrations/{number}/renewal and register changes at POST /v1/registrations/{number}/change (docs/registration.md), not by an application.",
            "请通过 POST /v1/registrations/{number}/renewal 办理延续、POST /v1/registrations/{number}/change 登记变更（见 docs/registration.md），而非提交申请。"),
    TYPE_NOT_ALLOWED_FOR_STATUS(true, "The permit's status does not allow an application of this type.",
            "许可证当前状态不允许提交该类申请。",
            "A VALID permit takes every type; an EXPIRED, REVOKED or ANNULLED one only CANCELLATION; a CANCELLED one none (apply for a new permit).",
            "有效的许可证可提交各类申请；已过期、被吊销或被撤销的只能申请注销；已注销的不能再申请（请重新申领许可证）。"),
    RENEWAL_AFTER_EXPIRY(true, "The permit has expired: it can no longer be renewed.", "许可证已过有效期，不能再申请延续。",
            "Apply for a new permit (INITIAL, a later release); cancel the expired one with reason EXPIRED_NOT_RENEWED.",
            "请重新申请许可证（首次申请，后续版本提供），并以 EXPIRED_NOT_RENEWED 为由注销已过期的许可证。"),
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
    RESUBMISSION_TYPE_CHANGED(true, "A resubmission names another type than the application it corrects.",
            "重新提交的申请类型与原申请不一致。", "Resubmit with the application's own type; file another type as a new application.",
            "请保持原申请类型重新提交；其他类型请作为新申请提交。"),
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

    public Message meaning() {
        return meaning;
    }

    public Message fix() {
        return fix;
    }
}
