package org.epermit.api;

import org.epermit.api.testing.PackagedApp;
import org.epermit.api.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged service on a database it is given (QUARKUS_DATASOURCE_* set, as an operator does) with the demo
 * enabled: it loads the demo data but never issues nor prints demo keys, which would be working administrator
 * credentials on a real deployment's console.
 */
class ExternalDatabaseDemoIT {

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
    void on_a_configured_database_the_demo_loads_but_no_key_is_printed_even_with_the_demo_enabled() throws Exception {
        database = new TestDatabase();
        Map<String, String> env = new HashMap<>();
        database.start().forEach((key, value) -> env.put(key.toUpperCase().replace('.', '_'), value));
        env.put("EPERMIT_DEMO_ENABLED", "true");
        env.put("EPERMIT_PAGING_CURSOR_SECRET", "external-database-demo-it-cursor-secret-0123456789");
        // the data directory of an embedded database, which does not start: the datasource is configured
        app = PackagedApp.start(Files.createTempDirectory("epermit-it"), PackagedApp.freePort(), env);
        app.awaitLine("ePermit Open API is ready");
        assertThat(app.output()).contains("Demo data: loaded 400 permits")
                .doesNotContain("epk_").doesNotContain("Demo credentials").doesNotContain("embedded PostgreSQL");
        assertThat(app.get("/v1/public/permits?limit=1").statusCode()).isEqualTo(200);
    }
}
