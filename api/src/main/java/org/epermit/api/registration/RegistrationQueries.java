package org.epermit.api.registration;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.epermit.api.gateway.TransactionSql;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Every read of registration: the reference data a form is checked against, the unit and who may act for it, and a
 * receipt as its renewal or change needs it. Writes are {@link org.epermit.api.permit.lifecycle.PermitWrites}' and
 * {@link Registrations}'.
 */
@ApplicationScoped
public class RegistrationQueries {

    /** A unit the service knows. */
    record KnownUnit(long id, String creditCode, String name, String address, String legalRepresentative) {
    }

    /** A GB/T 2260 division as the site rule needs it: a site lies in the most detailed division, never a grouping row. */
    record Region(String code, int level, boolean hasChildren, boolean grouping) {

        boolean isSiteDivision() {
            return level > 1 && !hasChildren && !grouping;
        }
    }

    /** An industry class and the management categories the classification catalogue lists for it. */
    record Industry(String code, Set<String> categories) {
    }

    /** Whether a vendor's live delegations from a unit cover its registrations (all its permits, with the scope). */
    record Delegation(boolean coversRegistration, boolean delegatedOtherwise) {
    }

    /** A receipt (or a permit: {@code category} tells) as its renewal or change needs it, read under its row lock. */
    record Receipt(long id, String permitNumber, String category, String status, long enterpriseId, LocalDate issueDate,
                   LocalDate validFrom, LocalDate validTo, int version, LocalDate versionFrom, String siteName, String siteAddress,
                   BigDecimal longitude, BigDecimal latitude, String unitName, String unitAddress, String legalRepresentative) {
    }

    static final String UNIT = """
            SELECT id, credit_code, name, address, legal_representative FROM enterprise WHERE credit_code = $1""";
    static final String REGION = """
            SELECT r.code, r.level, r.grouping, EXISTS (SELECT 1 FROM region c WHERE c.parent_code = r.code) AS has_children
            FROM region r WHERE r.code = $1""";
    static final String INDUSTRY = """
            SELECT i.code, COALESCE(array_agg(c.category ORDER BY c.category) FILTER (WHERE c.category IS NOT NULL), '{}') AS categories
            FROM industry i LEFT JOIN industry_management_category c ON c.industry_code = i.code
            WHERE i.code = $1 GROUP BY i.code""";
    // A registration is for a new site of the unit, so only a delegation of all its permits covers it.
    static final String DELEGATION = """
            SELECT EXISTS (SELECT 1 FROM delegation d WHERE d.enterprise_id = $1 AND d.vendor_client_id = $2 AND d.all_permits
                             AND $3 = ANY (d.scopes) AND d.revoked_at IS NULL AND now() >= d.valid_from AND now() < d.valid_to) AS covers,
                   EXISTS (SELECT 1 FROM delegation d WHERE d.enterprise_id = $1 AND d.vendor_client_id = $2
                             AND d.revoked_at IS NULL AND now() >= d.valid_from AND now() < d.valid_to) AS delegated""";
    /** The receipt, its row locked: a renewal and a change of one receipt, or two of either, are written one after the other. */
    static final String RECEIPT = """
            SELECT p.id, p.permit_number, p.category, p.status, p.enterprise_id, p.issue_date, p.valid_from, p.valid_to,
                   p.version, v.effective_from AS version_from, p.site_name, p.site_address, p.longitude, p.latitude,
                   e.name AS unit_name, e.address AS unit_address, e.legal_representative
            FROM permit p JOIN enterprise e ON e.id = p.enterprise_id
            LEFT JOIN permit_version v ON v.permit_id = p.id AND v.version = p.version
            WHERE p.id = $1 FOR UPDATE OF p""";
    /** The unit's permits in force other than registration receipts: their changes are applications. */
    static final String OTHER_PERMITS = """
            SELECT permit_number FROM permit WHERE enterprise_id = $1 AND category <> 'REGISTRATION' AND status = 'VALID'
            ORDER BY permit_number LIMIT 3""";

    private final Pool pool;

    public RegistrationQueries(Pool pool) {
        this.pool = pool;
    }

    Uni<Optional<KnownUnit>> unit(String creditCode) {
        return pool.preparedQuery(UNIT).execute(Tuple.of(creditCode)).map(rows -> first(rows).map(r -> new KnownUnit(
                r.getLong("id"), r.getString("credit_code"), r.getString("name"), r.getString("address"),
                r.getString("legal_representative"))));
    }

    Uni<Optional<Region>> region(String code) {
        return pool.preparedQuery(REGION).execute(Tuple.of(code)).map(rows -> first(rows).map(r -> new Region(
                r.getString("code"), r.getInteger("level"), r.getBoolean("has_children"), r.getBoolean("grouping"))));
    }

    Uni<Optional<Industry>> industry(String code) {
        return pool.preparedQuery(INDUSTRY).execute(Tuple.of(code)).map(rows -> first(rows).map(r -> new Industry(
                r.getString("code"), Set.of(r.getArrayOfStrings("categories")))));
    }

    Uni<Delegation> delegation(long enterpriseId, UUID vendorClientId, String scope) {
        return pool.preparedQuery(DELEGATION).execute(Tuple.of(enterpriseId, vendorClientId, scope)).map(rows -> {
            Row r = rows.iterator().next();
            return new Delegation(r.getBoolean("covers"), r.getBoolean("delegated"));
        });
    }

    /** The receipt with id {@code permitId}, locked for the write's transaction. */
    Uni<Receipt> lockedReceipt(TransactionSql tx, long permitId) {
        return tx.query(RECEIPT, permitId).map(rows -> {
            TransactionSql.SqlRow r = rows.get(0);
            return new Receipt(((Number) r.get("id")).longValue(), r.string("permit_number"), r.string("category"), r.string("status"),
                    ((Number) r.get("enterprise_id")).longValue(), (LocalDate) r.get("issue_date"), (LocalDate) r.get("valid_from"),
                    (LocalDate) r.get("valid_to"), r.integer("version"), (LocalDate) r.get("version_from"), r.string("site_name"),
                    r.string("site_address"), decimal(r.get("longitude")), decimal(r.get("latitude")), r.string("unit_name"),
                    r.string("unit_address"), r.string("legal_representative"));
        });
    }

    /** The category of permit {@code permitNumber}, if it exists. */
    Uni<Optional<String>> category(String permitNumber) {
        return pool.preparedQuery("SELECT category FROM permit WHERE permit_number = $1").execute(Tuple.of(permitNumber))
                .map(rows -> first(rows).map(r -> r.getString("category")));
    }

    Uni<List<String>> otherPermits(TransactionSql tx, long enterpriseId) {
        return tx.query(OTHER_PERMITS, enterpriseId).map(rows -> rows.stream().map(r -> r.string("permit_number")).collect(Collectors.toList()));
    }

    /** A numeric column as the SQL client gives it (its own {@code Numeric}), as a decimal. */
    private static BigDecimal decimal(Object value) {
        return value == null ? null : value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
    }

    private static Optional<Row> first(RowSet<Row> rows) {
        var it = rows.iterator();
        return it.hasNext() ? Optional.of(it.next()) : Optional.empty();
    }
}
