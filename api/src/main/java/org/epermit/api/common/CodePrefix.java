package org.epermit.api.common;

import java.util.Objects;
import java.util.Optional;

import org.epermit.api.problem.FieldError;
import org.epermit.api.problem.Message;
import org.epermit.codes.Printable;

/**
 * The prefix filters of the search API. Each check returns the failing parameter as a {@link FieldError} (code
 * {@link #REASON_FORMAT}) instead of throwing, so that a search can report every failing parameter at once.
 *
 * <p>A {@code null} value means the parameter was not sent: no filter, no error. An empty value was sent and is an
 * error. Only ASCII digits count as digits.
 */
public final class CodePrefix {

    /** {@link FieldError#code()} for a malformed prefix. */
    public static final String REASON_FORMAT = "FORMAT";

    private CodePrefix() {
    }

    /**
     * A GB/T 2260 administrative division code or prefix: exactly 2, 4 or 6 digits (province {@code 44}, city
     * {@code 4403}, county {@code 440305}).
     */
    public static Optional<FieldError> checkRegion(String raw, String path) {
        Objects.requireNonNull(path, "path");
        if (raw == null) {
            return Optional.empty();
        }
        int length = raw.length();
        if ((length == 2 || length == 4 || length == 6) && allDigits(raw)) {
            return Optional.empty();
        }
        String shown = Printable.of(raw);
        return Optional.of(new FieldError(path, REASON_FORMAT, Message.of(
                "must be 2, 4 or 6 digits (a GB/T 2260 division code or prefix, e.g. 44, 4403, 440305), got '"
                        + shown + "'",
                "应为2、4或6位数字（GB/T 2260行政区划代码或其前缀，如44、4403、440305），实际为'" + shown + "'")));
    }

    /**
     * A GB/T 4754 industry code prefix: 1 to 4 digits (division {@code 44}, group {@code 441}, class {@code 4411}).
     */
    public static Optional<FieldError> checkIndustry(String raw, String path) {
        Objects.requireNonNull(path, "path");
        if (raw == null) {
            return Optional.empty();
        }
        int length = raw.length();
        if (length >= 1 && length <= 4 && allDigits(raw)) {
            return Optional.empty();
        }
        String shown = Printable.of(raw);
        return Optional.of(new FieldError(path, REASON_FORMAT, Message.of(
                "must be 1 to 4 digits (a GB/T 4754 industry code or prefix, e.g. 44, 441, 4411), got '"
                        + shown + "'",
                "应为1至4位数字（GB/T 4754国民经济行业代码或其前缀，如44、441、4411），实际为'" + shown + "'")));
    }

    /** Whether the value is a well-formed region prefix. */
    public static boolean isRegion(String raw) {
        return raw != null && checkRegion(raw, "value").isEmpty();
    }

    /** Whether the value is a well-formed industry prefix. */
    public static boolean isIndustry(String raw) {
        return raw != null && checkIndustry(raw, "value").isEmpty();
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
