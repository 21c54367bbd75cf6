package org.epermit.api.client;

import org.epermit.api.common.CodePrefix;
import org.epermit.api.common.CreditCode;
import org.epermit.api.common.FreeText;
import org.epermit.api.gateway.Caller;
import org.epermit.api.problem.ApiException;
import org.epermit.api.problem.ErrorCode;
import org.epermit.api.problem.FieldError;
import org.epermit.api.problem.Message;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks a client's fields and collects every failing one. */
final class ClientValidation {

    static final Set<String> ROLES = Caller.ROLES;
    static final Set<String> SCOPES = Caller.SCOPES;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}\\.[^@\\s.]{2,}");
    static final Set<String> SETTABLE_STATUSES = Set.of("ACTIVE", "SUSPENDED");
    private static final int MAX_TEXT = 200;

    private final List<FieldError> errors = new ArrayList<>();

    /** Free text ({@link FreeText}), stripped of surrounding whitespace. */
    String text(String path, String value, boolean required) {
        if (value == null) {
            if (required) {
                errors.add(new FieldError(path, "REQUIRED", Message.of("is required", "为必填项")));
            }
            return null;
        }
        String v = value.strip();
        Optional<FieldError> problem = FreeText.check(v, path, MAX_TEXT);
        problem.ifPresent(errors::add);
        return problem.isPresent() ? null : v;
    }

    String email(String path, String value) {
        String v = text(path, value, false);
        if (v != null && !EMAIL.matcher(v).matches()) {
            errors.add(new FieldError(path, "FORMAT", Message.of("must be an e-mail address", "应为电子邮件地址")));
            return null;
        }
        return v;
    }

    List<String> values(String path, List<String> values, Set<String> allowed, boolean required) {
        if (values == null) {
            if (required) {
                errors.add(new FieldError(path, "REQUIRED", Message.of("is required", "为必填项")));
            }
            return null;
        }
        if (values.isEmpty()) {
            errors.add(new FieldError(path, "EMPTY", Message.of("must name at least one", "至少应包含一项")));
            return null;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            if (v == null || !allowed.contains(v)) {
                errors.add(new FieldError(path + "[" + i + "]", "UNKNOWN_VALUE", Message.of(
                        "must be one of " + String.join(", ", allowed.stream().sorted().toList()),
                        "应为以下之一：" + String.join("、", allowed.stream().sorted().toList()))));
            } else if (!seen.add(v)) {
                errors.add(new FieldError(path + "[" + i + "]", "REPEATED", Message.of("is listed twice", "重复")));
            }
        }
        return List.copyOf(seen.stream().sorted().toList());
    }

    String region(String path, String value) {
        if (value == null) {
            return null;
        }
        CodePrefix.checkRegion(value, path).ifPresent(errors::add);
        return value;
    }

    String creditCode(String path, String value) {
        if (value == null) {
            return null;
        }
        var problem = CreditCode.check(value, path);
        problem.ifPresent(errors::add);
        return problem.isPresent() ? null : CreditCode.parse(value, path).value();
    }

    String oneOf(String path, String value, Set<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            errors.add(new FieldError(path, "UNKNOWN_VALUE", Message.of(
                    "must be one of " + String.join(", ", allowed.stream().sorted().toList()),
                    "应为以下之一：" + String.join("、", allowed.stream().sorted().toList()))));
            return null;
        }
        return value;
    }

    void rule(boolean holds, String path, String code, Message message) {
        if (!holds) {
            errors.add(new FieldError(path, code, message));
        }
    }

    void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
    }
}
