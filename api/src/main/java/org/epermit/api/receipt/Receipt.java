package org.epermit.api.receipt;

/**
 * A signed receipt: the JWS (compact serialization, RFC 7515) to hand to the filer, with what it states and the key
 * that signed it.
 *
 * @param jws    {@code header.payload.signature}, each part base64url without padding
 * @param claims what the payload states
 * @param keyId  the {@code kid} of the signing key, published at {@code GET /v1/receipts/keys}
 */
public record Receipt(String jws, ReceiptClaims claims, String keyId) {
}
