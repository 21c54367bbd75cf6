package org.epermit.api.filing;

/** A regulator's review of a submitted execution report. */
public enum ReviewOutcome {
    /** Reviewed and found in order. */
    ACCEPTED,
    /** Returned to the filer with what to correct; a correction puts it back in the queue. */
    RETURNED
}
