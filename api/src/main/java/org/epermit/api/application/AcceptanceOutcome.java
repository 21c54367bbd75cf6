package org.epermit.api.application;

/** The regulator's acceptance (受理) of a submitted application. */
public enum AcceptanceOutcome {
    /** Complete: accepted, the decision period starts the next day. */
    ACCEPTED,
    /** Incomplete: returned with one notice listing everything to correct. */
    RETURNED
}
