package org.epermit.codes;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The rules of a unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from {@link #ALPHABET},
 * position 1 the registration authority, 2 the organisation type, 3–8 the GB/T 2260 division code, 9–17 the
 * organisation code and 18 the check character, computed from the first 17 (weights 3<sup>i-1</sup> mod 31).
 *
 * <p>Codes starting with {@link #PSEUDO_PREFIX "H9"} are <em>pseudo-codes</em> given to enterprises that have no
 * credit code; their check character is not verified.
 *
 * <p>Input is {@linkplain #normalize normalized} first: ASCII letters are upper-cased, nothing is trimmed
 * (whitespace is an invalid character). A code's <em>canonical</em> form is the normalized one.
 *
 * <pre>{@code
 * CreditCodeRules.check("91130200699229617X");   // empty: valid
 * CreditCodeRules.check("911302006992296177");   // CHECKSUM at 18: expected X, actual 7
 * }</pre>
 */
public final class CreditCodeRules {

    /** Number of characters in a code. */
    public static final int LENGTH = 18;
    /** The 31 characters a code may contain, in value order (no I, O, S, V, Z). */
    public static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    /** Prefix of the pseudo-codes given to enterprises without a credit code. */
    public static final String PSEUDO_PREFIX = "H9";

    private static final String ALLOWED_EN = "allowed: 0-9 and A-Z except I, O, S, V, Z";
    private static final String ALLOWED_ZH = "允许0-9及除I、O、S、V、Z外的大写字母";
    private static final int MODULUS = 31;
    private static final int[] VALUES = new int[128];

    static {
        Arrays.fill(VALUES, -1);
        for (int i = 0; i < ALPHABET.length(); i++) {
            VALUES[ALPHABET.charAt(i)] = i;
        }
    }

    private CreditCodeRules() {
    }

    /**
     * Checks input: the first violation found, in the order length, characters (left to right), check character
     * (not for pseudo-codes).
     *
     * @param raw the input as sent, may be {@code null} (treated as empty); lower case is accepted
     * @return the violation, or empty when {@link #normalize normalized} input is a valid code or pseudo-code
     */
    public static Optional<Violation> check(String raw) {
        String code = normalize(raw);
        int length = code.codePointCount(0, code.length());
        if (length != LENGTH) {
            return Optional.of(lengthViolation(Identifier.CREDIT_CODE, LENGTH, length));
        }
        Optional<Violation> bad = firstBadCharacter(code, Identifier.CREDIT_CODE);
        if (bad.isPresent() || code.startsWith(PSEUDO_PREFIX)) {
            return bad;
        }
        char expected = computeCheck(code);
        char actual = code.charAt(LENGTH - 1);
        if (expected == actual) {
            return Optional.empty();
        }
        return Optional.of(new Violation(Identifier.CREDIT_CODE, Reason.CHECKSUM, LENGTH, String.valueOf(expected),
                String.valueOf(actual),
                "check character should be '" + expected + "', got '" + actual + "'",
                "校验码应为'" + expected + "'，实际为'" + actual + "'"));
    }

    /**
     * Parses input: its canonical form when it is valid, otherwise the exception that {@code refusal} makes of the
     * violation (each adapter its own: the service a problem, the SDK a {@code ValidationException}).
     *
     * @param raw     the input as sent, may be {@code null} (treated as empty)
     * @param refusal makes the exception to throw for a violation
     * @param <X>     the exception type
     * @return the normalized input
     * @throws X when the input has a violation
     */
    public static <X extends Exception> String parse(String raw, Function<Violation, X> refusal) throws X {
        return normalizedOrThrow(raw, check(raw), refusal);
    }

    /**
     * The canonical form of input: ASCII letters upper-cased, nothing else changed (so the length never changes,
     * unlike {@code "ß".toUpperCase()}).
     *
     * @param raw the input, may be {@code null} (treated as empty)
     * @return the input with {@code a}–{@code z} upper-cased
     */
    public static String normalize(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= 'a' && c <= 'z') {
                if (out == null) {
                    out = new StringBuilder(raw);
                }
                out.setCharAt(i, (char) (c - 'a' + 'A'));
            }
        }
        return out == null ? raw : out.toString();
    }

    /**
     * Guards a value that must already be canonical (from the database or a generator): valid or pseudo, upper case.
     *
     * @param value the value
     * @return the value
     * @throws NullPointerException     if it is {@code null}
     * @throws IllegalArgumentException if it is not a canonical code: a programming error, not a caller's
     */
    public static String requireCanonical(String value) {
        Objects.requireNonNull(value, "value");
        return requireCanonical(value, check(value), Identifier.CREDIT_CODE);
    }

    /**
     * Computes the check character of the first 17 characters of a code, for generators.
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
     * Tells whether a canonical code is a pseudo-code (prefix {@code H9}), whose check character is not verified.
     *
     * @param code a canonical code
     * @return whether it starts with {@code H9}
     */
    public static boolean isPseudo(String code) {
        return code.startsWith(PSEUDO_PREFIX);
    }

    /**
     * Returns positions 3–8 of a canonical code: the GB/T 2260 division code of the registering authority, e.g.
     * {@code 130200}. Not meaningful for pseudo-codes.
     *
     * @param code a canonical code
     * @return the six characters
     */
    public static String divisionCode(String code) {
        return code.substring(2, 8);
    }

    // ---- shared with PermitNumberRules ----

    static <X extends Exception> String normalizedOrThrow(String raw, Optional<Violation> violation,
            Function<Violation, X> refusal) throws X {
        Objects.requireNonNull(refusal, "refusal");
        if (violation.isPresent()) {
            throw refusal.apply(violation.get());
        }
        return normalize(raw);
    }

    static String requireCanonical(String value, Optional<Violation> violation, Identifier identifier) {
        if (violation.isPresent()) {
            throw new IllegalArgumentException("not a " + identifier.en() + ": '" + Printable.of(value) + "': "
                    + violation.get().en());
        }
        if (!value.equals(normalize(value))) {
            throw new IllegalArgumentException(identifier.en() + " must be upper case: '" + Printable.of(value) + "'");
        }
        return value;
    }

    static Violation lengthViolation(Identifier identifier, int expected, int actual) {
        return new Violation(identifier, Reason.LENGTH, 0, String.valueOf(expected), String.valueOf(actual),
                "must be " + expected + " characters, got " + actual,
                "应为" + expected + "位，实际为" + actual + "位");
    }

    /** The first code point among the first 18 of {@code code} that is not in the alphabet. */
    static Optional<Violation> firstBadCharacter(String code, Identifier identifier) {
        int position = 1;
        for (int i = 0; i < code.length() && position <= LENGTH; position++) {
            int cp = code.codePointAt(i);
            if (valueOf(cp) < 0) {
                String shown = Printable.codePoint(cp);
                return Optional.of(new Violation(identifier, Reason.CHARACTER, position, ALPHABET,
                        new String(Character.toChars(cp)),
                        "character '" + shown + "' at position " + position + " is not allowed (" + ALLOWED_EN + ")",
                        "第" + position + "位字符'" + shown + "'不合法（" + ALLOWED_ZH + "）"));
            }
            i += Character.charCount(cp);
        }
        return Optional.empty();
    }

    /** The check character of the first 17 characters of {@code code}, which must all be in the alphabet. */
    static char computeCheck(CharSequence code) {
        int sum = 0;
        int weight = 1; // 3^(i-1) mod 31
        for (int i = 0; i < LENGTH - 1; i++) {
            sum += VALUES[code.charAt(i)] * weight;
            weight = weight * 3 % MODULUS;
        }
        return ALPHABET.charAt((MODULUS - sum % MODULUS) % MODULUS);
    }

    private static int valueOf(int codePoint) {
        return codePoint >= 0 && codePoint < VALUES.length ? VALUES[codePoint] : -1;
    }
}
