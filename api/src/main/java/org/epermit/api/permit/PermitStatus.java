package org.epermit.api.permit;

/** Lifecycle status of a permit. */
public enum PermitStatus {
    VALID, EXPIRED, REVOKED, CANCELLED
}
