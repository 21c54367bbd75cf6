package org.epermit.api.permit.export;

import java.time.OffsetDateTime;

/**
 * The last line of an NDJSON export: it says the download is whole, and how to go on when the export was cut short.
 *
 * @param end         always true: marks the end line (its first member, so a reader tells it from a permit at once)
 * @param rows        rows in this response, before this line
 * @param complete    whether this response carried every matching row; false when the day's export allowance ran
 *                    out first
 * @param asOf        the moment the rows are as of (the export's snapshot)
 * @param resumeAfter when not complete, the permit number to pass as {@code resumeAfter} (the last row sent); null
 *                    when complete
 */
record ExportEnd(boolean end, long rows, boolean complete, OffsetDateTime asOf, String resumeAfter) {
}
