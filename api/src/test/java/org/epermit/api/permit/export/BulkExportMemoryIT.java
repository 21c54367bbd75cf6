package org.epermit.api.permit.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.epermit.api.testing.PackagedApp;
import org.epermit.api.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Constant memory: the packaged service with a 64 MB heap exports 200,000 permits (a body larger than its heap, and
 * some three times larger as objects) to a client that stops reading for a while, and the download completes, every
 * row and the end line. Without the cursor the rows would not fit the heap; without backpressure the paused client's
 * part would pile up in the service's buffers (direct memory, bounded by the heap size here). Prints rows/s and the
 * peak heap and direct-buffer use sampled from the service's metrics.
 */
class BulkExportMemoryIT {

    private static final int PERMITS = Integer.getInteger("epermit.it.export-permits", 200_000);
    private static final String HEAP = System.getProperty("epermit.it.export-heap", "64m");

    private TestDatabase database;
    private PackagedApp app;

    @AfterEach
    void stop() throws InterruptedException {
        if (app != null) {
            app.kill();
        }
        if (database != null) {
            database.stop();
        }
    }

    @Test
    void a_small_heap_exports_a_result_far_larger_than_itself_to_a_slow_client() throws Exception {
        database = new TestDatabase();
        Map<String, String> env = new HashMap<>();
        database.start().forEach((key, value) -> env.put(key.toUpperCase().replace('.', '_'), value));
        env.put("EPERMIT_PAGING_CURSOR_SECRET", "bulk-export-memory-it-cursor-secret-0123456789abcdef");
        env.put("EPERMIT_RATE_LIMIT_ANONYMOUS_DAILY_EXPORT_ROWS", "100000000");

        // the load with an ordinary heap, once; then the service again, on the loaded database, with a small one
        env.put("EPERMIT_DEMO_ENABLED", "true");
        PackagedApp loader = PackagedApp.start(Files.createTempDirectory("epermit-it"), PackagedApp.freePort(), env,
                List.of("-Depermit.demo.permits=" + PERMITS, "-Depermit.demo.report-years=0", "-Depermit.demo.monitoring-permits=0"));
        app = loader;
        loader.awaitLine("ePermit Open API is ready", Duration.ofMinutes(15));
        loader.stop();
        env.put("EPERMIT_DEMO_ENABLED", "false");
        app = PackagedApp.start(Files.createTempDirectory("epermit-it"), PackagedApp.freePort(), env,
                List.of("-Xmx" + HEAP, "-XX:+ExitOnOutOfMemoryError"));
        app.awaitLine("ePermit Open API is ready");

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong peakHeap = new AtomicLong();
        AtomicLong peakDirect = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                try {
                    String metrics = app.getManagement("/q/metrics").body();
                    peakHeap.accumulateAndGet(sum(metrics, "jvm_memory_used_bytes\\{area=\"heap\"[^}]*}"), Math::max);
                    peakDirect.accumulateAndGet(sum(metrics, "jvm_buffer_memory_used_bytes\\{id=\"direct\"[^}]*}"), Math::max);
                    Thread.sleep(100);
                } catch (Exception e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();

        HttpClient http = HttpClient.newHttpClient();
        long started = System.nanoTime();
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + app.port + "/v1/public/permits/export?format=ndjson")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue(PermitExportResource.ROWS)).hasValue(String.valueOf(PERMITS));
        long bytes = 0;
        long lines = 0;
        byte[] lastLine = new byte[0];
        try (InputStream in = response.body()) {
            byte[] buffer = new byte[64 * 1024];
            java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
            boolean paused = false;
            for (int n; (n = in.read(buffer)) > 0; ) {
                bytes += n;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                        lastLine = line.toByteArray();
                        line.reset();
                    } else {
                        line.write(buffer[i]);
                    }
                }
                if (!paused && bytes > 1_000_000) {
                    paused = true;
                    Thread.sleep(3_000); // a slow client: the service must wait, not read ahead
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        running.set(false);
        sampler.join(5_000);

        JsonNode end = new ObjectMapper().readTree(new String(lastLine, StandardCharsets.UTF_8));
        assertThat(end.path("end").asBoolean()).as("the end line").isTrue();
        assertThat(end.path("rows").asLong()).isEqualTo(PERMITS);
        assertThat(end.path("complete").asBoolean()).isTrue();
        assertThat(lines).isEqualTo(PERMITS + 1L);
        long heapLimit = parseSize(HEAP);
        assertThat(bytes).as("the body is larger than the service's heap").isGreaterThan(heapLimit);
        assertThat(app.process.isAlive()).as("the service is still up").isTrue();
        System.out.printf("[BulkExportMemoryIT] %,d rows, %,d bytes in %.1f s (%,.0f rows/s incl. a 3 s pause; "
                        + "%,.0f rows/s without it); -Xmx%s; peak heap used %,d bytes, peak direct buffers %,d bytes%n",
                PERMITS, bytes, seconds, PERMITS / seconds, PERMITS / Math.max(0.001, seconds - 3), HEAP,
                peakHeap.get(), peakDirect.get());
        assertThat(peakHeap.get()).as("sampled").isPositive().isLessThanOrEqualTo(heapLimit);
    }

    /** The sum of a metric's samples whose name and labels match. */
    private static long sum(String metrics, String series) {
        Matcher m = Pattern.compile("^" + series + " ([0-9.E+]+)$", Pattern.MULTILINE).matcher(metrics);
        double total = 0;
        while (m.find()) {
            total += Double.parseDouble(m.group(1));
        }
        return (long) total;
    }

    private static long parseSize(String size) {
        long n = Long.parseLong(size.replaceAll("[^0-9]", ""));
        return size.toLowerCase().endsWith("g") ? n << 30 : size.toLowerCase().endsWith("m") ? n << 20 : n;
    }
}
