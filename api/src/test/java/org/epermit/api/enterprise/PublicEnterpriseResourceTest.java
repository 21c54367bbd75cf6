package org.epermit.api.enterprise;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.epermit.api.common.CreditCode;
import org.epermit.api.testing.Db;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class PublicEnterpriseResourceTest {

    @Inject
    Pool pool;

    @Test
    void an_enterprise_is_shown_with_all_its_permits_and_without_its_contacts() {
        String code = Db.string(pool, """
                SELECT e.credit_code FROM enterprise e JOIN permit p ON p.enterprise_id = e.id
                WHERE NOT e.pseudo_credit_code GROUP BY e.credit_code HAVING count(*) > 1 ORDER BY 1 LIMIT 1""");
        List<String> permits = Db.strings(pool, """
                SELECT p.permit_number FROM permit p JOIN enterprise e ON e.id = p.enterprise_id
                WHERE e.credit_code = $1 ORDER BY 1""", code);
        String body = given().get("/v1/public/enterprises/{c}", code).then().statusCode(200)
                .body("creditCode", equalTo(code))
                .body("name", notNullValue())
                .body("region.code", notNullValue())
                .body("industry.name", notNullValue())
                .body("permits", hasSize(permits.size()))
                .extract().asString();
        assertThat(io.restassured.path.json.JsonPath.from(body).getList("permits.permitNumber", String.class))
                .containsExactlyElementsOf(permits);
        assertThat(body).doesNotContain("contact").doesNotContain("phone").doesNotContain("@example.cn")
                .doesNotContain("legalRepresentative");
    }

    @Test
    void a_unit_with_a_pseudo_code_is_found_by_it_and_the_code_keeps_its_case() {
        String pseudo = Db.string(pool, "SELECT credit_code FROM enterprise WHERE pseudo_credit_code ORDER BY 1 LIMIT 1");
        assertThat(pseudo.charAt(17)).isLowerCase();
        given().get("/v1/public/enterprises/{c}", pseudo).then().statusCode(200).body("creditCode", equalTo(pseudo));
        given().get("/v1/public/enterprises/{c}", pseudo.toLowerCase()).then().statusCode(200)
                .body("creditCode", equalTo(pseudo));
        // upper-cased it is no pseudo-code, and no credit code either
        given().get("/v1/public/enterprises/{c}", pseudo.toUpperCase()).then().statusCode(400)
                .body("code", equalTo("INVALID_CREDIT_CODE")).body("errors[0].code", equalTo("PSEUDO_CODE"))
                .body("errors[0].path", equalTo("path.creditCode"));
    }

    /** Some genuine early codes fail their organisation code's own check: a lookup of one is a lookup. */
    @Test
    void a_code_failing_only_its_organisation_check_is_looked_up_and_not_found() {
        String early = "91440101MA5CJQ4N6" + CreditCode.checkCharacter("91440101MA5CJQ4N6");
        given().get("/v1/public/enterprises/{c}", early).then().statusCode(404)
                .body("code", equalTo("ENTERPRISE_NOT_FOUND"));
    }

    @Test
    void a_valid_code_nobody_holds_is_a_404_and_a_malformed_one_a_400_that_says_why() {
        given().get("/v1/public/enterprises/91350200776049653A").then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("ENTERPRISE_NOT_FOUND"));
        given().get("/v1/public/enterprises/91350200776049653B").then().statusCode(400)
                .body("code", equalTo("INVALID_CREDIT_CODE")).body("errors[0].code", equalTo("CHECKSUM"))
                .body("errors[0].path", equalTo("path.creditCode"));
        given().get("/v1/public/enterprises/9135020077604965").then().statusCode(400)
                .body("errors[0].code", equalTo("LENGTH"));
        given().get("/v1/public/enterprises/9135020077604965IA").then().statusCode(400)
                .body("errors[0].code", equalTo("CHARACTER"));
        given().get("/v1/public/enterprises/9135A200776049653A").then().statusCode(400)
                .body("errors[0].code", equalTo("DIVISION"));
    }
}
