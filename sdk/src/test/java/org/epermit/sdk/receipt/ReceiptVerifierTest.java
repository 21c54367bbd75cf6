package org.epermit.sdk.receipt;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import org.epermit.sdk.receipt.ReceiptVerificationException.Reason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A receipt verifies against the key set that published its key and yields its claims; any change to it, another
 * key, another algorithm or type, or a token that is not a JWS fails with a reason to branch on.
 */
class ReceiptVerifierTest {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final String CONTENT = "{\"actualEmissions\":[{\"pollutant\":\"a21026\",\"tonnes\":12.5}],\"commitment\":true}";
    private static final String PAYLOAD = "{\"receiptId\":\"rcpt-0001\",\"reportId\":42,\"reportVersion\":2,"
            + "\"permitNumber\":\"91130200699229617X001P\",\"permitVersion\":3,\"reportType\":\"ANNUAL\",\"period\":\"2025\","
            + "\"acceptedAt\":\"2026-01-10T02:30:00Z\",\"contentSha256\":\"" + digest(CONTENT) + "\",\"late\":false}";

    private final KeyPair key = generate();
    private final KeyPair other = generate();

    @Test
    void a_receipt_signed_with_a_published_key_verifies_and_yields_its_claims() {
        ReceiptClaims claims = ReceiptVerifier.fromJwks(jwks("k1", key)).verify(sign("k1", key, PAYLOAD));
        assertThat(claims).isEqualTo(new ReceiptClaims("rcpt-0001", 42, 2, "91130200699229617X001P", 3, "ANNUAL", "2025",
                Instant.parse("2026-01-10T02:30:00Z"), digest(CONTENT), false));
    }

    @Test
    void any_changed_character_of_the_receipt_fails() {
        String jws = sign("k1", key, PAYLOAD);
        ReceiptVerifier verifier = ReceiptVerifier.fromJwks(jwks("k1", key));
        for (int i = 0; i < jws.length(); i++) {
            if (jws.charAt(i) == '.') {
                continue;
            }
            char[] changed = jws.toCharArray();
            changed[i] = changed[i] == 'A' ? 'B' : 'A';
            String altered = new String(changed);
            assertThatThrownBy(() -> verifier.verify(altered)).as("character %d changed", i)
                    .isInstanceOf(ReceiptVerificationException.class);
        }
    }

    @Test
    void a_receipt_signed_with_another_key_under_the_same_kid_is_a_bad_signature() {
        assertThatThrownBy(() -> ReceiptVerifier.fromJwks(jwks("k1", key)).verify(sign("k1", other, PAYLOAD)))
                .isInstanceOfSatisfying(ReceiptVerificationException.class, e -> assertThat(e.getReason()).isEqualTo(Reason.BAD_SIGNATURE));
    }

    @Test
    void a_kid_the_set_does_not_have_is_an_unknown_key() {
        assertThatThrownBy(() -> ReceiptVerifier.fromJwks(jwks("k1", key)).verify(sign("k2", other, PAYLOAD)))
                .isInstanceOfSatisfying(ReceiptVerificationException.class, e -> assertThat(e.getReason()).isEqualTo(Reason.UNKNOWN_KEY));
    }

    @Test
    void after_a_rotation_receipts_of_the_previous_key_still_verify() {
        String set = "{\"keys\":[" + jwk("2026-02", other) + "," + jwk("2026-01", key) + "]}";
        ReceiptVerifier verifier = ReceiptVerifier.fromJwks(set);
        assertThat(verifier.verify(sign("2026-01", key, PAYLOAD)).receiptId()).isEqualTo("rcpt-0001");
        assertThat(verifier.verify(sign("2026-02", other, PAYLOAD)).receiptId()).isEqualTo("rcpt-0001");
    }

    @Test
    void another_algorithm_or_type_is_refused_before_any_key_is_used() {
        ReceiptVerifier verifier = ReceiptVerifier.fromJwks(jwks("k1", key));
        assertThatThrownBy(() -> verifier.verify(sign("{\"alg\":\"none\",\"kid\":\"k1\",\"typ\":\"epermit-receipt+jwt\"}", key, PAYLOAD, true)))
                .isInstanceOfSatisfying(ReceiptVerificationException.class, e -> assertThat(e.getReason()).isEqualTo(Reason.UNSUPPORTED_ALGORITHM));
        assertThatThrownBy(() -> verifier.verify(sign("{\"alg\":\"EdDSA\",\"kid\":\"k1\",\"typ\":\"JWT\"}", key, PAYLOAD, true)))
                .isInstanceOfSatisfying(ReceiptVerificationException.class, e -> assertThat(e.getReason()).isEqualTo(Reason.WRONG_TYPE));
        assertThatThrownBy(() -> verifier.verify(sign("{\"alg\":\"EdDSA\",\"kid\":\"k1\",\"typ\":\"epermit-receipt+jwt\",\"crit\":[\"exp\"]}", key, PAYLOAD, true)))
                .isInstanceOfSatisfying(ReceiptVerificationException.class, e -> assertThat(e.getReason()).isEqualTo(Reason.UNSUPPORTED_ALGORITHM));
    }

