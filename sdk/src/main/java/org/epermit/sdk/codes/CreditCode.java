package org.epermit.sdk.codes;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.epermit.sdk.errors.ErrorDetails;
import org.epermit.sdk.errors.FieldError;
import org.epermit.sdk.errors.ValidationException;

/**
 * A unified social credit code (统一社会信用代码, GB 32100-2015) in canonical form: 18 upper-case characters from
 * {@link #ALPHABET}, the last one a check character computed from the first 17.
 *
 * <p>Codes starting with {@code H9} are pseudo-codes given to enterprises without a credit code; like the API, the
 * SDK does not verify their check character.
 *
 * <pre>{@code
 * CreditCode.isValid("91130200699229617X");        // true
 * CreditCode.check("911302006992296177", "value");  // CHECKSUM: check character should be 'X', got '7'
 * }</pre>
 *
 * @param value the canonical code
 */
public record CreditCode(String value) {

    /** Number of characters in a code. */
    public static final int LENGTH = 18;
    /** The 31 characters a code may contain, in value order (no I, O, S, V, Z). */
    public static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    /** Prefix of the pseudo-codes given to enterprises without a credit code. */
    public static final String PSEUDO_PREFIX = "H9";
    /** The API's error code for a malformed credit code. */
    public static final String ERROR_CODE = "INVALID_CREDIT_CODE";

    /** Field-error code: the input does not have 18 characters. */
    public static final String REASON_LENGTH = "LENGTH";
    /** Field-error code: a character is outside the alphabet. */
    public static final String REASON_CHARACTER = "CHARACTER";
    /** Field-error code: the check character is wrong. */
    public static final String REASON_CHECKSUM = "CHECKSUM";

    static final String ALLOWED = "allowed: 0-9 and A-Z except I, O, S, V, Z";

    private static final int MODULUS = 31;
    private static final int[] VALUES = new int[128];

    static {
        java.util.Arrays.fill(VALUES, -1);
        for (int i = 0; i < ALPHABET.length(); i++) {
            VALUES[ALPHABET.charAt(i)] = i;
        }
    }

    /**
     * Accepts canonical codes only (upper case, valid or pseudo); use {@link #parse} for input.
     * @throws IllegalArgumentException if the value is not canonical
     *
     * @param value the canonical code
     */
    public CreditCode {
        Objects.requireNonNull(value, "value");
        Optional<FieldError> problem = check(value, "value");
        if (problem.isPresent()) {
            throw new IllegalArgumentException(
                    "not a unified social credit code: '" + Printable.of(value) + "': " + problem.get().message());
        }
        if (!value.equals(upperAscii(value))) {
            throw new IllegalArgumentException("credit code must be upper case: '" + Printable.of(value) + "'");
        }
    }

    /**
     * Parses input as the API does: ASCII letters are upper-cased, nothing is trimmed.
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
     * @throws ValidationException {@code INVALID_CREDIT_CODE} with one field error whose code is {@link #REASON_LENGTH},
     *                             {@link #REASON_CHARACTER} or {@link #REASON_CHECKSUM}
     */
    public static CreditCode parse(String raw, String path) {
        Optional<FieldError> problem = check(raw, path);
        if (problem.isPresent()) {
            throw new ValidationException(ErrorDetails.local(400, ERROR_CODE,
                    "'" + Printable.of(raw) + "' is not a valid unified social credit code: " + problem.get().message(),
                    List.of(problem.get())));
        }
        return new CreditCode(upperAscii(raw));
    }

    /**
     * Checks input without throwing: the first problem found, in the order length, characters (left to right), check
     * character.
     *
     * @param raw  the input, may be {@code null} (treated as empty)
     * @param path the field path to put in the error
     * @return the problem, or empty when {@link #parse} would succeed
     */
    public static Optional<FieldError> check(String raw, String path) {
        Objects.requireNonNull(path, "path");
        String code = upperAscii(raw == null ? "" : raw);
        int length = code.codePointCount(0, code.length());
        if (length != LENGTH) {
            return Optional.of(new FieldError(path, REASON_LENGTH, lengthMessage(LENGTH, length)));
        }
        Optional<FieldError> bad = firstBadCharacter(code, path);
        if (bad.isPresent() || code.startsWith(PSEUDO_PREFIX)) {
            return bad;
        }
        char expected = computeCheck(code);
        char actual = code.charAt(LENGTH - 1);
        if (expected != actual) {
            return Optional.of(new FieldError(path, REASON_CHECKSUM,
                    "check character should be '" + expected + "', got '" + actual + "'"));
        }
        return Optional.empty();
    }

    /**
     * Tells whether {@link #parse} would accept the input (pseudo-codes and lower case count as valid).
     *
     * @param raw the input, may be {@code null}
     * @return whether the input is a valid code
     */
    public static boolean isValid(String raw) {
        return check(raw, "value").isEmpty();
    }

    /**
     * Computes the check character of the first 17 characters of a code.
     *
     * @param first17 17 characters from {@link #ALPHABET}
     * @return the 18th character
     * @throws IllegalArgumentException unless {@code first17} is 17 characters from the alphabet
     */
    public static char checkCharacter(String first17) {
        Objects.requireNonNull(first17, "first17");
        if (first17.length() != LENGTH - 1) {
            throw new IllegalArgumentException("need 17 characters, got " + first17.length());
        }
        for (int i = 0; i < first17.length(); i++) {
            if (valueOf(first17.charAt(i)) < 0) {
                throw new IllegalArgumentException("character '" + Printable.codePoint(first17.charAt(i))
                        + "' at position " + (i + 1) + " is not in the alphabet");
            }
        }
        return computeCheck(first17);
    }

    /**
     * Tells whether this is a pseudo-code (prefix {@code H9}), whose check character is not verified.
     *
     * @return whether the code starts with {@code H9}
     */
    public boolean isPseudo() {
        return value.startsWith(PSEUDO_PREFIX);
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

    // ---- shared with PermitNumber ----

    static String upperAscii(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'a' && c <= 'z') {
                if (out == null) {
                    out = new StringBuilder(s);
                }
                out.setCharAt(i, (char) (c - 'a' + 'A'));
            }
        }
        return out == null ? s : out.toString();
    }

    static int valueOf(int codePoint) {
        return codePoint >= 0 && codePoint < VALUES.length ? VALUES[codePoint] : -1;
    }

    static char computeCheck(CharSequence code) {
        int sum = 0;
        int weight = 1; // 3^(i-1) mod 31
        for (int i = 0; i < LENGTH - 1; i++) {
            sum += VALUES[code.charAt(i)] * weight;
            weight = weight * 3 % MODULUS;
        }
        return ALPHABET.charAt((MODULUS - sum % MODULUS) % MODULUS);
    }

    static Optional<FieldError> firstBadCharacter(String code, String path) {
        int position = 1;
        for (int i = 0; i < code.length() && position <= LENGTH; position++) {
            int cp = code.codePointAt(i);
            if (valueOf(cp) < 0) {
                return Optional.of(new FieldError(path, REASON_CHARACTER, "character '" + Printable.codePoint(cp)
                        + "' at position " + position + " is not allowed (" + ALLOWED + ")"));
            }
            i += Character.charCount(cp);
        }
        return Optional.empty();
    }

    static String lengthMessage(int expected, int actual) {
        return "must be " + expected + " characters, got " + actual;
    }
}
