package org.epermit.api.gateway.edge;

import org.epermit.api.testing.PackagedApp;
import org.epermit.api.testing.RawHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The connection guard in the packaged service ({@code java -jar}, production mode: more event loops than in the
 * tests, a fixed port), where it hooks the server Quarkus started through Vert.x internals.
 */
class PackagedConnectionsIT {

    private PackagedApp app;

    @AfterEach
    void stop() throws InterruptedException {
        if (app != null) {
            app.kill();
        }
    }

    @Test
    void the_packaged_service_answers_protocol_refusals_with_problems_and_cuts_off_slow_heads() throws Exception {
        app = PackagedApp.start(Files.createTempDirectory("epermit-it").resolve("postgres"), PackagedApp.freePort(),
                Map.of("EPERMIT_HTTP_CONNECTION_HEADER_READ_TIMEOUT", "PT1S"));
        app.awaitLine("ePermit Open API is ready");
        String version99 = "GET /v1/reference/pollutants HTTP/9.9\r\nHost: localhost\r\n\r\n";
        RawHttp.Response refused = RawHttp.exchange(app.port, version99);
        // the guard is hooked a moment after the socket opens (readiness waits for it)
        for (int i = 0; i < 50 && refused.status() != 505; i++) {
            Thread.sleep(100);
            refused = RawHttp.exchange(app.port, version99);
        }
        RawHttp.assertProblem(refused, 505, "HTTP_VERSION_NOT_SUPPORTED");
        RawHttp.assertProblem(RawHttp.exchange(app.port, "GET /v1/public/permits?q=%G1 HTTP/1.1\r\nHost: localhost\r\n\r\n"),
                400, "MALFORMED_REQUEST");
        RawHttp.assertProblem(RawHttp.exchange(app.port, "GET /v1/public/permits HTTP/1.1\r\nHost: localhost\r\nX-Padding: "
                + "a".repeat(30_000) + "\r\n\r\n"), 431, "REQUEST_HEADER_FIELDS_TOO_LARGE");
        assertThat(app.get("/q/health/ready").body()).contains("HTTP connections guarded");

        try (Socket dribbler = RawHttp.open(app.port)) {
            dribbler.getOutputStream().write("GET /v1/reference/pollutants HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
            long start = System.nanoTime();
            boolean closed = false;
            for (int line = 0; line < 20 && !closed; line++) {
                try {
                    dribbler.getOutputStream().write(("X-Slow-" + line + ": x\r\n").getBytes(StandardCharsets.US_ASCII));
                } catch (IOException reset) {
                    closed = true;
                    break;
                }
                closed = RawHttp.closedWithin(dribbler, Duration.ofMillis(200));
            }
            assertThat(closed).as("a dribbling client is cut off").isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        }
        assertThat(app.get("/v1/reference/pollutants").statusCode()).isEqualTo(200);
    }
}
