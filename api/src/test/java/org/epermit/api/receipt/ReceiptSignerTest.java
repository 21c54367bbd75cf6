package org.epermit.api.receipt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.epermit.sdk.receipt.ReceiptVerificationException;
import org.epermit.sdk.receipt.ReceiptVerifier;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.VerificationJwkSelector;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A receipt is a compact JWS, EdDSA over Ed25519, that verifies against the published key set, with the SDK and with
 * an independent JOSE library; it does not verify once any character changes, under another key, or without its key
 * published; after a rotation the previous keys' receipts still verify.
 */
class ReceiptSignerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ReceiptClaims CLAIMS = new ReceiptClaims("rcpt-8f3a", 4711, 2, "91130200699229617X001P", 3,
            "QUARTERLY", "2026-Q3", Instant.parse("2026-10-12T03:04:05Z"),
            "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", true);

    private final ReceiptKeys generated = new ReceiptKeys(TestKeys.generated());

    @Test
    void the_header_is_exactly_the_receipt_header_and_the_payload_the_claims() throws Exception {
        Receipt receipt = new ReceiptSigner(generated).sign(CLAIMS);
        String[] parts = receipt.jws().split("\\.");
        assertThat(parts).hasSize(3);
        assertThat(decode(parts[0])).isEqualTo("{\"alg\":\"EdDSA\",\"kid\":\"" + generated.keyId() + "\",\"typ\":\"epermit-receipt+jwt\"}");
        JsonNode payload = JSON.readTree(decode(parts[1]));
        assertThat(payload.get("acceptedAt").asText()).isEqualTo("2026-10-12T03:04:05Z");
        assertThat(payload.get("reportId").asLong()).isEqualTo(4711);
        assertThat(payload.get("late").asBoolean()).isTrue();
        assertThat(receipt.keyId()).isEqualTo(generated.keyId());
        assertThat(receipt.claims()).isEqualTo(CLAIMS);
        assertThat(Base64.getUrlDecoder().decode(parts[2])).hasSize(64);
    }

    @Test
    void a_signed_receipt_verifies_with_the_sdk_against_the_published_key_set() throws Exception {
        Receipt receipt = new ReceiptSigner(generated).sign(CLAIMS);
        org.epermit.sdk.receipt.ReceiptClaims verified = verifier(generated).verify(receipt.jws());
        assertThat(verified).isEqualTo(sdkView(CLAIMS));
    }

    @Test
    void a_signed_receipt_verifies_with_an_independent_jose_library() throws Exception {
        Receipt receipt = new ReceiptSigner(generated).sign(CLAIMS);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(receipt.jws());
        jws.setKey(new VerificationJwkSelector().select(jws,
                new JsonWebKeySet(JSON.writeValueAsString(generated.keySet())).getJsonWebKeys()).getKey());
        assertThat(jws.verifySignature()).isTrue();
        assertThat(jws.getAlgorithmHeaderValue()).isEqualTo("EdDSA");
        assertThat(jws.getHeader("typ")).isEqualTo("epermit-receipt+jwt");
        assertThat(JSON.readTree(jws.getPayload()).get("receiptId").asText()).isEqualTo("rcpt-8f3a");
    }

    @Test
    void a_changed_character_anywhere_in_the_header_payload_or_signature_fails() throws Exception {
        String jws = new ReceiptSigner(generated).sign(CLAIMS).jws();
        ReceiptVerifier verifier = verifier(generated);
        for (int i = 0; i < jws.length(); i++) {
            if (jws.charAt(i) == '.') {
                continue;
            }
            char[] changed = jws.toCharArray();
            changed[i] = changed[i] == 'Q' ? 'R' : 'Q';
            String altered = new String(changed);
            assertThatThrownBy(() -> verifier.verify(altered)).as("character %d of %d changed", i, jws.length())
                    .isInstanceOf(ReceiptVerificationException.class);
        }
    }

    @Test
    void a_receipt_does_not_verify_under_another_key() throws Exception {
        String jws = new ReceiptSigner(generated).sign(CLAIMS).jws();
        ReceiptKeys another = new ReceiptKeys(new TestKeys.Config(java.util.Optional.empty(),
                java.util.Optional.of(generated.keyId()), Map.of()));
        assertThatThrownBy(() -> verifier(another).verify(jws))
                .isInstanceOfSatisfying(ReceiptVerificationException.class,
                        e -> assertThat(e.getReason()).isEqualTo(ReceiptVerificationException.Reason.BAD_SIGNATURE));
    }

    @Test
    void after_a_rotation_the_previous_keys_are_published_and_their_receipts_still_verify() throws Exception {
        KeyPair january = Ed25519Keys.generate();
        KeyPair december = Ed25519Keys.generate();
        KeyPair february = Ed25519Keys.generate();
        String oldJws = new ReceiptSigner(new ReceiptKeys(TestKeys.signingWith(january, "2026-01", Map.of()))).sign(CLAIMS).jws();
        // the previous keys as an operator copies them: a PEM public key, or the x of the published JWK
        ReceiptKeys rotated = new ReceiptKeys(TestKeys.signingWith(february, "2026-02", Map.of(
                "2026-01", TestKeys.pem("PUBLIC KEY", january.getPublic().getEncoded()),
                "2025-12", Ed25519Keys.x(december.getPublic()))));
        assertThat(rotated.keySet().keys()).extracting(ReceiptKeySet.Key::kid).startsWith("2026-02")
                .containsExactlyInAnyOrder("2026-02", "2026-01", "2025-12");
        String newJws = new ReceiptSigner(rotated).sign(CLAIMS).jws();
        ReceiptVerifier verifier = verifier(rotated);
        assertThat(verifier.verify(oldJws).receiptId()).isEqualTo("rcpt-8f3a");
        assertThat(verifier.verify(newJws).receiptId()).isEqualTo("rcpt-8f3a");
        // and before the rotation, the new key's receipts are unknown
        assertThatThrownBy(() -> verifier(new ReceiptKeys(TestKeys.signingWith(january, "2026-01", Map.of()))).verify(newJws))
                .isInstanceOfSatisfying(ReceiptVerificationException.class,
                        e -> assertThat(e.getReason()).isEqualTo(ReceiptVerificationException.Reason.UNKNOWN_KEY));
    }

    @Test
    void a_configured_key_signs_under_its_kid_or_else_its_rfc7638_thumbprint() throws Exception {
        KeyPair pair = Ed25519Keys.generate();
        ReceiptKeys named = new ReceiptKeys(TestKeys.signingWith(pair, "2026-01", Map.of()));
        assertThat(named.keyId()).isEqualTo("2026-01");
        assertThat(named.keySet().keys().get(0).x()).isEqualTo(Ed25519Keys.x(pair.getPublic()));
        // base64 of the DER bytes on one line, as an environment variable carries it
        ReceiptKeys unnamed = new ReceiptKeys(new TestKeys.Config(java.util.Optional.of(
                Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded())), java.util.Optional.empty(), Map.of()));
        assertThat(unnamed.keyId()).isEqualTo(Ed25519Keys.thumbprint(pair.getPublic())).matches("[A-Za-z0-9_-]{43}");
        assertThat(verifier(unnamed).verify(new ReceiptSigner(unnamed).sign(CLAIMS).jws()).receiptId()).isEqualTo("rcpt-8f3a");
    }

    @Test
    void a_malformed_key_stops_the_start_with_a_message_naming_the_key_and_never_its_value() {
        String secretLooking = "MC4CAQAwBQYDK2VwBCIEINTuctv5E1hK1bbY8fdp+K06/nwoy/HU++CXqI9EdVhC".replace('M', 'N');
        assertThatThrownBy(() -> new ReceiptKeys(new TestKeys.Config(java.util.Optional.of(secretLooking),
                java.util.Optional.empty(), Map.of())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("epermit.receipts.signing-key")
                .hasMessageContaining("PKCS#8")
                .hasMessageNotContaining(secretLooking);
        KeyPair pair = Ed25519Keys.generate();
        assertThatThrownBy(() -> new ReceiptKeys(new TestKeys.Config(java.util.Optional.of("-----BEGIN PRIVATE KEY-----\n!!\n-----END PRIVATE KEY-----"),
                java.util.Optional.empty(), Map.of()))).hasMessageContaining("epermit.receipts.signing-key");
        assertThatThrownBy(() -> new ReceiptKeys(TestKeys.signingWith(pair, "2026-01", Map.of("2025-12", "not a key"))))
                .hasMessageContaining("epermit.receipts.previous-public-keys.2025-12");
        assertThatThrownBy(() -> new ReceiptKeys(TestKeys.signingWith(pair, "2026 01", Map.of())))
                .hasMessageContaining("epermit.receipts.key-id");
        assertThatThrownBy(() -> new ReceiptKeys(TestKeys.signingWith(pair, "2026-01",
                Map.of("2026-01", Ed25519Keys.x(pair.getPublic()))))).hasMessageContaining("already");
    }

    private static ReceiptVerifier verifier(ReceiptKeys keys) throws Exception {
        return ReceiptVerifier.fromJwks(JSON.writeValueAsString(keys.keySet()));
    }

    private static org.epermit.sdk.receipt.ReceiptClaims sdkView(ReceiptClaims c) {
        return new org.epermit.sdk.receipt.ReceiptClaims(c.receiptId(), c.reportId(), c.reportVersion(), c.permitNumber(),
                c.permitVersion(), c.reportType(), c.period(), c.acceptedAt(), c.contentSha256(), c.late());
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }
}
