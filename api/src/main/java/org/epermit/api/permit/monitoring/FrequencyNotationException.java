package org.epermit.api.permit.monitoring;

import org.epermit.api.problem.FieldError;
import org.epermit.api.problem.Message;
import org.epermit.codes.Printable;

/**
 * A monitoring frequency that cannot be read or cannot be: "4次日", "1次/旬", "0次/日", "1次/48小时". Where the
 * frequency came from a request, {@link #fieldError} is the failing field of a {@code VALIDATION_FAILED} problem (400).
 */
public class FrequencyNotationException extends IllegalArgumentException {

    /** {@link FieldError#code()} of a frequency that cannot be read or cannot be. */
    public static final String REASON = "FREQUENCY";

    private final String notation;
    private final Message problem;

    FrequencyNotationException(String notation, Message problem) {
        super("'" + Printable.of(notation) + "' " + problem.en());
        this.notation = notation;
        this.problem = problem;
    }

    /** The notation as given (null when none was). */
    public String notation() {
        return notation;
    }

    /** What is wrong, after the notation in quotes, in both languages. */
    public Message problem() {
        return problem;
    }

    /** The field {@code path} as a failing field: its code {@link #REASON}, its message naming the notation. */
    public FieldError fieldError(String path) {
        String shown = "'" + Printable.of(notation) + "' ";
        return new FieldError(path, REASON, Message.of(shown + problem.en(), shown + problem.zh()));
    }
}
