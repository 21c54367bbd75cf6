package org.epermit.codes;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The rules of a permit number (许可证编号, HJ 608-2017): 22 characters = the enterprise's 18-character credit code
 * ({@link CreditCodeRules}, pseudo-codes allowed) + a 3-digit site serial {@code 001}–{@code 999} + one letter from
 * the deployment's {@link PermitLetters}. Example: {@code 91130200699229617X001P}.
 *
 * <p>Which letters are accepted is always a parameter: deployments configure the letter of registration receipts.
 * Input is normalized as {@link CreditCodeRules#normalize} does.
 */
public final class PermitNumberRules {

    /** Number of characters in a permit number. */
    public static final int LENGTH = 22;
    /** The first position (1-based) of the site serial; it ends at position 21. */
    public static final int SERIAL_POSITION = CreditCodeRules.LENGTH + 1;
    /** The position (1-based) of the letter. */
    public static final int LETTER_POSITION = LENGTH;

    private static final int SERIAL_START = CreditCodeRules.LENGTH; // 0-based index of the serial
    private static final int LETTER_INDEX = LENGTH - 1;

    private PermitNumberRules() {
    }

    /**
     * Checks input: the first violation in the order LENGTH, CHARACTER (positions 1–21, left to right), CHECKSUM (not
     * for pseudo-codes), SERIAL, LETTER.
     *
     * @param raw     the input as sent, may be {@code null} (treated as empty); lower case is accepted
     * @param letters the letters the number may end with
     * @return the violation, or empty when the normalized input is a valid permit number
     */
    public static Optional<Violation> check(String raw, PermitLetters letters) {
        Objects.requireNonNull(letters, "letters");
        String number = CreditCodeRules.normalize(raw);
        int length = number.codePointCount(0, number.length());
        if (length != LENGTH) {
            return Optional.of(CreditCodeRules.lengthViolation(Identifier.PERMIT_NUMBER, LENGTH, length));
        }
        Optional<Violation> bad = CreditCodeRules.firstBadCharacter(number, Identifier.PERMIT_NUMBER)
                .or(() -> badSerialCharacter(number));
        if (bad.isPresent()) {
            return bad;
        }
        // positions 1-21 are now ASCII, so char index = code point index up to the letter
        return checksum(number).or(() -> serial(number)).or(() -> letter(number, letters));
    }

    /**
     * Parses input: its canonical form when it is valid, otherwise the exception that {@code refusal} makes of the
     * violation.
     *
     * @param raw     the input as sent, may be {@code null} (treated as empty)
     * @param letters the letters the number may end with
     * @param refusal makes the exception to throw for a violation
     * @param <X>     the exception type
     * @return the normalized input
     * @throws X when the input has a violation
     */
    public static <X extends Exception> String parse(String raw, PermitLetters letters,
            Function<Violation, X> refusal) throws X {
        return CreditCodeRules.normalizedOrThrow(raw, check(raw, letters), refusal);
    }

    /**
     * Guards a value that must already be canonical (from the database or a generator): valid with any letter A–Z
     * (the configured ones are not known there), upper case.
     *
     * @param value the value
     * @return the value
     * @throws NullPointerException     if it is {@code null}
     * @throws IllegalArgumentException if it is not a canonical permit number: a programming error, not a caller's
     */
    public static String requireCanonical(String value) {
        Objects.requireNonNull(value, "value");
        return CreditCodeRules.requireCanonical(value, check(value, PermitLetters.ANY), Identifier.PERMIT_NUMBER);
    }

    /**
     * Builds a canonical permit number from its parts, for generators.
     *
     * @param creditCode a canonical credit code
     * @param serial     the site serial, 1–999
     * @param letter     the last letter, A–Z
     * @return the permit number
     * @throws IllegalArgumentException unless the code is canonical, the serial 1–999 and the letter A–Z
     */
    public static String compose(String creditCode, int serial, char letter) {
        CreditCodeRules.requireCanonical(creditCode);
        if (serial < 1 || serial > 999) {
            throw new IllegalArgumentException("site serial must be 1-999, got " + serial);
        }
        if (!PermitLetters.ANY.allows(letter)) {
            throw new IllegalArgumentException("letter must be A-Z, got '" + Printable.codePoint(letter) + "'");
        }
        return creditCode + String.format("%03d", serial) + letter;
    }

    /**
     * Returns the enterprise's credit code in a canonical permit number (positions 1–18).
     *
     * @param number a canonical permit number
     * @return the credit code
     */
    public static String creditCode(String number) {
        return number.substring(0, SERIAL_START);
    }

    /**
     * Returns the site serial of a canonical permit number (positions 19–21).
     *
     * @param number a canonical permit number
     * @return the serial, 1–999
     */
    public static int siteSerial(String number) {
        return Integer.parseInt(number.substring(SERIAL_START, LETTER_INDEX));
    }

    /**
     * Returns the last letter of a canonical permit number (position 22).
     *
     * @param number a canonical permit number
     * @return the letter, e.g. {@code P}
     */
    public static char letter(String number) {
        return number.charAt(LETTER_INDEX);
    }

    /** Positions 19-21 (positions 1-18 are ASCII by now, so char index = code point index up to 19). */
    private static Optional<Violation> badSerialCharacter(String number) {
        for (int position = SERIAL_POSITION, i = SERIAL_START; position < LETTER_POSITION; position++) {
            int cp = number.codePointAt(i);
            if (cp < '0' || cp > '9') {
                String shown = Printable.codePoint(cp);
                return Optional.of(new Violation(Identifier.PERMIT_NUMBER, Reason.CHARACTER, position, "0123456789",
                        new String(Character.toChars(cp)),
                        "character '" + shown + "' at position " + position
                                + " is not allowed (positions 19-21 are the site serial: digits only)",
                        "第" + position + "位字符'" + shown + "'不合法（第19-21位为场所序号，只允许数字）"));
            }
            i += Character.charCount(cp);
        }
        return Optional.empty();
    }

    private static Optional<Violation> checksum(String number) {
        if (CreditCodeRules.isPseudo(number)) {
            return Optional.empty();
        }
        char expected = CreditCodeRules.computeCheck(number);
        char actual = number.charAt(SERIAL_START - 1);
        if (expected == actual) {
            return Optional.empty();
        }
        return Optional.of(new Violation(Identifier.PERMIT_NUMBER, Reason.CHECKSUM, CreditCodeRules.LENGTH,
                String.valueOf(expected), String.valueOf(actual),
                "check character of the credit code (position 18) should be '" + expected + "', got '" + actual + "'",
                "信用代码校验码（第18位）应为'" + expected + "'，实际为'" + actual + "'"));
    }

    private static Optional<Violation> serial(String number) {
        if (!number.startsWith("000", SERIAL_START)) {
            return Optional.empty();
        }
        return Optional.of(new Violation(Identifier.PERMIT_NUMBER, Reason.SERIAL, SERIAL_POSITION, "001-999", "000",
                "site serial (positions 19-21) must be 001-999, got '000'",
                "场所序号（第19-21位）应为001-999，实际为'000'"));
    }

    private static Optional<Violation> letter(String number, PermitLetters letters) {
        int last = number.codePointAt(LETTER_INDEX);
        if (letters.allows(last)) {
            return Optional.empty();
        }
        String shown = Printable.codePoint(last);
        boolean one = letters.isSingle();
        return Optional.of(new Violation(Identifier.PERMIT_NUMBER, Reason.LETTER, LETTER_POSITION, letters.asString(),
                new String(Character.toChars(last)),
                "must end with " + (one ? "" : "one of ") + letters + "; got '" + shown + "'",
                "末位应为" + letters.joined("、") + (one ? "" : "之一") + "，实际为'" + shown + "'"));
    }
}
