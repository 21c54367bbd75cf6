package org.epermit.api.receipt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * Signs receipts (回执) for accepted execution reports: a JWS in compact serialization (RFC 7515) with {@code EdDSA}
 * over Ed25519 (RFC 8037), verifiable offline by anyone with the published keys ({@code GET /v1/receipts/keys}).
 */
@ApplicationScoped
public class ReceiptSigner {

    /** The JWS {@code typ}: tells a receipt from any other JWS signed with the same kind of key (RFC 8725 3.11). */
    public static final String TYPE = "epermit-receipt+jwt";
    public static final String ALGORITHM = "EdDSA";

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    /**
     * A mapper of its own: the payload's form (ISO-8601 instants, field names) must not follow changes to the
     * application's mapper, whose output receipts already issued were signed over.
     */
    private static final ObjectMapper PAYLOAD = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private final ReceiptKeys keys;

    public ReceiptSigner(ReceiptKeys keys) {
        this.keys = keys;
    }

    /** Signs {@code claims} with the current key. */
    public Receipt sign(ReceiptClaims claims) {
        Objects.requireNonNull(claims, "claims");
        ObjectNode header = PAYLOAD.createObjectNode()
                .put("alg", ALGORITHM)
                .put("kid", keys.keyId())
                .put("typ", TYPE);
        try {
            String input = BASE64URL.encodeToString(PAYLOAD.writeValueAsBytes(header)) + "."
                    + BASE64URL.encodeToString(PAYLOAD.writeValueAsBytes(claims));
            byte[] signature = Ed25519Keys.sign(keys.signingKey(), input.getBytes(StandardCharsets.US_ASCII));
            return new Receipt(input + "." + BASE64URL.encodeToString(signature), claims, keys.keyId());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("receipt claims could not be written", e);
        }
    }
}
