package org.epermit.api.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged service started as a user starts it ({@code java -jar}, embedded PostgreSQL in {@code dataDir}, no
 * datasource or {@code EPERMIT_*} variables inherited), for the {@code *IT} tests run by failsafe after
 * {@code package}.
 */
public final class PackagedApp {

    public static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public final Process process;
    public final int port;
    /** The management interface's port (metrics), on loopback: a free one, so that instances can run side by side. */
    public final int managementPort;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private PackagedApp(Process process, int port, int managementPort) {
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
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

    /** Starts the jar on {@code port} with {@code env} added to a clean environment and 400 demo permits. */
    public static PackagedApp start(Path dataDir, int port, Map<String, String> env) throws IOException {
        return start(dataDir, port, env, List.of());
    }

    /** As {@link #start(Path, int, Map)}, with JVM options after the defaults (a later {@code -D} wins; {@code -Xmx}). */
    public static PackagedApp start(Path dataDir, int port, Map<String, String> env, List<String> jvmOptions) throws IOException {
        assertThat(JAR).as("package the service first (mvn verify does)").exists();
        int managementPort = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.management.port=" + managementPort,
                "-Depermit.demo.permits=400"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("QUARKUS_") || k.startsWith("EPERMIT_"));
        pb.environment().put("EPERMIT_DATA_DIR", dataDir.toString());
        pb.environment().putAll(env);
        return new PackagedApp(pb.start(), port, managementPort);
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    public String output() {
        return String.join("\n", lines);
    }

    /** Waits (120 s at most) for a line of the console output. */
    public PackagedApp awaitLine(String text) throws InterruptedException {
        return awaitLine(text, Duration.ofSeconds(120));
    }

    /** Waits at most {@code atMost} for a line of the console output (a large demo load takes minutes). */
    public PackagedApp awaitLine(String text, Duration atMost) throws InterruptedException {
        Instant deadline = Instant.now().plus(atMost);
        while (Instant.now().isBefore(deadline)) {
            if (lines.stream().anyMatch(l -> l.contains(text))) {
                return this;
            }
            if (!process.isAlive()) {
                throw new AssertionError("the service exited (" + process.exitValue() + "):\n" + output());
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no '" + text + "' within " + atMost.toSeconds() + " s:\n" + output());
    }

    /** A demo API key printed at start-up: {@code administrator} or {@code vendor}. */
    public String demoKey(String who) {
        Matcher m = Pattern.compile(who + ":\\s+(epk_\\S+)").matcher(output());
        assertThat(m.find()).as("the demo " + who + " key is printed").isTrue();
        return m.group(1);
    }

    /** A GET with header name/value pairs. */
    public HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        return send("GET", path, null, headers);
    }

    /** A GET on the management interface ({@code /q/metrics}). */
    public HttpResponse<String> getManagement(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> send(String method, String path, String jsonBody, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20))
                .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(jsonBody));
        if (jsonBody != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** SIGTERM: the shutdown hook stops Quarkus, then PostgreSQL. */
    public void stop() throws InterruptedException {
        process.destroy();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("stopped within 60 s").isTrue();
    }

    /** For @AfterEach/@AfterAll: whatever state it is in. */
    public void kill() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
}
