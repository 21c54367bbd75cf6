package org.epermit.api.receipt;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.epermit.api.contract.PublishedSchema;
import org.epermit.sdk.EPermitClient;
import org.epermit.sdk.receipt.ReceiptVerifier;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * {@code GET /v1/receipts/keys}: public, cacheable, exactly the published schema, and the keys in it verify the
 * receipts the running service signs, through the SDK as a filer would.
 */
@QuarkusTest
class ReceiptKeyResourceTest {

    @Inject
    ReceiptSigner signer;

    @Inject
    ReceiptKeys keys;

    @Test
    void the_key_set_is_public_and_lists_the_signing_key_as_an_okp_jwk() {
        given().get("/v1/receipts/keys").then().statusCode(200)
                .header("Cache-Control", containsString("max-age="))
                .body("keys", hasSize(1))
                .body("keys[0].kty", equalTo("OKP"))
                .body("keys[0].crv", equalTo("Ed25519"))
                .body("keys[0].kid", equalTo(keys.keyId()))
                .body("keys[0].use", equalTo("sig"))
                .body("keys[0].alg", equalTo("EdDSA"));
    }

    @Test
    void the_rendered_document_is_exactly_the_published_schema() {
        String body = given().get("/v1/receipts/keys").then().statusCode(200).extract().asString();
        assertThat(PublishedSchema.of("ReceiptKeySet").violations(body)).isEmpty();
    }

    @Test
    void the_key_set_answers_304_to_its_etag_and_takes_no_parameters() {
        String etag = given().get("/v1/receipts/keys").then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", etag).get("/v1/receipts/keys").then().statusCode(304);
        given().queryParam("kid", "x").get("/v1/receipts/keys").then().statusCode(400)
                .body("errors[0].code", equalTo("UNKNOWN_PARAMETER"));
        given().post("/v1/receipts/keys").then().statusCode(405);
    }

    @Test
    void a_receipt_the_service_signs_verifies_with_the_sdk_against_the_served_keys() {
        ReceiptClaims claims = new ReceiptClaims("rcpt-it-1", 7, 1, "91130200699229617X001P", 1, "ANNUAL", "2025",
                Instant.parse("2026-01-14T08:00:00Z"), "0c10b26f30d0eeab6cd323acc01a8fd8cecd0ab3980d94ec0010f763abea4eff", false);
        String jws = signer.sign(claims).jws();
        EPermitClient client = EPermitClient.builder().baseUrl("http://localhost:" + RestAssured.port).appInfo("receipt-test/1").build();
        org.epermit.sdk.receipt.ReceiptClaims verified = ReceiptVerifier.fromService(client).verify(jws);
        assertThat(verified.receiptId()).isEqualTo("rcpt-it-1");
        assertThat(verified.acceptedAt()).isEqualTo(claims.acceptedAt());
        assertThat(ReceiptVerifier.contentMatches(verified, "{\"b\":\"回执\",\"a\":1}")).isTrue();
    }
}
