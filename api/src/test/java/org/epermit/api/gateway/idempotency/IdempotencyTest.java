package org.epermit.api.gateway.idempotency;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.epermit.api.gateway.TestClients;
import org.epermit.api.client.ClientRegistry;
import org.epermit.api.client.ClientRequests.CreatedClient;
import org.epermit.api.testing.Db;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** Idempotency-Key on POST, at the HTTP level (docs/idempotency.md). */
@QuarkusTest
class IdempotencyTest {

    @Inject
    ClientRegistry registry;

    @Inject
    IdempotencyRecords records;

    @Inject
    Pool pool;

    private CreatedClient admin;
    private CreatedClient vendor;
    private String creditCode;

    @BeforeEach
    void callers() {
        admin = TestClients.admin(registry);
        vendor = TestClients.vendor(registry);
        creditCode = Db.string(pool, "SELECT credit_code FROM enterprise WHERE NOT pseudo_credit_code ORDER BY credit_code LIMIT 1");
    }

    /** Times well within the longest delegation allowed, the same for the whole class (a retry repeats its body). */
    private static final String IN_A_YEAR = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusYears(1).truncatedTo(ChronoUnit.DAYS).toString();
    private static final String IN_TWO_YEARS = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusYears(2).truncatedTo(ChronoUnit.DAYS).toString();

    private String delegation(String validTo) {
        return """
                {"enterpriseCreditCode": "%s", "vendorClientId": "%s", "scopes": ["permits:read"], "validTo": "%s"}"""
                .formatted(creditCode, vendor.client().id(), validTo);
    }

    private ExtractableResponse<Response> postDelegation(String apiKey, String key, String body) {
        var request = given().header("X-API-Key", apiKey).contentType("application/json").body(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post("/v1/delegations").then().extract();
    }

    private long delegationsOfVendor() {
        return Db.count(pool, "SELECT count(*) FROM delegation WHERE vendor_client_id = $1", vendor.client().id());
    }

    @Test
    void a_retry_with_the_same_key_replays_the_first_answer_without_creating_a_second_delegation() {
        String key = "delegation-" + UUID.randomUUID();
        var first = postDelegation(admin.apiKey(), key, delegation(IN_A_YEAR));
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(first.header("Idempotency-Replayed")).isNull();

        var retry = postDelegation(admin.apiKey(), key, delegation(IN_A_YEAR));

        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.header("Idempotency-Replayed")).isEqualTo("true");
        assertThat(retry.header("Location")).isEqualTo(first.header("Location")).endsWith("/v1/delegations/" + first.path("id"));
        assertThat(retry.jsonPath().getMap("")).isEqualTo(first.jsonPath().getMap(""));
        assertThat(delegationsOfVendor()).isEqualTo(1);
    }

    @Test
    void the_same_key_for_another_body_or_another_path_is_refused_and_changes_nothing() {
        String key = "delegation-" + UUID.randomUUID();
        postDelegation(admin.apiKey(), key, delegation(IN_A_YEAR)).response().then().statusCode(201);

        postDelegation(admin.apiKey(), key, delegation(IN_TWO_YEARS)).response().then().statusCode(422)
                .contentType("application/problem+json").body("code", equalTo("IDEMPOTENCY_CONFLICT"));
        given().header("X-API-Key", admin.apiKey()).header("Idempotency-Key", key)
                .post("/v1/admin/clients/{id}/keys", vendor.client().id()).then().statusCode(422)
                .body("code", equalTo("IDEMPOTENCY_CONFLICT"));

        assertThat(delegationsOfVendor()).isEqualTo(1);
        assertThat(Db.count(pool, "SELECT count(*) FROM api_key WHERE client_id = $1", vendor.client().id())).isEqualTo(1);
    }

    @Test
    void keys_belong_to_the_client_that_sent_them() {
        String key = "shared-" + UUID.randomUUID();
        CreatedClient otherAdmin = TestClients.admin(registry);

        postDelegation(admin.apiKey(), key, delegation(IN_A_YEAR)).response().then().statusCode(201)
                .header("Idempotency-Replayed", nullValue());
        postDelegation(otherAdmin.apiKey(), key, delegation(IN_A_YEAR)).response().then().statusCode(201)
                .header("Idempotency-Replayed", nullValue());

        assertThat(delegationsOfVendor()).isEqualTo(2);
    }

    @Test
    void a_malformed_key_is_a_validation_problem_and_nothing_is_written() {
        // (non-ASCII is not in the list: the test's HTTP client sends it as '?', which is a valid key)
        for (String bad : List.of("", "x".repeat(256), "has space", "tab\tkey")) {
            given().header("X-API-Key", admin.apiKey()).header("Idempotency-Key", bad).contentType("application/json")
                    .body(delegation(IN_A_YEAR)).post("/v1/delegations").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("code", equalTo("VALIDATION_FAILED"))
                    .body("errors[0].path", equalTo("header.Idempotency-Key"));
        }
        postDelegation(admin.apiKey(), "x".repeat(255), delegation(IN_A_YEAR)).response().then().statusCode(201);
        assertThat(delegationsOfVendor()).isEqualTo(1);
    }

