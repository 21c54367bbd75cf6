package org.epermit.api.permit.terms;

import org.epermit.api.permit.PermitCategory;
import org.epermit.api.permit.PermitStatus;
import org.epermit.api.permit.PublicPermit;
import org.epermit.api.permit.reporting.DateSpan;
import org.epermit.api.permit.reporting.Holding;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A permit's versions, each with the terms its copy set while it was in force: what a filing for any period is checked
 * against. A report or a monitoring record binds to the version valid on its day, and a period spanning a change uses
 * each version for its part ({@link #over}).
 *
 * @param permitId     the permit's id
 * @param permitNumber its number
 * @param category     its management category now
 * @param status       its status now
 * @param industryCode its main industry class (GB/T 4754), which selects industry-specific deadline extensions
 * @param holding      the days the unit held it: from the first issue to the end of validity, or to the day it was
 *                     cancelled, revoked or annulled if that came first
 * @param versions     every version, oldest first
 */
public record PermitVersions(long permitId, String permitNumber, PermitCategory category, PermitStatus status,
                             String industryCode, Holding holding, List<VersionTerms> versions) {

    public PermitVersions {
        Objects.requireNonNull(permitNumber, "permitNumber");
        Objects.requireNonNull(holding, "holding");
        versions = versions.stream().sorted(Comparator.comparingInt(VersionTerms::version)).toList();
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("permit " + permitNumber + " has no version");
        }
    }

    /**
     * One version and the days it was in force.
     *
     * @param version   its number
     * @param from      the first day it was in force
     * @param to        the last day, empty for the current version
     * @param document  its public document: outlets, limits, monitoring requirements, quantities and report obligations
     */
    public record VersionTerms(int version, LocalDate from, Optional<LocalDate> to, PublicPermit document) {

        public VersionTerms {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(document, "document");
        }

        /** The days of {@code span} this version was in force, if any. */
        public Optional<DateSpan> within(DateSpan span) {
            LocalDate first = from.isAfter(span.first()) ? from : span.first();
            LocalDate last = to.filter(t -> t.isBefore(span.last())).orElse(span.last());
            return last.isBefore(first) ? Optional.empty() : Optional.of(new DateSpan(first, last));
        }
    }

    /** A version and the part of a span it governs. */
    public record Part(VersionTerms terms, DateSpan days) {
    }

    /** The current version. */
    public VersionTerms current() {
        return versions.get(versions.size() - 1);
    }

    /** The version in force on {@code day}, if any was. */
    public Optional<VersionTerms> at(LocalDate day) {
        return versions.stream().filter(v -> v.within(new DateSpan(day, day)).isPresent()).reduce((a, b) -> b);
    }

    /**
     * The versions in force during {@code span}, each with its part, oldest first. Days before the first version or
     * between versions (none in practice: a new version starts the day the old one ends) belong to no part.
     */
    public List<Part> over(DateSpan span) {
        List<Part> parts = new ArrayList<>();
        for (VersionTerms v : versions) {
            v.within(span).ifPresent(days -> parts.add(new Part(v, days)));
        }
        return parts;
    }
}
