package org.epermit.api.permit.export;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import org.epermit.api.access.SqlCondition;
import org.epermit.api.permit.PermitQueries;
import org.epermit.api.permit.PermitSearchCriteria;
import org.epermit.api.permit.PermitSummary;
import org.epermit.api.testing.Db;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An export is a snapshot: changes committed after it started (a permit that comes to match, one that stops
 * matching, one whose data changes) do not appear in it, however many rows it has still to send. The test takes
 * the snapshot, reads a first batch, commits the changes, then reads the rest; a fresh export shows the changes.
 */
@QuarkusTest
class PermitSnapshotTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    @Inject
    PermitQueries queries;

    private static PermitSearchCriteria inRegion(String county) {
        return new PermitSearchCriteria(Optional.empty(), Optional.of(county), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    private List<PermitSummary> readAll(PermitSnapshot snapshot, LocalDate today, List<PermitSummary> into) {
        while (snapshot.hasMore()) {
            for (Row row : snapshot.read(4).await().atMost(WAIT)) {
                into.add(queries.summary(row, today));
            }
        }
        return into;
    }

    @Test
    void rows_changed_added_or_removed_after_the_export_started_do_not_appear_in_it() {
        String county = Db.string(pool, "SELECT region_code FROM permit GROUP BY region_code HAVING count(*) >= 12 "
                + "ORDER BY count(*) DESC, region_code LIMIT 1");
        List<String> before = Db.strings(pool, "SELECT permit_number FROM permit WHERE region_code = $1 ORDER BY permit_number", county);
        String leaving = before.get(before.size() - 1);            // read late: after the changes are committed
        String renamed = before.get(before.size() - 2);
        String arriving = Db.string(pool, "SELECT permit_number FROM permit WHERE region_code <> $1 AND permit_number > $2 "
                + "ORDER BY permit_number LIMIT 1", county, before.get(3));
        String arrivingFrom = Db.string(pool, "SELECT region_code FROM permit WHERE permit_number = $1", arriving);
        String otherCounty = arrivingFrom;
        String renamedSite = Db.string(pool, "SELECT site_name FROM permit WHERE permit_number = $1", renamed);

        LocalDate today = queries.today();
        PermitSearchCriteria criteria = inRegion(county);
        PermitSnapshot snapshot = PermitSnapshot.open(pool,
                queries.countStatement(criteria, Optional.empty(), SqlCondition.ALWAYS, today),
                queries.searchStatement(criteria, Optional.empty(), Optional.empty(), SqlCondition.ALWAYS, today))
                .await().atMost(WAIT);
        try {
            assertThat(snapshot.rows()).isEqualTo(before.size());
            List<PermitSummary> rows = new ArrayList<>();
            for (Row row : snapshot.read(4).await().atMost(WAIT)) {
                rows.add(queries.summary(row, today));
            }
            assertThat(rows).hasSize(4);

            // committed by other transactions while the export is under way
            Db.rows(pool, "UPDATE permit SET region_code = $2 WHERE permit_number = $1", leaving, otherCounty);
            Db.rows(pool, "UPDATE permit SET region_code = $2 WHERE permit_number = $1", arriving, county);
            Db.rows(pool, "UPDATE permit SET site_name = '快照之后改名的厂区' WHERE permit_number = $1", renamed);

            readAll(snapshot, today, rows);
            assertThat(rows).extracting(PermitSummary::permitNumber).containsExactlyElementsOf(before);
            assertThat(rows).filteredOn(r -> r.permitNumber().equals(renamed)).extracting(PermitSummary::siteName)
                    .containsExactly(renamedSite);

            // the changes are real: an export started now sees them (so the check above could fail)
            String fresh = given().queryParam("region", county).queryParam("format", "ndjson").get(PermitExportTest.EXPORT)
                    .then().statusCode(200).extract().asString();
            assertThat(fresh).contains(arriving).contains("快照之后改名的厂区").doesNotContain(leaving);
        } finally {
            snapshot.close().await().atMost(WAIT);
            Db.rows(pool, "UPDATE permit SET region_code = $2 WHERE permit_number = $1", leaving, county);
            Db.rows(pool, "UPDATE permit SET region_code = $2 WHERE permit_number = $1", arriving, arrivingFrom);
            Db.rows(pool, "UPDATE permit SET site_name = $2 WHERE permit_number = $1", renamed, renamedSite);
        }
    }

    @Test
    void closing_a_snapshot_gives_its_connection_back_even_when_rows_are_left() {
        LocalDate today = queries.today();
        PermitSearchCriteria all = inRegion("13");
        for (int i = 0; i < 20; i++) { // more than the pool holds: a leaked connection would make this hang
            PermitSnapshot snapshot = PermitSnapshot.open(pool,
                    queries.countStatement(all, Optional.empty(), SqlCondition.ALWAYS, today),
                    queries.searchStatement(all, Optional.empty(), Optional.empty(), SqlCondition.ALWAYS, today))
                    .await().atMost(WAIT);
            snapshot.read(2).await().atMost(WAIT);
            snapshot.close().await().atMost(WAIT);
            snapshot.close().await().atMost(WAIT); // twice is harmless
        }
        assertThat(Db.count(pool, "SELECT count(*) FROM pg_stat_activity WHERE state LIKE 'idle in transaction%'"))
                .isZero();
    }
}
