package org.epermit.api.problem;

/**
 * The one catalogue of stable error codes. Clients branch on {@link #name()}; titles are shown to people.
 * The docs' error catalogue is generated from this enum, so adding a code here documents it.
 */
public enum ErrorCode {
    VALIDATION_FAILED(400, "Request validation failed", "请求参数校验失败"),
    INVALID_PERMIT_NUMBER(400, "Invalid permit number", "许可证编号无效"),
    INVALID_CREDIT_CODE(400, "Invalid unified social credit code", "统一社会信用代码无效"),
    INVALID_CURSOR(400, "Invalid or expired cursor", "分页游标无效或已过期"),
    MALFORMED_REQUEST(400, "Malformed request", "请求格式错误"),
    UNAUTHENTICATED(401, "Authentication required", "需要身份认证"),
    INSUFFICIENT_SCOPE(403, "Not allowed", "无权执行该操作"),
    NOT_DELEGATED(403, "Not delegated", "未获委托"),
    OUTSIDE_REGION(403, "Outside your region", "超出管辖区域"),
    PERMIT_NOT_FOUND(404, "Permit not found", "未找到该排污许可证"),
    ENTERPRISE_NOT_FOUND(404, "Enterprise not found", "未找到该排污单位"),
    RESOURCE_NOT_FOUND(404, "Resource not found", "请求的资源不存在"),
    CLIENT_NOT_FOUND(404, "API client not found", "未找到该接口客户端"),
    DELEGATION_NOT_FOUND(404, "Delegation not found", "未找到该委托"),
    REPORT_NOT_FOUND(404, "Execution report not found", "未找到该执行报告"),
    CONFLICT(409, "Conflict", "与现有数据冲突"),
    MONITORING_RECORDS_INVALID(422, "Monitoring records rejected", "自行监测数据未通过校验"),
    MONITORING_RECORD_CONFLICT(409, "Monitoring records differ from those stored", "自行监测数据与已存数据不一致"),
    MONITORING_DEVICE_TAKEN(409, "Monitoring device registered elsewhere", "监测设备已登记在别处"),
    MONITORING_DEVICE_NOT_FOUND(404, "Monitoring device not found", "未找到该监测设备"),
    // Statutory periods counted in working days need the year's holiday arrangement (docs/calendar.md).
    CALENDAR_YEAR_NOT_COVERED(422, "Working-day calendar does not cover the year", "工作日历未收录该年份"),
    IDEMPOTENCY_IN_PROGRESS(409, "A request with this idempotency key is in progress", "使用该幂等键的请求正在处理中"),
    LAST_ADMINISTRATOR(409, "Last administrator", "最后一个管理员"),
    CONCURRENT_MODIFICATION(409, "Changed by another request meanwhile", "已被另一请求同时修改"),
    SECRET_ALREADY_SHOWN(409, "Already done; its secret was shown once", "请求已处理，其密钥仅显示一次"),
    // Filings: a report for the same permit, type and period exists (the problem names it); a filing that fails the
    // permit's rules (every failing field with its FilingCode, docs/filing.md).
    REPORT_EXISTS(409, "A report for this period exists", "该报告期的报告已存在"),
    FILING_REJECTED(422, "The filing does not meet the permit's requirements", "填报内容不符合许可证要求"),
    // Applications: every failing field with its ApplicationCode (docs/applications.md); one open application of a type
    // per permit (the problem names it); a withdrawal of one already decided or withdrawn.
    APPLICATION_NOT_FOUND(404, "Application not found", "未找到该申请"),
    APPLICATION_OPEN(409, "An application of this type is open", "同类型申请正在办理中"),
    APPLICATION_NOT_OPEN(409, "The application is no longer open", "该申请已办结或已撤回"),
    APPLICATION_REJECTED(422, "The application does not meet the rules of its type", "申请不符合该类型的要求"),
    APPLICATION_NOT_RETURNED(409, "Only a returned application is resubmitted", "仅退回补正的申请可以重新提交"),
    // The review desk: an act on something not awaiting it (decided, withdrawn, or at another stage); a decision
    // before acceptance; a return at acceptance after the acceptance period, when the application counts as accepted.
    REVIEW_NOT_PENDING(409, "Not awaiting this review", "不处于待审状态"),
    NOT_YET_ACCEPTED(409, "Not accepted yet", "尚未受理"),
    ACCEPTANCE_PERIOD_PASSED(409, "The acceptance period has passed", "受理期限已过"),
    // Registration (登记): every failing field with its RegistrationCode (docs/registration.md); a permit's number where a
    // registration receipt's is expected (its changes and renewals are applications).
    REGISTRATION_REJECTED(422, "The registration does not meet the rules of registration", "登记不符合登记管理的要求"),
    NOT_A_REGISTRATION(409, "Not a registration receipt: a permit", "不是登记回执，而是排污许可证"),
    IDEMPOTENCY_CONFLICT(422, "Idempotency key reused for another request", "幂等键已用于另一个请求"),
    METHOD_NOT_ALLOWED(405, "Method not allowed", "不支持该请求方法"),
    NOT_ACCEPTABLE(406, "Not acceptable", "无法提供所请求的响应格式"),
    PAYLOAD_TOO_LARGE(413, "Payload too large", "请求体过大"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type", "不支持的请求内容类型"),
    // Refusals of the HTTP protocol layer (conditional requests, CORS, the connection's framing).
    PRECONDITION_FAILED(412, "Precondition failed", "前置条件不满足"),
    CROSS_ORIGIN_REFUSED(403, "Cross-origin call refused", "拒绝跨域调用"),
    URI_TOO_LONG(414, "URI too long", "请求地址过长"),
    REQUEST_HEADER_FIELDS_TOO_LARGE(431, "Request header fields too large", "请求头过大"),
    HTTP_VERSION_NOT_SUPPORTED(505, "HTTP version not supported", "不支持该HTTP版本"),
    RATE_LIMITED(429, "Too many requests", "请求过于频繁"),
    QUOTA_EXCEEDED(429, "Daily quota exceeded", "已超出每日配额"),
    SERVICE_UNAVAILABLE(503, "Service temporarily unavailable", "服务暂时不可用"),
    INTERNAL_ERROR(500, "Internal server error", "服务器内部错误");

    private final int status;
    private final String titleEn;
    private final String titleZh;

    ErrorCode(int status, String titleEn, String titleZh) {
        this.status = status;
        this.titleEn = titleEn;
        this.titleZh = titleZh;
    }

    public int status() {
        return status;
    }

    public String title(Language language) {
        return language == Language.ZH ? titleZh : titleEn;
    }

    /** The problem {@code type} URI: stable, one per code, listed in the error catalogue (docs/errors.md). */
    public String typeUri() {
        return "urn:epermit:problem:" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
