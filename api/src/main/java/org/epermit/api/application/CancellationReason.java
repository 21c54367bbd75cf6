package org.epermit.api.application;

/** Why a permit is to be cancelled (注销), as the regulation lists the grounds. */
public enum CancellationReason {
    /** The unit closed, was dissolved or stopped discharging for good. */
    UNIT_TERMINATED,
    /** The permit expired and was not renewed. */
    EXPIRED_NOT_RENEWED,
    /** The permit was revoked (吊销). */
    REVOKED,
    /** The permit was annulled (撤销). */
    ANNULLED
}
