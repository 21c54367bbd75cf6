package org.epermit.codes;

/**
 * Makes untrusted input safe to quote in an error message: at most {@link #MAX_QUOTED} characters, with anything
 * invisible or ambiguous (controls, format characters, separators, lone surrogates, combining marks) shown as
 * backslash-u escapes of its UTF-16 units (a tab is shown as backslash, u, 0009) and a
 * backslash doubled, so that an echo can neither hide text, reorder it nor imitate an escape.
 */
public final class Printable {

    /** At most this many characters (code points) of the input are quoted; more are cut and marked with '…'. */
    public static final int MAX_QUOTED = 40;

    private Printable() {
    }

    /**
     * Quotes input for a message.
     *
     * @param raw the input, may be {@code null} (quoted as empty)
     * @return at most {@link #MAX_QUOTED} code points of it, escaped, followed by '…' if it was longer
     */
    public static String of(String raw) {
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

    /**
     * Quotes one code point as it may appear in a message.
     *
     * @param codePoint any code point, a lone surrogate included
     * @return the character itself when it is visible, otherwise its UTF-16 units as backslash-u escapes
     */
    public static String codePoint(int codePoint) {
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
