package org.epermit.api.permit;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.epermit.api.common.PlannedPerExecution;
import org.epermit.api.reference.CodeName;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The permit read paths, each one prepared statement through the reactive SQL client: these are the hottest
 * public reads, so they skip the ORM and let PostgreSQL render documents where the shape is fixed.
 */
@ApplicationScoped
public class PermitQueries {

    private static final Pattern IDENTIFIER_PREFIX = Pattern.compile("[0-9A-Z]{2,22}");

    static final String PUBLIC_DOCUMENT = "SELECT permit_public_document(id)::text FROM permit WHERE permit_number = $1";
    static final String VERSION_SNAPSHOT = """
            SELECT CASE WHEN p.version = $2 THEN permit_public_document(p.id)::text ELSE v.snapshot::text END
            FROM permit p JOIN permit_version v ON v.permit_id = p.id AND v.version = $2
            WHERE p.permit_number = $1""";
    static final String HISTORY_DOCUMENT = "SELECT permit_history_document(id)::text FROM permit WHERE permit_number = $1";
    private static final String SUMMARY_SELECT = """
            SELECT p.permit_number, p.version, p.category, p.status, e.credit_code, e.name, p.site_name,
                   p.region_code, r.name_zh, r.name_en, p.industry_code, i.name_zh, i.name_en, p.issuing_authority,
                   p.valid_from, p.valid_to
            FROM permit p
            JOIN enterprise e ON e.id = p.enterprise_id
            JOIN region r ON r.code = p.region_code
            JOIN industry i ON i.code = p.industry_code
            """;

    private final Pool pool;

    public PermitQueries(Pool pool) {
        this.pool = pool;
    }

    public Uni<Optional<String>> publicDocument(String permitNumber) {
        return single(PUBLIC_DOCUMENT, Tuple.of(permitNumber));
    }

    public Uni<Optional<String>> versionDocument(String permitNumber, int version) {
        return single(VERSION_SNAPSHOT, Tuple.of(permitNumber, version));
    }

    public Uni<Optional<String>> history(String permitNumber) {
        return single(HISTORY_DOCUMENT, Tuple.of(permitNumber));
    }

    /** The full (non-public) view of a permit, and whether the caller may see it. */
    public record FullView(String publicDocument, PermitFull.Contacts contacts, boolean visible) {
    }

    public Uni<Optional<FullView>> fullView(String permitNumber,
                                            java.util.function.Function<List<Object>, Optional<String>> visibility) {
        List<Object> params = new ArrayList<>(List.of(permitNumber));
        String visible = visibility.apply(params).orElse("true");
        return pool.preparedQuery("""
                        SELECT permit_public_document(p.id)::text, e.legal_representative, e.contact_name,
                               e.contact_phone, e.contact_email, %s
                        FROM permit p JOIN enterprise e ON e.id = p.enterprise_id
                        WHERE p.permit_number = $1""".formatted(visible))
                .execute(Tuple.from(params)).map(rows -> {
                    var it = rows.iterator();
                    if (!it.hasNext()) {
                        return Optional.empty();
                    }
                    Row r = it.next();
                    return Optional.of(new FullView(r.getString(0), new PermitFull.Contacts(r.getString(1),
                            r.getString(2), r.getString(3), r.getString(4)), r.getBoolean(5)));
                });
    }

    public Uni<Boolean> exists(String permitNumber) {
        return pool.preparedQuery("SELECT 1 FROM permit WHERE permit_number = $1").execute(Tuple.of(permitNumber))
                .map(rows -> rows.size() > 0);
    }

    /** Up to {@code limit} permits matching the criteria, ordered by permit number, after {@code after}. */
    public Uni<List<PermitSummary>> search(PermitSearchCriteria criteria, Optional<String> after, int limit) {
        return search(criteria, after, limit, params -> Optional.empty());
    }

