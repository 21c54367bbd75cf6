package org.epermit.api.problem;

import java.util.List;

/**
 * Thrown by domain and resource code for every expected failure. It carries the stable code, a bilingual detail
 * and the failing fields; {@link ProblemMapper} is the only place that turns it into a response.
 */
public class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final Message detail;
    private final List<FieldError> errors;

    public ApiException(ErrorCode code, Message detail, List<FieldError> errors) {
        super(code.name() + ": " + detail.en(), null, false, false);
        this.code = code;
        this.detail = detail;
        this.errors = List.copyOf(errors);
    }

    public ApiException(ErrorCode code, Message detail) {
        this(code, detail, List.of());
    }

    /** A {@code VALIDATION_FAILED} naming every failing field or parameter. */
    public static ApiException validation(List<FieldError> errors) {
        String what = errors.stream().allMatch(e -> e.path().startsWith("query.")) ? "query parameter" : "field";
        String whatZh = what.equals("field") ? "字段" : "查询参数";
        return new ApiException(ErrorCode.VALIDATION_FAILED, Message.of(
                errors.size() == 1 ? "One " + what + " is invalid." : errors.size() + " " + what + "s are invalid.",
                "有" + errors.size() + "个" + whatZh + "无效。"), errors);
    }

    public ErrorCode code() {
        return code;
    }

    public Message detail() {
        return detail;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
