package org.epermit.api.gateway;

import org.epermit.api.testing.DelegationTimes;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.epermit.api.client.ClientRegistry;
import org.epermit.api.client.ClientRequests.CreatedClient;
import org.epermit.api.testing.Db;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

/** Request bodies are read strictly: one JSON document, each key once, the declared types, well-formed visible text. */
@QuarkusTest
class RequestBodyTest {

    @Inject
    ClientRegistry registry;

    @Inject
    Pool pool;

    @TestHTTPResource("/")
    URI base;

    private String admin() {
        return TestClients.admin(registry).apiKey();
    }

    private long clientsNamed(String name) {
        return Db.count(pool, "SELECT count(*) FROM api_client WHERE name = $1", name);
    }

    /** A request sent exactly as given: no Content-Type unless one is named. */
    private HttpResponse<String> send(String method, String path, String apiKey, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).header("X-API-Key", apiKey)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_repeated_key_is_refused_rather_than_the_last_one_winning() {
        String name = "dup-" + UUID.randomUUID();
        given().header("X-API-Key", admin()).contentType("application/json").body("""
                {"name": "%s", "organisation": "o", "roles": ["vendor"], "roles": ["admin"], "scopes": ["permits:read"]}"""
                .formatted(name))
                .post("/v1/admin/clients").then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.path", contains("body.roles"))
                .body("errors[0].code", equalTo("DUPLICATE_FIELD"));
        assertThat(clientsNamed(name)).isZero();
    }

    @Test
    void anything_after_the_json_document_is_refused() {
        String admin = admin();
        String name = "trailing-" + UUID.randomUUID();
        String valid = """
                {"name": "%s", "organisation": "o", "roles": ["vendor"], "scopes": ["permits:read"]}""".formatted(name);
        for (String trailing : List.of(" garbage", "{\"roles\": [\"admin\"]}", " 1", " []", "]")) {
            given().header("X-API-Key", admin).contentType("application/json").body(valid + trailing)
                    .post("/v1/admin/clients").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("code", equalTo("MALFORMED_REQUEST"))
                    .body("detail", anyOf(containsString("nothing after it"), containsString("not well-formed JSON (line 1,")));
        }
        assertThat(clientsNamed(name)).isZero();
    }

