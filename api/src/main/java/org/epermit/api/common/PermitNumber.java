package org.epermit.api.common;

import java.util.Objects;
import java.util.Optional;

import org.epermit.api.problem.ApiException;
import org.epermit.api.problem.ErrorCode;
import org.epermit.api.problem.FieldError;
import org.epermit.codes.PermitNumberRules;

/**
 * A permit number (许可证编号, HJ 608-2017), always in canonical form: 22 characters = the holder's 18-character
 * {@link CreditCode} (a pseudo-code keeps its lower-case letter) + a 3-digit site serial {@code 001}–{@code 999} + an
 * identification letter. Example: {@code 91130200699229617X001P}. The rules are the shared library's
 * ({@link PermitNumberRules}, used by the SDK too); this type adapts them to the service's errors.
 *
 * <p>Every number a caller sends refers to a permit that may exist (lookups, a delegation's permits), so
 * {@link #parse} and {@link #check} accept any upper-case letter A–Z at the end: HJ 608 calls it an identification
 * code, not a check character, and only {@code P} is confirmed by its example. A well-formed number nobody holds is a
 * 404 ({@code PERMIT_NOT_FOUND}), not a 400. Only the numbers the service issues end with the configured letters
 * ({@code epermit.permit-number.*}, {@link org.epermit.api.permit.PermitNumberConfig}).
 *
 * <p>The canonical constructor is for trusted values (database, generators): it accepts only canonical values and
 * throws {@link IllegalArgumentException} otherwise.
 */
public record PermitNumber(String value) {

    /** Accepts only canonical values (any letter A–Z); see {@link #parse} for caller input. */
    public PermitNumber {
        PermitNumberRules.requireCanonical(value);
    }

    /**
     * Parses caller input that refers to a permit. ASCII letters are upper-cased first (a pseudo-code's letter
     * excepted); nothing is trimmed.
     *
     * @param raw  the input as sent, may be {@code null} (treated as empty)
     * @param path the parameter path for the error, e.g. {@code path.permitNumber}
     * @throws ApiException {@link ErrorCode#INVALID_PERMIT_NUMBER} with one {@link FieldError} whose code is a
     *                      {@link org.epermit.codes.Reason}
     */
    public static PermitNumber parse(String raw, String path) {
        Objects.requireNonNull(path, "path");
        return new PermitNumber(PermitNumberRules.parse(raw,
                violation -> CodeViolations.rejection(ErrorCode.INVALID_PERMIT_NUMBER, raw, path, violation)));
    }

    /**
     * Checks caller input the way {@link #parse} does, without throwing. Reports the first problem in the order
     * LENGTH; the code's structure (CHARACTER, DIVISION, PSEUDO_CODE); CHARACTER in the serial; CHECKSUM (not for
     * pseudo-codes); SERIAL; LETTER; empty when {@code parse} would succeed.
     */
    public static Optional<FieldError> check(String raw, String path) {
        Objects.requireNonNull(path, "path");
        return PermitNumberRules.check(raw).map(violation -> CodeViolations.fieldError(violation, path));
    }

    /** Whether {@link #parse} would accept the input. */
    public static boolean isValid(String raw) {
        return PermitNumberRules.check(raw).isEmpty();
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

    /** The holder's credit code or pseudo-code (positions 1–18). */
    public CreditCode creditCode() {
        return new CreditCode(PermitNumberRules.creditCode(value));
    }

    /** The site serial (positions 19–21), 1–999. */
    public int siteSerial() {
        return PermitNumberRules.siteSerial(value);
    }

    /** The identification letter: {@code P} on permits the service issues. */
    public char letter() {
        return PermitNumberRules.letter(value);
    }
}
