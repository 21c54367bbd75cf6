package org.epermit.sdk.receipt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import org.epermit.sdk.internal.Json;
import org.epermit.sdk.model.ExecutionReport;
import org.epermit.sdk.receipt.ReceiptVerificationException.Reason;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A report as the service returns it (its content stored with every member, nulls included) verifies against its
 * own receipt: signature, report, version, permit, type, period and content digest; a changed figure, another version
 * or another report's receipt fails with a reason.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ReportReceiptTest {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final ObjectMapper JSON = Json.newMapper();
    /** The content as the service writes it: every member of its record, nulls too, times as Jackson writes them. */
    private static final String CONTENT = """
            {"type":"QUARTERLY","period":"2025-Q3","stoppage":null,"stoppageExplanation":null,
             "actualEmissions":[{"pollutantCode":"a21026","tonnes":12.430,"method":"MEASURED","licensedTonnes":null}],
             "exceedances":[{"outletCode":"DA001","pollutantCode":"a21026","from":"2025-08-01T00:00:00Z",
               "to":"2025-08-01T01:00:00Z","measuredValue":52.1,"limitValue":35,"reason":"脱硫塔故障","measures":null}],
             "monitoring":[],"abnormalConditions":[],
             "statements":{"ledgerKept":true,"disclosed":true,"truthful":true},
             "signatory":{"name":"王建国","role":"法定代表人"},
             "acknowledgements":[{"code":"EMISSIONS_ABOVE_LICENSED","path":"/actualEmissions/0/tonnes","explanation":"检修"}]}""";

    private final KeyPair key = generate();

    private String report(String receiptPayload) {
        String jws = sign(receiptPayload);
        return """
                {"id":1042,"permitNumber":"91130200699229617X001P","type":"QUARTERLY","period":"2025-Q3","currentVersion":1,
                 "versions":[{"number":1,"content":%s,"findings":[],"receipt":{"jws":"%s","contentSha256":"%s"}}]}"""
                .formatted(CONTENT, jws, digest());
    }

    private static String claims(long reportId, int version, String digest) {
        return ("{\"receiptId\":\"rcpt-1\",\"reportId\":%d,\"reportVersion\":%d,\"permitNumber\":\"91130200699229617X001P\","
                + "\"permitVersion\":2,\"reportType\":\"QUARTERLY\",\"period\":\"2025-Q3\","
                + "\"acceptedAt\":\"2025-10-12T03:04:05Z\",\"contentSha256\":\"%s\",\"late\":false}")
                .formatted(reportId, version, digest);
    }

    private static String digest() {
        try {
            JsonNode content = JSON.readTree(CONTENT);
            return ReceiptVerifier.contentSha256(content);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private ExecutionReport read(String json) throws Exception {
        return JSON.readValue(json, ExecutionReport.class);
    }

    @Test
    void a_returned_report_verifies_against_its_receipt_and_the_digest_of_its_content() throws Exception {
        ExecutionReport report = read(report(claims(1042, 1, digest())));
        ReceiptVerifier verifier = ReceiptVerifier.fromJwks(ReceiptVerifierTest.jwks("k1", key));
        assertThat(verifier.verifyCurrent(report).reportId()).isEqualTo(1042);
        assertThat(verifier.verify(report, 1).contentSha256()).isEqualTo(digest());
    }

    @Test
    void a_changed_figure_is_a_content_mismatch() throws Exception {
        ExecutionReport report = read(report(claims(1042, 1, digest())));
        report.getVersions().get(0).getContent().getActualEmissions().get(0).setTonnes(new BigDecimal("0.13"));
        assertThatThrownBy(() -> ReceiptVerifier.fromJwks(ReceiptVerifierTest.jwks("k1", key)).verifyCurrent(report))
                .isInstanceOfSatisfying(ReceiptVerificationException.class,
                        e -> assertThat(e.getReason()).isEqualTo(Reason.CONTENT_MISMATCH));
    }

    @Test
    void another_reports_receipt_or_a_missing_version_is_the_wrong_report() throws Exception {
        ReceiptVerifier verifier = ReceiptVerifier.fromJwks(ReceiptVerifierTest.jwks("k1", key));
        ExecutionReport other = read(report(claims(7, 1, digest())));
        assertThatThrownBy(() -> verifier.verifyCurrent(other)).isInstanceOfSatisfying(
                ReceiptVerificationException.class, e -> assertThat(e.getReason()).isEqualTo(Reason.WRONG_REPORT));
        ExecutionReport report = read(report(claims(1042, 1, digest())));
        assertThatThrownBy(() -> verifier.verify(report, 2)).isInstanceOfSatisfying(
                ReceiptVerificationException.class, e -> assertThat(e.getReason()).isEqualTo(Reason.WRONG_REPORT));
    }

    @Test
    void an_imported_version_has_no_receipt_to_verify_and_says_so() throws Exception {
        ExecutionReport imported = read("""
                {"id":1042,"permitNumber":"91130200699229617X001P","type":"QUARTERLY","period":"2025-Q3","currentVersion":1,
                 "versions":[{"number":1,"content":%s,"findings":[],"source":"IMPORTED","receipt":null}]}""".formatted(CONTENT));
        ReceiptVerifier verifier = ReceiptVerifier.fromJwks(ReceiptVerifierTest.jwks("k1", key));
        assertThatThrownBy(() -> verifier.verifyCurrent(imported)).isInstanceOfSatisfying(ReceiptVerificationException.class,
                e -> assertThat(e.getReason()).isEqualTo(Reason.IMPORTED_WITHOUT_RECEIPT));
        // a version filed through the API that lost its receipt is still the wrong report, not an import
        ExecutionReport stripped = read("""
                {"id":1042,"permitNumber":"91130200699229617X001P","type":"QUARTERLY","period":"2025-Q3","currentVersion":1,
                 "versions":[{"number":1,"content":%s,"findings":[],"source":"API","receipt":null}]}""".formatted(CONTENT));
        assertThatThrownBy(() -> verifier.verifyCurrent(stripped)).isInstanceOfSatisfying(ReceiptVerificationException.class,
                e -> assertThat(e.getReason()).isEqualTo(Reason.WRONG_REPORT));
    }

    private String sign(String payload) {
        try {
            String input = B64.encodeToString("{\"alg\":\"EdDSA\",\"kid\":\"k1\",\"typ\":\"epermit-receipt+jwt\"}"
                    .getBytes(StandardCharsets.UTF_8)) + "." + B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(key.getPrivate());
            s.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + B64.encodeToString(s.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
