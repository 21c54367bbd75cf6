package org.epermit.api.permit;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The filters of a permit search. {@link #canonical()} identifies the query, so that a cursor can only continue
 * the search it came from.
 */
public record PermitSearchCriteria(Optional<String> q, Optional<String> region, Optional<String> industry,
                                   Optional<PermitCategory> category, Optional<PermitStatus> status,
                                   Optional<LocalDate> expiringBefore, Optional<Boolean> dueForRenewal) {

    public String canonical() {
        return String.join("\u001e", "permits", q.orElse(""), region.orElse(""), industry.orElse(""),
                category.map(Enum::name).orElse(""), status.map(Enum::name).orElse(""),
                expiringBefore.map(LocalDate::toString).orElse(""), dueForRenewal.map(String::valueOf).orElse(""));
    }
}
