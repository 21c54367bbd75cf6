package org.epermit.api.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.epermit.api.embedded.EmbeddedDatabase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The database the tests run against: by default an embedded PostgreSQL in a temporary folder (the same server
 * the run-it-yourself default starts); with {@code EPERMIT_TEST_PG=host:port} (user {@code EPERMIT_TEST_PG_USER},
 * default postgres, trust or {@code EPERMIT_TEST_PG_PASSWORD}) a fresh database created on that server and dropped
 * afterwards.
 */
public class TestDatabase implements QuarkusTestResourceLifecycleManager {

    private EmbeddedDatabase embedded;
    private Path dataDirectory;
    private String externalAdminUrl;
    private String externalDatabase;

    @Override
    public Map<String, String> start() {
        String external = System.getenv("EPERMIT_TEST_PG");
        Map<String, String> props = external == null || external.isBlank() ? startEmbedded() : createExternal(external.trim());
        System.out.println("[TestDatabase] tests run against " + props.get("quarkus.datasource.jdbc.url"));
        return props;
    }

    private Map<String, String> startEmbedded() {
        try {
            dataDirectory = Files.createTempDirectory("epermit-test-pg");
            embedded = EmbeddedDatabase.start(dataDirectory.resolve("data"));
            return embedded.datasourceProperties(EmbeddedDatabase.DATABASE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, String> createExternal(String hostPort) {
        String user = System.getenv().getOrDefault("EPERMIT_TEST_PG_USER", "postgres");
        String password = System.getenv().getOrDefault("EPERMIT_TEST_PG_PASSWORD", "");
        externalDatabase = "epermit_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        externalAdminUrl = "jdbc:postgresql://" + hostPort + "/postgres?user=" + user + "&password=" + password;
        try (Connection c = DriverManager.getConnection(externalAdminUrl); Statement st = c.createStatement()) {
            // template0 with a UTF-8 character type, like the embedded server (Chinese text functions need it).
            st.execute("CREATE DATABASE " + externalDatabase + " TEMPLATE template0 ENCODING 'UTF8' LC_CTYPE 'C.UTF-8' LC_COLLATE 'C.UTF-8'");
        } catch (SQLException e) {
            throw new IllegalStateException("could not create a test database on " + hostPort + ": " + e.getMessage(), e);
        }
        Map<String, String> props = new HashMap<>();
        props.put("quarkus.datasource.reactive.url", "postgresql://" + hostPort + "/" + externalDatabase);
        props.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://" + hostPort + "/" + externalDatabase);
        props.put("quarkus.datasource.username", user);
        props.put("quarkus.datasource.password", password);
        return props;
    }

    @Override
    public void stop() {
        if (embedded != null) {
            try {
                embedded.close();
                try (Stream<Path> files = Files.walk(dataDirectory)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (externalDatabase != null) {
            try (Connection c = DriverManager.getConnection(externalAdminUrl); Statement st = c.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + externalDatabase + " WITH (FORCE)");
            } catch (SQLException e) {
                throw new IllegalStateException("could not drop " + externalDatabase + ": " + e.getMessage(), e);
            }
        }
    }
}
