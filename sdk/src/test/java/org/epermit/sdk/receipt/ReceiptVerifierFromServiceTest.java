package org.epermit.sdk.receipt;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import org.epermit.sdk.EPermitClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A verifier from the service reads the key set once, on first use, and keeps it. */
class ReceiptVerifierFromServiceTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @Test
    void the_key_set_is_read_once_and_kept_and_a_forged_kid_does_not_make_it_read_again_at_once() throws Exception {
        KeyPair key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        api.stubFor(get("/v1/receipts/keys").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(ReceiptVerifierTest.jwks("k1", key))));
        EPermitClient client = EPermitClient.builder().baseUrl(api.baseUrl()).maxRetries(0).build();
        ReceiptVerifier verifier = ReceiptVerifier.fromService(client);
        assertThat(api.getAllServeEvents()).as("nothing is read before the first receipt").isEmpty();

        String jws = sign(key, "k1");
        assertThat(verifier.verify(jws).reportId()).isEqualTo(42);
        assertThat(verifier.verify(jws).reportId()).isEqualTo(42);
        assertThatThrownBy(() -> verifier.verify(sign(key, "forged"))).isInstanceOfSatisfying(
                ReceiptVerificationException.class,
                e -> assertThat(e.getReason()).isEqualTo(ReceiptVerificationException.Reason.UNKNOWN_KEY));
        api.verify(1, getRequestedFor(urlEqualTo("/v1/receipts/keys")));
    }

    private static String sign(KeyPair key, String kid) throws Exception {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String input = b64.encodeToString(("{\"alg\":\"EdDSA\",\"kid\":\"" + kid + "\",\"typ\":\"epermit-receipt+jwt\"}")
                .getBytes(StandardCharsets.UTF_8)) + "." + b64.encodeToString(("{\"receiptId\":\"r\",\"reportId\":42,"
                + "\"reportVersion\":1,\"permitNumber\":\"91130200699229617X001P\",\"permitVersion\":1,\"reportType\":\"ANNUAL\","
                + "\"period\":\"2025\",\"acceptedAt\":\"2026-01-10T02:30:00Z\",\"contentSha256\":\"00\",\"late\":false}")
                .getBytes(StandardCharsets.UTF_8));
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(key.getPrivate());
        s.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + b64.encodeToString(s.sign());
    }
}
