package org.epermit.api.calendar;

/** The cases a statutory decision period is set for (排污许可管理条例; epermit.review.*). */
public enum ReviewCase {
    /** An initial application under simplified management (简化管理). */
    INITIAL_SIMPLIFIED,
    /** An initial application under key management (重点管理). */
    INITIAL_KEY,
    /** An initial application under key management that needs a site inspection (现场核查). */
    INITIAL_KEY_INSPECTION,
    /** A renewal (延续). */
    RENEWAL,
    /** A change (变更) of the permit's registered particulars. */
    CHANGE,
    /** A cancellation (注销). */
    CANCELLATION,
    /** A reissue (遗失补办) of a lost or damaged permit. */
    REISSUE,
    /** The acceptance (受理) of any application: accepted, or returned with one notice of everything to correct. */
    ACCEPTANCE,
    /** The review of a submitted execution report (a configured target, not a statutory period). */
    EXECUTION_REPORT
}
