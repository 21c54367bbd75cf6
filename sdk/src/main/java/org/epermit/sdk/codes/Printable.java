package org.epermit.sdk.codes;

/**
 * Makes caller input safe to quote in an error message, exactly as the API does: at most 40 characters, with anything
 * invisible or ambiguous (controls, format characters, separators, lone surrogates, combining marks) shown as escapes.
 */
final class Printable {

    static final int MAX_QUOTED = 40;

    private Printable() {
    }

    static String of(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        int count = 0;
        for (int i = 0; i < raw.length(); count++) {
            if (count == MAX_QUOTED) {
                out.append('…');
                break;
            }
            int cp = raw.codePointAt(i);
            out.append(codePoint(cp));
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    static String codePoint(int codePoint) {
        if (codePoint == '\\') {
            return "\\\\";
        }
        if (codePoint == ' ' || isPrintable(codePoint)) {
            return new String(Character.toChars(codePoint));
        }
        StringBuilder out = new StringBuilder();
        for (char c : Character.toChars(codePoint)) {
            out.append(String.format("\\u%04X", (int) c));
        }
        return out.toString();
    }

    private static boolean isPrintable(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                    Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SPACE_SEPARATOR, Character.NON_SPACING_MARK, Character.ENCLOSING_MARK,
                    Character.COMBINING_SPACING_MARK -> false;
            default -> true;
        };
    }
}
