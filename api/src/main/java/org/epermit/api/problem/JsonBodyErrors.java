package org.epermit.api.problem;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.epermit.codes.Printable;

import java.time.temporal.Temporal;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * What was wrong with a request body Jackson could not read, said in the API's terms: the field (as
 * {@code body.roles[0]}) and a stable code where Jackson knows the place, else what kind of JSON error it was. Never
 * Jackson's own message, which names Java classes.
 */
final class JsonBodyErrors {

    private JsonBodyErrors() {
    }

    /** A value of the wrong shape at a known place: unknown field, null in a list, wrong type. */
    static FieldError of(MismatchedInputException e) {
        String path = path(e.getPath());
        if (e instanceof UnrecognizedPropertyException) {
            return new FieldError(path, "UNKNOWN_FIELD", Message.of("is not a field of this request", "不是该请求的字段"));
        }
        if (e instanceof InvalidBodyValue refused) {
            return refused.at(path);
        }
        if (e instanceof InvalidNullException) {
            return new FieldError(path, "NULL", Message.of("must not be null", "不能为null"));
        }
        return new FieldError(path, "TYPE", expected(e.getTargetType()));
    }

    /** A key given twice in one object (STRICT_DUPLICATE_DETECTION), which Jackson reports as a parse error. */
    static Optional<FieldError> duplicateKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StreamReadException read && read.getOriginalMessage() != null
                    && read.getOriginalMessage().startsWith("Duplicate field '")
                    && read.getProcessor() != null) {
                return Optional.of(new FieldError(path(read.getProcessor().getParsingContext()), "DUPLICATE_FIELD",
                        Message.of("is given more than once", "重复出现")));
            }
        }
        return Optional.empty();
    }

    /** A body that is not one well-formed JSON document. */
    static Message malformed(Throwable e) {
        if (e instanceof MismatchedInputException m && m.getOriginalMessage() != null
                && m.getOriginalMessage().startsWith("Trailing token")) {
            return Message.of("The request body must be one JSON document with nothing after it.",
                    "请求体必须是单个JSON文档，其后不能有其他内容。");
        }
        JsonLocation at = null;
        for (Throwable t = e; t != null && at == null; t = t.getCause()) {
            if (t instanceof StreamReadException read) {
                at = read.getLocation();
            }
        }
        if (at != null && at.getLineNr() > 0) {
            return Message.of("The request body is not well-formed JSON (line " + at.getLineNr() + ", column "
                            + at.getColumnNr() + ").",
                    "请求体不是格式正确的JSON（第" + at.getLineNr() + "行第" + at.getColumnNr() + "列）。");
        }
        return Message.of("The request body is not valid JSON of the expected shape.", "请求体不是符合要求的JSON。");
    }

    private static Message expected(Class<?> type) {
        if (type == null) {
            return Message.of("has the wrong type", "类型不正确");
        }
        if (type == String.class) {
            return Message.of("must be a string", "应为字符串");
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return Message.of("must be an array", "应为数组");
        }
        if (type == Boolean.class || type == boolean.class) {
            return Message.of("must be true or false", "应为 true 或 false");
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != char.class)) {
            return Message.of("must be a number", "应为数字");
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return Message.of("must be an ISO-8601 date-time with offset, e.g. 2027-01-01T00:00:00+08:00",
                    "应为带时区的ISO-8601时间，如 2027-01-01T00:00:00+08:00");
        }
        if (type.isEnum()) {
            return Message.of("is not one of the allowed values", "不是允许的取值");
        }
        return Message.of("must be an object", "应为对象");
    }

    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder("body");
        for (JsonMappingException.Reference ref : references) {
            path.append(ref.getFieldName() != null ? "." + Printable.of(ref.getFieldName()) : "[" + ref.getIndex() + "]");
        }
        return path.toString();
    }

    private static String path(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            parts.push(c.inArray() ? "[" + c.getCurrentIndex() + "]" : "." + Printable.of(c.getCurrentName()));
        }
        return "body" + String.join("", parts);
    }
}
