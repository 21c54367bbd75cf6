package org.epermit.api.permit.lifecycle;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import org.epermit.api.permit.PermitLifecycleConfig;
import org.epermit.api.testing.Db;
import org.epermit.api.testing.MovableClock;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The lifecycle job against the database, with the clock moved by the tests (which only ever move it forward, so the
 * tests hold in any order) and the job also running on its own timer meanwhile: every expectation is about the state
 * the runs leave, whoever ran them.
 */
@QuarkusTest
@TestProfile(LifecycleJobProfile.class)
class PermitLifecycleJobTest {

    @Inject
    Pool pool;

    @Inject
    Clock clock;

    @Inject
    PermitLifecycleJob job;

    @Inject
    PermitTransitions transitions;

    @Inject
    PermitLifecycleConfig config;

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Moves the clock to noon on {@code day}, never back. */
    private void moveTo(LocalDate day) {
        if (day.isAfter(today())) {
            ((MovableClock) clock).set(day.atTime(12, 0).atZone(MovableClock.CHINA).toInstant());
        }
    }

    private long due(LocalDate today) {
        return Db.count(pool, "SELECT count(*) FROM permit WHERE status = 'VALID' AND valid_to <= $1",
                Transition.EXPIRE.lastValidToDueBy(today, config.cancelExpiredAfter()))
                + Db.count(pool, "SELECT count(*) FROM permit WHERE status = 'EXPIRED' AND valid_to <= $1",
                Transition.CANCEL.lastValidToDueBy(today, config.cancelExpiredAfter()));
    }

