package org.epermit.api.receipt;

import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The signing key and every public key receipts are verified against, read from {@link ReceiptsConfig} at start-up:
 * a malformed key stops the start rather than the first report submission. With no key configured, a key generated
 * in memory for this process, never written anywhere.
 */
@Startup
@ApplicationScoped
public class ReceiptKeys {

    private static final String SIGNING_KEY = "epermit.receipts.signing-key";

    private final PrivateKey signingKey;
    private final String keyId;
    /** kid → public key; the current key first, then the previous ones as configured. */
    private final Map<String, PublicKey> published;
    private final ReceiptKeySet keySet;

    public ReceiptKeys(ReceiptsConfig config) {
        KeyPair pair;
        if (config.signingKey().isPresent()) {
            pair = Ed25519Keys.parsePrivate(config.signingKey().get(), SIGNING_KEY);
            this.keyId = config.keyId().map(String::strip).orElseGet(() -> Ed25519Keys.thumbprint(pair.getPublic()));
        } else {
            pair = Ed25519Keys.generate();
            this.keyId = config.keyId().map(String::strip).orElseGet(() -> Ed25519Keys.thumbprint(pair.getPublic()));
            Log.infof("%s is not set: receipts are signed with a key generated for this process (kid %s); they cannot "
                    + "be verified after it stops", SIGNING_KEY, keyId);
        }
        requireKid(keyId, "epermit.receipts.key-id");
        this.signingKey = pair.getPrivate();
        Map<String, PublicKey> keys = new LinkedHashMap<>();
        keys.put(keyId, pair.getPublic());
        config.previousPublicKeys().forEach((kid, text) -> {
            String name = "epermit.receipts.previous-public-keys." + kid;
            requireKid(kid, name);
            if (keys.containsKey(kid)) {
                throw new IllegalStateException(name + ": the kid " + kid + " is already the signing key's; give each key its own id");
            }
            keys.put(kid, Ed25519Keys.parsePublic(text, name));
        });
        this.published = Collections.unmodifiableMap(keys);
        this.keySet = new ReceiptKeySet(published.entrySet().stream()
                .map(e -> ReceiptKeySet.Key.ed25519(e.getKey(), Ed25519Keys.x(e.getValue())))
                .toList());
    }

    /** The key receipts are signed with now. */
    PrivateKey signingKey() {
        return signingKey;
    }

    /** The {@code kid} of the signing key. */
    public String keyId() {
        return keyId;
    }

    /** The public key with this {@code kid}, current or previous. */
    public Optional<PublicKey> publicKey(String kid) {
        return Optional.ofNullable(published.get(kid));
    }

    /** The published key set (RFC 7517 JWK Set, RFC 8037 OKP keys): the signing key's first. */
    public ReceiptKeySet keySet() {
        return keySet;
    }

    /** A kid goes into a JWS header and a config key: printable ASCII, no spaces. */
    private static void requireKid(String kid, String name) {
        if (!kid.matches("[A-Za-z0-9._~-]{1,64}")) {
            throw new IllegalStateException(name + " must be 1 to 64 characters of A-Z a-z 0-9 . _ ~ -");
        }
    }
}
