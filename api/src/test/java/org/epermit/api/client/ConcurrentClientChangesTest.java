package org.epermit.api.client;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import org.epermit.api.client.ClientRequests.CreatedClient;
import org.epermit.api.gateway.TestClients;
import org.epermit.api.testing.Db;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two administrators changing the same client at once: both read it, then both write. One change wins; the other is a
 * 409 CONCURRENT_MODIFICATION and changes nothing, instead of silently writing back the fields it read (a lost update).
 */
@QuarkusTest
class ConcurrentClientChangesTest {

    @Inject
    ClientRegistry registry;

    @Inject
    Pool pool;

    @Test
    void of_two_changes_that_read_the_same_version_one_wins_and_the_other_is_a_409_that_loses_nothing() throws Exception {
        CreatedClient admin = TestClients.admin(registry);
        CreatedClient vendor = TestClients.vendor(registry);
        long version = Db.count(pool, "SELECT version FROM api_client WHERE id = $1", vendor.client().id());
        Response renamed;
        Response reorganised;
        // Both requests read the client, then wait on the row held here until both wait; then both write what they read.
        try (Db.HeldLocks held = Db.lockRows(pool, "api_client", vendor.client().id())) {
            CompletableFuture<Response> rename = CompletableFuture.supplyAsync(() -> given().header("X-API-Key", admin.apiKey())
                    .contentType("application/merge-patch+json; charset=UTF-8").body("{\"name\": \"Renamed by the first\"}")
                    .patch("/v1/admin/clients/{id}", vendor.client().id()));
            CompletableFuture<Response> reorganise = CompletableFuture.supplyAsync(() -> given().header("X-API-Key", admin.apiKey())
                    .contentType("application/merge-patch+json; charset=UTF-8").body("{\"organisation\": \"Reorganised by the second\"}")
                    .patch("/v1/admin/clients/{id}", vendor.client().id()));
            held.awaitWaiters(2);
            held.release();
            renamed = rename.get(20, TimeUnit.SECONDS);
            reorganised = reorganise.get(20, TimeUnit.SECONDS);
        }
        List<Response> answers = List.of(renamed, reorganised);
        assertThat(answers).extracting(Response::statusCode).containsExactlyInAnyOrder(200, 409);
        Response refused = answers.stream().filter(r -> r.statusCode() == 409).findFirst().orElseThrow();
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.jsonPath().getString("code")).isEqualTo("CONCURRENT_MODIFICATION");
        assertThat(refused.jsonPath().getString("title")).isEqualTo("Changed by another request meanwhile");

        Row row = Db.rows(pool, "SELECT name, organisation, version FROM api_client WHERE id = $1", vendor.client().id()).get(0);
        boolean renameWon = renamed.statusCode() == 200;
        assertThat(row.getString("name")).isEqualTo(renameWon ? "Renamed by the first" : vendor.client().name());
        assertThat(row.getString("organisation")).isEqualTo(renameWon ? vendor.client().organisation() : "Reorganised by the second");
        assertThat(row.getLong("version")).as("one write, one new version").isEqualTo(version + 1);
        assertThat(Db.count(pool, "SELECT count(*) FROM outbox_event WHERE aggregate_id = $1 AND event_type = 'client.changed'",
                vendor.client().id().toString())).as("the refused change left no event").isEqualTo(1);

        // in Chinese, too
        given().header("X-API-Key", admin.apiKey()).header("Accept-Language", "zh").get("/v1/admin/clients/{id}", vendor.client().id())
                .then().statusCode(200);
    }
}
