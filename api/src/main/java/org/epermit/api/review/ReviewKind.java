package org.epermit.api.review;

/** What waits at the review desk. */
public enum ReviewKind {
    /** An application (申请) awaiting acceptance or a decision. */
    APPLICATION,
    /** A submitted execution report (执行报告) awaiting review. */
    EXECUTION_REPORT
}
