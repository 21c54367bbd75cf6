package org.epermit.api.gateway.edge;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.epermit.api.testing.RawHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Connections are not held open by clients that are slow on purpose, and their number is bounded. */
@QuarkusTest
@TestProfile(SlowClientsTest.ShortTimeouts.class)
class SlowClientsTest {

    /** The timeouts and the limit shrunk so that the test is fast; the defaults are documented in configuration.md. */
    public static class ShortTimeouts implements QuarkusTestProfile {
        static final int MAX_CONNECTIONS = 4;

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "epermit.http.connection.header-read-timeout", "PT1S",
                    // Longer than a dribbler is watched for: Vert.x's idle timer, which sits behind the HTTP codec, would
                    // also close a connection whose head never completes, but only after this.
                    "quarkus.http.idle-timeout", "6S",
                    "quarkus.http.limits.max-connections", Integer.toString(MAX_CONNECTIONS),
                    // No permit is read here; a smaller demo set starts faster.
                    "%test.epermit.demo.permits", "50");
        }
    }

    private static final String REQUEST = "GET /v1/reference/pollutants HTTP/1.1\r\nHost: localhost\r\n\r\n";

    @TestHTTPResource("/")
    URL server;

    @Inject
    ConnectionGuard guard;

    @BeforeEach
    void connectionsGuarded() throws InterruptedException {
        RawHttp.awaitGuarded(guard);
    }

    @Test
    void clients_dribbling_their_request_heads_are_cut_off_after_the_header_timeout() throws Exception {
        List<Socket> dribblers = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                Socket socket = RawHttp.open(server.getPort());
                socket.getOutputStream().write("GET /v1/reference/pollutants HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
                dribblers.add(socket);
            }
            long start = System.nanoTime();
            List<Socket> open = new ArrayList<>(dribblers);
            // A header line every 200 ms keeps any idle timer from firing: only a deadline on the whole head can.
            for (int line = 0; line < 25 && !open.isEmpty(); line++) {
                for (Socket socket : List.copyOf(open)) {
                    if (!sendLine(socket, "X-Slow-" + line + ": x") || RawHttp.closedWithin(socket, Duration.ofMillis(20))) {
                        open.remove(socket);
                    }
                }
                Thread.sleep(200);
            }
            assertThat(open).as("dribbling connections still open after 5 s").isEmpty();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        } finally {
            for (Socket socket : dribblers) {
                socket.close();
            }
        }
    }

    @Test
    void a_connection_that_sends_nothing_is_closed_after_the_header_timeout() throws IOException {
        try (Socket socket = RawHttp.open(server.getPort())) {
            assertThat(RawHttp.closedWithin(socket, Duration.ofMillis(2500))).isTrue();
        }
    }

    @Test
    void a_keep_alive_connection_idle_longer_than_the_idle_timeout_is_closed() throws IOException {
        try (Socket socket = RawHttp.open(server.getPort())) {
            socket.getOutputStream().write(REQUEST.getBytes(StandardCharsets.US_ASCII));
            assertThat(RawHttp.read(socket.getInputStream()).status()).isEqualTo(200);
            assertThat(RawHttp.closedWithin(socket, Duration.ofMillis(2000)))
                    .as("between requests the header timeout (1 s) does not apply, only the idle timeout (6 s)").isFalse();
            assertThat(RawHttp.closedWithin(socket, Duration.ofMillis(5000))).as("closed by the idle timeout").isTrue();
        }
    }

    @Test
    void a_keep_alive_client_pausing_between_requests_is_served() throws Exception {
        try (Socket socket = RawHttp.open(server.getPort())) {
            for (int i = 0; i < 3; i++) {
                socket.getOutputStream().write(REQUEST.getBytes(StandardCharsets.US_ASCII));
                assertThat(RawHttp.read(socket.getInputStream()).status()).isEqualTo(200);
                Thread.sleep(1500);
            }
        }
    }

    @Test
    void connections_over_the_limit_are_closed_unanswered() throws Exception {
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < ShortTimeouts.MAX_CONNECTIONS; i++) {
                Socket socket = RawHttp.open(server.getPort());
                socket.getOutputStream().write(REQUEST.getBytes(StandardCharsets.US_ASCII));
                assertThat(RawHttp.read(socket.getInputStream()).status()).isEqualTo(200);
                held.add(socket);
            }
            try (Socket extra = RawHttp.open(server.getPort())) {
                extra.getOutputStream().write(REQUEST.getBytes(StandardCharsets.US_ASCII));
                assertThat(extra.getInputStream().read()).as("no answer over the limit").isEqualTo(-1);
            }
            held.remove(0).close();
            Thread.sleep(300); // the slot is given back once the server has seen the close
            try (Socket next = RawHttp.open(server.getPort())) {
                next.getOutputStream().write(REQUEST.getBytes(StandardCharsets.US_ASCII));
                assertThat(RawHttp.read(next.getInputStream()).status()).isEqualTo(200);
            }
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    private static boolean sendLine(Socket socket, String line) {
        try {
            socket.getOutputStream().write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return true;
        } catch (IOException closed) {
            return false;
        }
    }
}
