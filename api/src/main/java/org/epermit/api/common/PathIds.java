package org.epermit.api.common;

import org.epermit.api.problem.ApiException;
import org.epermit.api.problem.FieldError;
import org.epermit.api.problem.Message;

import java.util.List;
import java.util.UUID;

/** Reads ids given in the path. */
public final class PathIds {

    private PathIds() {
    }

    /** A UUID in its canonical 36-character form, or a {@code VALIDATION_FAILED} on {@code path.<name>}. */
    public static UUID uuid(String raw, String name) {
        try {
            if (raw != null && raw.length() == 36) {
                return UUID.fromString(raw);
            }
        } catch (IllegalArgumentException ignored) {
            // reported below
        }
        throw ApiException.validation(List.of(new FieldError("path." + name, "FORMAT", Message.of("must be a UUID", "应为UUID"))));
    }
}
