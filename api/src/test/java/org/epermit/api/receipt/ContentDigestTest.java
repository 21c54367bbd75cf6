package org.epermit.api.receipt;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.epermit.sdk.receipt.ReceiptVerifier;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The content digest depends on the content only: not on member order or formatting, and the SDK computes the same. */
class ContentDigestTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String CONTENT = """
            {"period": "2026-Q3", "actualEmissions": [{"pollutant": "a21026", "tonnes": 12.5},
             {"pollutant": "w01018", "tonnes": 1.0E-3}], "exceedances": [], "commitment": {"signed": true, "by": "张三"}}""";
    private static final String REORDERED = """
            {
              "commitment": {"by": "张三", "signed": true},
              "exceedances": [ ],
              "actualEmissions": [{"tonnes": 12.50, "pollutant": "a21026"}, {"tonnes": 0.001, "pollutant": "w01018"}],
              "period": "2026-Q3"
            }""";

    @Test
    void the_digest_is_independent_of_member_order_and_formatting() throws Exception {
        assertThat(ContentDigest.sha256Hex(JSON.readTree(CONTENT))).isEqualTo(ContentDigest.sha256Hex(JSON.readTree(REORDERED)))
                .matches("[0-9a-f]{64}");
    }

    @Test
    void the_digest_changes_with_any_value_and_with_array_order() throws Exception {
        String digest = ContentDigest.sha256Hex(JSON.readTree(CONTENT));
        assertThat(ContentDigest.sha256Hex(JSON.readTree(CONTENT.replace("12.5", "12.6")))).isNotEqualTo(digest);
        assertThat(ContentDigest.sha256Hex(JSON.readTree(CONTENT.replace("张三", "李四")))).isNotEqualTo(digest);
        assertThat(ContentDigest.sha256Hex(JSON.readTree(REORDERED.replace(
                "[{\"tonnes\": 12.50, \"pollutant\": \"a21026\"}, {\"tonnes\": 0.001, \"pollutant\": \"w01018\"}]",
                "[{\"tonnes\": 0.001, \"pollutant\": \"w01018\"}, {\"tonnes\": 12.50, \"pollutant\": \"a21026\"}]"))))
                .as("arrays keep their order: the first outlet is not the second").isNotEqualTo(digest);
    }

    @Test
    void the_digest_is_sha256_of_the_canonical_utf8_text_and_the_sdk_computes_the_same() throws Exception {
        // printf '%s' '{"a":1,"b":"回执"}' | sha256sum
        assertThat(ContentDigest.sha256Hex(JSON.readTree("{ \"b\": \"回执\", \"a\": 1.0 }")))
                .isEqualTo("0c10b26f30d0eeab6cd323acc01a8fd8cecd0ab3980d94ec0010f763abea4eff");
        assertThat(ContentDigest.sha256Hex(JSON.readTree(CONTENT))).isEqualTo(ReceiptVerifier.contentSha256(JSON.readTree(REORDERED)));
    }
}
