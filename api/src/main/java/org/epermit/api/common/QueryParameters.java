package org.epermit.api.common;

import jakarta.ws.rs.core.MultivaluedMap;
import org.epermit.api.problem.ErrorCode;
import org.epermit.api.problem.FieldError;
import org.epermit.api.problem.Message;
import org.epermit.codes.Printable;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reads a request's query parameters strictly and collects every problem, so that one 400 names all failing
 * parameters at once. Unknown and repeated parameters are errors: a typo ({@code regoin=44}) must not silently
 * widen a search. The values are checked by the one {@link FieldValidator}, which bodies use too.
 */
public final class QueryParameters {

    private static final int MAX_VALUE_LENGTH = 200;

    private final MultivaluedMap<String, String> raw;
    private final FieldValidator errors = new FieldValidator();

    private QueryParameters(MultivaluedMap<String, String> raw) {
        this.raw = raw;
    }

    public static QueryParameters of(MultivaluedMap<String, String> raw, Set<String> allowed) {
        QueryParameters params = new QueryParameters(raw);
        for (String name : new TreeSet<>(raw.keySet())) {
            if (!allowed.contains(name)) {
                params.errors.add(new FieldError("query." + Printable.of(name), "UNKNOWN_PARAMETER", Message.of(
                        "is not a parameter of this operation; allowed: " + String.join(", ", new TreeSet<>(allowed)),
                        "不是该接口的参数；允许的参数：" + String.join("、", new TreeSet<>(allowed)))));
            }
        }
        return params;
    }

    /** The parameter's one value, if given: valid UTF-8 and {@link FreeText} of at most 200 characters. */
    public Optional<String> text(String name) {
        return text(name, MAX_VALUE_LENGTH);
    }

    /** As {@link #text(String)}, with another length limit (for tokens whose own check gives a better error). */
    public Optional<String> text(String name, int maxLength) {
        List<String> values = raw.get(name);
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        String path = "query." + name;
        if (values.size() > 1) {
            errors.add(new FieldError(path, "REPEATED", Message.of("must be given at most once", "只能出现一次")));
            return Optional.empty();
        }
        String value = values.get(0);
        if (value.indexOf('\uFFFD') >= 0) {
            errors.add(new FieldError(path, "ENCODING", Message.of("is not valid UTF-8", "不是有效的UTF-8编码")));
            return Optional.empty();
        }
        if (value.isEmpty()) {
            errors.add(new FieldError(path, "EMPTY", Message.of("must not be empty when given", "提供时不能为空")));
            return Optional.empty();
        }
        return Optional.ofNullable(errors.text(path, value, true, maxLength));
    }

    public <E extends Enum<E>> Optional<E> enumValue(String name, Class<E> type) {
        return text(name).flatMap(value -> {
            try {
                return Optional.of(Enum.valueOf(type, value));
            } catch (IllegalArgumentException unknown) {
                String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
                errors.add(new FieldError("query." + name, "UNKNOWN_VALUE", Message.of(
                        "'" + Printable.of(value) + "' is not one of " + allowed,
                        "'" + Printable.of(value) + "'不是允许的取值（" + allowed + "）")));
                return Optional.empty();
            }
        });
    }

    /** A boolean, written {@code true} or {@code false} (nothing else: not 1, yes or TRUE). */
    public Optional<Boolean> bool(String name) {
        return text(name).flatMap(value -> {
            if (value.equals("true") || value.equals("false")) {
                return Optional.of(Boolean.valueOf(value));
            }
            errors.add(new FieldError("query." + name, "UNKNOWN_VALUE", Message.of(
                    "'" + Printable.of(value) + "' is not one of true, false",
                    "'" + Printable.of(value) + "'不是允许的取值（true, false）")));
            return Optional.empty();
        });
    }

    /** A date as {@code YYYY-MM-DD}, within {@link TimeRange}. */
    public Optional<LocalDate> date(String name) {
        return text(name).flatMap(value -> {
            try {
                LocalDate date = LocalDate.parse(value);
                return inRange(date, TimeRange.check(date, "query." + name));
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("query." + name, "FORMAT", Message.of(
                        "must be a date as YYYY-MM-DD, got '" + Printable.of(value) + "'",
                        "应为YYYY-MM-DD格式的日期，实际为'" + Printable.of(value) + "'")));
                return Optional.empty();
            }
        });
    }

    /** An ISO-8601 date-time with offset ({@code 2026-11-28T00:00:00+08:00}), within {@link TimeRange}. */
    public Optional<OffsetDateTime> dateTime(String name) {
        return text(name).flatMap(value -> {
            try {
                OffsetDateTime time = OffsetDateTime.parse(value);
                return inRange(time, TimeRange.check(time, "query." + name));
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("query." + name, "FORMAT", Message.of(
                        "must be an ISO-8601 date-time with offset such as 2026-11-28T00:00:00+08:00, got '" + Printable.of(value) + "'",
                        "应为带时区的ISO-8601时间（如 2026-11-28T00:00:00+08:00），实际为'" + Printable.of(value) + "'")));
                return Optional.empty();
            }
        });
    }

    private <T> Optional<T> inRange(T value, Optional<FieldError> outside) {
        errors.check(outside);
        return outside.isPresent() ? Optional.empty() : Optional.of(value);
    }

    /** A calendar year from 2000 to 2100; when {@code required}, its absence is an error too. */
    public Optional<Integer> year(String name, boolean required) {
        String path = "query." + name;
        Optional<String> text = text(name, 4);
        if (text.isEmpty()) {
            if (required && !raw.containsKey(name)) {
                errors.add(new FieldError(path, "REQUIRED", Message.of("is required", "为必填项")));
            }
            return Optional.empty();
        }
        String v = text.get();
        if (!v.matches("(19|20|21)[0-9]{2}") || Integer.parseInt(v) < 2000 || Integer.parseInt(v) > 2100) {
            errors.add(new FieldError(path, "RANGE", Message.of("must be a year from 2000 to 2100, got " + v,
                    "应为2000至2100之间的年份，实际为" + v)));
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(v));
    }

    /** The page size: {@code defaultLimit} when absent, else 1..maxLimit. */
    public int limit(PagingConfig paging) {
        Optional<String> value = text("limit");
        if (value.isEmpty()) {
            return paging.defaultLimit();
        }
        String v = value.get();
        if (!v.matches("-?[0-9]{1,9}")) {
            errors.add(new FieldError("query.limit", "FORMAT", Message.of(
                    "must be a whole number from 1 to " + paging.maxLimit(),
                    "应为1到" + paging.maxLimit() + "之间的整数")));
            return paging.defaultLimit();
        }
        int limit = Integer.parseInt(v);
        if (limit < 1 || limit > paging.maxLimit()) {
            errors.add(new FieldError("query.limit", "RANGE", Message.of(
                    "must be from 1 to " + paging.maxLimit() + ", got " + limit,
                    "应在1到" + paging.maxLimit() + "之间，实际为" + limit)));
            return paging.defaultLimit();
        }
        return limit;
    }

    /** Adds the error a value check found, if any. */
    public void check(Optional<FieldError> error) {
        errors.check(error);
    }

    /** Throws one {@code VALIDATION_FAILED} naming every failing parameter, if any failed. */
    public void throwIfInvalid() {
        errors.throwIfInvalid();
    }
}
