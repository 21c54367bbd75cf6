package org.epermit.api.application;

import jakarta.enterprise.context.ApplicationScoped;
import org.epermit.api.problem.FieldError;
import org.epermit.api.problem.Message;

import java.util.ArrayList;
import java.util.List;

/**
 * What a regulator's acceptance or decision must say, every failing field at once: a return lists its corrections (the
 * one-notice rule: all of them, in one notice), a rejection its reasons, and neither carries the other's list.
 */
@ApplicationScoped
public class ReviewBodyRules {

    static final int TEXT_MAX = 2000;
    static final int PATH_MAX = 200;
    static final int CORRECTIONS_MAX = 100;
    static final int REASONS_MAX = 50;

    List<FieldError> acceptance(AcceptanceBody body) {
        List<FieldError> errors = new ArrayList<>();
        if (body == null) {
            errors.add(required("", "send the acceptance: {\"outcome\": \"ACCEPTED\"} or RETURNED with its corrections",
                    "请提交受理意见：{\"outcome\": \"ACCEPTED\"}，或 RETURNED 并列明补正事项"));
            return errors;
        }
        if (body.outcome() == null) {
            errors.add(required("/outcome", "ACCEPTED or RETURNED", "应为 ACCEPTED 或 RETURNED"));
        }
        boolean returned = body.outcome() == AcceptanceOutcome.RETURNED;
        corrections(body.corrections(), returned, errors);
        if (returned && body.siteInspection() != null) {
            errors.add(notAllowed("/siteInspection", "a site inspection is ordered with an acceptance, not a return",
                    "现场核查随受理决定，不随退回补正"));
        }
        comment(body.comment(), errors);
        return errors;
    }

    List<FieldError> decision(DecisionBody body) {
        List<FieldError> errors = new ArrayList<>();
        if (body == null) {
            errors.add(required("", "send the decision: APPROVED, REJECTED with reasons, or RETURNED with corrections",
                    "请提交决定：APPROVED、附理由的 REJECTED，或附补正事项的 RETURNED"));
            return errors;
        }
        if (body.decision() == null) {
            errors.add(required("/decision", "APPROVED, REJECTED or RETURNED", "应为 APPROVED、REJECTED 或 RETURNED"));
        }
        boolean rejected = body.decision() == DecisionOutcome.REJECTED;
        if (body.reasons() == null || body.reasons().isEmpty()) {
            if (rejected) {
                errors.add(required("/reasons", "a rejection states its reasons (at least one)", "不予许可须说明理由（至少一条）"));
            }
        } else if (!rejected) {
            errors.add(notAllowed("/reasons", "reasons go with a REJECTED decision only", "仅不予许可（REJECTED）时填写理由"));
        } else {
            if (body.reasons().size() > REASONS_MAX) {
                errors.add(new FieldError("/reasons", "TOO_MANY", Message.of("at most " + REASONS_MAX + " reasons",
                        "理由至多" + REASONS_MAX + "条")));
            }
            for (int i = 0; i < body.reasons().size(); i++) {
                text("/reasons/" + i, body.reasons().get(i), TEXT_MAX, true, errors);
            }
        }
        corrections(body.corrections(), body.decision() == DecisionOutcome.RETURNED, errors);
        comment(body.comment(), errors);
        return errors;
    }

    private static void corrections(List<Correction> corrections, boolean returned, List<FieldError> errors) {
        if (corrections == null || corrections.isEmpty()) {
            if (returned) {
                errors.add(required("/corrections", "a return lists everything to correct, at once (at least one correction)",
                        "退回补正须一次性列明全部补正事项（至少一项）"));
            }
            return;
        }
        if (!returned) {
            errors.add(notAllowed("/corrections", "corrections go with a RETURNED outcome only", "仅退回补正（RETURNED）时填写补正事项"));
            return;
        }
        if (corrections.size() > CORRECTIONS_MAX) {
            errors.add(new FieldError("/corrections", "TOO_MANY", Message.of("at most " + CORRECTIONS_MAX + " corrections",
                    "补正事项至多" + CORRECTIONS_MAX + "项")));
        }
        for (int i = 0; i < corrections.size(); i++) {
            Correction c = corrections.get(i);
            String at = "/corrections/" + i;
            if (c == null) {
                errors.add(new FieldError(at, "NULL", Message.of("a correction, not null", "补正事项不能为 null")));
                continue;
            }
            text(at + "/path", c.path(), PATH_MAX, true, errors);
            if (c.path() != null && !c.path().isBlank() && !c.path().startsWith("/")) {
                errors.add(new FieldError(at + "/path", "FORMAT", Message.of("a JSON pointer into the application's body, starting with /",
                        "应为指向申请内容的 JSON 指针，以 / 开头")));
            }
            text(at + "/comment", c.comment(), TEXT_MAX, true, errors);
        }
    }

    private static void comment(String comment, List<FieldError> errors) {
        text("/comment", comment, TEXT_MAX, false, errors);
    }

    private static void text(String path, String value, int max, boolean required, List<FieldError> errors) {
        if (value == null) {
            if (required) {
                errors.add(required(path, "required", "必填"));
            }
            return;
        }
        if (value.isBlank()) {
            errors.add(new FieldError(path, "EMPTY", Message.of("has nothing visible", "内容为空")));
        } else if (value.length() > max) {
            errors.add(new FieldError(path, "TOO_LONG", Message.of("at most " + max + " characters, got " + value.length(),
                    "至多" + max + "个字符，实际" + value.length() + "个")));
        }
    }

    private static FieldError required(String path, String en, String zh) {
        return new FieldError(path, "REQUIRED", Message.of(en, zh));
    }

    private static FieldError notAllowed(String path, String en, String zh) {
        return new FieldError(path, "NOT_ALLOWED", Message.of(en, zh));
    }
}
