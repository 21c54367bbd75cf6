package org.epermit.api.demo;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.epermit.api.testing.Db;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test profile loads the demo data ({@code epermit.demo.enabled=true}) into a database configured from outside
 * (TestDatabase sets the datasource, as an operator would): the demo callers, whose keys would be printed, are not
 * issued there.
 */
@QuarkusTest
class DemoCredentialsTest {

    @Inject
    Pool pool;

    @Test
    void on_a_database_configured_from_outside_no_demo_credentials_are_issued_even_with_the_demo_enabled() {
        assertThat(Db.count(pool, "SELECT count(*) FROM permit")).as("the demo data is loaded").isPositive();
        assertThat(Db.count(pool, "SELECT count(*) FROM api_key WHERE client_id = ANY ($1)",
                (Object) new UUID[]{DemoCallers.ADMIN, DemoCallers.VENDOR})).isZero();
        assertThat(Db.count(pool, "SELECT count(*) FROM api_client WHERE id = ANY ($1)",
                (Object) new UUID[]{DemoCallers.ADMIN, DemoCallers.VENDOR})).isZero();
    }
}
