package org.epermit.api.testing;

import org.epermit.api.gateway.edge.ConnectionGuard;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HTTP/1.1 over a plain socket, byte for byte: for requests a real client library would refuse to send or would
 * normalise (bad percent-encoding, oversized heads, another protocol version, a head sent one line at a time).
 */
public final class RawHttp {

    private RawHttp() {
    }

    /** What came back: the status line as sent, the headers (names in lower case) and the body. */
    public record Response(String statusLine, Map<String, String> headers, String body) {
        public int status() {
            return Integer.parseInt(statusLine.split(" ")[1]);
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /**
     * Waits (10 s at most) until the server guards new connections: Quarkus opens its socket a moment before the
     * guard can hook it, and readiness says so.
     */
    public static void awaitGuarded(ConnectionGuard guard) throws InterruptedException {
        for (int i = 0; i < 100 && !guard.guarding(); i++) {
            Thread.sleep(100);
        }
        assertThat(guard.guarding()).as("connections guarded").isTrue();
    }

    public static Socket open(int port) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        return socket;
    }

    /** Sends {@code request} on a new connection and reads one response. */
    public static Response exchange(int port, String request) throws IOException {
        try (Socket socket = open(port)) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return read(socket.getInputStream());
        }
    }

    /** Reads one response: its head, then a body of Content-Length bytes. */
    public static Response read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int last4 = 0;
        while (last4 != 0x0d0a0d0a) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the connection closed before a response head arrived; got: "
                        + head.toString(StandardCharsets.ISO_8859_1));
            }
            head.write(b);
            last4 = (last4 << 8) | b;
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        byte[] body = in.readNBytes(length);
        return new Response(lines[0], headers, new String(body, StandardCharsets.UTF_8));
    }

    /**
     * Whether the server closes {@code socket} within {@code within}: reading returns end-of-stream (or the
     * connection is reset). Bytes the server sends first are skipped.
     */
    public static boolean closedWithin(Socket socket, Duration within) throws IOException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            socket.setSoTimeout((int) Math.max(1, Duration.ofNanos(deadline - System.nanoTime()).toMillis()));
            try {
                if (socket.getInputStream().read() < 0) {
                    return true;
                }
            } catch (SocketTimeoutException stillOpen) {
                return false;
            } catch (IOException reset) {
                return true;
            }
        }
        return false;
    }

    /** The headers every error answer carries, whichever layer refused the request. */
    public static void assertProblem(Response response, int status, String code) {
        assertThat(response.statusLine()).as("status line").startsWith("HTTP/1.1 " + status + " ");
        assertThat(response.header("Content-Type")).as(response.toString()).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"code\":\"" + code + "\"").contains("\"status\":" + status);
        String requestId = response.header("X-Request-Id");
        assertThat(requestId).as("X-Request-Id of " + response).isNotBlank();
        assertThat(response.body()).contains("\"requestId\":\"" + requestId + "\"");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
    }
}
