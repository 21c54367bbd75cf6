package org.epermit.api.permit;

import jakarta.enterprise.context.ApplicationScoped;
import org.epermit.api.access.SqlCondition;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;

/**
 * "Due for renewal" (延续): a VALID permit whose validity ends within {@code epermit.permit-lifecycle.renewal-lead}
 * (90 days) from today, a registration receipt within {@code registration-renewal-lead} (20 days); the last day of
 * validity itself included. The lead starts before the 60-day filing deadline, so the signal comes while a renewal can
 * still be filed in time. One rule, asked two ways: of a row already read ({@link #isDue}) and as a search filter
 * ({@link #condition}); a test holds them to the same answer.
 */
@ApplicationScoped
public class RenewalDue {

    private final PermitLifecycleConfig config;
    private final Clock clock;

    public RenewalDue(PermitLifecycleConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** Today, in the service's zone. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Whether a permit in this state is due for renewal on {@code today}. */
    public boolean isDue(PermitStatus status, PermitCategory category, LocalDate validTo, LocalDate today) {
        return isDue(status, category, validTo, today, config.renewalLead(), config.registrationRenewalLead());
    }

    static boolean isDue(PermitStatus status, PermitCategory category, LocalDate validTo, LocalDate today,
                         Period permitLead, Period registrationLead) {
        Period lead = category == PermitCategory.REGISTRATION ? registrationLead : permitLead;
        return status == PermitStatus.VALID && !validTo.isBefore(today) && !validTo.isAfter(today.plus(lead));
    }

    /**
     * The permits ({@code p}) that are due for renewal on {@code today} ({@code due}) or are not ({@code !due}): two
     * ranges on {@code valid_to}, one per lead, so the search reads them from {@code permit_valid_to_idx}.
     */
    public SqlCondition condition(boolean due, LocalDate today) {
        SqlCondition isDue = SqlCondition.of("p.status = $1", PermitStatus.VALID.name()).and(withinLead("p", today));
        return due ? isDue : new SqlCondition("NOT " + isDue.sql(), isDue.args());
    }

    /**
     * The rule's window alone, on the {@code category} and {@code valid_to} columns of {@code alias}: validity ending
     * within the lead of its category from {@code today}, whatever the status (for rows already known to be VALID,
     * such as the statistics' expiry rollup).
     */
    public SqlCondition withinLead(String alias, LocalDate today) {
        return SqlCondition.of("((" + alias + ".category = $1 AND " + alias + ".valid_to BETWEEN $2 AND $3)"
                        + " OR (" + alias + ".category <> $1 AND " + alias + ".valid_to BETWEEN $2 AND $4))",
                PermitCategory.REGISTRATION.name(), today, today.plus(config.registrationRenewalLead()),
                today.plus(config.renewalLead()));
    }
}
