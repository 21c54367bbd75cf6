package org.epermit.api.common;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.epermit.api.problem.ApiException;
import org.epermit.api.problem.ErrorCode;
import org.epermit.api.problem.FieldError;
import org.epermit.codes.PermitLetters;
import org.epermit.codes.PermitNumberRules;

/**
 * A permit number (许可证编号, HJ 608-2017), always in canonical form: 22 upper-case characters = the enterprise's
 * 18-character {@link CreditCode} (pseudo-codes allowed) + a 3-digit site serial {@code 001}–{@code 999} + one letter
 * ({@code P} on permits; the letter of registration receipts is configuration, commonly {@code W}). Example:
 * {@code 91130200699229617X001P}. The rules are the shared library's ({@link PermitNumberRules}, used by the SDK
 * too); this type adapts them to the service's errors.
 *
 * <p>Which letters are accepted is a parameter of {@link #parse} and {@link #check}, never a constant. The canonical
 * constructor is for trusted values (database, generators): it accepts any letter A–Z, only canonical values, and
 * throws {@link IllegalArgumentException} otherwise.
 */
public record PermitNumber(String value) {

    /** Accepts only canonical values (upper case, any letter A–Z); see {@link #parse} for caller input. */
    public PermitNumber {
        PermitNumberRules.requireCanonical(value);
    }

    /**
     * Parses caller input. ASCII letters are upper-cased first; nothing is trimmed.
     *
     * @param raw            the input as sent, may be {@code null} (treated as empty)
     * @param path           the parameter path for the error, e.g. {@code path.permitNumber}
     * @param allowedLetters the accepted last letters (upper case A–Z, not empty), e.g. {@code P} and the configured
     *                       registration letter
     * @throws ApiException {@link ErrorCode#INVALID_PERMIT_NUMBER} with one {@link FieldError} whose code is a
     *                      {@link org.epermit.codes.Reason}
     * @throws IllegalArgumentException if {@code allowedLetters} is empty or holds anything but A–Z
     */
    public static PermitNumber parse(String raw, String path, Set<Character> allowedLetters) {
        Objects.requireNonNull(path, "path");
        return new PermitNumber(PermitNumberRules.parse(raw, PermitLetters.of(allowedLetters),
                violation -> CodeViolations.rejection(ErrorCode.INVALID_PERMIT_NUMBER, raw, path, violation)));
    }

    /**
     * Checks caller input the way {@link #parse} does, without throwing. Reports the first problem in the order
     * LENGTH, CHARACTER (positions 1–21, left to right), CHECKSUM (not for pseudo-codes), SERIAL, LETTER; empty when
     * {@code parse} would succeed.
     */
    public static Optional<FieldError> check(String raw, String path, Set<Character> allowedLetters) {
        Objects.requireNonNull(path, "path");
        return PermitNumberRules.check(raw, PermitLetters.of(allowedLetters))
                .map(violation -> CodeViolations.fieldError(violation, path));
    }

    /** Whether {@link #parse} would accept the input with these letters. */
    public static boolean isValid(String raw, Set<Character> allowedLetters) {
        return PermitNumberRules.check(raw, PermitLetters.of(allowedLetters)).isEmpty();
    }

    /**
     * Builds a permit number, for generators.
     *
     * @throws IllegalArgumentException unless {@code serial} is 1–999 and {@code letter} is A–Z
     */
    public static PermitNumber of(CreditCode code, int serial, char letter) {
        Objects.requireNonNull(code, "code");
        return new PermitNumber(PermitNumberRules.compose(code.value(), serial, letter));
    }

    /** The enterprise's credit code (positions 1–18). */
    public CreditCode creditCode() {
        return new CreditCode(PermitNumberRules.creditCode(value));
    }

    /** The site serial (positions 19–21), 1–999. */
    public int siteSerial() {
        return PermitNumberRules.siteSerial(value);
    }

    /** The last letter: {@code P} for permits. */
    public char letter() {
        return PermitNumberRules.letter(value);
    }
}
