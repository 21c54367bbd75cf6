package org.epermit.api.permit.lifecycle;

import org.epermit.api.permit.PermitStatus;

import java.time.LocalDate;
import java.time.Period;

/**
 * A change of status that time alone brings (排污许可管理条例): a permit expires (届满) the day after its last day of
 * validity; an expired permit that was not renewed is cancelled (注销) {@code epermit.permit-lifecycle.cancel-expired-after}
 * (60 days) after it expired, so no permit stays "expired" for years.
 */
enum Transition {
    EXPIRE(PermitStatus.VALID, PermitStatus.EXPIRED, "permit.expired", "有效期届满 / expired"),
    CANCEL(PermitStatus.EXPIRED, PermitStatus.CANCELLED, "permit.cancelled",
            "有效期届满未延续，注销 / cancelled: expired and not renewed");

    final PermitStatus from;
    final PermitStatus to;
    /** The outbox event's type. */
    final String eventType;
    /** The permit_event's description, as the history shows it. */
    final String description;

    Transition(PermitStatus from, PermitStatus to, String eventType, String description) {
        this.from = from;
        this.to = to;
        this.eventType = eventType;
        this.description = description;
    }

    /** The day the change falls due for a permit valid to {@code validTo}: the day its history records. */
    LocalDate dueOn(LocalDate validTo, Period cancelAfter) {
        LocalDate expired = validTo.plusDays(1);
        return this == EXPIRE ? expired : expired.plus(cancelAfter);
    }

    /**
     * The last {@code valid_to} for which the change is due by {@code today}: the permits to change are those with
     * {@code valid_to} up to it (an index range). {@link #dueOn} never decreases as {@code valid_to} grows, so the days
     * that qualify run up to one last day, found from an estimate in a step or two (month lengths make
     * {@code today - cancelAfter - 1} a day off at most around month ends).
     */
    LocalDate lastValidToDueBy(LocalDate today, Period cancelAfter) {
        LocalDate last = today.minus(this == EXPIRE ? Period.ZERO : cancelAfter).minusDays(1);
        while (!dueOn(last.plusDays(1), cancelAfter).isAfter(today)) {
            last = last.plusDays(1);
        }
        while (dueOn(last, cancelAfter).isAfter(today)) {
            last = last.minusDays(1);
        }
        return last;
    }
}
