package org.epermit.api.common;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.epermit.api.problem.ApiException;
import org.epermit.api.problem.ErrorCode;
import org.epermit.api.problem.FieldError;
import org.epermit.api.problem.Message;

/**
 * A permit number (许可证编号, HJ 608-2017), always in canonical form: 22 upper-case characters = the enterprise's
 * 18-character {@link CreditCode} (pseudo-codes allowed) + a 3-digit site serial {@code 001}–{@code 999} + one letter
 * ({@code P} on permits; the letter of registration receipts is configuration, commonly {@code W}). Example:
 * {@code 91130200699229617X001P}.
 *
 * <p>Which letters are accepted is a parameter of {@link #parse} and {@link #check}, never a constant. The canonical
 * constructor is for trusted values (database, generators): it accepts any letter A–Z, only canonical values, and
 * throws {@link IllegalArgumentException} otherwise.
 */
public record PermitNumber(String value) {

    /** Number of characters in a permit number. */
    public static final int LENGTH = 22;
    /** The letter on permits. */
    public static final char PERMIT_LETTER = 'P';

    /** {@link FieldError#code()} when the input does not have 22 characters. */
    public static final String REASON_LENGTH = CreditCode.REASON_LENGTH;
    /** {@link FieldError#code()} when a character of the credit code or serial is not allowed there. */
    public static final String REASON_CHARACTER = CreditCode.REASON_CHARACTER;
    /** {@link FieldError#code()} when the check character of the embedded credit code is wrong. */
    public static final String REASON_CHECKSUM = CreditCode.REASON_CHECKSUM;
    /** {@link FieldError#code()} when the site serial is {@code 000}. */
    public static final String REASON_SERIAL = "SERIAL";
    /** {@link FieldError#code()} when the last character is not one of the allowed letters. */
    public static final String REASON_LETTER = "LETTER";

    private static final int SERIAL_START = CreditCode.LENGTH; // 0-based index of the serial
    private static final int LETTER_INDEX = LENGTH - 1;
    private static final Set<Character> ANY_LETTER = IntStream.rangeClosed('A', 'Z')
            .mapToObj(c -> (char) c).collect(Collectors.toUnmodifiableSet());

