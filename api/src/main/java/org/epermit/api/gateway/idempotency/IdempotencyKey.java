package org.epermit.api.gateway.idempotency;

import org.epermit.api.problem.ApiException;
import org.epermit.api.problem.FieldError;
import org.epermit.api.problem.Message;

import java.util.List;
import java.util.Optional;

/**
 * The value of an {@code Idempotency-Key} header: 1 to 255 printable ASCII characters without spaces, the same rule
 * the SDK applies before sending one (so a key the SDK accepts is never refused here).
 */
public record IdempotencyKey(String value) {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotency-Replayed";
    public static final int MAX_LENGTH = 255;

    /** The key, if the header was sent; a 400 VALIDATION_FAILED if it is malformed. */
    public static Optional<IdempotencyKey> of(String header) {
        if (header == null) {
            return Optional.empty();
        }
        if (!wellFormed(header)) {
            throw ApiException.validation(List.of(new FieldError("header." + HEADER, "FORMAT", Message.of(
                    "must be 1 to 255 printable ASCII characters without spaces",
                    "应为1至255个可打印 ASCII 字符，不含空格"))));
        }
        return Optional.of(new IdempotencyKey(header));
    }

    /** Whether {@code header} is a key this service accepts. */
    public static boolean wellFormed(String header) {
        return header != null && !header.isEmpty() && header.length() <= MAX_LENGTH
                && header.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }
}
