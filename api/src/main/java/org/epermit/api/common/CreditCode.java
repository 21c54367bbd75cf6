package org.epermit.api.common;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.epermit.api.problem.ApiException;
import org.epermit.api.problem.ErrorCode;
import org.epermit.api.problem.FieldError;
import org.epermit.api.problem.Message;

/**
 * A unified social credit code (统一社会信用代码, GB 32100-2015), always in canonical form: 18 upper-case characters
 * from {@link #ALPHABET}, position 1 the registration authority, 2 the organisation type, 3–8 the GB/T 2260 division
 * code, 9–17 the organisation code and 18 the check character.
 *
 * <p>Codes starting with {@link #PSEUDO_PREFIX "H9"} are <em>pseudo-codes</em> given to enterprises that have no
 * credit code; their check character is not verified ({@link #isPseudo()}). Whether a unit with such a code exists is
 * for the data to say, not for this type.
 *
 * <p>Use {@link #parse} for input from callers (it upper-cases, checks and throws {@link ApiException}) and
 * {@link #check} where several parameters must be validated and all failures reported at once. The canonical
 * constructor is for trusted values (database, generators): it accepts only canonical values and throws
 * {@link IllegalArgumentException} otherwise.
 */
public record CreditCode(String value) {

    /** Number of characters in a code. */
    public static final int LENGTH = 18;
    /** The 31 characters a code may contain, in value order (no I, O, S, V, Z). */
    public static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    /** Prefix of the pseudo-codes given to enterprises without a credit code. */
    public static final String PSEUDO_PREFIX = "H9";

    /** {@link FieldError#code()} when the input does not have 18 characters. */
    public static final String REASON_LENGTH = "LENGTH";
    /** {@link FieldError#code()} when a character is outside the alphabet. */
    public static final String REASON_CHARACTER = "CHARACTER";
    /** {@link FieldError#code()} when the check character is wrong. */
    public static final String REASON_CHECKSUM = "CHECKSUM";

    static final String ALLOWED_EN = "allowed: 0-9 and A-Z except I, O, S, V, Z";
    static final String ALLOWED_ZH = "允许0-9及除I、O、S、V、Z外的大写字母";

    private static final int MODULUS = 31;
    private static final int[] VALUES = new int[128];

    static {
        java.util.Arrays.fill(VALUES, -1);
        for (int i = 0; i < ALPHABET.length(); i++) {
            VALUES[ALPHABET.charAt(i)] = i;
        }
    }

    /** Accepts only canonical values (upper case, valid or pseudo); see {@link #parse} for caller input. */
    public CreditCode {
        Objects.requireNonNull(value, "value");
        Optional<FieldError> problem = check(value, "value");
        if (problem.isPresent()) {
            throw new IllegalArgumentException(
                    "not a unified social credit code: '" + Printable.of(value) + "': " + problem.get().message().en());
        }
        if (!value.equals(upperAscii(value))) {
            throw new IllegalArgumentException("credit code must be upper case: '" + Printable.of(value) + "'");
        }
    }

    /**
     * Parses caller input. ASCII letters are upper-cased first; nothing is trimmed (whitespace is an invalid
     * character). Pseudo-codes (prefix H9) are accepted without checking their check character.
     *
     * @param raw  the input as sent, may be {@code null} (treated as empty)
     * @param path the parameter path for the error, e.g. {@code path.creditCode}
     * @throws ApiException {@link ErrorCode#INVALID_CREDIT_CODE} with one {@link FieldError} whose code is
     *                      {@link #REASON_LENGTH}, {@link #REASON_CHARACTER} or {@link #REASON_CHECKSUM}
     */
    public static CreditCode parse(String raw, String path) {
        Optional<FieldError> problem = check(raw, path);
        if (problem.isPresent()) {
            Message why = problem.get().message();
            String shown = Printable.of(raw);
            throw new ApiException(ErrorCode.INVALID_CREDIT_CODE,
                    Message.of("'" + shown + "' is not a valid unified social credit code: " + why.en(),
                            "'" + shown + "'不是有效的统一社会信用代码：" + why.zh()),
                    List.of(problem.get()));
        }
        return new CreditCode(upperAscii(raw));
    }

