package org.epermit.sdk.internal;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.epermit.codes.PermitLetters;
import org.epermit.sdk.codes.CreditCode;
import org.epermit.sdk.codes.PermitNumber;

/**
 * The checks a client makes before sending an identifier: the deployment's permit-number letters, and the language
 * the API would answer in, so that a local refusal reads like the API's own.
 *
 * @param letters the letters permit numbers may end with
 * @param locale  the language of local error messages
 */
public record LocalChecks(PermitLetters letters, Locale locale) {

    /** National letters, English messages. */
    public static final LocalChecks DEFAULT = new LocalChecks(PermitLetters.NATIONAL, Locale.ENGLISH);

    /**
     * Checks the components.
     *
     * @param letters the letters permit numbers may end with
     * @param locale  the language of local error messages
     */
    public LocalChecks {
        Objects.requireNonNull(letters, "letters");
        Objects.requireNonNull(locale, "locale");
    }

    /**
     * The language the API answers in for an {@code Accept-Language} header: its first range, English without one.
     *
     * @param acceptLanguage the header the client sends, or {@code null}
     * @return the language of local error messages
     */
    public static Locale languageOf(String acceptLanguage) {
        if (acceptLanguage == null) {
            return Locale.ENGLISH;
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
            return ranges.isEmpty() ? Locale.ENGLISH : Locale.forLanguageTag(ranges.get(0).getRange());
        } catch (IllegalArgumentException malformed) {
            return Locale.ENGLISH;
        }
    }

    /**
     * Parses a permit number in a request path.
     *
     * @param raw the caller's input
     * @return the canonical number
     */
    public String permitNumber(String raw) {
        return PermitNumber.parse(raw, "path.permitNumber", letters, locale).value();
    }

    /**
     * Parses a credit code in a request path.
     *
     * @param raw the caller's input
     * @return the canonical code
     */
    public String creditCode(String raw) {
        return CreditCode.parse(raw, "path.creditCode", locale).value();
    }
}
