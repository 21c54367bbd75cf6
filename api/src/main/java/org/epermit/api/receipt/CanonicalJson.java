package org.epermit.api.receipt;

import com.fasterxml.jackson.databind.JsonNode;
import org.erdtman.jcs.JsonCanonicalizer;

import java.io.IOException;

/**
 * The JSON Canonicalization Scheme (RFC 8785) of a Jackson tree, by the RFC author's reference implementation
 * ({@code io.github.erdtman:java-json-canonicalization}): members sorted by UTF-16 code units, no whitespace,
 * ECMAScript string escapes and number forms. The SDK (org.epermit.sdk.receipt) canonicalizes the same way, so both sides compute the same digest.
 */
final class CanonicalJson {

    private CanonicalJson() {
    }

    /** The canonical text of {@code node}; fails on a number JSON cannot carry (NaN, infinities). */
    static String of(JsonNode node) {
        // Jackson writes a NaN or infinite double as a string ("NaN"), which would be digested as one
        requireFinite(node);
        try {
            return new JsonCanonicalizer(node.toString()).getEncodedString();
        } catch (IOException | RuntimeException notJson) {
            throw new IllegalArgumentException("not canonicalizable as JSON: " + notJson.getMessage(), notJson);
        }
    }

    private static void requireFinite(JsonNode node) {
        if (node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())) {
            throw new IllegalArgumentException("JSON has no " + node.doubleValue());
        }
        node.elements().forEachRemaining(CanonicalJson::requireFinite);
    }
}
