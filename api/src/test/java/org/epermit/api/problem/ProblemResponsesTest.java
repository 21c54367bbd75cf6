package org.epermit.api.problem;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.epermit.api.gateway.edge.ConnectionGuard;
import org.epermit.api.testing.RawHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

@QuarkusTest
class ProblemResponsesTest {

    @TestHTTPResource("/")
    URL server;

    @Inject
    ConnectionGuard guard;

    @BeforeEach
    void connectionsGuarded() throws InterruptedException {
        RawHttp.awaitGuarded(guard);
    }

    @Test
    void an_unknown_path_is_a_404_problem() {
        for (String path : new String[]{"/v1/nothing-here", "/nothing", "/v1/public/permits/91130200699229617X001P/unknown"}) {
            given().get(path).then().statusCode(404)
                    .contentType("application/problem+json")
                    .body("code", equalTo("RESOURCE_NOT_FOUND"))
                    .body("status", equalTo(404));
        }
    }

    @Test
    void a_wrong_method_is_a_405_problem() {
        given().contentType("application/json").body("{}").post("/v1/public/permits").then().statusCode(405)
                .contentType("application/problem+json")
                .body("code", equalTo("METHOD_NOT_ALLOWED"));
        given().delete("/v1/reference/pollutants").then().statusCode(405)
                .body("code", equalTo("METHOD_NOT_ALLOWED"));
    }

    @Test
    void asking_for_a_format_the_api_does_not_speak_is_a_406_problem() {
        given().accept("application/xml").get("/v1/reference/pollutants").then().statusCode(406)
                .contentType("application/problem+json")
                .body("code", equalTo("NOT_ACCEPTABLE"));
    }

    @Test
    void every_response_carries_our_own_request_id_and_a_callers_id_comes_back_as_its_correlation_id() {
        String generated = given().get("/v1/reference/pollutants").then().statusCode(200)
                .header("X-Correlation-Id", org.hamcrest.Matchers.nullValue()).extract().header("X-Request-Id");
        assertThat(generated).matches("[0-9a-f-]{36}");
        for (String header : new String[]{"X-Request-Id", "X-Correlation-Id"}) {
            var answer = given().header(header, "client-req-12345").get("/v1/public/permits/91130200699229617X999P").then()
                    .statusCode(404)
                    .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"))
                    .header("X-Correlation-Id", "client-req-12345")
                    .body("requestId", matchesPattern("[0-9a-f-]{36}"))
                    .extract();
            assertThat(answer.path("requestId").toString()).isEqualTo(answer.header("X-Request-Id"));
        }
    }

