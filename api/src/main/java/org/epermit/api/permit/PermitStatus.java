package org.epermit.api.permit;

/** Lifecycle status of a permit. */
public enum PermitStatus {
    VALID,
    EXPIRED,
    /** 吊销: withdrawn as a sanction for violations. */
    REVOKED,
    /** 撤销: annulled because it was issued unlawfully; not a sanction. */
    ANNULLED,
    /** 注销: expired and not renewed, the unit terminated, or the permit revoked or annulled. */
    CANCELLED
}
