package org.epermit.api.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A real PostgreSQL server run from binaries shipped as a Maven artifact, for the run-it-yourself default and for
 * tests. The data directory is kept between runs; it is initialised with a UTF-8 character type so that text
 * functions treat Chinese characters as characters.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String DATABASE = "postgres";

    /** Held so the level sticks: the library logs every line of initdb at INFO. */
    private static final java.util.logging.Logger LIBRARY_LOG = java.util.logging.Logger.getLogger("io.zonky.test.db.postgres");

    static {
        LIBRARY_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final boolean reused;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory, boolean reused) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.reused = reused;
    }

    /** Starts PostgreSQL on a free loopback port with its data in {@code dataDirectory} (created if absent). */
    public static EmbeddedDatabase start(Path dataDirectory) throws IOException {
        Path data = dataDirectory.toAbsolutePath().normalize();
        boolean reused = Files.exists(data.resolve("PG_VERSION"));
        stopOrphanedServer(data);
        Files.createDirectories(data);
        // initdb's and the server's own output goes to a log file beside the data, not to the console.
        ProcessBuilder.Redirect serverLog = ProcessBuilder.Redirect.appendTo(data.resolveSibling(data.getFileName() + ".log").toFile());
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setOutputRedirector(serverLog)
                .setErrorRedirector(serverLog)
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setLocaleConfig("locale", "C.UTF-8")
                .setLocaleConfig("encoding", "UTF8")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "100")
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
        return new EmbeddedDatabase(postgres, data, reused);
    }

    /**
     * A JVM killed with SIGKILL leaves its postmaster running, and a new server would wait on its
     * {@code postmaster.pid} until it times out. Stop such an orphan first.
     */
    private static void stopOrphanedServer(Path data) throws IOException {
        Path pidFile = data.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
        Optional<ProcessHandle> orphan = lines.isEmpty() ? Optional.empty() : parsePid(lines.get(0)).flatMap(ProcessHandle::of);
        orphan.filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(true))
                .ifPresent(p -> {
                    p.destroy();
                    try {
                        p.onExit().get(java.util.concurrent.TimeUnit.SECONDS.toMillis(30), java.util.concurrent.TimeUnit.MILLISECONDS);
                    } catch (Exception timeout) {
                        p.destroyForcibly();
                    }
                });
    }

    private static Optional<Long> parsePid(String line) {
        try {
            return Optional.of(Long.parseLong(line.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** True when the data directory already held a database before this start. */
    public boolean reused() {
        return reused;
    }

    /** The Quarkus datasource settings that point at this server's {@code database}. */
    public Map<String, String> datasourceProperties(String database) {
        return Map.of(
                "quarkus.datasource.reactive.url", "postgresql://127.0.0.1:" + port() + "/" + database,
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + port() + "/" + database,
                "quarkus.datasource.username", USER,
                "quarkus.datasource.password", "");
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
