package org.epermit.api.sdk;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.epermit.api.gateway.TestClients;
import org.epermit.api.gateway.audit.AuditRecorder;
import org.epermit.api.client.ClientRegistry;
import org.epermit.api.client.ClientRequests.CreatedClient;
import org.epermit.api.testing.Db;
import org.epermit.sdk.Credentials;
import org.epermit.sdk.EPermitClient;
import org.epermit.sdk.RequestOptions;
import org.epermit.sdk.model.PublicPermit;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SDK's conditional GETs against the service's ETags: a repeated read is answered 304 by the service and the
 * SDK returns the body it kept. The reads are made with an API key only so that the audit log records the status
 * the service answered each one with (anonymous public reads are not audited).
 */
@QuarkusTest
class SdkConditionalGetEndToEndTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    ClientRegistry registry;

    @Inject
    AuditRecorder recorder;

    @Inject
    Pool pool;

    @Test
    void a_repeated_read_is_not_modified_and_returns_the_same_permit() {
        String number = Db.string(pool, "SELECT permit_number FROM permit ORDER BY permit_number OFFSET 3 LIMIT 1");
        CreatedClient caller = TestClients.vendor(registry);
        EPermitClient sdk = EPermitClient.builder().baseUrl(base.toString()).appInfo("sdk-e2e/1")
                .credentials(Credentials.apiKey(caller.apiKey())).conditionalGets(100).build();
        EPermitClient unconditional = EPermitClient.builder().baseUrl(base.toString()).appInfo("sdk-e2e/1")
                .credentials(Credentials.apiKey(caller.apiKey())).build();

        List<String> ids = new ArrayList<>();
        List<PublicPermit> read = new ArrayList<>();
        for (EPermitClient client : List.of(sdk, sdk, unconditional)) {
            String id = "sdk-conditional-" + UUID.randomUUID();
            ids.add(id);
            read.add(client.publicPermits().get(number, RequestOptions.builder().header("X-Request-Id", id).build()));
        }

        assertThat(read.get(0).getPermitNumber()).isEqualTo(number);
        assertThat(read.get(1)).isEqualTo(read.get(0)).isEqualTo(read.get(2));
        assertThat(statuses(ids)).as("first read, repeated read, a client that keeps nothing")
                .containsExactly(200, 304, 200);
    }

    /** The status the service answered each request id with, in the order of the ids. */
    private List<Integer> statuses(List<String> ids) {
        String[] array = ids.toArray(String[]::new);
        for (int i = 0; i < 100; i++) {   // rows are written in batches after the responses
            recorder.flush().await().indefinitely();
            if (Db.count(pool, "SELECT count(*) FROM audit_log WHERE correlation_id = ANY ($1)", (Object) array) == array.length) {
                break;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        List<Integer> out = new ArrayList<>();
        for (String id : ids) {
            out.add(Db.rows(pool, "SELECT status FROM audit_log WHERE correlation_id = $1", id).get(0).getInteger("status"));
        }
        return out;
    }
}
