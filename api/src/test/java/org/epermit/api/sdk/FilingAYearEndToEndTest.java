package org.epermit.api.sdk;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.epermit.api.client.ClientRegistry;
import org.epermit.api.gateway.TestClients;
import org.epermit.api.testing.Db;
import org.epermit.sdk.Credentials;
import org.epermit.sdk.EPermitClient;
import org.epermit.sdk.examples.FilingAYear;
import org.epermit.sdk.model.ObligationStatus;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SDK's FilingAYear example, run by the build against the real service: a vendor delegated one KEY permit files
 * its year end to end (obligations, a month of monitoring data, each due report validated, explained, submitted, its
 * receipt verified), and what it filed is what the database holds.
 */
@QuarkusTest
class FilingAYearEndToEndTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    Pool pool;

    @Inject
    ClientRegistry registry;

    @Test
    void the_example_files_every_due_report_of_a_year_and_its_monitoring_data() {
        int year = 2025;
        // a KEY permit held all year that owes quarterly and annual reports and none filed yet
        var permit = Db.rows(pool, """
                SELECT p.id, p.permit_number, e.credit_code FROM permit p JOIN enterprise e ON e.id = p.enterprise_id
                WHERE p.category = 'KEY' AND p.status = 'VALID' AND p.valid_from < DATE '2025-01-01' AND p.valid_to > DATE '2027-01-01'
                  AND EXISTS (SELECT 1 FROM permit_report_obligation o WHERE o.permit_id = p.id AND o.report_type = 'QUARTERLY')
                  AND NOT EXISTS (SELECT 1 FROM permit_version v WHERE v.permit_id = p.id AND v.version > 1)
                  AND NOT EXISTS (SELECT 1 FROM execution_report r WHERE r.permit_id = p.id)
                  AND NOT EXISTS (SELECT 1 FROM monitoring_record m WHERE m.permit_id = p.id)
                ORDER BY p.permit_number DESC OFFSET 3 LIMIT 1""").get(0);
        long permitId = permit.getLong("id");
        String number = permit.getString("permit_number");
        String key = TestClients.filingVendor(registry, permit.getString("credit_code"), number).apiKey();
        EPermitClient client = EPermitClient.builder().baseUrl(base.toString()).credentials(Credentials.apiKey(key))
                .appInfo("filing-a-year-e2e/1").build();

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        FilingAYear.run(client, year, new PrintStream(printed, true, StandardCharsets.UTF_8));
        String out = printed.toString(StandardCharsets.UTF_8);

        // nothing of the year is owed any more, and each report it owed is stored
        var statuses = client.filings().obligations(number, year).getReports().stream().map(r -> r.getStatus()).toList();
        assertThat(statuses).as(out).doesNotContain(ObligationStatus.DUE, ObligationStatus.OVERDUE)
                .contains(ObligationStatus.SUBMITTED_LATE);
        long owed = statuses.stream().filter(s -> s == ObligationStatus.SUBMITTED_LATE || s == ObligationStatus.SUBMITTED_ON_TIME).count();
        long reports = Db.count(pool, "SELECT count(*) FROM execution_report WHERE permit_id = $1 AND period LIKE '2025%'", permitId);
        assertThat(reports).as(out).isEqualTo(owed).isGreaterThanOrEqualTo(4);   // the quarters not folded into the year, and the year
        assertThat(out).contains("Filed " + reports + " report(s) for " + number + " in 2025.").contains("verified");
        String december = """
                SELECT count(*) FROM monitoring_record WHERE permit_id = $1
                  AND measured_from >= TIMESTAMPTZ '2025-12-01 00:00+08' AND measured_from < TIMESTAMPTZ '2026-01-01 00:00+08'""";
        long records = Db.count(pool, december, permitId);
        assertThat(records).as(out).isPositive();

        // run again: nothing is filed twice, and the upload's batches (the same idempotency keys) store nothing new
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        FilingAYear.run(client, year, new PrintStream(again, true, StandardCharsets.UTF_8));
        assertThat(again.toString(StandardCharsets.UTF_8)).contains("Filed 0 report(s)");
        assertThat(Db.count(pool, "SELECT count(*) FROM execution_report WHERE permit_id = $1 AND period LIKE '2025%'", permitId))
                .isEqualTo(reports);
        assertThat(Db.count(pool, december, permitId)).isEqualTo(records);
    }
}