    @Test
    void an_insane_client_request_id_is_not_echoed() {
        given().header("X-Request-Id", "<script>alert(1)</script>").get("/v1/nothing").then()
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"))
                .header("X-Correlation-Id", org.hamcrest.Matchers.nullValue())
                .body("requestId", matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void errors_are_in_chinese_when_asked_and_in_english_otherwise() {
        given().header("Accept-Language", "zh-CN").get("/v1/nothing").then().statusCode(404)
                .body("title", equalTo("请求的资源不存在")).header("Content-Language", "zh");
        given().header("Accept-Language", "fr, en;q=0.5").get("/v1/nothing").then().statusCode(404)
                .body("title", equalTo("Resource not found"));
        given().header("Accept-Language", ";;;garbage===").get("/v1/nothing").then().statusCode(404)
                .body("title", equalTo("Resource not found"));
    }

    @Test
    void no_problem_leaks_a_stack_trace_or_a_java_class_name() {
        String[] probes = {"/v1/public/permits/%00", "/v1/public/permits/" + "9".repeat(5000),
                "/v1/public/enterprises/%E4%B8%AD", "/v1/public/permits?limit=%FF", "/v1/public/permits/x/versions/y"};
        for (String probe : probes) {
            String body = given().urlEncodingEnabled(false).get(probe).then()
                    .statusCode(org.hamcrest.Matchers.both(org.hamcrest.Matchers.greaterThanOrEqualTo(400))
                            .and(org.hamcrest.Matchers.lessThan(500)))
                    .extract().asString();
            assertThat(body).as(probe).doesNotContain("Exception").doesNotContain("org.epermit")
                    .doesNotContain("java.").doesNotContain("\tat ");
        }
    }

    @Test
    void a_body_sent_with_a_content_type_the_api_does_not_take_is_refused() {
        given().contentType("text/plain").body("hello").post("/v1/public/permits").then()
                .statusCode(not(500)).body(containsString("\"code\""));
    }

    // Refusals made below JAX-RS (URI validation, the HTTP codec): sent byte for byte, since a client library would
    // not send these requests or would repair them first.

    @Test
    void a_badly_percent_encoded_query_or_path_is_a_400_problem() throws IOException {
        for (String target : new String[]{"/v1/public/permits?q=%G1", "/v1/public/permits?q=%", "/v1/public/permits/%G1",
                "/v1/public/%"}) {
            RawHttp.Response response = raw("GET " + target + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
            RawHttp.assertProblem(response, 400, "MALFORMED_REQUEST");
            assertThat(response.body()).as(target).contains("percent-encoding");
        }
    }

    @Test
    void a_bad_query_is_refused_in_the_language_asked_for_with_the_path_as_instance() throws IOException {
        RawHttp.Response response = raw("GET /v1/public/permits?q=%G1 HTTP/1.1\r\nHost: localhost\r\nAccept-Language: zh-CN\r\n\r\n");
        RawHttp.assertProblem(response, 400, "MALFORMED_REQUEST");
        assertThat(response.body()).contains("\"instance\":\"/v1/public/permits\"").contains("请求格式错误");
        assertThat(response.header("Content-Security-Policy")).as("the /v1 headers apply").isNotNull();
    }

    @Test
    void request_headers_over_the_limit_are_a_431_problem() throws IOException {
        RawHttp.Response response = raw("GET /v1/reference/pollutants HTTP/1.1\r\nHost: localhost\r\nX-Padding: "
                + "a".repeat(30_000) + "\r\n\r\n");
        RawHttp.assertProblem(response, 431, "REQUEST_HEADER_FIELDS_TOO_LARGE");
    }

    @Test
    void a_request_line_over_the_limit_is_a_414_problem() throws IOException {
        RawHttp.Response response = raw("GET /v1/public/permits?q=" + "a".repeat(10_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
        RawHttp.assertProblem(response, 414, "URI_TOO_LONG");
    }

    @Test
    void an_unsupported_http_version_is_a_505_problem_answered_in_http_1_1() throws IOException {
        for (String version : new String[]{"HTTP/9.9", "HTTP/2.0", "HTTP/0.9"}) {
            RawHttp.Response response = raw("GET /v1/reference/pollutants " + version + "\r\nHost: localhost\r\n\r\n");
            RawHttp.assertProblem(response, 505, "HTTP_VERSION_NOT_SUPPORTED");
        }
    }

    /**
     * HTTP/2 in clear text would take a request past the connection guard (its frames are not HTTP/1.1 heads): the
     * service speaks HTTP/1.1 only, so an upgrade request is answered in HTTP/1.1 and the HTTP/2 preface is refused.
     */
    @Test
    void clear_text_http_2_is_not_spoken_so_no_request_passes_the_connection_guard() throws IOException {
        RawHttp.Response upgraded = raw("GET /v1/reference/pollutants HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\n\r\n");
        assertThat(upgraded.statusLine()).startsWith("HTTP/1.1 200");
        RawHttp.Response preface = raw("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");
        assertThat(preface.statusLine()).startsWith("HTTP/1.1 ");
        assertThat(preface.status()).isGreaterThanOrEqualTo(400).isLessThan(500 + 6);
        assertThat(preface.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void a_request_that_is_not_http_is_a_400_problem() throws IOException {
        RawHttp.Response response = raw("GET /v1/reference/pollutants SMTP/1.0 extra\r\n\r\n");
        RawHttp.assertProblem(response, 400, "MALFORMED_REQUEST");
        RawHttp.assertProblem(raw("GET /v1/reference/pollutants HTTP/1.1\r\nBad Header Name: x\r\n\r\n"), 400, "MALFORMED_REQUEST");
    }

    @Test
    void an_http_1_1_request_without_a_valid_host_is_a_400_problem() throws IOException {
        RawHttp.assertProblem(raw("GET /v1/reference/pollutants HTTP/1.1\r\n\r\n"), 400, "MALFORMED_REQUEST");
        RawHttp.assertProblem(raw("GET /v1/reference/pollutants HTTP/1.1\r\nHost: a b\r\n\r\n"), 400, "MALFORMED_REQUEST");
        assertThat(raw("GET /v1/reference/pollutants HTTP/1.0\r\n\r\n").status()).as("HTTP/1.0 needs none").isEqualTo(200);
    }

    @Test
    void a_refused_request_does_not_disturb_the_requests_before_it_on_the_connection() throws IOException {
        try (var socket = RawHttp.open(server.getPort())) {
            socket.getOutputStream().write(("GET /v1/reference/pollutants HTTP/1.1\r\nHost: localhost\r\n\r\n"
                    + "GET /v1/reference/pollutants?q=%G1 HTTP/1.1\r\nHost: localhost\r\n\r\n"
                    + "GET /v1/reference/pollutants HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes());
            assertThat(RawHttp.read(socket.getInputStream()).status()).isEqualTo(200);
            RawHttp.Response refused = RawHttp.read(socket.getInputStream());
            RawHttp.assertProblem(refused, 400, "MALFORMED_REQUEST");
            assertThat(refused.header("Connection")).isEqualTo("close");
            assertThat(socket.getInputStream().read()).as("nothing after a refusal: the connection is closed").isEqualTo(-1);
        }
    }

    @Test
    void a_spoofed_refusal_marker_is_ignored() {
        given().header("X-Epermit-Refusal", "0123456789 URI_TOO_LONG").get("/v1/reference/pollutants").then().statusCode(200);
    }

    @Test
    void an_if_match_naming_another_etag_is_a_412_problem() {
        String etag = given().get("/v1/reference/pollutants").then().statusCode(200).extract().header("ETag");
        given().header("If-Match", etag).get("/v1/reference/pollutants").then().statusCode(200);
        given().header("If-Match", "\"not-the-current-one\"").get("/v1/reference/pollutants").then().statusCode(412)
                .contentType("application/problem+json")
                .header("X-Request-Id", not(org.hamcrest.Matchers.emptyOrNullString()))
                .body("code", equalTo("PRECONDITION_FAILED"));
    }

    private RawHttp.Response raw(String request) throws IOException {
        return RawHttp.exchange(server.getPort(), request);
    }
}
