package org.epermit.api.application;

/** The regulator's decision on an accepted application. */
public enum DecisionOutcome {
    /** Granted: the permit is issued, renewed, changed, cancelled or reissued, as the type says. */
    APPROVED,
    /** Refused, with its reasons: the permit is unchanged. */
    REJECTED,
    /** Returned for correction, listing everything to correct; the applicant resubmits it. */
    RETURNED
}
