package org.epermit.sdk.codes;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.epermit.sdk.errors.ErrorDetails;
import org.epermit.sdk.errors.FieldError;
import org.epermit.sdk.errors.ValidationException;

/**
 * A permit number (许可证编号, HJ 608-2017) in canonical form: 22 upper-case characters = the enterprise's 18-character
 * {@link CreditCode} (pseudo-codes allowed) + a 3-digit site serial {@code 001}–{@code 999} + a letter: {@code P} on
 * permits, {@code W} on registration receipts. Example: {@code 91130200699229617X001P}.
 *
 * @param value the canonical number
 */
public record PermitNumber(String value) {

    /** Number of characters in a permit number. */
    public static final int LENGTH = 22;
    /** The letters a permit number may end with: {@code P} (permits) and {@code W} (registration receipts). */
    public static final Set<Character> LETTERS = Set.of('P', 'W');
    /** The API's error code for a malformed permit number. */
    public static final String ERROR_CODE = "INVALID_PERMIT_NUMBER";

    /** Field-error code: the input does not have 22 characters. */
    public static final String REASON_LENGTH = CreditCode.REASON_LENGTH;
    /** Field-error code: a character of the credit code or serial is not allowed there. */
    public static final String REASON_CHARACTER = CreditCode.REASON_CHARACTER;
    /** Field-error code: the check character of the embedded credit code is wrong. */
    public static final String REASON_CHECKSUM = CreditCode.REASON_CHECKSUM;
    /** Field-error code: the site serial is {@code 000}. */
    public static final String REASON_SERIAL = "SERIAL";
    /** Field-error code: the last character is not {@code P} or {@code W}. */
    public static final String REASON_LETTER = "LETTER";

    private static final int SERIAL_START = CreditCode.LENGTH;
    private static final int LETTER_INDEX = LENGTH - 1;

    /**
     * Accepts canonical numbers only; use {@link #parse} for input.
     * @throws IllegalArgumentException if the value is not canonical
     *
     * @param value the canonical number
     */
    public PermitNumber {
        Objects.requireNonNull(value, "value");
        Optional<FieldError> problem = check(value, "value");
        if (problem.isPresent()) {
            throw new IllegalArgumentException(
                    "not a permit number: '" + Printable.of(value) + "': " + problem.get().message());
        }
        if (!value.equals(CreditCode.upperAscii(value))) {
            throw new IllegalArgumentException("permit number must be upper case: '" + Printable.of(value) + "'");
        }
    }

    /**
     * Parses input as the API does: ASCII letters are upper-cased, nothing is trimmed.
     *
     * @param raw the input, may be {@code null} (treated as empty)
     * @return the number in canonical form
     * @throws ValidationException {@code INVALID_PERMIT_NUMBER} with one field error at {@code value}
     */
    public static PermitNumber parse(String raw) {
        return parse(raw, "value");
    }

    /**
     * Parses input as the API does, naming the failing field as given.
     *
     * @param raw  the input, may be {@code null} (treated as empty)
     * @param path the field path for the error, e.g. {@code path.permitNumber}
     * @return the number in canonical form
     * @throws ValidationException {@code INVALID_PERMIT_NUMBER} with one field error whose code is one of the
     *                             {@code REASON_*} constants
     */
    public static PermitNumber parse(String raw, String path) {
        Optional<FieldError> problem = check(raw, path);
        if (problem.isPresent()) {
            throw new ValidationException(ErrorDetails.local(400, ERROR_CODE,
                    "'" + Printable.of(raw) + "' is not a valid permit number: " + problem.get().message(),
                    List.of(problem.get())));
        }
        return new PermitNumber(CreditCode.upperAscii(raw));
    }

    /**
     * Checks input without throwing. Reports the first problem in the order LENGTH, CHARACTER (positions 1–21, left to
     * right), CHECKSUM (not for pseudo-codes), SERIAL, LETTER.
     *
     * @param raw  the input, may be {@code null} (treated as empty)
     * @param path the field path to put in the error
     * @return the problem, or empty when {@link #parse} would succeed
     */
    public static Optional<FieldError> check(String raw, String path) {
        Objects.requireNonNull(path, "path");
        String number = CreditCode.upperAscii(raw == null ? "" : raw);
        int length = number.codePointCount(0, number.length());
        if (length != LENGTH) {
            return Optional.of(new FieldError(path, REASON_LENGTH, CreditCode.lengthMessage(LENGTH, length)));
        }
        Optional<FieldError> bad = CreditCode.firstBadCharacter(number, path);
        if (bad.isPresent()) {
            return bad;
        }
        // positions 1-18 are now ASCII, so char index = code point index up to the serial
        for (int position = SERIAL_START + 1, i = SERIAL_START; position <= SERIAL_START + 3; position++) {
            int cp = number.codePointAt(i);
            if (cp < '0' || cp > '9') {
                return Optional.of(new FieldError(path, REASON_CHARACTER, "character '" + Printable.codePoint(cp)
                        + "' at position " + position
                        + " is not allowed (positions 19-21 are the site serial: digits only)"));
            }
            i += Character.charCount(cp);
        }
        if (!number.startsWith(CreditCode.PSEUDO_PREFIX)) {
            char expected = CreditCode.computeCheck(number);
            char actual = number.charAt(CreditCode.LENGTH - 1);
            if (expected != actual) {
                return Optional.of(new FieldError(path, REASON_CHECKSUM,
                        "check character of the credit code (position 18) should be '" + expected + "', got '"
                                + actual + "'"));
            }
        }
        if (number.startsWith("000", SERIAL_START)) {
            return Optional.of(new FieldError(path, REASON_SERIAL,
                    "site serial (positions 19-21) must be 001-999, got '000'"));
        }
        int last = number.codePointAt(LETTER_INDEX);
        if (last > Character.MAX_VALUE || !LETTERS.contains((char) last)) {
            return Optional.of(new FieldError(path, REASON_LETTER,
                    "must end with one of P, W; got '" + Printable.codePoint(last) + "'"));
        }
        return Optional.empty();
    }

    /**
     * Tells whether {@link #parse} would accept the input.
     *
     * @param raw the input, may be {@code null}
     * @return whether the input is a valid permit number
     */
    public static boolean isValid(String raw) {
        return check(raw, "value").isEmpty();
    }

    /**
     * Returns the enterprise's credit code (positions 1–18).
     *
     * @return the credit code
     */
    public CreditCode creditCode() {
        return new CreditCode(value.substring(0, CreditCode.LENGTH));
    }

    /**
     * Returns the site serial (positions 19–21).
     *
     * @return the serial, 1–999
     */
    public int siteSerial() {
        return Integer.parseInt(value.substring(SERIAL_START, SERIAL_START + 3));
    }

    /**
     * Returns the last letter: {@code P} for permits, {@code W} for registration receipts.
     *
     * @return the letter
     */
    public char letter() {
        return value.charAt(LETTER_INDEX);
    }

    /**
     * Returns the number.
     *
     * @return the canonical number
     */
    @Override
    public String toString() {
        return value;
    }
}
