package org.epermit.sdk.examples;

import java.io.PrintStream;
import org.epermit.sdk.Credentials;
import org.epermit.sdk.EPermitClient;
import org.epermit.sdk.errors.ConflictException;
import org.epermit.sdk.model.AcceptanceOutcome;
import org.epermit.sdk.model.Application;
import org.epermit.sdk.model.ApplicationAcceptance;
import org.epermit.sdk.model.ApplicationBody;
import org.epermit.sdk.model.ApplicationDecision;
import org.epermit.sdk.model.ApplicationRequirements;
import org.epermit.sdk.model.ApplicationType;
import org.epermit.sdk.model.DecisionOutcome;
import org.epermit.sdk.model.PermitStatus;
import org.epermit.sdk.model.PermitSummary;
import org.epermit.sdk.model.PublicPermit;
import org.epermit.sdk.model.ReviewKind;
import org.epermit.sdk.model.ReviewQueueItem;
import org.epermit.sdk.param.PermitSearchParams;
import org.epermit.sdk.param.ReviewQueueParams;

/**
 * A renewal from filing to approval, with two API keys: the vendor an enterprise delegated files it, the regulator of
 * the permit's region finds it in the review queue with its statutory deadline, accepts it (受理) and approves it, and
 * the public disclosure shows the permit's new validity at once.
 *
 * <p>Run it against the embedded service with the demo keys it prints at start:
 * {@code RenewalToApproval http://localhost:8080 <vendor key> <regulator key>}.
 */
public final class RenewalToApproval {

    private RenewalToApproval() {
    }

    /**
     * Runs the example.
     *
     * @param args the API's base URL, the vendor's API key and the regulator's API key
     */
    public static void main(String[] args) {
        if (args.length < 3) {
            System.err.println("Give the base URL, the demo vendor's and the demo regulator's API keys (printed by the "
                    + "embedded service at start).");
            return;
        }
        EPermitClient vendor = EPermitClient.builder().baseUrl(args[0]).credentials(Credentials.apiKey(args[1]))
                .appInfo("renewal-to-approval/1.0").build();
        EPermitClient regulator = EPermitClient.builder().baseUrl(args[0]).credentials(Credentials.apiKey(args[2]))
                .appInfo("renewal-to-approval/1.0").build();
        run(vendor, regulator, System.out);
    }

    /**
     * Renews the first delegated permit that takes a renewal today.
     *
     * @param vendor    a client with the vendor's credentials ({@code applications:write}, delegated)
     * @param regulator a client with the regulator's credentials ({@code reviews:write}, the permit's region)
     * @param out       where the steps are told
     * @return the approved application
     */
    public static Application run(EPermitClient vendor, EPermitClient regulator, PrintStream out) {
        // 1. The vendor: a delegated permit that takes a renewal today, and the renewal filed
        Application filed = null;
        for (PermitSummary permit : vendor.permits().search(PermitSearchParams.builder().status(PermitStatus.VALID).build())) {
            ApplicationRequirements needs = vendor.applications().requirements(permit.getPermitNumber(), ApplicationType.RENEWAL);
            if (!Boolean.TRUE.equals(needs.getAllowed())) {
                continue;
            }
            try {
                filed = vendor.applications().file(permit.getPermitNumber(), new ApplicationBody().type(ApplicationType.RENEWAL)
                        .truthful(true).statement("许可证有效期内守法排污、按期提交执行报告，申请延续。"));
                break;
            } catch (ConflictException open) {
                out.println("  " + permit.getPermitNumber() + ": " + open.getDetail());   // a renewal is already open
            }
        }
        if (filed == null) {
            throw new IllegalStateException("no permit delegated to the vendor takes a renewal today");
        }
        String number = filed.getPermitNumber();
        PublicPermit before = vendor.publicPermits().get(number);
        out.println("Filed renewal " + filed.getId() + " of " + number + " (valid to " + before.getValidTo() + "), "
                + filed.getFindings().size() + " finding(s)");

        // 2. The regulator: the queue shows it with the deadline of acceptance; accept it, then the decision's deadline
        ReviewQueueItem waiting = find(regulator, filed.getId());
        out.println("  in the queue: " + waiting.getStep() + " by " + waiting.getDeadline() + ", " + waiting.getDaysLeft()
                + " day(s) left" + (Boolean.TRUE.equals(waiting.getDeadlineProvisional()) ? " (provisional count)" : ""));
        regulator.review().accept(filed.getId(), new ApplicationAcceptance().outcome(AcceptanceOutcome.ACCEPTED));
        ReviewQueueItem accepted = find(regulator, filed.getId());
        out.println("  accepted on " + accepted.getAcceptedOn() + ": " + accepted.getStep() + " by " + accepted.getDeadline()
                + ", " + accepted.getDaysLeft() + " day(s) left");
        Application approved = regulator.review().decide(filed.getId(),
                new ApplicationDecision().decision(DecisionOutcome.APPROVED).comment("材料齐全，准予延续。"));

        // 3. Everyone: the public disclosure shows the new validity and version at once
        PublicPermit after = vendor.publicPermits().get(number);
        out.println("Approved on " + approved.getDecidedOn() + ": " + number + " valid " + after.getValidFrom() + " to "
                + after.getValidTo() + ", version " + before.getVersion() + " -> " + after.getVersion());
        return approved;
    }

    /** The application in the regulator's queue (applications only, oldest first, every page read as needed). */
    private static ReviewQueueItem find(EPermitClient regulator, long applicationId) {
        return regulator.review().queue(ReviewQueueParams.builder().kind(ReviewKind.APPLICATION)
                        .applicationType(ApplicationType.RENEWAL).limit(100).build()).stream()
                .filter(item -> item.getId() == applicationId).findFirst()
                .orElseThrow(() -> new IllegalStateException("application " + applicationId + " is not in the regulator's queue"));
    }
}
