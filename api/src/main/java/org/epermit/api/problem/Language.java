package org.epermit.api.problem;

import java.util.Locale;

/** The two languages every message exists in. Chinese when the caller prefers it, English otherwise. */
public enum Language {
    EN, ZH;

    /** Reads an {@code Accept-Language} header; any malformed value falls back to English. */
    public static Language fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return EN;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                if (range.getWeight() <= 0) {
                    continue;
                }
                String tag = range.getRange().toLowerCase(Locale.ROOT);
                if (tag.equals("zh") || tag.startsWith("zh-")) {
                    return ZH;
                }
                if (tag.equals("en") || tag.startsWith("en-")) {
                    return EN;
                }
            }
        } catch (IllegalArgumentException malformed) {
            return EN;
        }
        return EN;
    }
}
