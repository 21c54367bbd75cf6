package org.epermit.api.application;

/**
 * The kinds of application (申请) of the permit regulation. This release takes those filed on an existing permit:
 * RENEWAL, CHANGE, CANCELLATION and REISSUE. INITIAL and REAPPLICATION carry a permit draft and come later; they are
 * named here so that the contract and the stored type need not change when they arrive.
 */
public enum ApplicationType {
    /** 首次申请: a permit for a site that has none (filed at POST /v1/applications, with a permit draft; later). */
    INITIAL,
    /** 延续: another five years, filed at least 60 days before expiry. */
    RENEWAL,
    /** 变更: the unit's name, address, legal representative or principal person in charge changed. */
    CHANGE,
    /** 重新申请: a change of outlets, pollutants, quantities, limits or site (a permit draft; later). */
    REAPPLICATION,
    /** 注销: the unit terminated, the permit expired without renewal, or was revoked or annulled. */
    CANCELLATION,
    /** 遗失补办: the permit's copy was lost or damaged. */
    REISSUE;

    /** Whether an application of this type is filed on an existing permit in this release. */
    boolean filedOnPermit() {
        return this == RENEWAL || this == CHANGE || this == CANCELLATION || this == REISSUE;
    }
}
