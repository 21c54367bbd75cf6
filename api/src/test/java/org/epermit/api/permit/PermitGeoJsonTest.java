package org.epermit.api.permit;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import org.epermit.api.testing.Db;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** The permit search as GeoJSON (RFC 7946): the JSON search's page, as Features at the sites. */
@QuarkusTest
class PermitGeoJsonTest {

    private static final String GEO = "application/geo+json";
    /** Strict: a member the contract does not declare fails the test. */
    private static final ObjectMapper STRICT = new ObjectMapper().registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Inject
    Pool pool;

    @Test
    void a_feature_collection_holds_the_json_searchs_items_in_order_at_the_sites_coordinates() throws Exception {
        Response json = given().queryParam("region", "13").queryParam("limit", 40).get("/v1/public/permits");
        Response geo = given().accept(GEO).queryParam("region", "13").queryParam("limit", 40).get("/v1/public/permits");
        geo.then().statusCode(200).contentType(GEO).header("Vary", containsString("Accept"));
        json.then().statusCode(200).header("Vary", containsString("Accept"));

        JsonNode collection = STRICT.readTree(geo.asString());
        assertThat(collection.path("type").asText()).isEqualTo("FeatureCollection");
        JsonNode items = STRICT.readTree(json.asString()).path("items");
        JsonNode features = collection.path("features");
        assertThat(features).hasSize(40);
        assertThat(items).hasSize(40);
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode feature = features.get(i);
            assertThat(feature.path("type").asText()).isEqualTo("Feature");
            assertThat(feature.path("id").asText()).isEqualTo(items.get(i).path("permitNumber").asText());
            assertThat(feature.path("properties")).isEqualTo(items.get(i));
            assertThat(feature.path("properties").path("region").path("code").asText()).startsWith("13");
            numbers.add(feature.path("id").asText());
        }
        // the sites as the permit rows record them, read independently
        Map<String, Row> sites = Db.rows(pool, "SELECT permit_number, longitude, latitude FROM permit WHERE permit_number = ANY ($1)",
                (Object) numbers.toArray(String[]::new)).stream().collect(Collectors.toMap(r -> r.getString(0), r -> r));
        for (JsonNode feature : features) {
            Row site = sites.get(feature.path("id").asText());
            JsonNode geometry = feature.path("geometry");
            assertThat(geometry.path("type").asText()).isEqualTo("Point");
            assertThat(geometry.path("coordinates")).hasSize(2);
            // RFC 7946: longitude first; the numbers are the stored ones (6 decimals) exactly
            assertThat(geometry.path("coordinates").get(0).decimalValue().compareTo(site.getBigDecimal("longitude")))
                    .isZero();
            assertThat(geometry.path("coordinates").get(1).decimalValue().compareTo(site.getBigDecimal("latitude")))
                    .isZero();
        }
        // the next cursor in a foreign member, the JSON search's one
        assertThat(collection.path("nextCursor").asText()).isEqualTo(STRICT.readTree(json.asString()).path("nextCursor").asText());
        STRICT.readValue(geo.asString(), PermitFeatureCollection.class); // exactly the published schema
    }

    @Test
    void paging_by_the_foreign_member_returns_every_match_once_as_the_json_search_does() throws Exception {
        List<String> geoNumbers = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().accept(GEO).queryParam("region", "1302").queryParam("limit", 7);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonNode page = STRICT.readTree(request.get("/v1/public/permits").then().statusCode(200).extract().asString());
            page.path("features").forEach(f -> geoNumbers.add(f.path("id").asText()));
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText();
            pages++;
        } while (cursor != null && pages < 100);
        List<String> expected = Db.strings(pool, "SELECT permit_number FROM permit WHERE region_code LIKE '1302%' ORDER BY permit_number");
        assertThat(expected).hasSizeGreaterThan(7);
        assertThat(geoNumbers).containsExactlyElementsOf(expected);
    }

    @Test
    void a_permit_without_coordinates_is_a_feature_with_a_null_geometry() throws Exception {
        String number = Db.string(pool, "SELECT permit_number FROM permit WHERE category = 'SIMPLIFIED' ORDER BY permit_number DESC LIMIT 1");
        List<Row> before = Db.rows(pool, "SELECT longitude, latitude FROM permit WHERE permit_number = $1", number);
        Db.rows(pool, "UPDATE permit SET longitude = NULL, latitude = NULL WHERE permit_number = $1", number);
        try {
            JsonNode page = STRICT.readTree(given().accept(GEO).queryParam("q", number).get("/v1/public/permits")
                    .then().statusCode(200).extract().asString());
            assertThat(page.path("features")).hasSize(1);
            JsonNode feature = page.path("features").get(0);
            assertThat(feature.path("id").asText()).isEqualTo(number);
            assertThat(feature.has("geometry")).isTrue();
            assertThat(feature.path("geometry").isNull()).isTrue();
            assertThat(feature.path("properties").path("permitNumber").asText()).isEqualTo(number);
        } finally {
            Db.rows(pool, "UPDATE permit SET longitude = $2, latitude = $3 WHERE permit_number = $1", number,
                    before.get(0).getBigDecimal("longitude"), before.get(0).getBigDecimal("latitude"));
        }
    }

    @Test
    void the_geojson_page_is_cacheable_with_an_etag_of_its_own() {
        // A last page: a next cursor carries the second it was issued in, so a page that has one changes (and gets a new
        // ETag) from one second to the next, and two requests a second apart would not revalidate.
        String county = Db.string(pool, "SELECT region_code FROM permit GROUP BY 1 HAVING count(*) BETWEEN 2 AND 50 ORDER BY 1 LIMIT 1");
        Response geo = given().accept(GEO).queryParam("region", county).queryParam("limit", 100).get("/v1/public/permits");
        Response json = given().queryParam("region", county).queryParam("limit", 100).get("/v1/public/permits");
        assertThat(geo.jsonPath().getString("nextCursor")).as("one page").isNull();
        String tag = geo.header("ETag");
        assertThat(tag).isNotBlank().isNotEqualTo(json.header("ETag"));
        assertThat(geo.header("Cache-Control")).contains("max-age");
        given().accept(GEO).header("If-None-Match", tag).queryParam("region", county).queryParam("limit", 100).get("/v1/public/permits")
                .then().statusCode(304).header("ETag", tag).header("Vary", containsString("Accept"));
        // the JSON representation's ETag does not validate the GeoJSON one
        given().accept(GEO).header("If-None-Match", json.header("ETag")).queryParam("region", county).queryParam("limit", 100)
                .get("/v1/public/permits").then().statusCode(200).contentType(GEO);
    }

    @Test
    void bad_parameters_are_a_problem_listing_each_one_even_when_geojson_was_asked_for() {
        given().accept(GEO).queryParam("region", "1x").queryParam("category", "HUGE").queryParam("limit", 0)
                .queryParam("colour", "red").get("/v1/public/permits")
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.path", hasItem("query.region"))
                .body("errors.path", hasItem("query.category"))
                .body("errors.path", hasItem("query.limit"))
                .body("errors.path", hasItem("query.colour"));
        given().accept(GEO).queryParam("cursor", "not-a-cursor").get("/v1/public/permits")
                .then().statusCode(400).contentType("application/problem+json").body("code", equalTo("INVALID_CURSOR"));
    }

    @Test
    void a_json_cursor_continues_the_geojson_search_and_the_reverse() throws Exception {
        String jsonCursor = given().queryParam("region", "13").queryParam("limit", 5).get("/v1/public/permits")
                .jsonPath().getString("nextCursor");
        JsonNode geoPage = STRICT.readTree(given().accept(GEO).queryParam("region", "13").queryParam("limit", 5)
                .queryParam("cursor", jsonCursor).get("/v1/public/permits").then().statusCode(200).extract().asString());
        List<String> second = given().queryParam("region", "13").queryParam("limit", 5).queryParam("cursor", jsonCursor)
                .get("/v1/public/permits").jsonPath().getList("items.permitNumber");
        List<String> ids = new ArrayList<>();
        geoPage.path("features").forEach(f -> ids.add(f.path("id").asText()));
        assertThat(ids).hasSize(5).containsExactlyElementsOf(second);

        String geoCursor = geoPage.path("nextCursor").asText();
        List<String> third = given().queryParam("region", "13").queryParam("limit", 5).queryParam("cursor", geoCursor)
                .get("/v1/public/permits").then().statusCode(200).extract().jsonPath().getList("items.permitNumber");
        assertThat(third).hasSize(5).allMatch(n -> n.compareTo(ids.get(4)) > 0);
    }
}
