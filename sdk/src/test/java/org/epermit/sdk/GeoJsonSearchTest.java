package org.epermit.sdk;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.List;
import org.epermit.sdk.model.PermitFeature;
import org.epermit.sdk.model.PermitFeatureCollection;
import org.epermit.sdk.param.PermitSearchParams;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/** The search as GeoJSON: asked for by Accept, read into the FeatureCollection model, paged by its foreign member. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class GeoJsonSearchTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String GEO = "application/geo+json";

    private static String feature(String number, String geometry) {
        return """
                {"type":"Feature","id":"%s","geometry":%s,
                 "properties":{"permitNumber":"%s","version":1,"category":"KEY","status":"VALID",
                   "region":{"code":"130203","name":"路北区","nameEn":"Lubei District"}}}""".formatted(number, geometry, number);
    }

    private static void twoPages() {
        api.stubFor(get(urlPathEqualTo("/v1/public/permits")).withQueryParam("cursor", absent())
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", GEO).withBody("""
                        {"type":"FeatureCollection","nextCursor":"c2","features":[%s,%s]}""".formatted(
                        feature("91130200699229617X001P", "{\"type\":\"Point\",\"coordinates\":[118.180193,39.630867]}"),
                        feature("91130200699229617X002P", "null")))));
        api.stubFor(get(urlPathEqualTo("/v1/public/permits")).withQueryParam("cursor", equalTo("c2"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", GEO).withBody("""
                        {"type":"FeatureCollection","nextCursor":null,"features":[%s]}""".formatted(
                        feature("91130200699229617X003P", "{\"type\":\"Point\",\"coordinates\":[118.2,39.7]}")))));
    }

    @Test
    void a_page_asks_for_geojson_and_reads_points_longitude_first() {
        twoPages();
        EPermitClient client = EPermitClient.builder().baseUrl(api.baseUrl()).build();

        PermitFeatureCollection page = client.publicPermits().searchFeaturesPage(PermitSearchParams.builder().region("13").build(), null);

        assertThat(page.getNextCursor()).isEqualTo("c2");
        PermitFeature first = page.getFeatures().get(0);
        assertThat(first.getId()).isEqualTo("91130200699229617X001P");
        assertThat(first.getGeometry().getCoordinates()).containsExactly(118.180193, 39.630867);
        assertThat(first.getProperties().getRegion().getCode()).isEqualTo("130203");
        assertThat(page.getFeatures().get(1).getGeometry()).as("a permit without coordinates").isNull();
        api.verify(getRequestedFor(urlPathEqualTo("/v1/public/permits")).withQueryParam("region", equalTo("13"))
                .withHeader("Accept", equalTo(GEO + ", application/problem+json")));
    }

    @Test
    void the_features_of_every_page_are_fetched_lazily_through_the_foreign_member() {
        twoPages();
        EPermitClient client = EPermitClient.builder().baseUrl(api.baseUrl()).build();

        List<String> ids = client.publicPermits().searchFeatures(PermitSearchParams.all()).stream()
                .map(PermitFeature::getId).toList();

        assertThat(ids).containsExactly("91130200699229617X001P", "91130200699229617X002P", "91130200699229617X003P");
        api.verify(getRequestedFor(urlPathEqualTo("/v1/public/permits")).withQueryParam("cursor", equalTo("c2")));
    }

    @Test
    void kept_responses_are_per_representation_so_json_and_geojson_of_one_url_never_mix() {
        api.stubFor(get(urlPathEqualTo("/v1/public/permits")).withHeader("Accept", equalTo(GEO + ", application/problem+json"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", GEO).withHeader("ETag", "\"g1\"")
                        .withBody("{\"type\":\"FeatureCollection\",\"nextCursor\":null,\"features\":[]}")));
        api.stubFor(get(urlPathEqualTo("/v1/public/permits")).withHeader("Accept", equalTo("application/json, application/problem+json"))
                .willReturn(Stubs.json("{\"items\":[],\"nextCursor\":null}").withHeader("ETag", "\"j1\"")));
        EPermitClient client = EPermitClient.builder().baseUrl(api.baseUrl()).conditionalGets(10).build();

        client.publicPermits().searchFeaturesPage(PermitSearchParams.all(), null);
        client.publicPermits().searchPage(PermitSearchParams.all());

        api.verify(2, getRequestedFor(urlPathEqualTo("/v1/public/permits")).withHeader("If-None-Match", absent()));
    }
}
