package org.epermit.api.application;

/**
 * Where an application stands: SUBMITTED when filed; ACCEPTED (受理, the statutory clock starts) or RETURNED for
 * correction by the regulator; then APPROVED or REJECTED. The applicant may withdraw it while it is open.
 */
public enum ApplicationStatus {
    SUBMITTED, ACCEPTED, RETURNED, APPROVED, REJECTED, WITHDRAWN;

    /** Not yet decided nor withdrawn: the applicant may still withdraw it, and no second one of its type may be filed. */
    boolean open() {
        return this == SUBMITTED || this == ACCEPTED || this == RETURNED;
    }
}
