package org.epermit.api.review;

/** The regulator's next act on a queue item, whose deadline the item shows. */
public enum ReviewStep {
    /** Accept the application (受理) or return it with one notice of everything to correct. */
    ACCEPTANCE,
    /** Decide the accepted application: approve, reject or return it. */
    DECISION,
    /** Review the execution report: accept or return it. */
    REVIEW
}
