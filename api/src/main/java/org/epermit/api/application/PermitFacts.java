package org.epermit.api.application;

import java.time.LocalDate;

/** What the rules of an application need to know of the permit it is filed on. */
record PermitFacts(long permitId, String permitNumber, String category, String status, LocalDate validTo, long enterpriseId,
                   String regionCode) {

    /** Expired by its dates, whether or not the nightly lifecycle job has set its status yet. */
    boolean expiredOn(LocalDate today) {
        return "EXPIRED".equals(status) || ("VALID".equals(status) && validTo.isBefore(today));
    }
}
