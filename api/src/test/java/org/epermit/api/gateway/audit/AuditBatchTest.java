package org.epermit.api.gateway.audit;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.epermit.api.gateway.CredentialType;
import org.epermit.api.testing.Db;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The batch writer: one refused row takes no other with it, and is counted, never silently dropped. */
@QuarkusTest
class AuditBatchTest {

    @Inject
    AuditRecorder recorder;

    @Inject
    Pool pool;

    @Inject
    MeterRegistry registry;

    private static AuditRow row(String requestId, String clientIp) {
        return new AuditRow(OffsetDateTime.now(), null, "subject", CredentialType.API_KEY, "GET", "/v1/me", null, 200,
                BigDecimal.ONE, requestId, null, clientIp, null, false, null, null, null, null);
    }

    private double lost() {
        var counter = registry.find("epermit.audit.rows.lost").tag("reason", "refused").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void a_row_the_database_refuses_takes_no_other_row_of_its_batch_with_it_and_is_counted_as_lost() {
        String run = UUID.randomUUID().toString();
        double lostBefore = lost();
        recorder.flush().await().indefinitely();
        recorder.enqueue(row("batch-before-" + run, "127.0.0.1"));
        recorder.enqueue(row("batch-refused-" + run, "no address"));  // not an inet: the database refuses this row
        recorder.enqueue(row("batch-after-" + run, "127.0.0.1"));
        recorder.flush().await().indefinitely();

        assertThat(Db.strings(pool, "SELECT request_id FROM audit_log WHERE request_id LIKE $1 ORDER BY id", "batch-%-" + run))
                .containsExactly("batch-before-" + run, "batch-after-" + run);
        assertThat(lost() - lostBefore).isEqualTo(1.0);
    }

    @Test
    void caller_supplied_text_always_fits_its_column() {
        assertThat(AuditText.bounded("a\u0000b\\c\u001f", 100)).isEqualTo("a\\u0000b\\\\c\\u001f");
        assertThat(AuditText.bounded("许可证", 3)).isEqualTo("许可证");
        assertThat(AuditText.bounded("许可证号", 3)).isEqualTo("许可…");
        assertThat(AuditText.bounded("ab\u0000", 4)).as("an escape is never cut in half").isEqualTo("ab…");
        assertThat(AuditText.bounded("\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00", 2)).as("nor a surrogate pair").isEqualTo("\uD83D\uDE00…");
        assertThat(AuditText.bounded("x\uD800y", 100)).as("a lone surrogate").isEqualTo("x\\ud800y");
        assertThat(AuditText.bounded(null, 5)).isNull();
    }
}
