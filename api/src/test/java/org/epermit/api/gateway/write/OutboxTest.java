package org.epermit.api.gateway.write;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import org.epermit.api.client.ClientRegistry;
import org.epermit.api.client.ClientRequests.CreatedClient;
import org.epermit.api.gateway.TestClients;
import org.epermit.api.testing.Db;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every committed write of an aggregate leaves one outbox event in its own transaction, numbered by the aggregate's
 * version; a write that rolls back leaves none.
 */
@QuarkusTest
class OutboxTest {

    @Inject
    ClientRegistry registry;

    @Inject
    Pool pool;

    private List<Row> events(String aggregateId) {
        return Db.rows(pool, """
                SELECT event_type, aggregate_type, sequence, payload::text AS payload, payload ->> 'name' AS name,
                       payload ->> 'status' AS status, jsonb_array_length(payload -> 'keys') AS keys,
                       payload -> 'key' ->> 'id' AS key_id, request_id
                FROM outbox_event
                WHERE aggregate_type = 'client' AND aggregate_id = $1 ORDER BY sequence""", aggregateId);
    }

    @Test
    void each_committed_write_of_a_client_leaves_one_event_numbered_by_its_version() {
        CreatedClient admin = TestClients.admin(registry);
        String requestId = "outbox-" + UUID.randomUUID();
        String id = given().header("X-API-Key", admin.apiKey()).header("X-Correlation-Id", requestId)
                .contentType("application/json").body("""
                        {"name": "Outbox vendor", "organisation": "测试环保服务有限公司", "roles": ["vendor"], "scopes": ["permits:read"]}""")
                .post("/v1/admin/clients").then().statusCode(201).extract().path("client.id");
        given().header("X-API-Key", admin.apiKey()).contentType("application/json").body("{\"name\": \"Outbox vendor, renamed\"}")
                .patch("/v1/admin/clients/{id}", id).then().statusCode(200);
        var issued = given().header("X-API-Key", admin.apiKey()).post("/v1/admin/clients/{id}/keys", id)
                .then().statusCode(201).extract();
        String apiKey = issued.path("apiKey");
        given().header("X-API-Key", admin.apiKey()).delete("/v1/admin/clients/{id}", id).then().statusCode(204);

        List<Row> events = events(id);
        assertThat(events).extracting(r -> r.getString("event_type"))
                .containsExactly("client.created", "client.changed", "client.key_issued", "client.deleted");
        assertThat(events).extracting(r -> r.getLong("sequence")).containsExactly(1L, 2L, 3L, 4L);
        assertThat(events.get(0).getString("name")).isEqualTo("Outbox vendor");
        assertThat(events.get(0).getInteger("keys")).isEqualTo(1);
        assertThat(events.get(1).getString("name")).isEqualTo("Outbox vendor, renamed");
        assertThat(events.get(2).getString("key_id")).as("a key's event names the key").isEqualTo(issued.<String>path("keyId"));
        assertThat(events.get(3).getString("status")).isEqualTo("DELETED");
        assertThat(events).allSatisfy(e -> assertThat(e.getString("payload"))
                .as("an event never carries a secret").doesNotContain(TestClients.secretOf(apiKey)));
        // the event names the request that wrote it, as its audit row does
        assertThat(events.get(0).getString("request_id")).isEqualTo(Db.string(pool,
                "SELECT request_id FROM audit_log WHERE correlation_id = $1", requestId));
    }

    @Test
    void a_write_that_rolls_back_leaves_no_event() {
        CreatedClient admin = TestClients.admin(registry);
        CreatedClient taken = TestClients.keycloakClient(registry, "outbox-taken-" + UUID.randomUUID(), List.of("vendor"),
                List.of("permits:read"), null);
        CreatedClient vendor = TestClients.vendor(registry);
        String id = vendor.client().id().toString();
        List<Row> before = events(id);

        // the change is made in the session, and refused when it reaches the database (the Keycloak id is taken):
        // the whole transaction rolls back, its event with it
        given().header("X-API-Key", admin.apiKey()).contentType("application/json")
                .body("{\"name\": \"never\", \"oidcClientId\": \"" + taken.client().oidcClientId() + "\"}")
                .patch("/v1/admin/clients/{id}", id).then().statusCode(409).body("code", org.hamcrest.Matchers.equalTo("CONFLICT"));
        assertThat(events(id)).hasSameSizeAs(before);
        assertThat(Db.string(pool, "SELECT name FROM api_client WHERE id = $1", vendor.client().id())).isEqualTo(vendor.client().name());

        // and the next committed write takes the next number: nothing of the refused one remains
        given().header("X-API-Key", admin.apiKey()).contentType("application/json").body("{\"name\": \"renamed\"}")
                .patch("/v1/admin/clients/{id}", id).then().statusCode(200);
        assertThat(events(id)).hasSize(before.size() + 1);
        assertThat(events(id).get(before.size()).getString("event_type")).isEqualTo("client.changed");
    }
}
