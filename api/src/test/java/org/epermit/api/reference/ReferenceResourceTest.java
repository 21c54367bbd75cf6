package org.epermit.api.reference;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.epermit.api.testing.Db;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class ReferenceResourceTest {

    @Inject
    Pool pool;

    @Test
    void pollutants_are_listed_with_their_hj212_codes() {
        given().get("/v1/reference/pollutants").then().statusCode(200)
                .body("items.code", hasItems("a21026", "a21002", "a34013", "a24088", "w01018", "w21003"))
                .body("items.find { it.code == 'a21026' }.name", equalTo("二氧化硫"))
                .body("items.find { it.code == 'a21026' }.medium", equalTo("AIR"))
                .body("items", hasSize((int) Db.count(pool, "SELECT count(*) FROM pollutant")));
    }

    @Test
    void industries_include_the_classes_permits_are_issued_for() {
        given().get("/v1/reference/industries").then().statusCode(200)
                .body("items.code", hasItems("4411", "3011", "3120", "2221", "2614", "4620"))
                .body("items", hasSize((int) Db.count(pool, "SELECT count(*) FROM industry")));
    }

    @Test
    void regions_cover_all_31_provinces_with_their_cities() {
        given().get("/v1/reference/regions").then().statusCode(200)
                .body("items.findAll { it.level == 1 }", hasSize(31))
                .body("items.find { it.code == '440305' }.parentCode", equalTo("440300"))
                .body("items.code", hasItem("110108"));
    }

    @Test
    void reference_lists_take_no_parameters_and_answer_304_to_their_etag() {
        given().queryParam("level", 1).get("/v1/reference/regions").then().statusCode(400)
                .body("errors[0].code", equalTo("UNKNOWN_PARAMETER"));
        String etag = given().get("/v1/reference/pollutants").then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", etag).get("/v1/reference/pollutants").then().statusCode(304);
    }
}
