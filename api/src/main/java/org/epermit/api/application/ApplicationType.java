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
    REISSUE;

    /**
     * The statutory case an application of this type is decided under: a reapplication is reviewed like an initial
     * application, and a site inspection (ordered at acceptance) lengthens a KEY unit's period.
     */
    public org.epermit.api.calendar.ReviewCase decidedUnder(String category, boolean siteInspection) {
        return switch (this) {
            case RENEWAL -> org.epermit.api.calendar.ReviewCase.RENEWAL;
            case CHANGE -> org.epermit.api.calendar.ReviewCase.CHANGE;
            case CANCELLATION -> org.epermit.api.calendar.ReviewCase.CANCELLATION;
            case REISSUE -> org.epermit.api.calendar.ReviewCase.REISSUE;
            case INITIAL, REAPPLICATION -> !"KEY".equals(category) ? org.epermit.api.calendar.ReviewCase.INITIAL_SIMPLIFIED
                    : siteInspection ? org.epermit.api.calendar.ReviewCase.INITIAL_KEY_INSPECTION
                    : org.epermit.api.calendar.ReviewCase.INITIAL_KEY;
        };
    }
}
