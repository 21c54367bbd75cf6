package org.epermit.sdk.export;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.OffsetDateTime;

/**
 * The last line of an NDJSON export (the contract describes it in the operation's NDJSON content): the download was
 * whole up to here.
 *
 * @param end         always true
 * @param rows        the rows the response carried
 * @param complete    whether they were every matching row; false when the day's export allowance ran out first
 * @param asOf        the moment the rows are as of (the snapshot)
 * @param resumeAfter when not complete, the permit number to pass as {@code resumeAfter} tomorrow; otherwise null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExportEnd(boolean end, long rows, boolean complete, OffsetDateTime asOf, String resumeAfter) {
}