    @Test
    void a_body_without_a_content_type_is_a_415_not_taken_as_json() throws Exception {
        String admin = admin();
        String name = "no-type-" + UUID.randomUUID();
        HttpResponse<String> post = send("POST", "/v1/admin/clients", admin, null, """
                {"name": "%s", "organisation": "o", "roles": ["vendor"], "scopes": ["permits:read"]}""".formatted(name));
        assertThat(post.statusCode()).as(post.body()).isEqualTo(415);
        assertThat(post.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(JsonPath.from(post.body()).getString("code")).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        assertThat(clientsNamed(name)).isZero();

        CreatedClient vendor = TestClients.vendor(registry);
        String path = "/v1/admin/clients/" + vendor.client().id();
        HttpResponse<String> patch = send("PATCH", path, admin, null, "{\"name\": \"renamed\"}");
        assertThat(patch.statusCode()).as(patch.body()).isEqualTo(415);
        assertThat(JsonPath.from(patch.body()).getString("code")).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        HttpResponse<String> delegation = send("POST", "/v1/delegations", admin, null, "{}");
        assertThat(delegation.statusCode()).as(delegation.body()).isEqualTo(415);
        for (String wrong : List.of("text/plain", "application/x-www-form-urlencoded", "text/json")) {
            HttpResponse<String> typed = send("PATCH", path, admin, wrong, "{\"name\": \"renamed\"}");
            assertThat(typed.statusCode()).as(wrong).isEqualTo(415);
            assertThat(JsonPath.from(typed.body()).getString("code")).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        }
        assertThat(given().header("X-API-Key", admin).get(path).then().extract().<String>path("name")).isNotEqualTo("renamed");
        // an operation that takes no body still needs no Content-Type
        assertThat(send("POST", path + "/keys", admin, null, null).statusCode()).isEqualTo(201);
    }

    @Test
    void a_body_declared_in_a_charset_other_than_utf_8_is_a_415_not_misread() throws Exception {
        String admin = admin();
        String name = "utf16-" + UUID.randomUUID();
        String body = """
                {"name": "%s", "organisation": "o", "roles": ["vendor"], "scopes": ["permits:read"]}""".formatted(name);
        for (String declared : List.of("application/json; charset=utf-16", "application/json; charset=GBK",
                "application/json;charset=ISO-8859-1")) {
            HttpResponse<String> post = send("POST", "/v1/admin/clients", admin, declared, body);
            assertThat(post.statusCode()).as(declared + ": " + post.body()).isEqualTo(415);
            assertThat(JsonPath.from(post.body()).getString("code")).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        }
        assertThat(clientsNamed(name)).isZero();
        assertThat(send("POST", "/v1/admin/clients", admin, "application/json; charset=UTF-8", body).statusCode()).isEqualTo(201);
    }

    @Test
    void a_client_change_is_taken_as_json_merge_patch_too() {
        CreatedClient vendor = TestClients.vendor(registry);
        given().header("X-API-Key", admin()).contentType("application/merge-patch+json; charset=UTF-8").body("{\"name\": \"merge-patched\"}")
                .patch("/v1/admin/clients/{id}", vendor.client().id()).then().statusCode(200)
                .body("name", equalTo("merge-patched"));
    }

    @Test
    void text_that_is_not_well_formed_unicode_is_refused_not_stored_as_a_question_mark() {
        String admin = admin();
        given().header("X-API-Key", admin).contentType("application/json").body("""
                {"name": "\\ud800", "organisation": "ok\\udc00x", "contactEmail": "a\\ud83d@example.cn",
                 "roles": ["vendor"], "scopes": ["permits:read"], "oidcClientId": "\\ude00kc"}""")
                .post("/v1/admin/clients").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.path", containsInAnyOrder("body.name", "body.organisation", "body.contactEmail", "body.oidcClientId"))
                .body("errors.code", everyItem(equalTo("ENCODING")));
        CreatedClient vendor = TestClients.vendor(registry);
        given().header("X-API-Key", admin).contentType("application/json").body("{\"organisation\": \"x\\udbff\"}")
                .patch("/v1/admin/clients/{id}", vendor.client().id()).then().statusCode(400)
                .body("errors.path", contains("body.organisation")).body("errors[0].code", equalTo("ENCODING"));
        // a proper pair is a character like any other, and is kept as sent
        String name = "绿源 \ud83d\ude00 " + UUID.randomUUID();
        given().header("X-API-Key", admin).contentType("application/json").body("""
                {"name": "%s", "organisation": "o", "roles": ["vendor"], "scopes": ["permits:read"]}""".formatted(name))
                .post("/v1/admin/clients").then().statusCode(201).body("client.name", equalTo(name));
        assertThat(clientsNamed(name)).isEqualTo(1);
    }

    @Test
    void text_of_nothing_but_invisible_characters_is_refused() {
        String admin = admin();
        given().header("X-API-Key", admin).contentType("application/json").body("""
                {"name": "\\u202e", "organisation": "\\u200b", "contactEmail": "\\u2066\\u200d\\ufeff\\u00a0\\u2069",
                 "roles": ["vendor"], "scopes": ["permits:read"], "oidcClientId": "\\u3164\\u2060\\u180e"}""")
                .post("/v1/admin/clients").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.path", containsInAnyOrder("body.name", "body.organisation", "body.contactEmail", "body.oidcClientId"))
                .body("errors.code", everyItem(equalTo("EMPTY")));
        CreatedClient vendor = TestClients.vendor(registry);
        given().header("X-API-Key", admin).contentType("application/json").body("{\"name\": \" \\u200b\\u200f \"}")
                .patch("/v1/admin/clients/{id}", vendor.client().id()).then().statusCode(400)
                .body("errors.path", contains("body.name")).body("errors[0].code", equalTo("EMPTY"));
    }

    @Test
    void numbers_and_booleans_are_not_coerced_to_strings() {
        String admin = admin();
        String[][] cases = {
                {"{\"name\": 123, \"organisation\": \"o\", \"roles\": [\"vendor\"], \"scopes\": [\"permits:read\"]}", "body.name"},
                {"{\"name\": \"n\", \"organisation\": true, \"roles\": [\"vendor\"], \"scopes\": [\"permits:read\"]}", "body.organisation"},
                {"{\"name\": \"n\", \"organisation\": \"o\", \"roles\": [\"vendor\"], \"scopes\": [\"permits:read\"], \"plan\": 1.5}", "body.plan"},
                {"{\"name\": \"n\", \"organisation\": \"o\", \"roles\": [1], \"scopes\": [\"permits:read\"]}", "body.roles[0]"},
                {"{\"name\": \"n\", \"organisation\": \"o\", \"roles\": \"vendor\", \"scopes\": [\"permits:read\"]}", "body.roles"},
        };
        for (String[] c : cases) {
            given().header("X-API-Key", admin).contentType("application/json").body(c[0])
                    .post("/v1/admin/clients").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("code", equalTo("VALIDATION_FAILED"))
                    .body("errors.path", contains(c[1]))
                    .body("errors[0].code", equalTo("TYPE"));
        }
        assertThat(clientsNamed("123")).isZero();
        // a time is a string too, not a count of seconds, and an empty one is not an absent one
        CreatedClient vendor = TestClients.vendor(registry);
        for (String times : List.of("\"validTo\": 1893456000", "\"validTo\": 1893456000.5",
                "\"validFrom\": \"\", \"validTo\": \"" + DelegationTimes.inAYear() + "\"")) {
            given().header("X-API-Key", admin).contentType("application/json").body("""
                    {"enterpriseCreditCode": "91350200776049653B", "vendorClientId": "%s", "scopes": ["permits:read"], %s}"""
                    .formatted(vendor.client().id(), times))
                    .post("/v1/delegations").then().statusCode(400)
                    .body("errors.path", contains(times.startsWith("\"validFrom") ? "body.validFrom" : "body.validTo"))
                    .body("errors[0].code", equalTo("TYPE"));
        }
    }
}
