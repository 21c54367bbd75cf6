package org.epermit.api.application;

import org.epermit.api.calendar.ReviewCase;
import org.epermit.api.calendar.StatutoryDeadlines;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Where an application stands at the review desk, and the deadline that binds the regulator there. A SUBMITTED
 * application waits for acceptance (受理) until the acceptance period ends; the regulation makes one with no notice by
 * then count as accepted on that day, so from then on it waits for a decision, with the decision period running from
 * that day. An ACCEPTED one waits for a decision from the day it was accepted.
 *
 * @param stage          ACCEPTANCE or DECISION
 * @param acceptedOn     the day it was accepted, or counts as accepted; empty while acceptance is still open
 * @param deemedAccepted accepted by the lapse of the acceptance period, not by a regulator's act
 * @param deadline       the deadline of its stage, reckoned on today
 */
public record ReviewStage(Stage stage, Optional<LocalDate> acceptedOn, boolean deemedAccepted, StatutoryDeadlines.Reckoned deadline) {

    public enum Stage { ACCEPTANCE, DECISION }

    /** The stage of a pending (SUBMITTED or ACCEPTED) application, reckoned by {@code r}. */
    public static ReviewStage of(StatutoryDeadlines.Reckoning r, ApplicationType type, String category, boolean siteInspection,
                                 ApplicationStatus status, LocalDate filedOn, LocalDate acceptedOn) {
        ReviewCase decision = type.decidedUnder(category, siteInspection);
        if (status == ApplicationStatus.ACCEPTED) {
            return new ReviewStage(Stage.DECISION, Optional.of(acceptedOn), false, r.reckon(decision, acceptedOn));
        }
        if (status != ApplicationStatus.SUBMITTED) {
            throw new IllegalArgumentException("only a pending application has a review stage, not a " + status + " one");
        }
        StatutoryDeadlines.Reckoned acceptance = r.reckon(ReviewCase.ACCEPTANCE, filedOn);
        if (!acceptance.overdue()) {
            return new ReviewStage(Stage.ACCEPTANCE, Optional.empty(), false, acceptance);
        }
        StatutoryDeadlines.Reckoned decided = r.reckon(decision, acceptance.deadline());
        return new ReviewStage(Stage.DECISION, Optional.of(acceptance.deadline()), true,
                new StatutoryDeadlines.Reckoned(decided.deadline(), decided.daysLeft(), decided.overdue(),
                        decided.provisional() || acceptance.provisional()));
    }
}
