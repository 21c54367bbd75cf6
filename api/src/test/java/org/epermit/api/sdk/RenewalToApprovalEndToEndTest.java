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
import org.epermit.sdk.examples.RenewalToApproval;
import org.epermit.sdk.model.Application;
import org.epermit.sdk.model.ApplicationStatus;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SDK's RenewalToApproval example, run by the build against the real service with two keys: a vendor delegated one
 * permit files its renewal, the regulator of its region accepts and approves it, and the permit the database holds is
 * renewed five years from its old expiry.
 */
@QuarkusTest
class RenewalToApprovalEndToEndTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    Pool pool;

    @Inject
    ClientRegistry registry;

    @Test
    void the_example_takes_a_renewal_from_filing_to_approval_and_the_permit_is_renewed() {
        LocalDate validTo = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(150);
        var permit = Db.rows(pool, """
                SELECT p.permit_number, p.region_code, e.credit_code FROM permit p JOIN enterprise e ON e.id = p.enterprise_id
                WHERE p.category = 'KEY' AND p.status = 'VALID' AND NOT e.pseudo_credit_code
                  AND NOT EXISTS (SELECT 1 FROM application a WHERE a.permit_id = p.id)
                ORDER BY p.permit_number DESC OFFSET 7 LIMIT 1""").get(0);
        String number = permit.getString("permit_number");
        Db.rows(pool, "UPDATE permit SET valid_to = $2 WHERE permit_number = $1", number, validTo);
        String vendorKey = TestClients.applicationsVendor(registry, permit.getString("credit_code"), number).apiKey();
        String regulatorKey = TestClients.reviewer(registry, permit.getString("region_code").substring(0, 4)).apiKey();
        EPermitClient vendor = EPermitClient.builder().baseUrl(base.toString()).credentials(Credentials.apiKey(vendorKey))
                .appInfo("renewal-e2e/1").build();
        EPermitClient regulator = EPermitClient.builder().baseUrl(base.toString()).credentials(Credentials.apiKey(regulatorKey))
                .appInfo("renewal-e2e/1").build();

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Application approved = RenewalToApproval.run(vendor, regulator, new PrintStream(printed, true, StandardCharsets.UTF_8));
        String out = printed.toString(StandardCharsets.UTF_8);

        assertThat(approved.getStatus()).as(out).isEqualTo(ApplicationStatus.APPROVED);
        assertThat(approved.getPermitNumber()).isEqualTo(number);
        assertThat(Db.string(pool, "SELECT CAST(valid_to AS text) FROM permit WHERE permit_number = $1", number))
                .as(out).isEqualTo(validTo.plusYears(5).toString());
        assertThat(Db.strings(pool, "SELECT status FROM application_event WHERE application_id = $1 ORDER BY sequence", approved.getId()))
                .containsExactly("SUBMITTED", "ACCEPTED", "APPROVED");
        assertThat(out).contains("in the queue: ACCEPTANCE").contains("DECISION by").contains("valid " + validTo.plusDays(1) + " to "
                + validTo.plusYears(5));
    }
}
