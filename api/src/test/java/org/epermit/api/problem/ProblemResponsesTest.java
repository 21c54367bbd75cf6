package org.epermit.api.problem;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

@QuarkusTest
class ProblemResponsesTest {

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
    void every_response_carries_a_request_id_and_a_sane_client_id_is_kept() {
        String generated = given().get("/v1/reference/pollutants").then().statusCode(200).extract().header("X-Request-Id");
        assertThat(generated).matches("[0-9a-f-]{36}");
        given().header("X-Request-Id", "client-req-12345").get("/v1/public/permits/91130200699229617X999P").then()
                .statusCode(404)
                .header("X-Request-Id", "client-req-12345")
                .body("requestId", equalTo("client-req-12345"));
    }

    @Test
    void an_insane_client_request_id_is_replaced() {
        given().header("X-Request-Id", "<script>alert(1)</script>").get("/v1/nothing").then()
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"))
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

    @Test
    void an_if_match_naming_another_etag_is_a_412_problem() {
        String etag = given().get("/v1/reference/pollutants").then().statusCode(200).extract().header("ETag");
        given().header("If-Match", etag).get("/v1/reference/pollutants").then().statusCode(200);
        given().header("If-Match", "\"not-the-current-one\"").get("/v1/reference/pollutants").then().statusCode(412)
                .contentType("application/problem+json")
                .header("X-Request-Id", not(org.hamcrest.Matchers.emptyOrNullString()))
                .body("code", equalTo("PRECONDITION_FAILED"));
    }
}
