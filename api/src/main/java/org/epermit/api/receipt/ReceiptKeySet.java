package org.epermit.api.receipt;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The public keys receipts are verified against, as a JWK Set (RFC 7517). */
@Schema(name = "ReceiptKeySet", description = """
        The public keys receipts are signed with, as a JWK Set (RFC 7517) of Ed25519 keys (RFC 8037): the current \
        signing key first, then earlier keys still published so that the receipts they signed stay verifiable""")
public record ReceiptKeySet(@Schema(description = "The keys; a receipt's JWS header names its key in kid") List<Key> keys) {

    /** One Ed25519 public key as an OKP JWK (RFC 8037 2). */
    @Schema(name = "ReceiptKey", description = "An Ed25519 public key as a JSON Web Key (RFC 8037, key type OKP)")
    public record Key(
            @Schema(description = "Key type: octet key pair", enumeration = "OKP") String kty,
            @Schema(description = "Curve", enumeration = "Ed25519") String crv,
            @Schema(description = "The public key: its 32 bytes, base64url without padding", pattern = "^[A-Za-z0-9_-]{43}$",
                    examples = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo") String x,
            @Schema(description = "Key id, as a receipt's JWS header names it", examples = "2026-01") String kid,
            @Schema(description = "Public key use: signatures", enumeration = "sig") String use,
            @Schema(description = "The algorithm the key is used with (RFC 8037 3.1)", enumeration = "EdDSA") String alg) {

        static Key ed25519(String kid, String x) {
            return new Key("OKP", "Ed25519", x, kid, "sig", "EdDSA");
        }
    }
}
