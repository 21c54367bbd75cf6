package org.epermit.api.application;

/**
 * The kinds of application (申请) of the permit regulation. INITIAL is filed at POST /v1/applications with the unit and a
 * permit draft; the others on an existing permit, at POST /v1/permits/{permitNumber}/applications.
 */
public enum ApplicationType {
    /** 首次申请: a permit for a site that has none, with a permit draft. */
    INITIAL,
    /** 延续: another five years, filed at least 60 days before expiry. */
    RENEWAL,
    /** 变更: the unit's name, address, legal representative or principal person in charge changed. */
    CHANGE,
    /** 重新申请: a change of outlets, pollutants, quantities, limits or site, with the new permit draft. */
    REAPPLICATION,
    /** 注销: the unit terminated, the permit expired without renewal, or was revoked or annulled. */
    CANCELLATION,
    /** 遗失补办: the permit's copy was lost or damaged. */
    REISSUE
}