    /**
     * As {@link #search(PermitSearchCriteria, Optional, int)}, within what {@code visibility} allows: it adds its
     * arguments to the list it is given and returns a condition on {@code p}, or nothing for no restriction.
     */
    public Uni<List<PermitSummary>> search(PermitSearchCriteria criteria, Optional<String> after, int limit,
                                           java.util.function.Function<List<Object>, Optional<String>> visibility) {
        List<Object> params = new ArrayList<>();
        List<String> where = new ArrayList<>();
        visibility.apply(params).ifPresent(where::add);
        criteria.q().ifPresent(q -> where.add(textMatch(q, params)));
        criteria.region().ifPresent(prefix -> where.add(RegionFilter.condition(prefix, params)));
        criteria.industry().ifPresent(prefix -> where.add(codeRange("p.industry_code", prefix, 4, params)));
        criteria.category().ifPresent(c -> where.add("p.category = " + param(params, c.name())));
        criteria.status().ifPresent(s -> where.add("p.status = " + param(params, s.name())));
        criteria.expiringBefore().ifPresent(d -> where.add("p.valid_to < " + param(params, d)));
        after.ifPresent(a -> where.add("p.permit_number > " + param(params, a)));
        String sql = PlannedPerExecution.MARKER + SUMMARY_SELECT
                + (where.isEmpty() ? "" : "WHERE " + String.join(" AND ", where) + "\n")
                + "ORDER BY p.permit_number LIMIT " + param(params, limit);
        return pool.preparedQuery(sql).execute(Tuple.from(params)).map(PermitQueries::summaries);
    }

    /** All permits of an enterprise, by permit number. */
    public Uni<List<PermitSummary>> ofEnterprise(long enterpriseId) {
        return pool.preparedQuery(SUMMARY_SELECT + "WHERE p.enterprise_id = $1 ORDER BY p.permit_number")
                .execute(Tuple.of(enterpriseId)).map(PermitQueries::summaries);
    }

    /**
     * {@code q} matches a permit-number or credit-code prefix, or a substring of the enterprise's name. The name
     * match goes through the GIN index of name grams (every character and character pair), then rechecks with
     * LIKE; the prefix match is a range on the unique permit-number index.
     */
    private static String textMatch(String q, List<Object> params) {
        String lowered = q.strip().toLowerCase(Locale.ROOT);
        String names = "SELECT id FROM enterprise WHERE epermit_name_grams(name) @> " + param(params, grams(lowered))
                + "::text[] AND lower(name) LIKE " + param(params, "%" + escapeLike(lowered) + "%") + " ESCAPE '\\'";
        String upper = q.strip().toUpperCase(Locale.ROOT);
        if (!IDENTIFIER_PREFIX.matcher(upper).matches()) {
            return "p.enterprise_id IN (" + names + ")";
        }
        String low = param(params, upper);
        String high = param(params, upper + "Z".repeat(22 - upper.length()));
        return "p.id IN (SELECT id FROM permit WHERE permit_number BETWEEN " + low + " AND " + high
                + " UNION SELECT id FROM permit WHERE enterprise_id IN (" + names + "))";
    }

    /** The grams the name index holds that any name containing {@code pattern} must have. */
    static String[] grams(String pattern) {
        int[] cps = pattern.codePoints().toArray();
        if (cps.length <= 2) {
            return new String[]{pattern};
        }
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i + 1 < cps.length; i++) {
            String pair = new String(cps, i, 2);
            if (!pairs.contains(pair)) {
                pairs.add(pair);
            }
        }
        return pairs.toArray(String[]::new);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** A code prefix as a range on the code's btree: 44 → [44, 449999]. */
    private static String codeRange(String column, String prefix, int length, List<Object> params) {
        return column + " BETWEEN " + param(params, prefix) + " AND "
                + param(params, prefix + "9".repeat(length - prefix.length()));
    }

    private static String param(List<Object> params, Object value) {
        params.add(value);
        return "$" + params.size();
    }

    private Uni<Optional<String>> single(String sql, Tuple args) {
        return pool.preparedQuery(sql).execute(args).map(rows -> {
            var it = rows.iterator();
            if (!it.hasNext()) {
                return Optional.empty();
            }
            return Optional.ofNullable(it.next().getString(0));
        });
    }

    private static List<PermitSummary> summaries(RowSet<Row> rows) {
        List<PermitSummary> list = new ArrayList<>(rows.size());
        for (Row r : rows) {
            list.add(new PermitSummary(r.getString(0), r.getInteger(1), PermitCategory.valueOf(r.getString(2)),
                    PermitStatus.valueOf(r.getString(3)), r.getString(4), r.getString(5), r.getString(6),
                    new CodeName(r.getString(7), r.getString(8), r.getString(9)),
                    new CodeName(r.getString(10), r.getString(11), r.getString(12)),
                    r.getString(13), r.getLocalDate(14), r.getLocalDate(15)));
        }
        return list;
    }
}
