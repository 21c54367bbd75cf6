package org.epermit.api.gateway.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * Caller-supplied text in the form an audit column always takes. PostgreSQL refuses NUL in text and anything longer
 * than a bounded column allows, and a refused row must never be something a caller can cause: control characters
 * (NUL included) and lone surrogates become {@code \}{@code uXXXX}, a backslash {@code \\}, so what was sent stays
 * readable and unambiguous; text longer than the column is cut at a whole character or escape and ends in {@code …}.
 */
final class AuditText {

    static final String CUT = "…";

    private AuditText() {
    }

    /** {@code raw} escaped and at most {@code maxCodePoints} long (PostgreSQL counts characters as code points). */
    static String bounded(String raw, int maxCodePoints) {
        if (raw == null) {
            return null;
        }
        List<String> pieces = new ArrayList<>();
        int length = 0;
        for (int i = 0; i < raw.length(); ) {
            int codePoint = raw.codePointAt(i);
            i += Character.charCount(codePoint);
            String piece = escaped(codePoint);
            pieces.add(piece);
            length += piece.codePointCount(0, piece.length());
        }
        if (length <= maxCodePoints) {
            return String.join("", pieces);
        }
        StringBuilder cut = new StringBuilder();
        int kept = 0;
        for (String piece : pieces) {
            int size = piece.codePointCount(0, piece.length());
            if (kept + size > maxCodePoints - 1) {
                break;
            }
            cut.append(piece);
            kept += size;
        }
        return cut.append(CUT).toString();
    }

    private static String escaped(int codePoint) {
        if (codePoint == '\\') {
            return "\\\\";
        }
        if (Character.isISOControl(codePoint) || Character.getType(codePoint) == Character.SURROGATE) {
            return String.format("\\u%04x", codePoint);
        }
        return Character.toString(codePoint);
    }
}
