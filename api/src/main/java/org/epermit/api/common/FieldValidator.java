package org.epermit.api.common;

import org.epermit.api.problem.ApiException;
import org.epermit.api.problem.FieldError;
import org.epermit.api.problem.Message;
import org.epermit.codes.Strictness;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one field validator, for query parameters ({@link QueryParameters} reads them into it) and request bodies alike:
 * each check reports its field's problem under the field's path ({@code query.limit}, {@code body.roles[1]}) and goes
 * on, so one {@code VALIDATION_FAILED} names every failing field at once, in the same shape wherever it came from.
 * A check returns the value fit for use, or {@code null} (an absent value, or one that failed).
 */
public final class FieldValidator {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}\\.[^@\\s.]{2,}");

    private final List<FieldError> errors = new ArrayList<>();

    /** Free text ({@link FreeText}) of at most {@code maxLength} characters, as given. */
    public String text(String path, String value, boolean required, int maxLength) {
        if (value == null) {
            if (required) {
                required(path);
            }
            return null;
        }
        Optional<FieldError> problem = FreeText.check(value, path, maxLength);
        problem.ifPresent(errors::add);
        return problem.isPresent() ? null : value;
    }

    /** As {@link #text}, stripped of surrounding whitespace first (a body's free text). */
    public String strippedText(String path, String value, boolean required, int maxLength) {
        return text(path, value == null ? null : value.strip(), required, maxLength);
    }

    /** An e-mail address (stripped free text that looks like one). */
    public String email(String path, String value, int maxLength) {
        String v = strippedText(path, value, false, maxLength);
        if (v != null && !EMAIL.matcher(v).matches()) {
            errors.add(new FieldError(path, "FORMAT", Message.of("must be an e-mail address", "应为电子邮件地址")));
            return null;
        }
        return v;
    }

    /** One of {@code allowed}. */
    public String oneOf(String path, String value, Set<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            errors.add(new FieldError(path, "UNKNOWN_VALUE", Message.of(
                    "must be one of " + String.join(", ", allowed.stream().sorted().toList()),
                    "应为以下之一：" + String.join("、", allowed.stream().sorted().toList()))));
            return null;
        }
        return value;
    }

    /** A non-empty list of distinct values from {@code allowed}, returned sorted. */
    public List<String> values(String path, List<String> values, Set<String> allowed, boolean required) {
        if (values == null) {
            if (required) {
                required(path);
            }
            return null;
        }
        if (values.isEmpty()) {
            errors.add(new FieldError(path, "EMPTY", Message.of("must name at least one", "至少应包含一项")));
            return null;
        }
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            if (v == null || !allowed.contains(v)) {
                oneOf(path + "[" + i + "]", v == null ? "" : v, allowed);
            } else if (!seen.add(v)) {
                errors.add(new FieldError(path + "[" + i + "]", "REPEATED", Message.of("is listed twice", "重复")));
            }
        }
        return seen.stream().sorted().toList();
    }

    /** A GB/T 2260 region code or prefix ({@link CodePrefix}). */
    public String region(String path, String value) {
        if (value == null) {
            return null;
        }
        Optional<FieldError> problem = CodePrefix.checkRegion(value, path);
        problem.ifPresent(errors::add);
        return problem.isPresent() ? null : value;
    }

    /** A unified social credit code or pseudo-code ({@link CreditCode}) checked at {@code strictness}, normalised. */
    public String creditCode(String path, String value, Strictness strictness) {
        if (value == null) {
            return null;
        }
        Optional<FieldError> problem = CreditCode.check(value, path, strictness);
        problem.ifPresent(errors::add);
        return problem.isPresent() ? null : CreditCode.parse(value, path, strictness).value();
    }

    public void required(String path) {
        errors.add(new FieldError(path, "REQUIRED", Message.of("is required", "为必填项")));
    }

    /** A rule between fields: {@code path} fails with {@code code} unless it holds. */
    public void rule(boolean holds, String path, String code, Message message) {
        if (!holds) {
            errors.add(new FieldError(path, code, message));
        }
    }

    /** Adds the error a check of its own found, if any. */
    public void check(Optional<FieldError> error) {
        error.ifPresent(errors::add);
    }

    public void add(FieldError error) {
        errors.add(error);
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    /** Throws one {@code VALIDATION_FAILED} naming every failing field, if any failed. */
    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
    }
}
