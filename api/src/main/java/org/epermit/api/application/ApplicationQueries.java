package org.epermit.api.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.epermit.api.gateway.TransactionSql;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Every read of applications: the one place their SQL lives (writes go through {@link Application} entities). */
@ApplicationScoped
public class ApplicationQueries {

    static final String VIEWS = """
            SELECT a.id, a.filed_by, a.enterprise_id, a.region_code, CAST(json_build_object(
                'id', a.id, 'type', a.application_type, 'status', a.status, 'permitNumber', p.permit_number,
                'enterpriseCreditCode', e.credit_code, 'regionCode', a.region_code, 'category', a.category,
                'body', a.body, 'findings', a.findings, 'filedAt', a.filed_at,
                'filedBy', a.filed_by, 'updatedAt', a.updated_at, 'acceptedOn', a.accepted_on,
                'siteInspection', a.site_inspection, 'decidedOn', a.decided_on,
                'history', (SELECT json_agg(json_build_object('status', h.status, 'at', h.at, 'by', h.by_client,
                        'comment', h.comment, 'corrections', h.details -> 'corrections', 'reasons', h.details -> 'reasons')
                        ORDER BY h.sequence)
                    FROM application_event h WHERE h.application_id = a.id)) AS text) AS view
            FROM application a JOIN enterprise e ON e.id = a.enterprise_id LEFT JOIN permit p ON p.id = a.permit_id
            """;
    static final String VIEW = VIEWS + "WHERE a.id = $1";
    /** The caller's own: filed by the client, or (an enterprise's client) its unit's; newest first. */
    static final String PAGE = VIEWS + """
            WHERE (a.filed_by = $1 OR a.enterprise_id = $2)
              AND ($3::text IS NULL OR a.application_type = $3) AND ($4::text IS NULL OR a.status = $4)
              AND ($5::text IS NULL OR p.permit_number = $5) AND ($6::bigint IS NULL OR a.id < $6)
            ORDER BY a.id DESC
            LIMIT $7""";
    static final String PERMIT = """
            SELECT p.id, p.permit_number, p.category, p.status, p.valid_to, p.enterprise_id, p.region_code
            FROM permit p WHERE p.permit_number = $1""";
    static final String PERMIT_BY_ID = """
            SELECT p.id, p.permit_number, p.category, p.status, p.valid_to, p.enterprise_id, p.region_code
            FROM permit p WHERE p.id = $1""";
    static final String OPEN = """
            SELECT a.id FROM application a
            WHERE a.permit_id = $1 AND a.application_type = $2 AND a.status IN ('SUBMITTED', 'ACCEPTED', 'RETURNED')""";

    /** An application with what deciding who may read it needs: its filer, its unit and its region. */
    record Stored(ApplicationView view, UUID filedBy, long enterpriseId, String regionCode) {
    }

    private final Pool pool;
    private final ObjectMapper json;

    public ApplicationQueries(Pool pool, ObjectMapper json) {
        this.pool = pool;
        this.json = json;
    }

    Uni<Optional<PermitFacts>> permit(String permitNumber) {
        return pool.preparedQuery(PERMIT).execute(Tuple.of(permitNumber)).map(rows -> first(rows).map(r -> new PermitFacts(
                r.getLong("id"), r.getString("permit_number"), r.getString("category"), r.getString("status"),
                r.getLocalDate("valid_to"), r.getLong("enterprise_id"), r.getString("region_code"))));
    }

    /** The facts of permit {@code permitId} as the write's own transaction sees them. */
    Uni<PermitFacts> permitById(TransactionSql tx, long permitId) {
        return tx.query(PERMIT_BY_ID, permitId).map(rows -> {
            TransactionSql.SqlRow r = rows.get(0);
            return new PermitFacts(((Number) r.get("id")).longValue(), r.string("permit_number"), r.string("category"),
                    r.string("status"), (java.time.LocalDate) r.get("valid_to"), ((Number) r.get("enterprise_id")).longValue(),
                    r.string("region_code"));
        });
    }

    /** The open application of {@code type} on the permit, if any, as the write's own transaction sees it. */
    Uni<Optional<Long>> open(TransactionSql tx, long permitId, ApplicationType type) {
        return tx.query(OPEN, permitId, type.name()).map(rows -> rows.isEmpty() ? Optional.empty()
                : Optional.of(((Number) rows.get(0).get("id")).longValue()));
    }

    Uni<Optional<Stored>> stored(long id) {
        return pool.preparedQuery(VIEW).execute(Tuple.of(id)).map(rows -> first(rows).map(r -> new Stored(parse(r.getString("view")),
                r.getUUID("filed_by"), r.getLong("enterprise_id"), r.getString("region_code"))));
    }

    /** The view as the write's own transaction sees it. */
    Uni<ApplicationView> view(TransactionSql tx, long id) {
        return tx.query(VIEW, id).map(rows -> {
            if (rows.isEmpty()) {
                throw new IllegalStateException("application " + id + " vanished in its own write");
            }
            return parse(rows.get(0).string("view"));
        });
    }

    /** One page of the caller's own applications, {@code limit + 1} rows so that the caller knows whether more follow. */
    Uni<List<ApplicationView>> page(UUID clientId, Optional<Long> enterpriseId, ApplicationPages.Filter f) {
        Tuple args = Tuple.tuple().addUUID(clientId).addLong(enterpriseId.orElse(null))
                .addString(f.type().map(Enum::name).orElse(null)).addString(f.status().map(Enum::name).orElse(null))
                .addString(f.permitNumber().orElse(null)).addLong(f.beforeId().orElse(null)).addInteger(f.limit() + 1);
        return pool.preparedQuery(PAGE).execute(args).map(rows -> {
            List<ApplicationView> list = new ArrayList<>();
            for (Row r : rows) {
                list.add(parse(r.getString("view")));
            }
            return list;
        });
    }

    private static Optional<Row> first(RowSet<Row> rows) {
        var it = rows.iterator();
        return it.hasNext() ? Optional.of(it.next()) : Optional.empty();
    }

    private ApplicationView parse(String text) {
        try {
            return json.readValue(text, ApplicationView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored application does not read as ApplicationView", e);
        }
    }
}
