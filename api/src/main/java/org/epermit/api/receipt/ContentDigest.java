package org.epermit.api.receipt;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The digest a receipt binds a report's content with: SHA-256 of its canonical JSON (RFC 8785), so the same content
 * gives the same digest however it was formatted or its members ordered, in the service and in any client.
 */
public final class ContentDigest {

    private ContentDigest() {
    }

    /** Lowercase hex SHA-256 of the UTF-8 bytes of {@code content}'s RFC 8785 canonical form. */
    public static String sha256Hex(JsonNode content) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(CanonicalJson.of(content).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
