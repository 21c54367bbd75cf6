package org.epermit.api.permit;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.epermit.api.testing.Db;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class PublicPermitResourceTest {

    /** Strict: a field the contract does not declare, or a value outside an enum, fails the test. */
    private static final ObjectMapper STRICT = new ObjectMapper().registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    private static final ObjectMapper PLAIN = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Inject
    Pool pool;

    private String keyPermitWithOutlets() {
        return Db.string(pool, """
                SELECT p.permit_number FROM permit p
                WHERE p.category = 'KEY' AND EXISTS (SELECT 1 FROM permit_outlet o WHERE o.permit_id = p.id)
                  AND EXISTS (SELECT 1 FROM permit_annual_quantity q WHERE q.permit_id = p.id)
                ORDER BY p.permit_number LIMIT 1""");
    }

    @Test
    void a_permit_is_disclosed_with_its_outlets_limits_quantities_monitoring_and_obligations() {
        String number = keyPermitWithOutlets();
        given().get("/v1/public/permits/{n}", number).then()
                .statusCode(200)
                .contentType("application/json")
                .body("permitNumber", equalTo(number))
                .body("category", equalTo("KEY"))
                .body("enterprise.creditCode", equalTo(number.substring(0, 18)))
                .body("outlets[0].code", startsWith("D"))
                .body("outlets[0].pollutants[0].monitoring.mode", notNullValue())
                .body("annualQuantities[0].tonnes", notNullValue())
                .body("reportObligations.type", hasItem("ANNUAL"))
                .body("reportObligations[0].deadline.monthsAfterPeriod", notNullValue());
    }

    @Test
    void the_public_view_matches_the_database_and_never_shows_contacts() {
        String number = keyPermitWithOutlets();
        String body = given().get("/v1/public/permits/{n}", number).then().statusCode(200).extract().asString();
        assertThat(body).doesNotContain("contact").doesNotContain("phone").doesNotContain("legalRepresentative")
                .doesNotContain("@example.cn");
        long outlets = Db.count(pool, "SELECT count(*) FROM permit_outlet o JOIN permit p ON p.id = o.permit_id WHERE p.permit_number = $1", number);
        long limits = Db.count(pool, """
                SELECT count(*) FROM permit_outlet_pollutant op JOIN permit_outlet o ON o.id = op.outlet_id
                JOIN permit p ON p.id = o.permit_id WHERE p.permit_number = $1""", number);
        Response r = given().get("/v1/public/permits/{n}", number);
        assertThat(r.jsonPath().getList("outlets")).hasSize((int) outlets);
        assertThat(r.jsonPath().getList("outlets.pollutants.flatten()")).hasSize((int) limits);
    }

    @Test
    void the_rendered_document_is_exactly_the_published_schema() throws Exception {
        String number = keyPermitWithOutlets();
        String body = given().get("/v1/public/permits/{n}", number).then().statusCode(200).extract().asString();
        PublicPermit parsed = STRICT.readValue(body, PublicPermit.class);
        JsonNode original = PLAIN.readTree(body);
        JsonNode roundTrip = PLAIN.valueToTree(parsed);
        // every field the database renders is declared, and every declared field is rendered
        assertThat(fieldNames(roundTrip)).isEqualTo(fieldNames(original));
    }

    @Test
    void history_lists_versions_and_events_in_the_published_schema() throws Exception {
        String number = Db.string(pool, "SELECT permit_number FROM permit WHERE version > 1 ORDER BY permit_number LIMIT 1");
        String body = given().get("/v1/public/permits/{n}/history", number).then().statusCode(200)
                .body("permitNumber", equalTo(number))
                .body("versions[0].version", equalTo(1))
                .body("versions[0].reason", equalTo("INITIAL"))
                .body("events[0].type", equalTo("ISSUED"))
                .extract().asString();
        PermitHistory history = STRICT.readValue(body, PermitHistory.class);
        assertThat(history.versions()).hasSize(history.currentVersion());
        assertThat(history.versions().get(history.versions().size() - 1).effectiveTo()).isNull();
        assertThat(fieldNames(PLAIN.valueToTree(history))).isEqualTo(fieldNames(PLAIN.readTree(body)));
    }

    @Test
    void an_old_version_stays_readable_and_a_missing_one_is_a_404() throws Exception {
        String number = Db.string(pool, "SELECT permit_number FROM permit WHERE version > 1 ORDER BY permit_number LIMIT 1");
        String old = given().get("/v1/public/permits/{n}/versions/1", number).then().statusCode(200)
                .body("version", equalTo(1)).body("permitNumber", equalTo(number)).extract().asString();
        STRICT.readValue(old, PublicPermit.class);
        given().get("/v1/public/permits/{n}/versions/99", number).then().statusCode(404)
                .body("code", equalTo("RESOURCE_NOT_FOUND"));
        given().get("/v1/public/permits/{n}/versions/0", number).then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED")).body("errors[0].path", equalTo("path.version"));
    }

    @Test
    void a_well_formed_number_that_no_permit_has_is_a_404_problem() {
        given().header("Accept-Language", "zh-CN,zh;q=0.9")
                .get("/v1/public/permits/91130200699229617X999P").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("PERMIT_NOT_FOUND"))
                .body("title", equalTo("未找到该排污许可证"))
                .body("status", equalTo(404))
                .body("type", equalTo("urn:epermit:problem:permit-not-found"))
                .body("requestId", notNullValue());
    }

    @Test
    void a_malformed_number_says_what_is_wrong_with_it() {
        given().get("/v1/public/permits/91130200699229617X001").then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("INVALID_PERMIT_NUMBER"))
                .body("errors", hasSize(1))
                .body("errors[0].path", equalTo("path.permitNumber"))
                .body("errors[0].code", equalTo("LENGTH"));
        given().get("/v1/public/permits/91130200699229617Y001P").then().statusCode(400)
                .body("errors[0].code", equalTo("CHECKSUM"));
        given().get("/v1/public/permits/91130200699229617X0011").then().statusCode(400)
                .body("errors[0].code", equalTo("LETTER"));
        given().get("/v1/public/permits/9113A200699229617X001P").then().statusCode(400)
                .body("errors[0].code", equalTo("DIVISION"));
        given().get("/v1/public/permits/H9440100000000123K001P").then().statusCode(400)
                .body("errors[0].code", equalTo("PSEUDO_CODE"));
        given().get("/v1/public/permits/91130200699229617X000P").then().statusCode(400)
                .body("errors[0].code", equalTo("SERIAL"));
        given().header("Accept-Language", "zh").get("/v1/public/permits/9113020069922961OX001P").then().statusCode(400)
                .body("errors[0].code", equalTo("CHARACTER"))
                .body("title", equalTo("许可证编号无效"));
    }

    /** HJ 608's last character identifies, it checks nothing: a number ending with any letter is looked up. */
    @Test
    void a_well_formed_number_ending_with_a_letter_no_permit_uses_is_looked_up_and_not_found() {
        for (String path : new String[] {"/v1/public/permits/{n}", "/v1/public/permits/{n}/history",
                "/v1/public/permits/{n}/versions/1"}) {
            given().get(path, "91130200699229617X001Q").then().statusCode(404)
                    .body("code", equalTo("PERMIT_NOT_FOUND"));
        }
    }

    @Test
    void a_pseudo_code_holder_s_permit_is_found_with_the_code_s_lower_case_letter_and_by_its_prefix() {
        String number = Db.string(pool, """
                SELECT p.permit_number FROM permit p JOIN enterprise e ON e.id = p.enterprise_id
                WHERE e.pseudo_credit_code ORDER BY 1 LIMIT 1""");
        assertThat(number.charAt(17)).isLowerCase();
        given().get("/v1/public/permits/{n}", number.toLowerCase()).then().statusCode(200)
                .body("permitNumber", equalTo(number));
        given().get("/v1/public/permits/{n}", number.toUpperCase()).then().statusCode(400)
                .body("errors[0].code", equalTo("PSEUDO_CODE"));
        for (String prefix : new String[] {number.substring(0, 17), number.substring(0, 18), number.toLowerCase()}) {
            given().queryParam("q", prefix).get("/v1/public/permits").then().statusCode(200)
                    .body("items.permitNumber", hasItem(number));
        }
    }

    @Test
    void a_lower_case_number_finds_the_permit() {
        String number = keyPermitWithOutlets();
        given().get("/v1/public/permits/{n}", number.toLowerCase()).then().statusCode(200)
                .body("permitNumber", equalTo(number));
    }

    @Test
    void an_unchanged_permit_is_answered_304_to_its_etag_and_may_be_cached_briefly() {
        String number = keyPermitWithOutlets();
        Response first = given().get("/v1/public/permits/{n}", number);
        String etag = first.header("ETag");
        assertThat(etag).startsWith("\"").endsWith("\"");
        assertThat(first.header("Cache-Control")).contains("max-age=60");
        given().header("If-None-Match", etag).get("/v1/public/permits/{n}", number).then()
                .statusCode(304).header("ETag", equalTo(etag));
        given().header("If-None-Match", "\"something-else\"").get("/v1/public/permits/{n}", number).then()
                .statusCode(200);
    }

    private static java.util.SortedSet<String> fieldNames(JsonNode node) {
        java.util.SortedSet<String> names = new java.util.TreeSet<>();
        collect(node, "", names);
        return names;
    }

    private static void collect(JsonNode node, String prefix, java.util.Set<String> names) {
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(f -> {
                names.add(prefix + f);
                collect(node.get(f), prefix + f + ".", names);
            });
        } else if (node.isArray()) {
            node.forEach(el -> collect(el, prefix + "[].", names));
        }
    }
}
