package org.epermit.api.receipt;

import java.security.KeyPair;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/** Receipt key configurations for plain unit tests: what {@code epermit.receipts.*} would hold. */
final class TestKeys {

    private TestKeys() {
    }

    record Config(Optional<String> signingKey, Optional<String> keyId, Map<String, String> previousPublicKeys)
            implements ReceiptsConfig {
    }

    static ReceiptsConfig generated() {
        return new Config(Optional.empty(), Optional.empty(), Map.of());
    }

    static ReceiptsConfig signingWith(KeyPair pair, String kid, Map<String, String> previous) {
        return new Config(Optional.of(pem("PRIVATE KEY", pair.getPrivate().getEncoded())), Optional.ofNullable(kid), previous);
    }

    static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }
}
