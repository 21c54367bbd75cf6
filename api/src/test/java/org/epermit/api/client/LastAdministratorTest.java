package org.epermit.api.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.epermit.api.gateway.TestClients;
import org.epermit.api.gateway.TransactionSql;
import org.epermit.api.client.ClientRequests.CreatedClient;
import org.epermit.api.problem.ApiException;
import org.epermit.api.problem.ErrorCode;
import org.epermit.api.testing.Db;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

/**
 * The API never loses its last administrator able to act, also when two of them demote each other at once. Every
 * other active administrator in the shared test database is suspended during each test and restored after it.
 */
@QuarkusTest
class LastAdministratorTest {

    @Inject
    ClientRegistry registry;

    @Inject
    Pool pool;

    @Inject
    ObjectMapper json;

    private List<UUID> setAside = List.of();

    @BeforeEach
    void only_this_tests_administrators_can_act() {
        setAside = Db.rows(pool, "UPDATE api_client SET status = 'SUSPENDED' WHERE status = 'ACTIVE' AND 'admin' = ANY (roles) RETURNING id")
                .stream().map(r -> r.getUUID(0)).toList();
    }

    @AfterEach
    void restore_the_others() {
        pool.preparedQuery("UPDATE api_client SET status = 'ACTIVE' WHERE id = ANY ($1)")
                .execute(Tuple.of(setAside.toArray(UUID[]::new))).await().indefinitely();
    }

    @Test
    void the_last_administrator_can_neither_demote_suspend_delete_nor_unkey_itself() {
        CreatedClient a = TestClients.admin(registry);
        UUID id = a.client().id();
        String key = a.apiKey();
        for (String change : List.of("{\"roles\": [\"vendor\"], \"scopes\": [\"permits:read\"]}",
                "{\"scopes\": [\"permits:read\"]}", "{\"status\": \"SUSPENDED\"}")) {
            given().header("X-API-Key", key).contentType("application/json").body(change)
                    .patch("/v1/admin/clients/{id}", id).then().statusCode(409)
                    .contentType("application/problem+json").body("code", equalTo("LAST_ADMINISTRATOR"));
        }
        given().header("X-API-Key", key).delete("/v1/admin/clients/{id}", id).then().statusCode(409)
                .body("code", equalTo("LAST_ADMINISTRATOR"));
        given().header("X-API-Key", key).delete("/v1/admin/clients/{id}/keys/{key}", id, a.client().keys().get(0).id())
                .then().statusCode(409).body("code", equalTo("LAST_ADMINISTRATOR"));
        // nothing of it was done
        given().header("X-API-Key", key).get("/v1/admin/clients/{id}", id).then().statusCode(200)
                .body("status", equalTo("ACTIVE")).body("roles[0]", equalTo("admin"))
                .body("keys[0].revokedAt", org.hamcrest.Matchers.nullValue());

        // with a second administrator, the first may step down; then the second is the last
        CreatedClient b = TestClients.admin(registry);
        given().header("X-API-Key", key).contentType("application/json").body("{\"roles\": [\"vendor\"], \"scopes\": [\"permits:read\"]}")
                .patch("/v1/admin/clients/{id}", id).then().statusCode(200).body("roles[0]", equalTo("vendor"));
        given().header("X-API-Key", b.apiKey()).delete("/v1/admin/clients/{id}", b.client().id()).then().statusCode(409)
                .body("code", equalTo("LAST_ADMINISTRATOR"));
        given().header("X-API-Key", b.apiKey()).delete("/v1/admin/clients/{id}", id).then().statusCode(204);
    }

    @Test
    void an_administrator_that_signs_in_through_keycloak_may_lose_its_last_key_but_not_then_its_keycloak_client() {
        CreatedClient a = TestClients.keycloakClient(registry, "kc-admin-" + UUID.randomUUID(), List.of("admin"),
                List.of("admin"), null);
        String key = a.apiKey();
        given().header("X-API-Key", key).delete("/v1/admin/clients/{id}/keys/{key}", a.client().id(), a.client().keys().get(0).id())
                .then().statusCode(204);
        CreatedClient b = TestClients.admin(registry);
        given().header("X-API-Key", b.apiKey()).delete("/v1/admin/clients/{id}/keys/{key}", b.client().id(), b.client().keys().get(0).id())
                .then().statusCode(204);
        // a can still act through its tokens: b's key is gone, so the one left is a's Keycloak client
        // (nobody is left to ask the API: the registry's change is called as the API would, in a write's session)
        ClientCommands.Change unlink = registry.change(patch("{\"oidcClientId\": null}"));
        assertThatThrownBy(() -> VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession()
                .flatMap(session -> registry.change(TransactionSql.of(session), a.client().id(), unlink)))))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.LAST_ADMINISTRATOR));
    }

    @Test
    void two_administrators_demoting_each_other_at_once_leave_one_of_them() throws Exception {
        CreatedClient a = TestClients.admin(registry);
        CreatedClient b = TestClients.admin(registry);
        String demote = "{\"roles\": [\"vendor\"], \"scopes\": [\"permits:read\"]}";
        List<Integer> statuses;
        // both requests read their target, then wait for the administrators' locks, held here until both wait
        try (Db.HeldLocks held = Db.lockRows(pool, "api_client", a.client().id(), b.client().id())) {
            CompletableFuture<Integer> aDemotesB = CompletableFuture.supplyAsync(() -> given().header("X-API-Key", a.apiKey())
                    .contentType("application/json").body(demote).patch("/v1/admin/clients/{id}", b.client().id()).statusCode());
            CompletableFuture<Integer> bDemotesA = CompletableFuture.supplyAsync(() -> given().header("X-API-Key", b.apiKey())
                    .contentType("application/json").body(demote).patch("/v1/admin/clients/{id}", a.client().id()).statusCode());
            held.awaitWaiters(2);
            held.release();
            statuses = List.of(aDemotesB.get(20, TimeUnit.SECONDS), bDemotesA.get(20, TimeUnit.SECONDS));
        }
        assertThat(statuses).as("one demotion done, the other refused (LAST_ADMINISTRATOR)").containsExactlyInAnyOrder(200, 409);
        assertThat(Db.strings(pool, "SELECT array_to_string(roles, ',') FROM api_client WHERE id = ANY ($1) ORDER BY roles",
                (Object) new UUID[]{a.client().id(), b.client().id()}))
                .as("one demoted, the other still the administrator").containsExactly("admin", "vendor");
    }

    private ClientPatch patch(String body) {
        try {
            return ClientPatch.read((ObjectNode) json.readTree(body), json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
