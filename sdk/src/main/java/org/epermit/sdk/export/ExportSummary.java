package org.epermit.sdk.export;

import java.time.OffsetDateTime;

/**
 * What a CSV download carried.
 *
 * @param asOf         the moment the rows are as of (the export's snapshot)
 * @param rows         the rows written (the header row not counted)
 * @param matchingRows the rows that match the filters (after {@code resumeAfter}); more than {@code rows} when the
 *                     day's export allowance ran out first
 * @param lastPermitNumber the permit number of the last row written, or {@code null} when none was: pass it as
 *                     {@code resumeAfter} to go on
 */
public record ExportSummary(OffsetDateTime asOf, long rows, long matchingRows, String lastPermitNumber) {

    /**
     * Tells whether the download carried every matching row.
     *
     * @return {@code rows == matchingRows}
     */
    public boolean complete() {
        return rows == matchingRows;
    }
}
