package org.epermit.sdk.internal;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.epermit.sdk.codes.CreditCode;
import org.epermit.sdk.codes.PermitNumber;

/**
 * The checks a client makes before sending an identifier, in the language the API would answer in, so that a local
 * refusal reads like the API's own. They are the API's lookup checks (what the client sends refers to a permit or unit
 * that may exist), so the client never refuses locally what the API would look up: any identification letter at the
 * end of a permit number, a credit code whose organisation code fails its own check, a pseudo-code with its case.
 *
 * @param locale the language of local error messages
 */
public record LocalChecks(Locale locale) {

    /** English messages. */
    public static final LocalChecks DEFAULT = new LocalChecks(Locale.ENGLISH);

    /**
     * Checks the component.
     *
     * @param locale the language of local error messages
     */
    public LocalChecks {
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
        return PermitNumber.parse(raw, "path.permitNumber", locale).value();
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
