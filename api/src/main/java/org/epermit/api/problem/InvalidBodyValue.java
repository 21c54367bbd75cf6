package org.epermit.api.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A value refused while the body is read, by a check that runs inside Jackson for every body (a date outside
 * {@code TimeRange}): Jackson adds where it was, and {@link ProblemMapper} answers with this field error there.
 */
public class InvalidBodyValue extends MismatchedInputException {

    private final FieldError error;

    /** {@code error}'s path is replaced by the value's place in the body. */
    public InvalidBodyValue(JsonParser parser, Class<?> type, FieldError error) {
        super(parser, error.code() + ": " + error.message().en(), type);
        this.error = error;
    }

    FieldError at(String path) {
        return new FieldError(path, error.code(), error.message());
    }
}