    /**
     * Checks caller input the way {@link #parse} does, without throwing: the first problem found, in the order
     * length, characters (left to right), check character; empty when {@code parse} would succeed.
     *
     * @param raw  the input as sent, may be {@code null} (treated as empty)
     * @param path the parameter path to put in the error
     */
    public static Optional<FieldError> check(String raw, String path) {
        Objects.requireNonNull(path, "path");
        String code = upperAscii(raw == null ? "" : raw);
        int length = code.codePointCount(0, code.length());
        if (length != LENGTH) {
            return Optional.of(new FieldError(path, REASON_LENGTH, lengthMessage(LENGTH, length)));
        }
        Optional<FieldError> bad = firstBadCharacter(code, path);
        if (bad.isPresent()) {
            return bad;
        }
        if (code.startsWith(PSEUDO_PREFIX)) {
            return Optional.empty();
        }
        char expected = computeCheck(code);
        char actual = code.charAt(LENGTH - 1);
        if (expected != actual) {
            return Optional.of(new FieldError(path, REASON_CHECKSUM, Message.of(
                    "check character should be '" + expected + "', got '" + actual + "'",
                    "校验码应为'" + expected + "'，实际为'" + actual + "'")));
        }
        return Optional.empty();
    }

    /** Whether {@link #parse} would accept the input (so pseudo-codes and lower case count as valid). */
    public static boolean isValid(String raw) {
        return check(raw, "value").isEmpty();
    }

    /**
     * The check character for the first 17 characters of a code, for generators.
     *
     * @throws IllegalArgumentException unless {@code first17} is 17 characters from {@link #ALPHABET}
     */
    public static char checkCharacter(String first17) {
        Objects.requireNonNull(first17, "first17");
        if (first17.length() != LENGTH - 1) {
            throw new IllegalArgumentException("need 17 characters, got " + first17.length());
        }
        for (int i = 0; i < first17.length(); i++) {
            if (valueOf(first17.charAt(i)) < 0) {
                throw new IllegalArgumentException("character '" + Printable.codePoint(first17.charAt(i)) + "' at position "
                        + (i + 1) + " is not in the alphabet");
            }
        }
        return computeCheck(first17);
    }

    /** Whether this is a pseudo-code (prefix H9) given to an enterprise without a credit code. */
    public boolean isPseudo() {
        return value.startsWith(PSEUDO_PREFIX);
    }

    /**
     * Positions 3–8: the GB/T 2260 division code of the registering authority, e.g. {@code 130200}. Not meaningful
     * for pseudo-codes.
     */
    public String divisionCode() {
        return value.substring(2, 8);
    }

    // ---- shared with PermitNumber and CodePrefix (same package) ----

    /** Upper-cases ASCII letters only, so the length never changes (unlike {@code "ß".toUpperCase()}). */
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

    /** The value of an alphabet character, or -1 for any other code point. */
    static int valueOf(int codePoint) {
        return codePoint >= 0 && codePoint < VALUES.length ? VALUES[codePoint] : -1;
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

    /** The first code point among the first 18 of {@code code} that is not in the alphabet, as a CHARACTER error. */
    static Optional<FieldError> firstBadCharacter(String code, String path) {
        int position = 1;
        for (int i = 0; i < code.length() && position <= LENGTH; position++) {
            int cp = code.codePointAt(i);
            if (valueOf(cp) < 0) {
                String shown = Printable.codePoint(cp);
                return Optional.of(new FieldError(path, REASON_CHARACTER, Message.of(
                        "character '" + shown + "' at position " + position + " is not allowed (" + ALLOWED_EN + ")",
                        "第" + position + "位字符'" + shown + "'不合法（" + ALLOWED_ZH + "）")));
            }
            i += Character.charCount(cp);
        }
        return Optional.empty();
    }

    static Message lengthMessage(int expected, int actual) {
        return Message.of("must be " + expected + " characters, got " + actual,
                "应为" + expected + "位，实际为" + actual + "位");
    }
}
