package org.epermit.api.permit;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.epermit.api.access.RegionFilter;
import org.epermit.api.access.SqlCondition;
import org.epermit.api.common.CreditCode;
import org.epermit.api.common.PlannedPerExecution;
import org.epermit.api.reference.CodeName;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The permit read paths, each one prepared statement through the reactive SQL client: these are the hottest
 * public reads, so they skip the ORM. Documents are rendered by PostgreSQL when a permit changes and stored
 * (permit_document); a read passes the stored text through.
 */
@ApplicationScoped
public class PermitQueries {

    /** The start of a permit number or code: 2–22 characters, a pseudo-code's lower-case letter at position 18. */
    private static final Pattern IDENTIFIER_PREFIX = Pattern.compile("[0-9A-Z]{2,17}|[0-9A-Z]{17}[0-9A-Za-z][0-9A-Z]{0,4}");

    /** The stored document of the current version (V13: rendered when the permit changes, not when it is read). */
    static final String PUBLIC_DOCUMENT = "SELECT body FROM permit_document WHERE permit_number = $1";
    static final String VERSION_SNAPSHOT = """
            SELECT CASE WHEN d.version = $2 THEN d.body ELSE v.snapshot::text END
            FROM permit_document d JOIN permit_version v ON v.permit_id = d.permit_id AND v.version = $2
            WHERE d.permit_number = $1""";
    static final String HISTORY_DOCUMENT = "SELECT permit_history_document(id)::text FROM permit WHERE permit_number = $1";
    private static final String SUMMARY_SELECT = """
            SELECT p.permit_number, p.version, p.category, p.status, e.credit_code, e.name AS enterprise_name,
                   p.site_name, p.region_code, r.name_zh AS region_zh, r.name_en AS region_en, p.industry_code,
                   i.name_zh AS industry_zh, i.name_en AS industry_en, p.issuing_authority, p.valid_from, p.valid_to,
                   p.longitude, p.latitude
            FROM permit p
            JOIN enterprise e ON e.id = p.enterprise_id
            JOIN region r ON r.code = p.region_code
            JOIN industry i ON i.code = p.industry_code
            """;

    private final Pool pool;
    private final RenewalDue renewal;

