package org.epermit.api.permit.terms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.epermit.api.permit.PermitCategory;
import org.epermit.api.permit.PermitStatus;
import org.epermit.api.permit.PublicPermit;
import org.epermit.api.permit.reporting.Holding;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a permit's versions with their terms: the current version's stored document (permit_document) and the frozen
 * snapshots of the superseded ones (permit_version.snapshot), in one statement.
 */
@ApplicationScoped
public class PermitVersionQueries {

    static final String VERSIONS = """
            SELECT p.id, p.permit_number, p.category, p.status, p.industry_code, p.valid_to, p.version,
                   d.body AS current_document,
                   (SELECT min(e.occurred_on) FROM permit_event e
                    WHERE e.permit_id = p.id AND e.event_type IN ('ISSUED', 'REGISTERED')) AS first_issued,
                   (SELECT min(e.occurred_on) FROM permit_event e
                    WHERE e.permit_id = p.id AND e.event_type IN ('CANCELLED', 'REVOKED', 'ANNULLED')) AS ended_on,
                   (SELECT json_agg(json_build_object('version', v.version, 'from', v.effective_from,
                                                      'to', v.effective_to, 'snapshot', v.snapshot) ORDER BY v.version)::text
                    FROM permit_version v WHERE v.permit_id = p.id) AS versions
            FROM permit p JOIN permit_document d ON d.permit_id = p.id
            WHERE p.id = $1""";

    private final Pool pool;
    private final ObjectMapper json;

    public PermitVersionQueries(Pool pool, ObjectMapper json) {
        this.pool = pool;
        this.json = json;
    }

    /** The versions of the permit with id {@code permitId}; empty when there is no such permit. */
    public Uni<Optional<PermitVersions>> load(long permitId) {
        return pool.preparedQuery(VERSIONS).execute(Tuple.of(permitId)).map(rows -> {
            var it = rows.iterator();
            return it.hasNext() ? Optional.of(versions(it.next())) : Optional.empty();
        });
    }

    private PermitVersions versions(Row row) {
        try {
            int currentVersion = row.getInteger("version");
            PublicPermit current = json.readValue(row.getString("current_document"), PublicPermit.class);
            List<PermitVersions.VersionTerms> versions = new ArrayList<>();
            String listed = row.getString("versions");
            LocalDate firstFrom = current.validFrom();
            if (listed != null) {
                for (JsonNode v : json.readTree(listed)) {
                    int number = v.get("version").asInt();
                    LocalDate from = LocalDate.parse(v.get("from").asText());
                    Optional<LocalDate> to = v.get("to").isNull() ? Optional.empty() : Optional.of(LocalDate.parse(v.get("to").asText()));
                    PublicPermit document;
                    if (number == currentVersion) {
                        document = current;
                        to = Optional.empty();
                    } else if (v.get("snapshot").isNull()) {
                        continue;   // a superseded version without its frozen copy has no terms to check against
                    } else {
                        document = json.treeToValue(v.get("snapshot"), PublicPermit.class);
                    }
                    versions.add(new PermitVersions.VersionTerms(number, from, to, document));
                    if (from.isBefore(firstFrom)) {
                        firstFrom = from;
                    }
                }
            }
            if (versions.stream().noneMatch(v -> v.version() == currentVersion)) {
                versions.add(new PermitVersions.VersionTerms(currentVersion, current.validFrom(), Optional.empty(), current));
            }
            LocalDate first = Optional.ofNullable(row.getLocalDate("first_issued")).orElse(firstFrom);
            LocalDate last = row.getLocalDate("valid_to");
            LocalDate ended = row.getLocalDate("ended_on");
            if (ended != null && ended.isBefore(last)) {
                last = ended;
            }
            Holding holding = last.isBefore(first) ? Holding.between(first, first) : Holding.between(first, last);
            return new PermitVersions(row.getLong("id"), row.getString("permit_number"),
                    PermitCategory.valueOf(row.getString("category")), PermitStatus.valueOf(row.getString("status")),
                    row.getString("industry_code"), holding, versions);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored document of permit " + row.getString("permit_number") + " does not read as a PublicPermit", e);
        }
    }
}
