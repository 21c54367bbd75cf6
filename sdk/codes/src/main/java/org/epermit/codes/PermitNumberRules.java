package org.epermit.codes;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The rules of a permit number (许可证编号, HJ 608-2017): 22 characters = the holder's 18-character code (a credit code
 * or a pseudo-code, {@link CreditCodeRules}) + a 3-digit site serial {@code 001}–{@code 999} + one letter, which
 * HJ 608 calls an identification code (标识码): it is no check character. Examples: {@code 91130200699229617X001P},
 * {@code H9440100000000123k001P} (a pseudo-code holder's, its lower-case letter kept).
 *
 * <p>Two checks, as for credit codes:
 * <ul>
 * <li>{@link #check(String)} for a number that refers to an existing permit (a lookup, a reference in a request):
 * the last letter may be any upper-case letter {@code A}–{@code Z}. {@code P} is the only letter the standard's
 * example confirms; others are seen in practice ({@code W} on many registration receipts) with no authoritative
 * meaning, so an unknown number is for the data to refuse (404), not the syntax.</li>
 * <li>{@link #check(String, PermitLetters)} for a number the service issues: the last letter must be one of the
 * deployment's configured letters.</li>
 * </ul>
 * Both check the holder's code at {@link Strictness#LOOKUP}: the code is the holder's, checked strictly when the holder
 * was registered, not something a permit number issues, and a genuine early code must not make its permits unreadable.
 *
 * <p>Input is normalized as {@link CreditCodeRules#normalize} does (a pseudo-code's last letter keeps its case).
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
     * Checks a number that refers to an existing permit: the first violation in the order LENGTH; the holder's code's
     * structure (CHARACTER, DIVISION, PSEUDO_CODE); CHARACTER in the serial (positions 19–21); CHECKSUM (not for
     * pseudo-codes); SERIAL; LETTER (not an upper-case letter A–Z).
     *
     * @param raw the input as sent, may be {@code null} (treated as empty); lower case is accepted where it is not
     *            significant
     * @return the violation, or empty when the normalized input is a well-formed permit number
     */
    public static Optional<Violation> check(String raw) {
        return check(raw, PermitLetters.ANY);
    }

    /**
     * Checks a number the service issues: as {@link #check(String)}, and the last letter must be one of
     * {@code letters} (LETTER).
     *
     * @param raw     the input, may be {@code null} (treated as empty)
     * @param letters the letters the deployment issues numbers with
     * @return the violation, or empty when the normalized input is a permit number this deployment may issue
     */
    public static Optional<Violation> check(String raw, PermitLetters letters) {
        Objects.requireNonNull(letters, "letters");
        String number = CreditCodeRules.normalize(raw);
        int[] cps = number.codePoints().toArray();
        if (cps.length != LENGTH) {
            return Optional.of(CreditCodeRules.lengthViolation(Identifier.PERMIT_NUMBER, LENGTH, cps.length));
        }
        return CreditCodeRules.structure(cps, Identifier.PERMIT_NUMBER)
                .or(() -> badSerialCharacter(cps))
                .or(() -> CreditCodeRules.checks(cps, Identifier.PERMIT_NUMBER, Strictness.LOOKUP))
                .or(() -> serial(cps))
                .or(() -> letter(cps, letters));
    }

    /**
     * Parses a number that refers to an existing permit ({@link #check(String)}): its canonical form when it is
     * well-formed, otherwise the exception that {@code refusal} makes of the violation.
     *
     * @param raw     the input as sent, may be {@code null} (treated as empty)
     * @param refusal makes the exception to throw for a violation
     * @param <X>     the exception type
     * @return the normalized input
     * @throws X when the input has a violation
     */
    public static <X extends Exception> String parse(String raw, Function<Violation, X> refusal) throws X {
        return CreditCodeRules.normalizedOrThrow(raw, check(raw), refusal);
    }

    /**
     * Guards a value that must already be canonical (from the database or a generator): well-formed as
     * {@link #check(String)} says, normalized.
     *
     * @param value the value
     * @return the value
     * @throws NullPointerException     if it is {@code null}
     * @throws IllegalArgumentException if it is not a canonical permit number: a programming error, not a caller's
     */
    public static String requireCanonical(String value) {
        Objects.requireNonNull(value, "value");
        return CreditCodeRules.requireCanonical(value, check(value), Identifier.PERMIT_NUMBER);
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
        return creditCode + String.format(Locale.ROOT, "%03d", serial) + letter;
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

    /** Positions 19-21. */
    private static Optional<Violation> badSerialCharacter(int[] number) {
        for (int position = SERIAL_POSITION; position < LETTER_POSITION; position++) {
            int cp = number[position - 1];
            if (cp < '0' || cp > '9') {
                String shown = Printable.codePoint(cp);
                return Optional.of(new Violation(Identifier.PERMIT_NUMBER, Reason.CHARACTER, position, "0123456789",
                        new String(Character.toChars(cp)),
                        "character '" + shown + "' at position " + position
                                + " is not allowed (positions 19-21 are the site serial: digits only)",
                        "第" + position + "位字符'" + shown + "'不合法（第19-21位为场所序号，只允许数字）"));
            }
        }
        return Optional.empty();
    }

    private static Optional<Violation> serial(int[] number) {
        for (int i = SERIAL_START; i < LETTER_INDEX; i++) {
            if (number[i] != '0') {
                return Optional.empty();
            }
        }
        return Optional.of(new Violation(Identifier.PERMIT_NUMBER, Reason.SERIAL, SERIAL_POSITION, "001-999", "000",
                "site serial (positions 19-21) must be 001-999, got '000'",
                "场所序号（第19-21位）应为001-999，实际为'000'"));
    }

    private static Optional<Violation> letter(int[] number, PermitLetters letters) {
        int last = number[LETTER_INDEX];
        if (letters.allows(last)) {
            return Optional.empty();
        }
        String shown = Printable.codePoint(last);
        String actual = new String(Character.toChars(last));
        if (letters.equals(PermitLetters.ANY)) {
            return Optional.of(new Violation(Identifier.PERMIT_NUMBER, Reason.LETTER, LETTER_POSITION,
                    letters.asString(), actual,
                    "must end with an upper-case letter A-Z (the HJ 608 identification letter), got '" + shown + "'",
                    "末位应为大写字母A-Z（HJ 608标识码），实际为'" + shown + "'"));
        }
        boolean one = letters.isSingle();
        return Optional.of(new Violation(Identifier.PERMIT_NUMBER, Reason.LETTER, LETTER_POSITION, letters.asString(),
                actual,
                "must end with " + (one ? "" : "one of ") + letters + "; got '" + shown + "'",
                "末位应为" + letters.joined("、") + (one ? "" : "之一") + "，实际为'" + shown + "'"));
    }
}