    public PermitQueries(Pool pool, RenewalDue renewal) {
        this.pool = pool;
        this.renewal = renewal;
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

    /** The full (non-public) view of a permit: its public document and the enterprise's contacts. */
    public record FullView(String publicDocument, PermitFull.Contacts contacts) {
    }

    /** The full view of permit {@code permitId}; whether the caller may see it is {@code PermitAccess}'s to say. */
    public Uni<Optional<FullView>> fullView(long permitId) {
        return pool.preparedQuery("""
                        SELECT d.body AS document, e.legal_representative, e.contact_name,
                               e.contact_phone, e.contact_email
                        FROM permit p JOIN permit_document d ON d.permit_id = p.id
                        JOIN enterprise e ON e.id = p.enterprise_id
                        WHERE p.id = $1""")
                .execute(Tuple.of(permitId)).map(rows -> {
                    var it = rows.iterator();
                    if (!it.hasNext()) {
                        return Optional.empty();
                    }
                    Row r = it.next();
                    return Optional.of(new FullView(r.getString("document"), new PermitFull.Contacts(
                            r.getString("legal_representative"), r.getString("contact_name"),
                            r.getString("contact_phone"), r.getString("contact_email"))));
                });
    }

    public Uni<Boolean> exists(String permitNumber) {
        return pool.preparedQuery("SELECT 1 FROM permit WHERE permit_number = $1").execute(Tuple.of(permitNumber))
                .map(rows -> rows.size() > 0);
    }

    /**
     * Up to {@code limit} permits matching the criteria and {@code visible} (a condition on {@code p}), ordered by
     * permit number, after {@code after}.
     */
    public Uni<List<PermitSummary>> search(PermitSearchCriteria criteria, Optional<String> after, int limit,
                                           SqlCondition visible) {
        LocalDate today = renewal.today();
        return searchRows(criteria, after, limit, visible, today).map(rows -> summaries(rows, today));
    }

    /** As {@link #search}, each permit with its site's coordinates: the rows of a GeoJSON page. */
    public Uni<List<LocatedPermit>> searchLocated(PermitSearchCriteria criteria, Optional<String> after, int limit,
                                                  SqlCondition visible) {
        LocalDate today = renewal.today();
        return searchRows(criteria, after, limit, visible, today).map(rows -> {
            List<LocatedPermit> list = new ArrayList<>(rows.size());
            for (Row r : rows) {
                list.add(located(r, today));
            }
            return list;
        });
    }

    /** A permit summary and its site's WGS 84 coordinates (both absent when the site has none on record). */
    public record LocatedPermit(PermitSummary summary, Optional<Coordinates> site) {
    }

    /** A site's longitude and latitude in degrees (WGS 84), as the permit records them. */
    public record Coordinates(double longitude, double latitude) {
    }

    /**
     * The statement of a search (criteria, {@code visible}, {@code after}), ordered by permit number, with its
     * arguments; {@code limit} empty for every match (a bulk export reads it through a cursor).
     */
    public Statement searchStatement(PermitSearchCriteria criteria, Optional<String> after, Optional<Integer> limit,
                                     SqlCondition visible, LocalDate today) {
        SqlCondition all = conditions(criteria, after, visible, today);
        List<Object> args = new ArrayList<>(all.args());
        limit.ifPresent(args::add);
        String sql = PlannedPerExecution.MARKER + SUMMARY_SELECT
                + (all == SqlCondition.ALWAYS ? "" : "WHERE " + all.sql() + "\n")
                + "ORDER BY p.permit_number" + (limit.isPresent() ? " LIMIT $" + args.size() : "");
        return new Statement(sql, args);
    }

    /**
     * How many permits a search would return ({@code rows}) and when the statement started ({@code as_of}): the first
     * statement of a snapshot, whose start is the moment the snapshot shows. Counted over {@code permit} alone: the
     * summary's joins follow non-null foreign keys, so they neither add nor drop a row.
     */
    public Statement countStatement(PermitSearchCriteria criteria, Optional<String> after, SqlCondition visible,
                                    LocalDate today) {
        SqlCondition all = conditions(criteria, after, visible, today);
        return new Statement(PlannedPerExecution.MARKER + "SELECT statement_timestamp() AS as_of, count(*) AS rows FROM permit p"
                + (all == SqlCondition.ALWAYS ? "" : " WHERE " + all.sql()), all.args());
    }

    /** A statement and its arguments, for a caller that runs it on a connection of its own. */
    public record Statement(String sql, List<Object> args) {
        public Statement {
            args = List.copyOf(args);
        }
    }

    private Uni<RowSet<Row>> searchRows(PermitSearchCriteria criteria, Optional<String> after, int limit,
                                        SqlCondition visible, LocalDate today) {
        Statement statement = searchStatement(criteria, after, Optional.of(limit), visible, today);
        return pool.preparedQuery(statement.sql()).execute(Tuple.from(statement.args()));
    }

    private SqlCondition conditions(PermitSearchCriteria criteria, Optional<String> after, SqlCondition visible,
                                    LocalDate today) {
        List<SqlCondition> where = new ArrayList<>(List.of(visible));
        criteria.q().ifPresent(q -> where.add(textMatch(q)));
        criteria.region().ifPresent(prefix -> where.add(RegionFilter.condition(prefix)));
        // any of the site's classes, main or secondary: read in permit-number order from the prefix index (V12)
        criteria.industry().ifPresent(prefix -> where.add(SqlCondition.of(
                "p.permit_number IN (SELECT permit_number FROM permit_industry_prefix WHERE prefix = $1)", prefix)));
        criteria.category().ifPresent(c -> where.add(SqlCondition.of("p.category = $1", c.name())));
        criteria.status().ifPresent(s -> where.add(SqlCondition.of("p.status = $1", s.name())));
        criteria.expiringBefore().ifPresent(d -> where.add(SqlCondition.of("p.valid_to < $1", d)));
        criteria.dueForRenewal().ifPresent(due -> where.add(renewal.condition(due, today)));
        after.ifPresent(a -> where.add(SqlCondition.of("p.permit_number > $1", a)));
        return SqlCondition.allOf(where);
    }

    /** All permits of an enterprise, by permit number. */
    public Uni<List<PermitSummary>> ofEnterprise(long enterpriseId) {
        return pool.preparedQuery(SUMMARY_SELECT + "WHERE p.enterprise_id = $1 ORDER BY p.permit_number")
                .execute(Tuple.of(enterpriseId)).map(rows -> summaries(rows, renewal.today()));
    }

    /**
     * {@code q} matches a permit-number or credit-code prefix, or a substring of the enterprise's name. The name
     * match goes through the GIN index of name grams (every character and character pair), then rechecks with
     * LIKE; the prefix match is a range on the unique permit-number index.
     */
    private static SqlCondition textMatch(String q) {
        String lowered = q.strip().toLowerCase(Locale.ROOT);
        String names = "SELECT id FROM enterprise WHERE epermit_name_grams(name) @> $1::text[]"
                + " AND lower(name) LIKE $2 ESCAPE '\\'";
        String[] grams = grams(lowered);
        String like = "%" + escapeLike(lowered) + "%";
        // the case lookups use: upper case, but a pseudo-code's lower-case letter (position 18) kept
        String prefix = CreditCode.normalize(q.strip());
        if (!IDENTIFIER_PREFIX.matcher(prefix).matches()) {
            return SqlCondition.of("p.enterprise_id IN (" + names + ")", grams, like);
        }
        // padded with 'z', above every character a number holds in the "C" collation (the pseudo-code's letter too)
        return SqlCondition.of("p.id IN (SELECT id FROM permit WHERE permit_number BETWEEN $3 AND $4"
                + " UNION SELECT id FROM permit WHERE enterprise_id IN (" + names + "))",
                grams, like, prefix, prefix + "z".repeat(22 - prefix.length()));
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

    private Uni<Optional<String>> single(String sql, Tuple args) {
        return pool.preparedQuery(sql).execute(args).map(rows -> {
            var it = rows.iterator();
            if (!it.hasNext()) {
                return Optional.empty();
            }
            return Optional.ofNullable(it.next().getString(0));
        });
    }

    private List<PermitSummary> summaries(RowSet<Row> rows, LocalDate today) {
        List<PermitSummary> list = new ArrayList<>(rows.size());
        for (Row r : rows) {
            list.add(summary(r, today));
        }
        return list;
    }

    /** The summary of one row of the summary statement ({@link #searchStatement}). */
    public PermitSummary summary(Row r, LocalDate today) {
        PermitCategory category = PermitCategory.valueOf(r.getString("category"));
        PermitStatus status = PermitStatus.valueOf(r.getString("status"));
        LocalDate validTo = r.getLocalDate("valid_to");
        return new PermitSummary(r.getString("permit_number"), r.getInteger("version"), category, status,
                r.getString("credit_code"), r.getString("enterprise_name"), r.getString("site_name"),
                new CodeName(r.getString("region_code"), r.getString("region_zh"), r.getString("region_en")),
                new CodeName(r.getString("industry_code"), r.getString("industry_zh"), r.getString("industry_en")),
                r.getString("issuing_authority"), r.getLocalDate("valid_from"), validTo,
                renewal.isDue(status, category, validTo, today));
    }

    /** The summary and site coordinates of one row of the summary statement. */
    public LocatedPermit located(Row r, LocalDate today) {
        Double longitude = r.getDouble("longitude");
        Double latitude = r.getDouble("latitude");
        return new LocatedPermit(summary(r, today), longitude == null || latitude == null ? Optional.empty()
                : Optional.of(new Coordinates(longitude, latitude)));
    }

    /** The day the renewal flag is computed for (the service's clock, in its time zone). */
    public LocalDate today() {
        return renewal.today();
    }
}
