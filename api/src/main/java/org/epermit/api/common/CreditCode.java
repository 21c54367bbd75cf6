package org.epermit.api.common;

import java.util.Objects;
import java.util.Optional;

import org.epermit.api.problem.ApiException;
import org.epermit.api.problem.ErrorCode;
import org.epermit.api.problem.FieldError;
import org.epermit.codes.CreditCodeRules;

/**
 * A unified social credit code (统一社会信用代码, GB 32100-2015), always in canonical form. The rules are the shared
 * library's ({@link CreditCodeRules}, used by the SDK too); this type adapts them to the service's errors.
 *
 * <p>Codes starting with {@code H9} are <em>pseudo-codes</em> given to enterprises that have no credit code; their
 * check character is not verified ({@link #isPseudo()}). Whether a unit with such a code exists is for the data to
 * say, not for this type.
 *
 * <p>Use {@link #parse} for input from callers (it upper-cases, checks and throws {@link ApiException}) and
 * {@link #check} where several parameters must be validated and all failures reported at once. The canonical
 * constructor is for trusted values (database, generators): it accepts only canonical values and throws
 * {@link IllegalArgumentException} otherwise.
 */
public record CreditCode(String value) {

    /** Accepts only canonical values (upper case, valid or pseudo); see {@link #parse} for caller input. */
    public CreditCode {
        CreditCodeRules.requireCanonical(value);
    }

    /**
     * Parses caller input. ASCII letters are upper-cased first; nothing is trimmed (whitespace is an invalid
     * character). Pseudo-codes (prefix H9) are accepted without checking their check character.
     *
     * @param raw  the input as sent, may be {@code null} (treated as empty)
     * @param path the parameter path for the error, e.g. {@code path.creditCode}
     * @throws ApiException {@link ErrorCode#INVALID_CREDIT_CODE} with one {@link FieldError} whose code is a
     *                      {@link org.epermit.codes.Reason} ({@code LENGTH}, {@code CHARACTER} or {@code CHECKSUM})
     */
    public static CreditCode parse(String raw, String path) {
        Objects.requireNonNull(path, "path");
        return new CreditCode(CreditCodeRules.parse(raw,
                violation -> CodeViolations.rejection(ErrorCode.INVALID_CREDIT_CODE, raw, path, violation)));
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
        return CreditCodeRules.check(raw).map(violation -> CodeViolations.fieldError(violation, path));
    }

    /** Whether {@link #parse} would accept the input (so pseudo-codes and lower case count as valid). */
    public static boolean isValid(String raw) {
        return CreditCodeRules.check(raw).isEmpty();
    }

    /**
     * The check character for the first 17 characters of a code, for generators.
     *
     * @throws IllegalArgumentException unless {@code first17} is 17 characters from the alphabet
     */
    public static char checkCharacter(String first17) {
        return CreditCodeRules.checkCharacter(first17);
    }

    /** Whether this is a pseudo-code (prefix H9) given to an enterprise without a credit code. */
    public boolean isPseudo() {
        return CreditCodeRules.isPseudo(value);
    }

    /**
     * Positions 3–8: the GB/T 2260 division code of the registering authority, e.g. {@code 130200}. Not meaningful
     * for pseudo-codes.
     */
    public String divisionCode() {
        return CreditCodeRules.divisionCode(value);
    }
}
