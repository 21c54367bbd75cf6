package org.epermit.api;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's first command: {@code java -jar} on a machine with no database starts an embedded PostgreSQL, loads
 * the demo data once, serves the API, and on the next start reuses the data — also after the JVM was killed.
 */
class EmbeddedStartIT {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopAll() throws InterruptedException {
        for (Process p : started) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void starts_on_an_embedded_database_loads_the_demo_once_and_survives_a_kill() throws Exception {
        assertThat(JAR).as("package the service first (mvn verify does)").exists();
        Path dataDir = Files.createTempDirectory("epermit-it").resolve("postgres");
        int port = freePort();

        Run first = start(dataDir, port);
        first.awaitLine("ePermit Open API is ready");
        assertThat(first.output()).contains("Demo data: loaded 400 permits").contains("data in " + dataDir);
        HttpResponse<String> page = get(port, "/v1/public/permits?limit=5");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("\"permitNumber\"");
        first.stop();
        assertThat(first.process.exitValue()).as("a SIGTERM stop is orderly (143 = 128 + SIGTERM)").isIn(0, 143);
        assertThat(dataDir.resolve("postmaster.pid")).as("PostgreSQL stopped with the service").doesNotExist();

        Run second = start(dataDir, port);
        second.awaitLine("ePermit Open API is ready");
        assertThat(second.output()).contains("already holds 400 permits").doesNotContain("Demo data: loaded");
        // SIGKILL: no shutdown hook runs and the postmaster is orphaned
        second.process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertThat(dataDir.resolve("postmaster.pid")).exists();

        Run third = start(dataDir, port);
        third.awaitLine("ePermit Open API is ready");
        assertThat(get(port, "/v1/public/permits?limit=1").statusCode()).isEqualTo(200);
        third.stop();
    }

    private Run start(Path dataDir, int port) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1", "-Depermit.demo.permits=400",
                "-jar", JAR.toString()).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("QUARKUS_DATASOURCE") || k.startsWith("EPERMIT_"));
        pb.environment().put("EPERMIT_DATA_DIR", dataDir.toString());
        Process process = pb.start();
        started.add(process);
        return new Run(process);
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static final class Run {
        final Process process;
        final List<String> lines = new CopyOnWriteArrayList<>();

        Run(Process process) {
            this.process = process;
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        lines.add(line);
                    }
                } catch (IOException ignored) {
                    // the process ended
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        String output() {
            return String.join("\n", lines);
        }

        void awaitLine(String text) throws InterruptedException {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
            while (Instant.now().isBefore(deadline)) {
                if (lines.stream().anyMatch(l -> l.contains(text))) {
                    return;
                }
                if (!process.isAlive()) {
                    throw new AssertionError("the service exited (" + process.exitValue() + "):\n" + output());
                }
                Thread.sleep(200);
            }
            throw new AssertionError("no '" + text + "' within 120 s:\n" + output());
        }

        void stop() throws InterruptedException {
            process.destroy();  // SIGTERM: the shutdown hook stops Quarkus, then PostgreSQL
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("stopped within 60 s").isTrue();
        }
    }
}
