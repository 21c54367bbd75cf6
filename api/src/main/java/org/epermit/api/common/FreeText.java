package org.epermit.api.common;

import org.epermit.api.problem.FieldError;
import org.epermit.api.problem.Message;

import java.util.Optional;

/**
 * The one rule for text a caller writes freely (names, contact details, other systems' ids, notes; query values):
 * well-formed Unicode, for a lone surrogate ({@code "\ud800"}) would be stored as {@code ?}; no control characters;
 * and something to see once the invisible characters are set aside, for a name made of a bidi override or a
 * zero-width space alone looks empty, or like another one, wherever it is shown. Invisible are control and format
 * characters (bidi controls, zero-width space and joiners, BOM, tags…), whitespace and separators, and the other
 * default-ignorable code points (fillers, variation selectors).
 */
public final class FreeText {

    private FreeText() {
    }

    /** The first problem of {@code value} as free text of at most {@code maxLength} characters, if any. */
    public static Optional<FieldError> check(String value, String path, int maxLength) {
        if (!wellFormed(value)) {
            return Optional.of(new FieldError(path, "ENCODING", Message.of(
                    "is not well-formed Unicode (a lone surrogate)", "不是格式正确的Unicode文本（含孤立代理项）")));
        }
        if (value.length() > maxLength) {
            return Optional.of(new FieldError(path, "TOO_LONG", Message.of(
                    "must be at most " + maxLength + " characters, got " + value.length(),
                    "长度不能超过" + maxLength + "个字符，实际为" + value.length())));
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            return Optional.of(new FieldError(path, "CHARACTER", Message.of("must not contain control characters",
                    "不能包含控制字符")));
        }
        if (value.codePoints().allMatch(FreeText::invisible)) {
            return Optional.of(new FieldError(path, "EMPTY", Message.of("must contain at least one visible character",
                    "至少应包含一个可见字符")));
        }
        return Optional.empty();
    }

    /** Every surrogate is half of a pair. */
    static boolean wellFormed(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    static boolean invisible(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR -> true;
            default -> Character.isWhitespace(codePoint) || defaultIgnorable(codePoint);
        };
    }

    /** Unicode's Default_Ignorable_Code_Point characters that are not format characters (Cf): they show nothing. */
    private static boolean defaultIgnorable(int cp) {
        return cp == 0x034F                      // combining grapheme joiner
                || cp == 0x115F || cp == 0x1160  // Hangul choseong and jungseong fillers
                || cp == 0x17B4 || cp == 0x17B5  // Khmer inherent vowels
                || (cp >= 0x180B && cp <= 0x180F) // Mongolian free variation selectors and vowel separator
                || cp == 0x3164 || cp == 0xFFA0  // Hangul fillers
                || (cp >= 0xFE00 && cp <= 0xFE0F) // variation selectors
                || (cp >= 0xE0000 && cp <= 0xE0FFF); // tags and variation selectors supplement
    }
}
