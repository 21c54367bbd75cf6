package org.epermit.api.permit.lifecycle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.epermit.api.gateway.TransactionSql;
import org.epermit.api.gateway.write.AggregateEvent;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The steps of a permit's life written in a caller's transaction, for a decision, a registration or an issue: a new
 * permit with the next site serial of its unit, a new version that freezes the one it supersedes, a history event,
 * and the outbox event of the permit as the step left it. The public document (permit_document) follows every
 * statement by its triggers (V13), so a step is visible to the disclosure API, filings and statistics once it commits.
 */
@ApplicationScoped
public class PermitWrites {

    /** A permit's own row as issued or registered: its site, category, validity and authority (none for a registration). */
    public record NewPermit(long enterpriseId, String creditCode, String category, String siteName, String regionCode,
                            String industryCode, String siteAddress, BigDecimal longitude, BigDecimal latitude,
                            String issuingAuthority, LocalDate issueDate, LocalDate validFrom, LocalDate validTo) {
    }

    /** The permit a {@link #insert} wrote. */
    public record Inserted(long permitId, String permitNumber) {
    }

    static final String NEXT_SERIAL = """
            SELECT COALESCE(max(site_serial), 0) + 1 AS serial FROM permit
            WHERE permit_number >= $1 AND permit_number < $2""";
    static final String INSERT = """
            INSERT INTO permit (permit_number, enterprise_id, site_serial, category, status, site_name, region_code,
                                industry_code, site_address, longitude, latitude, issuing_authority, issue_date,
                                valid_from, valid_to, version)
            VALUES ($1, $2, $3, $4, 'VALID', $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 1)
            RETURNING id""";
    static final String FIRST_VERSION = """
            INSERT INTO permit_version (permit_id, version, effective_from, effective_to, reason, snapshot)
            VALUES ($1, 1, $2, NULL, 'INITIAL', NULL)""";
    /** The current version is closed the day before the new one starts, with the document it had. */
    static final String FREEZE = """
            UPDATE permit_version v SET effective_to = $2,
                   snapshot = (SELECT CAST(d.body AS jsonb) FROM permit_document d WHERE d.permit_id = v.permit_id)
            WHERE v.permit_id = $1 AND v.effective_to IS NULL
            RETURNING v.version""";
    static final String NEXT_VERSION = """
            UPDATE permit SET version = version + 1, updated_at = now() WHERE id = $1 RETURNING version""";
    static final String OPEN_VERSION = """
            INSERT INTO permit_version (permit_id, version, effective_from, effective_to, reason, snapshot)
            VALUES ($1, $2, $3, NULL, $4, NULL)""";
    static final String EVENT = """
            INSERT INTO permit_event (permit_id, version, event_type, occurred_on, authority, description)
            SELECT p.id, p.version, $2, $3, $4, $5 FROM permit p WHERE p.id = $1""";
    static final String ANNOUNCED = """
            SELECT p.permit_number, d.body AS document,
                   (SELECT count(*) FROM permit_event e WHERE e.permit_id = p.id) AS events
            FROM permit p JOIN permit_document d ON d.permit_id = p.id WHERE p.id = $1""";

    private final ObjectMapper json;

    public PermitWrites(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Inserts a VALID permit at version 1 with the unit's next site serial (numbered credit code + serial + {@code letter},
     * HJ 608-2017) and its first version row. The caller writes its content, then {@link #recordEvent} ISSUED or
     * REGISTERED, so the event follows the content it records.
     */
    public Uni<Inserted> insert(TransactionSql tx, NewPermit p, char letter) {
        String code = p.creditCode();
        // every site serial of one unit is taken under one lock: two issues for one unit at once get different serials
        return tx.lock("permit-serial|" + code)
                .flatMap(locked -> tx.query(NEXT_SERIAL, code + "000", code + "999\u007f"))
                .flatMap(rows -> {
                    int serial = rows.get(0).integer("serial");
                    if (serial > 999) {
                        throw new IllegalStateException("unit " + code + " holds 999 permits: HJ 608 numbers no more sites");
                    }
                    String number = code + String.format("%03d", serial) + letter;
                    return tx.query(INSERT, number, p.enterpriseId(), (short) serial, p.category(), p.siteName(), p.regionCode(),
                                    p.industryCode(), p.siteAddress(), p.longitude(), p.latitude(), p.issuingAuthority(),
                                    p.issueDate(), p.validFrom(), p.validTo())
                            .flatMap(inserted -> {
                                long id = ((Number) inserted.get(0).get("id")).longValue();
                                return tx.update(FIRST_VERSION, id, p.validFrom()).map(done -> new Inserted(id, number));
                            });
                });
    }

    /**
     * Supersedes the permit's current version: it is closed on the day before {@code on} with its document frozen, and
     * version n + 1 (for {@code reason}: RENEWAL, CHANGE, REAPPLICATION, REISSUE) starts on {@code on}. Call it before
     * the step changes the permit's content, so the frozen document is the one the old version had. Filings for
     * earlier periods stay bound to the version that was current then. Returns the new version's number.
     */
    public Uni<Integer> openVersion(TransactionSql tx, long permitId, String reason, LocalDate on) {
        return tx.query(FREEZE, permitId, on.minusDays(1))
                .flatMap(frozen -> tx.query(NEXT_VERSION, permitId))
                .flatMap(next -> {
                    int version = next.get(0).integer("version");
                    return tx.update(OPEN_VERSION, permitId, version, on, reason).map(done -> version);
                });
    }

    /** Adds a history event (ISSUED, REGISTERED, CHANGED, RENEWED, REAPPLIED, REISSUED, CANCELLED…) at the permit's current version. */
    public Uni<Void> recordEvent(TransactionSql tx, long permitId, String eventType, LocalDate on, String authority, String description) {
        return tx.update(EVENT, permitId, eventType, on, authority, description).replaceWithVoid();
    }

    /**
     * The outbox event of the step just recorded ({@code type}: {@code permit.issued}, {@code permit.renewed}…): the
     * permit's public document as the step left it, numbered by the permit's history.
     */
    public Uni<AggregateEvent> announce(TransactionSql tx, long permitId, String type) {
        return tx.query(ANNOUNCED, permitId).map(rows -> {
            TransactionSql.SqlRow row = rows.get(0);
            return new AggregateEvent(type, "permit", row.string("permit_number"),
                    ((Number) row.get("events")).longValue(), parse(row.string("document")));
        });
    }

    private Object parse(String document) {
        try {
            return json.readTree(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a permit's public document is not JSON", e);
        }
    }
}
