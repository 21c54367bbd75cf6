package org.epermit.sdk.internal;

import java.nio.charset.StandardCharsets;

/** Rewrites a UTF-8 JSON document so that it is pure ASCII, every other character written as a JSON escape. */
final class JsonAscii {

    private JsonAscii() {
    }

    /**
     * Escapes every non-ASCII character as {@code \}{@code uXXXX}. Valid JSON has such characters only inside
     * strings, where the escape means the same character, so the document's meaning does not change.
     *
     * @param utf8 a UTF-8 JSON document
     * @return the same document in ASCII
     */
    static byte[] escapeNonAscii(byte[] utf8) {
        boolean ascii = true;
        for (byte b : utf8) {
            if (b < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return utf8;
        }
        String text = new String(utf8, StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(text.length() + 64);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
