package org.epermit.codes;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The rules of a unified social credit code (统一社会信用代码, GB 32100-2015) and of the pseudo-codes given to units
 * that have none.
 *
 * <p>A <b>credit code</b> is 18 characters from {@link #ALPHABET}: position 1 the registration authority, 2 the
 * organisation type, 3–8 the GB/T 2260 division code (digits), 9–17 the organisation code (GB 11714), whose last
 * character (position 17) is its own check character (weights 3, 7, 9, 10, 5, 8, 4, 2 over positions 9–16, character
 * values 0–9 and A = 10 … Z = 35, check = 11 − (Σ mod 11), 10 → {@code X}, 11 → {@code 0}), and 18 the check character
 * of the whole code, computed from the first 17 (weights 3<sup>i−1</sup> mod 31). Example: {@code 91440101MA5CJQ4N59}
 * (organisation code {@code MA5CJQ4N5}).
 *
 * <p>A <b>pseudo-code</b> identifies a unit without a credit code: {@link #PSEUDO_PREFIX H9} + the 6-digit division
 * of the issuing authority + either {@code 0000} and a 5-digit sequence or the unit's 9-character organisation code +
 * one <em>lower-case</em> letter {@code a}–{@code z} other than {@code i} and {@code o}, e.g.
 * {@code H9440100000000123k}. It has no mod-31 check character, and its case is part of it: the lower-case last letter
 * is what tells it from a credit code, so it is never upper-cased. No registration authority of GB 32100 has the code
 * {@code H}, so every input starting with {@code H9} is checked as a pseudo-code, and an upper-cased one is refused
 * ({@link Reason#PSEUDO_CODE}) rather than mistaken for a credit code.
 *
 * <p>Every check takes a {@link Strictness}: {@link Strictness#LOOKUP} for input that refers to an existing unit,
 * {@link Strictness#REGISTRATION} for identifiers the service issues or registers (it adds the GB 11714 check of
 * position 17, which some genuine early codes fail).
 *
 * <p>Input is {@linkplain #normalize normalized} first: ASCII letters are upper-cased, except the last letter of a
 * pseudo-code; nothing is trimmed (whitespace is an invalid character). A code's <em>canonical</em> form is the
 * normalized one.
 *
 * <pre>{@code
 * CreditCodeRules.check("91130200699229617X", Strictness.REGISTRATION);  // empty: valid
 * CreditCodeRules.check("911302006992296177", Strictness.LOOKUP);        // CHECKSUM at 18: expected X, actual 7
 * CreditCodeRules.check("91440101MA5CJQ4N6C", Strictness.LOOKUP);        // empty: looked up as it is
 * CreditCodeRules.check("91440101MA5CJQ4N6C", Strictness.REGISTRATION);  // ORGANISATION_CHECKSUM at 17: expected 5
 * CreditCodeRules.check("H9440100000000123k", Strictness.REGISTRATION);  // empty: a pseudo-code
 * }</pre>
 */
public final class CreditCodeRules {

    /** Number of characters in a code. */
    public static final int LENGTH = 18;
    /** The 31 characters a credit code may contain, in value order (no I, O, S, V, Z). */
    public static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    /** Prefix of the pseudo-codes given to units without a credit code. */
    public static final String PSEUDO_PREFIX = "H9";
    /** The letters a pseudo-code may end with: lower-case {@code a}–{@code z} other than {@code i} and {@code o}. */
    public static final String PSEUDO_LETTERS = "abcdefghjklmnpqrstuvwxyz";

    /** 1-based positions of the parts. */
    static final int DIVISION_START = 3;
    static final int DIVISION_END = 8;
    static final int ORGANISATION_START = 9;
    static final int ORGANISATION_CHECK = 17;

    private static final String DIGITS = "0123456789";
    /** GB 11714's character set: what an organisation code may contain (a pseudo-code's is not limited to ALPHABET). */
    private static final String ORGANISATION_CHARACTERS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final int[] ORGANISATION_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};
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
     * Checks input: the first violation found, in the order length; for a credit code characters (left to right),
     * division digits, check character (position 18), and at {@link Strictness#REGISTRATION} the organisation code's
     * check character (position 17); for a pseudo-code (prefix {@code H9}) division digits, the organisation part,
     * the last letter, and at {@code REGISTRATION} the organisation code's check character.
     *
     * @param raw        the input as sent, may be {@code null} (treated as empty); lower case is accepted where it
     *                   is not significant
     * @param strictness {@link Strictness#LOOKUP} for input that refers to an existing unit,
     *                   {@link Strictness#REGISTRATION} for a code the service issues or registers
     * @return the violation, or empty when {@link #normalize normalized} input is a valid code or pseudo-code
     */
    public static Optional<Violation> check(String raw, Strictness strictness) {
        Objects.requireNonNull(strictness, "strictness");
        int[] code = normalize(raw).codePoints().toArray();
        if (code.length != LENGTH) {
            return Optional.of(lengthViolation(Identifier.CREDIT_CODE, LENGTH, code.length));
        }
        return structure(code, Identifier.CREDIT_CODE).or(() -> checks(code, Identifier.CREDIT_CODE, strictness));
    }

    /**
     * Parses input: its canonical form when it is valid, otherwise the exception that {@code refusal} makes of the
     * violation (each adapter its own: the service a problem, the SDK a {@code ValidationException}).
     *
     * @param raw        the input as sent, may be {@code null} (treated as empty)
     * @param strictness how strictly to check (see {@link Strictness})
     * @param refusal    makes the exception to throw for a violation
     * @param <X>        the exception type
     * @return the normalized input
     * @throws X when the input has a violation
     */
    public static <X extends Exception> String parse(String raw, Strictness strictness, Function<Violation, X> refusal)
            throws X {
        return normalizedOrThrow(raw, check(raw, strictness), refusal);
    }

    /**
     * The canonical form of input: ASCII letters upper-cased, except the 18th character when the input starts with
     * {@code H9} (or {@code h9}) and it is a lower-case letter: a pseudo-code's last letter, whose case is part of the
     * code. Nothing else changes (so the length never changes, unlike {@code "ß".toUpperCase()}). Applies to permit
     * numbers as well, which start with a code.
     *
     * @param raw the input, may be {@code null} (treated as empty)
     * @return the input with {@code a}–{@code z} upper-cased, a pseudo-code's last letter excepted
     */
    public static String normalize(String raw) {
        if (raw == null) {
            return "";
        }
        boolean pseudo = raw.length() >= 2 && (raw.charAt(0) == 'H' || raw.charAt(0) == 'h') && raw.charAt(1) == '9';
        StringBuilder out = null;
        int position = 0;
        for (int i = 0; i < raw.length(); i += Character.charCount(raw.codePointAt(i))) {
            position++;
            char c = raw.charAt(i);
            if (c >= 'a' && c <= 'z' && !(pseudo && position == LENGTH)) {
                if (out == null) {
                    out = new StringBuilder(raw);
                }
                out.setCharAt(i, (char) (c - 'a' + 'A'));
            }
        }
        return out == null ? raw : out.toString();
    }

    /**
     * Guards a value that must already be canonical (from the database or a generator): valid at
     * {@link Strictness#LOOKUP} (the database may hold genuine early codes) and {@link #normalize normalized}.
     *
     * @param value the value
     * @return the value
     * @throws NullPointerException     if it is {@code null}
     * @throws IllegalArgumentException if it is not a canonical code: a programming error, not a caller's
     */
    public static String requireCanonical(String value) {
        Objects.requireNonNull(value, "value");
        return requireCanonical(value, check(value, Strictness.LOOKUP), Identifier.CREDIT_CODE);
    }

    /**
     * Computes the check character of the first 17 characters of a credit code (position 18, mod 31), for generators.
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
        return computeCheck(first17.codePoints().toArray());
    }

    /**
     * Computes the check character of an organisation code (GB 11714) from its first 8 characters, for generators:
     * position 17 of a credit code, or the last character of the organisation part of a pseudo-code.
     *
     * @param first8 8 digits or upper-case letters A–Z
     * @return {@code 0}–{@code 9} or {@code X}
     * @throws IllegalArgumentException unless {@code first8} is 8 digits or upper-case letters
     */
    public static char organisationCheckCharacter(String first8) {
        Objects.requireNonNull(first8, "first8");
        if (first8.length() != ORGANISATION_WEIGHTS.length) {
            throw new IllegalArgumentException("need 8 characters, got " + first8.length());
        }
        int[] body = new int[ORGANISATION_WEIGHTS.length];
        for (int i = 0; i < body.length; i++) {
            body[i] = first8.charAt(i);
            if (ORGANISATION_CHARACTERS.indexOf(body[i]) < 0) {
                throw new IllegalArgumentException("character '" + Printable.codePoint(body[i]) + "' at position "
                        + (i + 1) + " is not a digit or an upper-case letter");
            }
        }
        return computeOrganisationCheck(body, 0);
    }

    /**
     * Tells whether a canonical code is a pseudo-code (prefix {@code H9}, and so a lower-case last letter), which has
     * no mod-31 check character.
     *
     * @param code a canonical code
     * @return whether it starts with {@code H9}
     */
    public static boolean isPseudo(String code) {
        return code.startsWith(PSEUDO_PREFIX);
    }

    /**
     * Returns positions 3–8 of a canonical code: the GB/T 2260 division code of the registering authority, or of the
     * authority that issued a pseudo-code, e.g. {@code 130200}.
     *
     * @param code a canonical code
     * @return the six digits
     */
    public static String divisionCode(String code) {
        return code.substring(DIVISION_START - 1, DIVISION_END);
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
            throw new IllegalArgumentException(identifier.en() + " must be in canonical case: '" + Printable.of(value)
                    + "'");
        }
        return value;
    }

    static Violation lengthViolation(Identifier identifier, int expected, int actual) {
        return new Violation(identifier, Reason.LENGTH, 0, String.valueOf(expected), String.valueOf(actual),
                "must be " + expected + " characters, got " + actual,
                "应为" + expected + "位，实际为" + actual + "位");
    }

    /**
     * The structure of the first 18 code points of normalized input: for a credit code every character in the
     * alphabet, then division digits; for a pseudo-code division digits, the organisation part and the last letter.
     */
    static Optional<Violation> structure(int[] code, Identifier identifier) {
        if (code[0] == 'H' && code[1] == '9') {
            return division(code, identifier).or(() -> pseudoStructure(code, identifier));
        }
        return firstBadCharacter(code, identifier).or(() -> division(code, identifier));
    }

    /** The check characters of a code whose {@link #structure} is sound. */
    static Optional<Violation> checks(int[] code, Identifier identifier, Strictness strictness) {
        boolean pseudo = code[0] == 'H' && code[1] == '9';
        Optional<Violation> checksum = pseudo ? Optional.empty() : checksum(code, identifier);
        if (checksum.isPresent() || strictness == Strictness.LOOKUP || (pseudo && isSequenceForm(code))) {
            return checksum;
        }
        return organisationChecksum(code, identifier);
    }

    private static Optional<Violation> firstBadCharacter(int[] code, Identifier identifier) {
        for (int i = 0; i < LENGTH; i++) {
            if (valueOf(code[i]) < 0) {
                int position = i + 1;
                String shown = Printable.codePoint(code[i]);
                return Optional.of(new Violation(identifier, Reason.CHARACTER, position, ALPHABET, string(code[i]),
                        "character '" + shown + "' at position " + position + " is not allowed (" + ALLOWED_EN + ")",
                        "第" + position + "位字符'" + shown + "'不合法（" + ALLOWED_ZH + "）"));
            }
        }
        return Optional.empty();
    }

    private static Optional<Violation> division(int[] code, Identifier identifier) {
        for (int position = DIVISION_START; position <= DIVISION_END; position++) {
            int cp = code[position - 1];
            if (cp < '0' || cp > '9') {
                String shown = Printable.codePoint(cp);
                return Optional.of(new Violation(identifier, Reason.DIVISION, position, DIGITS, string(cp),
                        "character '" + shown + "' at position " + position
                                + " is not allowed (positions 3-8 are the GB/T 2260 division code: digits only)",
                        "第" + position + "位字符'" + shown + "'不合法（第3-8位为GB/T 2260行政区划代码，只允许数字）"));
            }
        }
        return Optional.empty();
    }

    private static Optional<Violation> pseudoStructure(int[] code, Identifier identifier) {
        for (int position = ORGANISATION_START; position <= ORGANISATION_CHECK; position++) {
            int cp = code[position - 1];
            if (cp >= 128 || ORGANISATION_CHARACTERS.indexOf(cp) < 0) {
                String shown = Printable.codePoint(cp);
                return Optional.of(new Violation(identifier, Reason.PSEUDO_CODE, position, ORGANISATION_CHARACTERS,
                        string(cp), "character '" + shown + "' at position " + position + " is not allowed (in a "
                                + "pseudo-code, positions 9-17 are 0000 and a 5-digit sequence, or a 9-character "
                                + "organisation code: digits and upper-case letters)",
                        "第" + position + "位字符'" + shown + "'不合法（临时代码第9-17位为0000加5位顺序码，"
                                + "或9位组织机构代码：数字及大写字母）"));
            }
        }
        int last = code[LENGTH - 1];
        if (last < 128 && PSEUDO_LETTERS.indexOf(last) >= 0) {
            return Optional.empty();
        }
        String shown = Printable.codePoint(last);
        return Optional.of(new Violation(identifier, Reason.PSEUDO_CODE, LENGTH, PSEUDO_LETTERS, string(last),
                "a pseudo-code (starting H9) must end with a lower-case letter a-z other than i and o, got '" + shown
                        + "' (its case is part of the code)",
                "临时代码（H9开头）末位应为除i、o外的小写字母a-z，实际为'" + shown + "'（大小写不可更改）"));
    }

    /** A pseudo-code of the form H9 + division + 0000 + 5-digit sequence + letter, which holds no organisation code. */
    private static boolean isSequenceForm(int[] code) {
        for (int position = ORGANISATION_START; position <= ORGANISATION_CHECK; position++) {
            int cp = code[position - 1];
            boolean ok = position < ORGANISATION_START + 4 ? cp == '0' : cp >= '0' && cp <= '9';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static Optional<Violation> checksum(int[] code, Identifier identifier) {
        char expected = computeCheck(code);
        int actual = code[LENGTH - 1];
        if (expected == actual) {
            return Optional.empty();
        }
        String shown = string(actual);
        return Optional.of(identifier == Identifier.CREDIT_CODE
                ? new Violation(identifier, Reason.CHECKSUM, LENGTH, String.valueOf(expected), shown,
                        "check character should be '" + expected + "', got '" + shown + "'",
                        "校验码应为'" + expected + "'，实际为'" + shown + "'")
                : new Violation(identifier, Reason.CHECKSUM, LENGTH, String.valueOf(expected), shown,
                        "check character of the credit code (position 18) should be '" + expected + "', got '"
                                + shown + "'",
                        "信用代码校验码（第18位）应为'" + expected + "'，实际为'" + shown + "'"));
    }

    private static Optional<Violation> organisationChecksum(int[] code, Identifier identifier) {
        char expected = computeOrganisationCheck(code, ORGANISATION_START - 1);
        int actual = code[ORGANISATION_CHECK - 1];
        if (expected == actual) {
            return Optional.empty();
        }
        String shown = string(actual);
        return Optional.of(new Violation(identifier, Reason.ORGANISATION_CHECKSUM, ORGANISATION_CHECK,
                String.valueOf(expected), shown,
                "check character of the organisation code (position 17, GB 11714) should be '" + expected
                        + "', got '" + shown + "'",
                "组织机构代码校验码（第17位，GB 11714）应为'" + expected + "'，实际为'" + shown + "'"));
    }

    /** The mod-31 check character of the first 17 code points, which must all be in the alphabet. */
    private static char computeCheck(int[] code) {
        int sum = 0;
        int weight = 1; // 3^(i-1) mod 31
        for (int i = 0; i < LENGTH - 1; i++) {
            sum += VALUES[code[i]] * weight;
            weight = weight * 3 % MODULUS;
        }
        return ALPHABET.charAt((MODULUS - sum % MODULUS) % MODULUS);
    }

    /** GB 11714 over the 8 code points from {@code start}, which must be digits or upper-case letters. */
    private static char computeOrganisationCheck(int[] code, int start) {
        int sum = 0;
        for (int i = 0; i < ORGANISATION_WEIGHTS.length; i++) {
            sum += ORGANISATION_CHARACTERS.indexOf(code[start + i]) * ORGANISATION_WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
    }

    private static int valueOf(int codePoint) {
        return codePoint >= 0 && codePoint < VALUES.length ? VALUES[codePoint] : -1;
    }

    private static String string(int codePoint) {
        return new String(Character.toChars(codePoint));
    }
}
