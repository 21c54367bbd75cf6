package org.epermit.sdk.codes;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.epermit.codes.CreditCodeRules;
import org.epermit.codes.Strictness;
import org.epermit.sdk.errors.FieldError;
import org.epermit.sdk.errors.ValidationException;

/**
 * A unified social credit code (统一社会信用代码, GB 32100-2015) or the pseudo-code of a unit without one, in canonical
 * form. The rules are the API's own ({@link CreditCodeRules}, the library the service uses); this type reports them as
 * the SDK's errors.
 *
 * <p>A credit code is 18 upper-case characters from {@link CreditCodeRules#ALPHABET}, positions 3–8 digits, the last
 * one a check character computed from the first 17. A pseudo-code is {@code H9} + division + {@code 0000} and a
 * sequence, or + an organisation code, + a <em>lower-case</em> letter, e.g. {@code H9440100000000123k}: its case is
 * part of it and is kept.
 *
 * <p>The methods without a {@link Strictness} check at {@link Strictness#LOOKUP}, as the API does for everything a
 * client sends (a lookup or a reference to an existing unit): a genuine early code whose organisation code fails its
 * own check (position 17, GB 11714) is sent and looked up, never refused locally. Check at
 * {@link Strictness#REGISTRATION} with {@link #check(String, String, Strictness)} to hold a code to every rule.
 *
 * <pre>{@code
 * CreditCode.isValid("91130200699229617X");        // true
 * CreditCode.check("911302006992296177", "value");  // CHECKSUM: check character should be 'X', got '7'
 * CreditCodeRules.check("911302006992296177", Strictness.LOOKUP);  // the same, with position, expected, actual, en and zh text
 * }</pre>
 *
 * @param value the canonical code
 */
public record CreditCode(String value) {

    /** The API's error code for a malformed credit code. */
    public static final String ERROR_CODE = "INVALID_CREDIT_CODE";

    /**
     * Accepts canonical codes only (valid at lookup level, a pseudo-code with its lower-case letter); use
     * {@link #parse} for input.
     *
     * @param value the canonical code
     * @throws IllegalArgumentException if the value is not canonical
     */
    public CreditCode {
        CreditCodeRules.requireCanonical(value);
    }

    /**
     * Parses input as the API does for a lookup: ASCII letters are upper-cased (a pseudo-code's last letter excepted),
     * nothing is trimmed.
     *
     * @param raw the input, may be {@code null} (treated as empty)
     * @return the code in canonical form
     * @throws ValidationException {@code INVALID_CREDIT_CODE} with one field error at {@code value}
     */
    public static CreditCode parse(String raw) {
        return parse(raw, "value");
    }

    /**
     * Parses input as the API does, naming the failing field as given.
     *
     * @param raw  the input, may be {@code null} (treated as empty)
     * @param path the field path for the error, e.g. {@code path.creditCode}
     * @return the code in canonical form
     * @throws ValidationException {@code INVALID_CREDIT_CODE} with one field error whose code is a
     *                             {@link org.epermit.codes.Reason} ({@code LENGTH}, {@code CHARACTER},
     *                             {@code DIVISION}, {@code CHECKSUM} or {@code PSEUDO_CODE})
     */
    public static CreditCode parse(String raw, String path) {
        return parse(raw, path, Locale.ENGLISH);
    }

    /**
     * Parses input as the API does, with the error's messages in the language the API would use for {@code locale}
     * (Chinese for {@code zh}, English otherwise).
     *
     * @param raw    the input, may be {@code null} (treated as empty)
     * @param path   the field path for the error, e.g. {@code path.creditCode}
     * @param locale the language of the error's messages
     * @return the code in canonical form
     * @throws ValidationException {@code INVALID_CREDIT_CODE} with one field error whose code is a
     *                             {@link org.epermit.codes.Reason}
     */
    public static CreditCode parse(String raw, String path, Locale locale) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(locale, "locale");
        return new CreditCode(CreditCodeRules.parse(raw, Strictness.LOOKUP,
                violation -> LocalViolations.rejection(ERROR_CODE, raw, path, violation, locale)));
    }

    /**
     * Checks input at lookup level without throwing: the first problem found, as {@link CreditCodeRules#check} orders
     * them.
     *
     * @param raw  the input, may be {@code null} (treated as empty)
     * @param path the field path to put in the error
     * @return the problem (message in English), or empty when {@link #parse} would succeed
     */
    public static Optional<FieldError> check(String raw, String path) {
        return check(raw, path, Strictness.LOOKUP);
    }

    /**
     * Checks input at the given level without throwing.
     *
     * @param raw        the input, may be {@code null} (treated as empty)
     * @param path       the field path to put in the error
     * @param strictness {@link Strictness#LOOKUP} as the API checks what clients send, or
     *                   {@link Strictness#REGISTRATION} for every rule (the organisation code's check of position 17
     *                   too: {@code ORGANISATION_CHECKSUM})
     * @return the problem (message in English), or empty when the input passes
     */
    public static Optional<FieldError> check(String raw, String path, Strictness strictness) {
        Objects.requireNonNull(path, "path");
        return CreditCodeRules.check(raw, strictness).map(violation -> LocalViolations.fieldError(violation, path));
    }

    /**
     * Tells whether {@link #parse} would accept the input (pseudo-codes and lower case count as valid).
     *
     * @param raw the input, may be {@code null}
     * @return whether the input is a valid code at lookup level
     */
    public static boolean isValid(String raw) {
        return CreditCodeRules.check(raw, Strictness.LOOKUP).isEmpty();
    }

    /**
     * Computes the check character of the first 17 characters of a code.
     *
     * @param first17 17 characters from {@link CreditCodeRules#ALPHABET}
     * @return the 18th character
     * @throws IllegalArgumentException unless {@code first17} is 17 characters from the alphabet
     */
    public static char checkCharacter(String first17) {
        return CreditCodeRules.checkCharacter(first17);
    }

    /**
     * Tells whether this is a pseudo-code (prefix {@code H9}, a lower-case last letter), which has no check
     * character.
     *
     * @return whether the code starts with {@code H9}
     */
    public boolean isPseudo() {
        return CreditCodeRules.isPseudo(value);
    }

    /**
     * Returns the code.
     *
     * @return the canonical code
     */
    @Override
    public String toString() {
        return value;
    }
}