    /** Accepts only canonical values (upper case, any letter A–Z); see {@link #parse} for caller input. */
    public PermitNumber {
        Objects.requireNonNull(value, "value");
        Optional<FieldError> problem = check(value, "value", ANY_LETTER);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(
                    "not a permit number: '" + Printable.of(value) + "': " + problem.get().message().en());
        }
        if (!value.equals(CreditCode.upperAscii(value))) {
            throw new IllegalArgumentException("permit number must be upper case: '" + Printable.of(value) + "'");
        }
    }

    /**
     * Parses caller input. ASCII letters are upper-cased first; nothing is trimmed.
     *
     * @param raw            the input as sent, may be {@code null} (treated as empty)
     * @param path           the parameter path for the error, e.g. {@code path.permitNumber}
     * @param allowedLetters the accepted last letters (upper case A–Z, not empty), e.g. {@code P} and the configured
     *                       registration letter
     * @throws ApiException {@link ErrorCode#INVALID_PERMIT_NUMBER} with one {@link FieldError} whose code is one of
     *                      the {@code REASON_*} constants
     * @throws IllegalArgumentException if {@code allowedLetters} is empty or holds anything but A–Z
     */
    public static PermitNumber parse(String raw, String path, Set<Character> allowedLetters) {
        Optional<FieldError> problem = check(raw, path, allowedLetters);
        if (problem.isPresent()) {
            Message why = problem.get().message();
            String shown = Printable.of(raw);
            throw new ApiException(ErrorCode.INVALID_PERMIT_NUMBER,
                    Message.of("'" + shown + "' is not a valid permit number: " + why.en(),
                            "'" + shown + "'不是有效的排污许可证编号：" + why.zh()),
                    List.of(problem.get()));
        }
        return new PermitNumber(CreditCode.upperAscii(raw));
    }

    /**
     * Checks caller input the way {@link #parse} does, without throwing. Reports the first problem in the order
     * LENGTH, CHARACTER (positions 1–21, left to right), CHECKSUM (not for pseudo-codes), SERIAL, LETTER; empty when
     * {@code parse} would succeed.
     */
    public static Optional<FieldError> check(String raw, String path, Set<Character> allowedLetters) {
        Objects.requireNonNull(path, "path");
        String letters = describeLetters(allowedLetters);
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
                String shown = Printable.codePoint(cp);
                return Optional.of(new FieldError(path, REASON_CHARACTER, Message.of(
                        "character '" + shown + "' at position " + position
                                + " is not allowed (positions 19-21 are the site serial: digits only)",
                        "第" + position + "位字符'" + shown + "'不合法（第19-21位为场所序号，只允许数字）")));
            }
            i += Character.charCount(cp);
        }
        // positions 1-21 are now ASCII; the last code point may still be anything
        if (!number.startsWith(CreditCode.PSEUDO_PREFIX)) {
            char expected = CreditCode.computeCheck(number);
            char actual = number.charAt(CreditCode.LENGTH - 1);
            if (expected != actual) {
                return Optional.of(new FieldError(path, REASON_CHECKSUM, Message.of(
                        "check character of the credit code (position 18) should be '" + expected + "', got '"
                                + actual + "'",
                        "信用代码校验码（第18位）应为'" + expected + "'，实际为'" + actual + "'")));
            }
        }
        String serial = number.substring(SERIAL_START, SERIAL_START + 3);
        if (serial.equals("000")) {
            return Optional.of(new FieldError(path, REASON_SERIAL, Message.of(
                    "site serial (positions 19-21) must be 001-999, got '000'",
                    "场所序号（第19-21位）应为001-999，实际为'000'")));
        }
        int last = number.codePointAt(LETTER_INDEX);
        if (last > Character.MAX_VALUE || !allowedLetters.contains((char) last)) {
            String shown = Printable.codePoint(last);
            boolean one = allowedLetters.size() == 1;
            return Optional.of(new FieldError(path, REASON_LETTER, Message.of(
                    "must end with " + (one ? "" : "one of ") + letters + "; got '" + shown + "'",
                    "末位应为" + letters.replace(", ", "、") + (one ? "" : "之一") + "，实际为'" + shown + "'")));
        }
        return Optional.empty();
    }

    /** Whether {@link #parse} would accept the input with these letters. */
    public static boolean isValid(String raw, Set<Character> allowedLetters) {
        return check(raw, "value", allowedLetters).isEmpty();
    }

    /**
     * Builds a permit number, for generators.
     *
     * @throws IllegalArgumentException unless {@code serial} is 1–999 and {@code letter} is A–Z
     */
    public static PermitNumber of(CreditCode code, int serial, char letter) {
        Objects.requireNonNull(code, "code");
        if (serial < 1 || serial > 999) {
            throw new IllegalArgumentException("site serial must be 1-999, got " + serial);
        }
        if (letter < 'A' || letter > 'Z') {
            throw new IllegalArgumentException("letter must be A-Z, got '" + Printable.codePoint(letter) + "'");
        }
        return new PermitNumber(code.value() + String.format("%03d", serial) + letter);
    }

    /** The enterprise's credit code (positions 1–18). */
    public CreditCode creditCode() {
        return new CreditCode(value.substring(0, CreditCode.LENGTH));
    }

    /** The site serial (positions 19–21), 1–999. */
    public int siteSerial() {
        return Integer.parseInt(value.substring(SERIAL_START, SERIAL_START + 3));
    }

    /** The last letter: {@code P} for permits. */
    public char letter() {
        return value.charAt(LETTER_INDEX);
    }

    /** Validates the letter set and renders it sorted, e.g. {@code "P, W"}. */
    private static String describeLetters(Set<Character> allowedLetters) {
        Objects.requireNonNull(allowedLetters, "allowedLetters");
        if (allowedLetters.isEmpty()) {
            throw new IllegalArgumentException("allowedLetters must not be empty");
        }
        for (Character c : allowedLetters) {
            if (c == null || c < 'A' || c > 'Z') {
                throw new IllegalArgumentException("allowedLetters must be upper-case A-Z, got " + allowedLetters);
            }
        }
        return new TreeSet<>(allowedLetters).stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
