package org.epermit.sdk.errors;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The permit already has an execution report of this type and period (HTTP 409, code {@code REPORT_EXISTS}): a
 * period is filed once, and changed by a correction ({@code FilingService.correct}). The problem names the existing
 * report; {@link #getExistingReportId()} reads its id from there.
 */
public class ReportExistsException extends ConflictException {

    private static final long serialVersionUID = 1L;

    /** The API's code for this failure. */
    public static final String CODE = "REPORT_EXISTS";

    /** How the API names the existing report, in either language: its path. */
    private static final Pattern REPORT_PATH = Pattern.compile("/v1/execution-reports/(\\d+)");

    /**
     * Creates the exception.
     *
     * @param details what is known about the failure
     */
    public ReportExistsException(ErrorDetails details) {
        super(details, "Correct the existing report instead (FilingService.correct with its id, "
                + "getExistingReportId()); read it with FilingService.get to see what was filed.");
    }

    /**
     * The id of the report already filed for the period, as the API's problem names it.
     *
     * @return the id, or empty when the problem does not name the report
     */
    public OptionalLong getExistingReportId() {
        for (FieldError e : getFieldErrors()) {
            OptionalLong id = find(e.message());
            if (id.isPresent()) {
                return id;
            }
        }
        return find(getDetail());
    }

    private static OptionalLong find(String text) {
        if (text == null) {
            return OptionalLong.empty();
        }
        Matcher m = REPORT_PATH.matcher(text);
        return m.find() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    }
}