    @Test
    void while_the_first_request_holds_its_key_a_duplicate_gets_409_in_progress_and_executes_nothing() {
        String key = "in-flight-" + UUID.randomUUID();
        long lock = IdempotencyRecords.lockId(admin.client().id(), new IdempotencyKey(key));
        // The first request's transaction holds the key's lock until it commits; this connection plays that part.
        var connection = pool.getConnection().await().indefinitely();
        try {
            var tx = connection.begin().await().indefinitely();
            connection.preparedQuery("SELECT pg_advisory_xact_lock($1)").execute(Tuple.of(lock)).await().indefinitely();

            postDelegation(admin.apiKey(), key, delegation(IN_A_YEAR)).response().then().statusCode(409)
                    .contentType("application/problem+json")
                    .body("code", equalTo("IDEMPOTENCY_IN_PROGRESS"))
                    .header("Retry-After", equalTo("1"));
            assertThat(delegationsOfVendor()).isZero();

            tx.rollback().await().indefinitely();
        } finally {
            connection.close().await().indefinitely();
        }
        postDelegation(admin.apiKey(), key, delegation(IN_A_YEAR)).response().then().statusCode(201)
                .header("Idempotency-Replayed", nullValue());
        assertThat(delegationsOfVendor()).isEqualTo(1);
    }

