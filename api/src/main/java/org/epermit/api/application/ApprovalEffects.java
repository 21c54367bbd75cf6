package org.epermit.api.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.epermit.api.gateway.TransactionSql;
import org.epermit.api.gateway.write.AggregateEvent;
import org.epermit.api.permit.lifecycle.PermitWrites;

import java.time.LocalDate;

/**
 * What approving an application does to its permit, in the decision's transaction: a renewal extends the validity by
 * five years from the old expiry in a new version; a change writes the unit's new particulars in a new version (the
 * superseded one frozen with the old); a cancellation sets the status; a reissue issues the copy again, with the same
 * terms, as a new version dated the day of the decision; an initial application issues the permit its draft describes
 * (the unit's next site serial, valid five years from the decision); a reapplication replaces the permit's licensed
 * content with its draft's in a new version. Each step is
 * in the permit's history and leaves the permit's own outbox event, so the disclosure, filings and statistics see it
 * once the decision commits.
 */
@ApplicationScoped
class ApprovalEffects {

    static final String PERMIT = """
            SELECT p.valid_to, p.issuing_authority, p.enterprise_id FROM permit p WHERE p.id = $1 FOR UPDATE""";
    static final String RENEW = """
            UPDATE permit SET valid_from = $2, valid_to = $3, issue_date = $4, status = 'VALID', updated_at = now() WHERE id = $1""";
    /** The copy issued again carries the day it was: same terms, a new version (the copy's own). */
    static final String REISSUE = "UPDATE permit SET issue_date = $2, updated_at = now() WHERE id = $1";
    static final String CANCEL = "UPDATE permit SET status = 'CANCELLED', updated_at = now() WHERE id = $1";

    /**
     * The authority an initial permit names: the deciding regulator's region as a GB/T 2260 code (a province's or a
     * city's prefix padded with zeros), or, where the reference data lacks that code, the site's city.
     */
    static final String AUTHORITY = """
            SELECT r.code FROM region r WHERE r.code IN ($1, $2) ORDER BY r.code = $1 DESC LIMIT 1""";
    /** The application names the permit its approval issued. */
    static final String ISSUED_ON = "UPDATE application SET permit_id = $2 WHERE id = $1";

    private final PermitWrites permits;
    private final PermitDraftWriter drafts;

    ApprovalEffects(PermitWrites permits, PermitDraftWriter drafts) {
        this.permits = permits;
        this.drafts = drafts;
    }

    /**
     * Applies the approval of {@code a} (filed with {@code body}) on {@code decidedOn} by a regulator of
     * {@code deciderRegion}; the permit's outbox event.
     */
    Uni<AggregateEvent> apply(TransactionSql tx, Application a, ApplicationBody body, LocalDate decidedOn, String deciderRegion) {
        ApplicationType type = ApplicationType.valueOf(a.type);
        if (type == ApplicationType.INITIAL) {
            String siteRegion = body.draft().site().regionCode();
            return tx.query(AUTHORITY, (deciderRegion + "000000").substring(0, 6), siteRegion.substring(0, 4) + "00")
                    .flatMap(rows -> drafts.issue(tx, a.enterpriseId, body.draft(), decidedOn,
                            rows.isEmpty() ? siteRegion : rows.get(0).string("code")))
                    // a native write, not the entity's: a second flush would raise the aggregate's version twice in one act
                    .flatMap(issued -> tx.update(ISSUED_ON, a.id, issued.permitId())
                            .flatMap(done -> permits.announce(tx, issued.permitId(), "permit.issued")));
        }
        long permitId = a.permitId;
        return tx.query(PERMIT, permitId).flatMap(rows -> {
            LocalDate validTo = (LocalDate) rows.get(0).get("valid_to");
            String authority = rows.get(0).string("issuing_authority");
            long enterpriseId = ((Number) rows.get(0).get("enterprise_id")).longValue();
            return switch (type) {
                case RENEWAL -> {
                    LocalDate from = validTo.plusDays(1);
                    LocalDate to = validTo.plusYears(5);
                    yield permits.openVersion(tx, permitId, "RENEWAL", from)
                            .flatMap(v -> tx.update(RENEW, permitId, from, to, decidedOn))
                            .flatMap(done -> permits.recordEvent(tx, permitId, "RENEWED", decidedOn, authority,
                                    described(a, "延续至" + to, "renewed to " + to)))
                            .flatMap(done -> permits.announce(tx, permitId, "permit.renewed"));
                }
                case CHANGE -> permits.openVersion(tx, permitId, "CHANGE", decidedOn)
                        .flatMap(v -> change(tx, enterpriseId, body.change()))
                        .flatMap(done -> permits.recordEvent(tx, permitId, "CHANGED", decidedOn, authority, described(a, "变更", "changed")))
                        .flatMap(done -> permits.announce(tx, permitId, "permit.changed"));
                case CANCELLATION -> tx.update(CANCEL, permitId)
                        .flatMap(done -> permits.recordEvent(tx, permitId, "CANCELLED", decidedOn, authority, described(a, "注销", "cancelled")))
                        .flatMap(done -> permits.announce(tx, permitId, "permit.cancelled"));
                case REISSUE -> permits.openVersion(tx, permitId, "REISSUE", decidedOn)
                        .flatMap(v -> tx.update(REISSUE, permitId, decidedOn))
                        .flatMap(done -> permits.recordEvent(tx, permitId, "REISSUED", decidedOn, authority, described(a, "补发", "reissued")))
                        .flatMap(done -> permits.announce(tx, permitId, "permit.reissued"));
                case REAPPLICATION -> drafts.reapply(tx, permitId, body.draft(), decidedOn, authority)
                        .flatMap(version -> permits.announce(tx, permitId, "permit.reapplied"));
                case INITIAL -> throw new IllegalStateException("an initial application has no permit yet: issued above");
            };
        });
    }

    /** The public history's line: what happened, and on which application; never the regulator's comment. */
    private static String described(Application a, String zh, String en) {
        return zh + "（申请 #" + a.id + "）/ " + en + " (application #" + a.id + ")";
    }

    /** The unit's new particulars: the changed fields are the unit's own, so every permit of the unit shows them. */
    private static Uni<Void> change(TransactionSql tx, long enterpriseId, ApplicationBody.Change change) {
        Uni<Void> done = Uni.createFrom().voidItem();
        for (ApplicationBody.ChangedItem item : change.items()) {
            String column = switch (item.field()) {
                case NAME -> "name";
                case ADDRESS -> "address";
                case LEGAL_REPRESENTATIVE -> "legal_representative";
                case PRINCIPAL_PERSON -> "principal_person";
                default -> throw new IllegalStateException(item.field() + " is a reapplication's, refused when the change was filed");
            };
            done = done.flatMap(v -> tx.update("UPDATE enterprise SET " + column + " = $2, updated_at = now() WHERE id = $1",
                    enterpriseId, item.value()).replaceWithVoid());
        }
        return done;
    }
}
