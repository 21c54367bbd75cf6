package org.epermit.api.common;

import java.util.Objects;
import java.util.Optional;

import org.epermit.api.problem.ApiException;
import org.epermit.api.problem.ErrorCode;
import org.epermit.api.problem.FieldError;
import org.epermit.codes.CreditCodeRules;
import org.epermit.codes.Strictness;

/**
 * A unified social credit code (统一社会信用代码, GB 32100-2015) or the pseudo-code of a unit without one, always in
 * canonical form. The rules are the shared library's ({@link CreditCodeRules}, used by the SDK too); this type adapts
 * them to the service's errors.
 *
 * <p>Every parse and check names its {@link Strictness}, and the service uses them so:
 * <ul>
 * <li>{@link Strictness#LOOKUP} wherever input <em>refers to</em> a unit that may exist: the public enterprise lookup,
 * an enterprise client's unit, a delegation's enterprise. What passes is looked up, and an unknown code is a 404 or
 * the operation's {@code UNKNOWN_ENTERPRISE}; a genuine early code whose organisation code fails its own check
 * (position 17, GB 11714) is found like any other.</li>
 * <li>{@link Strictness#REGISTRATION} for codes the service issues or registers (the demo generator, and the unit of
 * a registration, 排污登记, whose receipt is numbered from it; the API creates no enterprise yet): the GB 11714 check
 * too, so that no new wrong code gets in.</li>
 * </ul>
 *
 * <p>Pseudo-codes ({@code H9} + division + {@code 0000} and a sequence, or + an organisation code, + a lower-case
 * letter; {@link #isPseudo()}) keep their case: input is upper-cased except their last letter, and that letter is
 * stored and compared as it is. The canonical constructor is for trusted values (database, generators): it accepts
 * only canonical values valid at {@code LOOKUP} and throws {@link IllegalArgumentException} otherwise.
 */
public record CreditCode(String value) {

    /** Accepts only canonical values (valid at lookup level, canonical case); see {@link #parse} for caller input. */
    public CreditCode {
        CreditCodeRules.requireCanonical(value);
    }

    /**
     * Parses caller input. ASCII letters are upper-cased first (a pseudo-code's last letter excepted); nothing is
     * trimmed (whitespace is an invalid character).
     *
     * @param raw        the input as sent, may be {@code null} (treated as empty)
     * @param path       the parameter path for the error, e.g. {@code path.creditCode}
     * @param strictness {@code LOOKUP} for input that refers to an existing unit, {@code REGISTRATION} for a code the
     *                   service registers
     * @throws ApiException {@link ErrorCode#INVALID_CREDIT_CODE} with one {@link FieldError} whose code is a
     *                      {@link org.epermit.codes.Reason}
     */
    public static CreditCode parse(String raw, String path, Strictness strictness) {
        Objects.requireNonNull(path, "path");
        return new CreditCode(CreditCodeRules.parse(raw, strictness,
                violation -> CodeViolations.rejection(ErrorCode.INVALID_CREDIT_CODE, raw, path, violation)));
    }

    /**
     * Checks caller input the way {@link #parse} does, without throwing, where several parameters must be validated
     * and all failures reported at once: the first problem found; empty when {@code parse} would succeed.
     *
     * @param raw        the input as sent, may be {@code null} (treated as empty)
     * @param path       the parameter path to put in the error
     * @param strictness as for {@link #parse}
     */
    public static Optional<FieldError> check(String raw, String path, Strictness strictness) {
        Objects.requireNonNull(path, "path");
        return CreditCodeRules.check(raw, strictness).map(violation -> CodeViolations.fieldError(violation, path));
    }

    /** Whether {@link #parse} would accept the input at this level (pseudo-codes and lower case count as valid). */
    public static boolean isValid(String raw, Strictness strictness) {
        return CreditCodeRules.check(raw, strictness).isEmpty();
    }

    /**
     * The canonical case of input that is, or starts with, a code (a credit code, a pseudo-code, a permit number, or
     * the start of one), valid or not: ASCII letters upper-cased except the 18th character of input starting with
     * {@code H9}, a pseudo-code's letter. Never changes the length.
     */
    public static String normalize(String raw) {
        return CreditCodeRules.normalize(raw);
    }

    /**
     * The mod-31 check character (position 18) for the first 17 characters of a code, for generators.
     *
     * @throws IllegalArgumentException unless {@code first17} is 17 characters from the alphabet
     */
    public static char checkCharacter(String first17) {
        return CreditCodeRules.checkCharacter(first17);
    }

    /**
     * The GB 11714 check character (position 17) for the first 8 characters of an organisation code, for generators.
     *
     * @throws IllegalArgumentException unless {@code first8} is 8 digits or upper-case letters
     */
    public static char organisationCheckCharacter(String first8) {
        return CreditCodeRules.organisationCheckCharacter(first8);
    }

    /** Whether this is a pseudo-code (prefix H9, a lower-case last letter) of a unit without a credit code. */
    public boolean isPseudo() {
        return CreditCodeRules.isPseudo(value);
    }

    /**
     * Positions 3–8: the GB/T 2260 division code of the registering authority (of the issuing one for a pseudo-code),
     * e.g. {@code 130200}.
     */
    public String divisionCode() {
        return CreditCodeRules.divisionCode(value);
    }
}
