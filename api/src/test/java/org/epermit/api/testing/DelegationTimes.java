package org.epermit.api.testing;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Delegation validity bounds for tests. */
public final class DelegationTimes {

    private DelegationTimes() {
    }

    /** A validTo well within the longest delegation allowed. */
    public static String inAYear() {
        return OffsetDateTime.now(ZoneOffset.ofHours(8)).plusYears(1).truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
