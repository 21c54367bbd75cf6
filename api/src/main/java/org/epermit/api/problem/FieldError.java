package org.epermit.api.problem;

/**
 * One failing field or parameter. {@code path} names it the way the caller sent it: {@code query.limit},
 * {@code path.permitNumber}, {@code body.outlets[2].code}.
 */
public record FieldError(String path, String code, Message message) {
}