    /** Runs the job (beside its timer) until nothing is due today; every change is then committed. */
    private void settle() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (due(today()) > 0) {
            job.runOnce().await().atMost(Duration.ofSeconds(30));
            assertThat(System.nanoTime()).as("the job settles").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private List<Row> jobEvents(String type, String permitNumber) {
        return Db.rows(pool, """
                SELECT e.occurred_on, e.authority, e.version FROM permit_event e JOIN permit p ON p.id = e.permit_id
                WHERE p.permit_number = $1 AND e.event_type = $2 AND e.description = $3""", permitNumber, type,
                Transition.valueOf(type.equals("EXPIRED") ? "EXPIRE" : "CANCEL").description);
    }

    private void assertAnnounced(String permitNumber, String eventType, String status) {
        List<Row> outbox = Db.rows(pool, """
                SELECT o.sequence, o.payload->>'status' AS status, o.payload->>'permitNumber' AS number, o.request_id
                FROM outbox_event o WHERE o.aggregate_type = 'permit' AND o.aggregate_id = $1 AND o.event_type = $2""",
                permitNumber, eventType);
        assertThat(outbox).as("%s announced %s once", permitNumber, eventType).hasSize(1);
        Row event = outbox.get(0);
        assertThat(event.getString("number")).isEqualTo(permitNumber);
        assertThat(event.getString("request_id")).startsWith("job:permit-lifecycle:");
        // the history numbers the permit's events; the feed numbers them the same way
        long position = Db.count(pool, """
                SELECT count(*) FROM permit_event e JOIN permit p ON p.id = e.permit_id
                WHERE p.permit_number = $1 AND e.id <= (SELECT max(e2.id) FROM permit_event e2 WHERE e2.permit_id = p.id
                    AND e2.event_type = $2)""", permitNumber, eventType.equals("permit.expired") ? "EXPIRED" : "CANCELLED");
        assertThat(event.getLong("sequence")).isEqualTo(position);
        if (status != null) {
            assertThat(event.getString("status")).isEqualTo(status);
        }
    }

    @Test
    void an_expired_permit_not_renewed_is_cancelled_sixty_days_after_it_expired_in_the_demo_history_as_by_the_job()
            throws InterruptedException {
        settle();
        LocalDate lastDue = Transition.CANCEL.lastValidToDueBy(today(), config.cancelExpiredAfter());
        assertThat(Db.count(pool, "SELECT count(*) FROM permit WHERE status = 'EXPIRED' AND valid_to <= $1", lastDue)).isZero();

        List<Row> cancelled = Db.rows(pool, """
                SELECT p.permit_number, p.valid_to, p.issuing_authority, p.status FROM permit p
                WHERE EXISTS (SELECT 1 FROM permit_event e WHERE e.permit_id = p.id AND e.description = $1)""",
                Transition.CANCEL.description);
        assertThat(cancelled).as("the demo data has permits that expired long before its as-of date").isNotEmpty();
        for (Row p : cancelled) {
            String number = p.getString("permit_number");
            assertThat(p.getString("status")).isEqualTo("CANCELLED");
            List<Row> events = jobEvents("CANCELLED", number);
            assertThat(events).hasSize(1);
            assertThat(events.get(0).getLocalDate("occurred_on")).as(number)
                    .isEqualTo(p.getLocalDate("valid_to").plusDays(1).plus(config.cancelExpiredAfter()));
            assertThat(events.get(0).getString("authority")).as("the issuing authority cancels").isEqualTo(p.getString("issuing_authority"));
        }
    }

    @Test
    void a_permit_expires_the_day_after_its_last_day_and_is_cancelled_sixty_days_later() throws InterruptedException {
        settle();
        LocalDate start = today();
        // the day after the third-earliest last day among valid permits: a few of them expire
        LocalDate target = Db.rows(pool, "SELECT valid_to FROM permit WHERE status = 'VALID' ORDER BY valid_to OFFSET 2 LIMIT 1")
                .get(0).getLocalDate("valid_to").plusDays(1);
        Map<String, Integer> expiring = Db.rows(pool, """
                SELECT permit_number, version FROM permit WHERE status = 'VALID' AND valid_to < $1""", target).stream()
                .collect(Collectors.toMap(r -> r.getString("permit_number"), r -> r.getInteger("version")));
        long versionsBefore = Db.count(pool, "SELECT count(*) FROM permit_version");
        String staying = Db.string(pool, "SELECT permit_number FROM permit WHERE status = 'VALID' AND valid_to >= $1 ORDER BY valid_to LIMIT 1", target);
        assertThat(expiring).hasSizeGreaterThanOrEqualTo(3);
        assertThat(target).isAfter(start);

        moveTo(target);
        settle();

        for (Map.Entry<String, Integer> e : expiring.entrySet()) {
            String number = e.getKey();
            Row p = Db.rows(pool, "SELECT status, valid_to, version FROM permit WHERE permit_number = $1", number).get(0);
            assertThat(p.getString("status")).isEqualTo("EXPIRED");
            assertThat(p.getInteger("version")).as("a status change is no new version").isEqualTo(e.getValue());
            List<Row> events = jobEvents("EXPIRED", number);
            assertThat(events).hasSize(1);
            assertThat(events.get(0).getLocalDate("occurred_on")).isEqualTo(p.getLocalDate("valid_to").plusDays(1));
            assertThat(events.get(0).getString("authority")).as("nobody decides an expiry").isNull();
            assertThat(events.get(0).getInteger("version")).isEqualTo(e.getValue());
            assertAnnounced(number, "permit.expired", "EXPIRED");
            // the public document and the history say so at once
            given().get("/v1/public/permits/" + number).then().statusCode(200).body("status", equalTo("EXPIRED"));
            given().get("/v1/public/permits/" + number + "/history").then().statusCode(200)
                    .body("events[-1].type", equalTo("EXPIRED"));
            given().queryParam("q", number).get("/v1/public/permits").then().statusCode(200)
                    .body("items[0].status", equalTo("EXPIRED")).body("items[0].dueForRenewal", equalTo(false));
        }
        assertThat(Db.string(pool, "SELECT status FROM permit WHERE permit_number = $1", staying)).isEqualTo("VALID");
        assertThat(Db.count(pool, "SELECT count(*) FROM permit_version")).isEqualTo(versionsBefore);

        LocalDate lastExpired = Db.rows(pool, "SELECT max(valid_to) AS d FROM permit WHERE permit_number = ANY ($1)",
                (Object) expiring.keySet().toArray(String[]::new)).get(0).getLocalDate("d");
        moveTo(lastExpired.plusDays(60));
        settle();
        for (String number : expiring.keySet()) {
            Row p = Db.rows(pool, "SELECT status, valid_to FROM permit WHERE permit_number = $1", number).get(0);
            boolean sixtyDaysGone = !p.getLocalDate("valid_to").plusDays(61).isAfter(today());
            assertThat(p.getString("status")).as("%s, valid to %s, on %s", number, p.getLocalDate("valid_to"), today())
                    .isEqualTo(sixtyDaysGone ? "CANCELLED" : "EXPIRED");
        }
        assertThat(Db.string(pool, "SELECT status FROM permit WHERE valid_to = $1 AND permit_number = ANY ($2) LIMIT 1",
                lastExpired, expiring.keySet().toArray(String[]::new))).as("59 days after it expired").isEqualTo("EXPIRED");

        moveTo(lastExpired.plusDays(61));
        settle();
        for (String number : expiring.keySet()) {
            assertThat(Db.string(pool, "SELECT status FROM permit WHERE permit_number = $1", number)).isEqualTo("CANCELLED");
            assertThat(jobEvents("CANCELLED", number)).hasSize(1);
            assertAnnounced(number, "permit.cancelled", "CANCELLED");
            given().get("/v1/public/permits/" + number).then().statusCode(200).body("status", equalTo("CANCELLED"));
        }
    }

    @Test
    void instances_running_at_once_change_each_permit_once() throws InterruptedException {
        settle();
        LocalDate target = today().plusDays(400);
        long expiring = Db.count(pool, "SELECT count(*) FROM permit WHERE status = 'VALID' AND valid_to < $1", target);
        assertThat(expiring).as("several batches' worth").isGreaterThan(3L * LifecycleJobProfile.BATCH);

        long before = Db.count(pool, "SELECT max(id) FROM permit_event");
        moveTo(target);
        // two more "instances" beside this one's timer: workers taking batch after batch at the same time
        Uni<Integer> first = drain(target, ScheduledWritesRunIds.next());
        Uni<Integer> second = drain(target, ScheduledWritesRunIds.next());
        Uni.combine().all().unis(first, second).asTuple().await().atMost(Duration.ofSeconds(60));
        settle();

        assertThat(Db.count(pool, """
                SELECT count(*) FROM (SELECT e.permit_id, e.event_type FROM permit_event e
                    WHERE e.id > $1 GROUP BY 1, 2 HAVING count(*) > 1) twice""", before)).as("no permit changed twice").isZero();
        assertThat(Db.count(pool, "SELECT count(*) FROM permit_event WHERE id > $1", before)).isGreaterThanOrEqualTo(expiring);
        assertThat(Db.count(pool, """
                SELECT count(*) FROM permit_event e JOIN permit p ON p.id = e.permit_id
                WHERE e.id > $1 AND NOT EXISTS (SELECT 1 FROM outbox_event o WHERE o.aggregate_type = 'permit'
                    AND o.aggregate_id = p.permit_number AND o.event_type = CASE e.event_type WHEN 'EXPIRED' THEN 'permit.expired'
                    ELSE 'permit.cancelled' END)""", before))
                .as("every change announced").isZero();
        assertThat(Db.count(pool, "SELECT count(*) FROM permit WHERE status = 'VALID' AND valid_to < $1", target)).isZero();
    }

    /** A worker of another instance: batches of expiries, then of cancellations, until none is left. */
    private Uni<Integer> drain(LocalDate today, String runId) {
        return drain(Transition.EXPIRE, today, runId).flatMap(e -> drain(Transition.CANCEL, today, runId).map(c -> e + c));
    }

    private Uni<Integer> drain(Transition t, LocalDate today, String runId) {
        return transitions.batch(t, today, LifecycleJobProfile.BATCH, runId)
                .flatMap(n -> n == 0 ? Uni.createFrom().item(0) : drain(t, today, runId).map(more -> n + more));
    }

    @Test
    void the_timer_runs_the_job_without_being_asked() throws InterruptedException {
        settle();
        LocalDate target = Db.rows(pool, "SELECT valid_to FROM permit WHERE status = 'VALID' ORDER BY valid_to LIMIT 1")
                .get(0).getLocalDate("valid_to").plusDays(1);
        String number = Db.string(pool, "SELECT permit_number FROM permit WHERE status = 'VALID' ORDER BY valid_to LIMIT 1");

        moveTo(target);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!"EXPIRED".equals(Db.string(pool, "SELECT status FROM permit WHERE permit_number = $1", number))) {
            assertThat(System.nanoTime()).as("the timer expired %s", number).isLessThan(deadline);
            Thread.sleep(100);
        }
        assertThat(jobEvents("EXPIRED", number)).hasSize(1);
    }

    /** Run ids for the extra workers. */
    static final class ScheduledWritesRunIds {
        static String next() {
            return org.epermit.api.gateway.write.ScheduledWrite.runId("test-worker");
        }
    }
}
