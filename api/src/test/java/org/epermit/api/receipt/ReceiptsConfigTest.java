package org.epermit.api.receipt;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The keys bind as docs/configuration.md writes them: nothing set, or a signing key with previous public keys. */
class ReceiptsConfigTest {

    private static ReceiptsConfig bind(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 500))
                .withMapping(ReceiptsConfig.class)
                .build();
        return config.getConfigMapping(ReceiptsConfig.class);
    }

    @Test
    void with_nothing_set_no_key_is_configured_and_none_was_published_before() {
        ReceiptsConfig config = bind(Map.of());
        assertThat(config.signingKey()).isEmpty();
        assertThat(config.keyId()).isEmpty();
        assertThat(config.previousPublicKeys()).isEmpty();
    }

    @Test
    void a_signing_key_its_id_and_previous_keys_bind_including_a_quoted_kid_with_dots() {
        KeyPair current = Ed25519Keys.generate();
        KeyPair previous = Ed25519Keys.generate();
        ReceiptsConfig config = bind(Map.of(
                "epermit.receipts.signing-key", TestKeys.pem("PRIVATE KEY", current.getPrivate().getEncoded()),
                "epermit.receipts.key-id", "2026-02",
                "epermit.receipts.previous-public-keys.2026-01", Ed25519Keys.x(previous.getPublic()),
                "epermit.receipts.previous-public-keys.\"2025.12\"", TestKeys.pem("PUBLIC KEY", previous.getPublic().getEncoded())));
        assertThat(config.previousPublicKeys()).containsOnlyKeys("2026-01", "2025.12");
        ReceiptKeys keys = new ReceiptKeys(config);
        assertThat(keys.keyId()).isEqualTo("2026-02");
        assertThat(keys.keySet().keys()).extracting(ReceiptKeySet.Key::x).containsExactly(Ed25519Keys.x(current.getPublic()),
                Ed25519Keys.x(previous.getPublic()), Ed25519Keys.x(previous.getPublic()));
    }
}