    @Test
    void simultaneous_posts_with_the_same_key_execute_exactly_once() throws Exception {
        String key = "race-" + UUID.randomUUID();
        String body = delegation(IN_A_YEAR);
        int senders = 8;
        ExecutorService pool8 = Executors.newFixedThreadPool(senders);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ExtractableResponse<Response>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < senders; i++) {
                answers.add(pool8.submit(() -> {
                    start.await();
                    return postDelegation(admin.apiKey(), key, body);
                }));
            }
            start.countDown();
            int executed = 0;
            for (var answer : answers) {
                var response = answer.get();
                if (response.statusCode() == 201 && response.header("Idempotency-Replayed") == null) {
                    executed++;
                } else if (response.statusCode() == 201) {
                    assertThat(response.header("Idempotency-Replayed")).isEqualTo("true");
                } else {
                    assertThat(response.statusCode()).isEqualTo(409);
                    assertThat(response.<String>path("code")).isEqualTo("IDEMPOTENCY_IN_PROGRESS");
                }
            }
            assertThat(executed).isEqualTo(1);
        } finally {
            pool8.shutdownNow();
        }
        assertThat(delegationsOfVendor()).isEqualTo(1);
    }

    @Test
    void a_refused_write_is_not_stored_so_the_corrected_retry_runs() {
        String key = "refused-" + UUID.randomUUID();
        String notAVendor = delegation(IN_A_YEAR).replace(vendor.client().id().toString(), admin.client().id().toString());
        postDelegation(admin.apiKey(), key, notAVendor).response().then().statusCode(400)
                .body("errors[0].code", equalTo("NOT_A_VENDOR"));
        postDelegation(admin.apiKey(), key, notAVendor).response().then().statusCode(400)
                .header("Idempotency-Replayed", nullValue());
        assertThat(Db.count(pool, "SELECT count(*) FROM idempotency_record WHERE client_id = $1", admin.client().id())).isZero();

        postDelegation(admin.apiKey(), key, delegation(IN_A_YEAR)).response().then().statusCode(201)
                .header("Idempotency-Replayed", nullValue());
        assertThat(delegationsOfVendor()).isEqualTo(1);
    }

    @Test
    void a_retried_registration_does_not_show_or_store_the_api_key_again_and_names_the_client() {
        String key = "register-" + UUID.randomUUID();
        String name = "Idempotent client " + UUID.randomUUID();
        String body = """
                {"name": "%s", "organisation": "测试", "roles": ["vendor"], "scopes": ["permits:read"]}""".formatted(name);
        var first = given().header("X-API-Key", admin.apiKey()).header("Idempotency-Key", key).contentType("application/json")
                .body(body).post("/v1/admin/clients").then().statusCode(201).extract();
        String apiKey = first.path("apiKey");
        String clientId = first.path("client.id");
        assertThat(apiKey).startsWith("epk_");

        String stored = Db.string(pool, "SELECT body FROM idempotency_record WHERE client_id = $1 AND idempotency_key = $2",
                admin.client().id(), key);
        assertThat(stored).contains(clientId).doesNotContain(apiKey).doesNotContain("epk_");

        given().header("X-API-Key", admin.apiKey()).header("Idempotency-Key", key).contentType("application/json")
                .body(body).post("/v1/admin/clients").then().statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("SECRET_ALREADY_SHOWN"))
                .body("detail", org.hamcrest.Matchers.containsString(clientId))
                .header("Idempotency-Replayed", equalTo("true"))
                .header("Location", allOf(startsWith("http"), endsWith("/v1/admin/clients/" + clientId)));
        assertThat(Db.count(pool, "SELECT count(*) FROM api_client WHERE name = $1", name)).isEqualTo(1);
        // the key shown the first time is the one that works
        given().header("X-API-Key", apiKey).get("/v1/me").then().statusCode(200).body("clientId", equalTo(clientId));
    }

    @Test
    void a_retried_key_rotation_issues_no_second_key() {
        String key = "rotate-" + UUID.randomUUID();
        var first = given().header("X-API-Key", admin.apiKey()).header("Idempotency-Key", key)
                .post("/v1/admin/clients/{id}/keys", vendor.client().id()).then().statusCode(201)
                .body("apiKey", startsWith("epk_")).extract();
        given().header("X-API-Key", admin.apiKey()).header("Idempotency-Key", key)
                .post("/v1/admin/clients/{id}/keys", vendor.client().id()).then().statusCode(409)
                .body("code", equalTo("SECRET_ALREADY_SHOWN"))
                .header("Idempotency-Replayed", equalTo("true"));
        assertThat(Db.count(pool, "SELECT count(*) FROM api_key WHERE client_id = $1", vendor.client().id())).isEqualTo(2);
        assertThat(Db.string(pool, "SELECT body FROM idempotency_record WHERE client_id = $1 AND idempotency_key = $2",
                admin.client().id(), key)).contains((String) first.path("keyId")).doesNotContain((String) first.path("apiKey"));
    }

    @Test
    void without_a_key_every_post_executes() {
        postDelegation(admin.apiKey(), null, delegation(IN_A_YEAR)).response().then().statusCode(201);
        postDelegation(admin.apiKey(), null, delegation(IN_A_YEAR)).response().then().statusCode(201);
        assertThat(delegationsOfVendor()).isEqualTo(2);
    }

    @Test
    void an_expired_key_is_forgotten_and_purged() {
        String expired = "expired-" + UUID.randomUUID();
        String kept = "kept-" + UUID.randomUUID();
        postDelegation(admin.apiKey(), expired, delegation(IN_A_YEAR)).response().then().statusCode(201);
        postDelegation(admin.apiKey(), kept, delegation(IN_TWO_YEARS)).response().then().statusCode(201);
        // the retention (24 h) has passed for one of them
        Db.rows(pool, "UPDATE idempotency_record SET expires_at = now() - interval '1 second' WHERE client_id = $1 AND idempotency_key = $2",
                admin.client().id(), expired);

        postDelegation(admin.apiKey(), expired, delegation(IN_A_YEAR)).response().then().statusCode(201)
                .header("Idempotency-Replayed", nullValue());
        assertThat(delegationsOfVendor()).isEqualTo(3);

        Db.rows(pool, "UPDATE idempotency_record SET expires_at = now() - interval '1 second' WHERE client_id = $1 AND idempotency_key = $2",
                admin.client().id(), expired);
        assertThat(records.purge().await().indefinitely()).isGreaterThanOrEqualTo(1);
        assertThat(Db.strings(pool, "SELECT idempotency_key FROM idempotency_record WHERE client_id = $1", admin.client().id()))
                .containsExactly(kept);
        postDelegation(admin.apiKey(), kept, delegation(IN_TWO_YEARS)).response().then().statusCode(201)
                .header("Idempotency-Replayed", equalTo("true"));
    }

    @Test
    void the_contract_documents_the_key_and_its_answers_on_every_post() {
        Map<String, Map<String, Object>> paths = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().path("paths");
        int posts = 0;
        for (var path : paths.entrySet()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> post = (Map<String, Object>) path.getValue().get("post");
            if (post == null) {
                continue;
            }
            posts++;
            assertThat((String) post.get("description")).as(path.getKey()).contains("Idempotency-Key");
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) post.get("responses");
            assertThat((String) responses.get("422").get("description")).as(path.getKey()).contains("IDEMPOTENCY_CONFLICT");
            assertThat((String) responses.get("409").get("description")).as(path.getKey()).contains("IDEMPOTENCY_IN_PROGRESS");
            if (responses.containsKey("201")) {
                // an evaluation (200: …/validation) creates nothing; a creation says that a replay is marked
                assertThat(responses.get("201").get("headers")).as(path.getKey()).asString().contains("Idempotency-Replayed");
            }
        }
        assertThat(posts).isGreaterThanOrEqualTo(3);
    }
}
