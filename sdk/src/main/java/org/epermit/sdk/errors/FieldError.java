package org.epermit.sdk.errors;

import java.util.Objects;

/**
 * One failing field or parameter of a rejected request, as the API reports it in a problem's {@code errors}.
 *
 * @param path    where: {@code query.<name>}, {@code path.<name>}, {@code header.<name>} or {@code body.<json path>};
 *                in a refused execution report, a JSON pointer into its content ({@code /actualEmissions/0/tonnes})
 * @param code    stable reason code, e.g. {@code RANGE}, {@code CHECKSUM}, {@code UNKNOWN_PARAMETER}
 * @param message what is wrong, for people (in the language asked for with {@code Accept-Language})
 */
public record FieldError(String path, String code, String message) {

    /**
     * Checks that no component is {@code null} (a missing value from the server becomes an empty string).
     *
     * @param path the path
     * @param code the reason code
     * @param message the message
     */
    public FieldError {
        path = Objects.requireNonNullElse(path, "");
        code = Objects.requireNonNullElse(code, "");
        message = Objects.requireNonNullElse(message, "");
    }

    /** The error as one line: {@code query.limit: must be from 1 to 100, got 101 (RANGE)}. */
    @Override
    public String toString() {
        return path + ": " + message + " (" + code + ")";
    }
}