    @Test
    void what_is_not_a_compact_jws_is_malformed() {
        ReceiptVerifier verifier = ReceiptVerifier.fromJwks(jwks("k1", key));
        String good = sign("k1", key, PAYLOAD);
        for (String bad : new String[] {"", "abc", "a.b", good + ".x", good.replace('.', ','), "=.=.=",
                good.substring(0, good.lastIndexOf('.') + 1), "e30.e30.AAAA"}) {
            assertThatThrownBy(() -> verifier.verify(bad)).as(bad)
                    .isInstanceOfSatisfying(ReceiptVerificationException.class, e -> assertThat(e.getReason()).isIn(Reason.MALFORMED, Reason.UNSUPPORTED_ALGORITHM));
        }
        assertThatThrownBy(() -> verifier.verify(null)).isInstanceOf(ReceiptVerificationException.class);
        // a good signature over a payload that is not a receipt's claims
        assertThatThrownBy(() -> verifier.verify(sign("k1", key, "{\"receiptId\":\"x\"}")))
                .isInstanceOfSatisfying(ReceiptVerificationException.class, e -> assertThat(e.getReason()).isEqualTo(Reason.MALFORMED));
    }

    @Test
    void the_content_matches_whatever_its_formatting_and_member_order_and_not_once_a_value_changes() {
        ReceiptClaims claims = ReceiptVerifier.fromJwks(jwks("k1", key)).verify(sign("k1", key, PAYLOAD));
        assertThat(ReceiptVerifier.contentMatches(claims, CONTENT)).isTrue();
        assertThat(ReceiptVerifier.contentMatches(claims,
                "{ \"commitment\": true,\n  \"actualEmissions\": [ {\"tonnes\": 12.50, \"pollutant\": \"a21026\"} ] }")).isTrue();
        assertThat(ReceiptVerifier.contentMatches(claims, CONTENT.replace("12.5", "12.6"))).isFalse();
        assertThatThrownBy(() -> ReceiptVerifier.requireContentMatches(claims, CONTENT.replace("true", "false")))
                .isInstanceOfSatisfying(ReceiptVerificationException.class, e -> assertThat(e.getReason()).isEqualTo(Reason.CONTENT_MISMATCH));
    }

    @Test
    void a_key_set_without_an_ed25519_key_is_refused_and_other_keys_are_ignored() {
        assertThatThrownBy(() -> ReceiptVerifier.fromJwks("{\"keys\":[]}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReceiptVerifier.fromJwks("not json")).isInstanceOf(IllegalArgumentException.class);
        String mixed = "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"r\",\"n\":\"AQAB\",\"e\":\"AQAB\"}," + jwk("k1", key) + "]}";
        assertThat(ReceiptVerifier.fromJwks(mixed).verify(sign("k1", key, PAYLOAD)).reportId()).isEqualTo(42);
    }

    // --- a test signer: what the service does, written out from RFC 7515 and RFC 8037 ------------------------------

    private static String sign(String kid, KeyPair pair, String payload) {
        return sign("{\"alg\":\"EdDSA\",\"kid\":\"" + kid + "\",\"typ\":\"epermit-receipt+jwt\"}", pair, payload, true);
    }

    private static String sign(String header, KeyPair pair, String payload, boolean rawHeader) {
        try {
            String input = B64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                    + B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(pair.getPrivate());
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + B64.encodeToString(signature.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String jwks(String kid, KeyPair pair) {
        return "{\"keys\":[" + jwk(kid, pair) + "]}";
    }

    static String jwk(String kid, KeyPair pair) {
        byte[] spki = pair.getPublic().getEncoded();
        String x = B64.encodeToString(Arrays.copyOfRange(spki, spki.length - 32, spki.length));
        return "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"" + x + "\",\"kid\":\"" + kid + "\",\"use\":\"sig\",\"alg\":\"EdDSA\"}";
    }

    private static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String digest(String json) {
        try {
            return ReceiptVerifier.contentSha256(new ObjectMapper().readTree(json));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
