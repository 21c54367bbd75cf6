package org.epermit.api.receipt;

import io.smallrye.config.ConfigMapping;

import java.util.Map;
import java.util.Optional;

/** The keys receipts are signed with and verified against (docs/receipts.md). */
@ConfigMapping(prefix = "epermit.receipts")
public interface ReceiptsConfig {

    /**
     * The Ed25519 private key receipts are signed with: PKCS#8, as PEM ({@code -----BEGIN PRIVATE KEY-----}) or as the
     * base64 of its DER bytes (one line, for an environment variable). Unset, each process generates a key in memory,
     * and receipts it signed cannot be verified once it stops: set one in production.
     */
    Optional<String> signingKey();

    /**
     * The {@code kid} the signing key is published and named under; unset, its RFC 7638 JWK thumbprint. Give each new
     * key a new id.
     */
    Optional<String> keyId();

    /**
     * Public keys of earlier signing keys, by their {@code kid}, still published so that the receipts they signed stay
     * verifiable after a rotation: X.509 SubjectPublicKeyInfo as PEM ({@code -----BEGIN PUBLIC KEY-----}) or base64,
     * or the JWK's {@code x} (the raw 32 bytes, base64url).
     */
    Map<String, String> previousPublicKeys();
}
