package org.epermit.api;

import org.epermit.api.testing.PackagedApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's first command: {@code java -jar} on a machine with no database starts an embedded PostgreSQL, loads
 * the demo data once, serves the API (metrics apart, on the management interface, on loopback), and on the next
 * start reuses the data — also after the JVM was killed.
 */
class EmbeddedStartIT {

    private final List<PackagedApp> started = new ArrayList<>();

    @AfterEach
    void stopAll() throws InterruptedException {
        for (PackagedApp app : started) {
            app.kill();
        }
    }

    @Test
    void starts_on_an_embedded_database_loads_the_demo_once_and_survives_a_kill() throws Exception {
        Path dataDir = Files.createTempDirectory("epermit-it").resolve("postgres");
        int port = PackagedApp.freePort();

        PackagedApp first = start(dataDir, port);
        first.awaitLine("ePermit Open API is ready");
        assertThat(first.output()).contains("Demo data: loaded 400 permits").contains("data in " + dataDir);
        var page = first.get("/v1/public/permits?limit=5");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("\"permitNumber\"");
        assertThat(first.get("/q/metrics").statusCode()).as("no metrics on the API port").isEqualTo(404);
        assertThat(first.getManagement("/q/metrics").body()).contains("http_server_requests_seconds_count")
                .contains("vertx_http_connections_current");
        assertThat(first.output()).as("a start logs no warning").doesNotContain(" WARN ");
        // the printed demo vendor key files reports and applications for its delegated permits
        assertThat(first.get("/v1/me", "X-API-Key", first.demoKey("vendor")).body())
                .contains("\"filings:write\"").contains("\"applications:write\"");
        // the printed demo regulator key reads the review desk of its city, where the demo applications wait
        var queue = first.get("/v1/review/queue?kind=APPLICATION", "X-API-Key", first.demoKey("regulator"));
        assertThat(queue.statusCode()).as(queue.body()).isEqualTo(200);
        assertThat(queue.body()).contains("\"step\":\"ACCEPTANCE\"").contains("\"overdue\":true").contains("\"overdue\":false");
        assertThat(first.output()).contains("Management interface listening on http://127.0.0.1:" + first.managementPort);
        first.stop();
        assertThat(first.process.exitValue()).as("a SIGTERM stop is orderly (143 = 128 + SIGTERM)").isIn(0, 143);
        assertThat(dataDir.resolve("postmaster.pid")).as("PostgreSQL stopped with the service").doesNotExist();

        PackagedApp second = start(dataDir, port);
        second.awaitLine("ePermit Open API is ready");
        assertThat(second.output()).contains("already holds 400 permits").doesNotContain("Demo data: loaded");
        // SIGKILL: no shutdown hook runs and the postmaster is orphaned
        second.process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertThat(dataDir.resolve("postmaster.pid")).exists();

        PackagedApp third = start(dataDir, port);
        third.awaitLine("ePermit Open API is ready");
        assertThat(third.get("/v1/public/permits?limit=1").statusCode()).isEqualTo(200);
        third.stop();
    }

    private PackagedApp start(Path dataDir, int port) throws Exception {
        PackagedApp app = PackagedApp.start(dataDir, port, Map.of());
        started.add(app);
        return app;
    }
}
