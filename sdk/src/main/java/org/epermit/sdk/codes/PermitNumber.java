package org.epermit.sdk.codes;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.epermit.codes.PermitNumberRules;
import org.epermit.sdk.errors.FieldError;
import org.epermit.sdk.errors.ValidationException;

/**
 * A permit number (许可证编号, HJ 608-2017) in canonical form: 22 characters = the holder's 18-character
 * {@link CreditCode} (a pseudo-code keeps its lower-case letter) + a 3-digit site serial {@code 001}–{@code 999} + an
 * identification letter. Example: {@code 91130200699229617X001P}. The rules are the API's own
 * ({@link PermitNumberRules}, the library the service uses); this type reports them as the SDK's errors.
 *
 * <p>The last letter may be any upper-case letter {@code A}–{@code Z}, as the API accepts in every request: HJ 608
 * calls it an identification code, not a check character, and confirms only {@code P} ({@code W} is common on
 * registration receipts, provinces use others). So the SDK never refuses locally a number the API would look up; a
 * well-formed number nobody holds is the API's 404.
 *
 * @param value the canonical number
 */
public record PermitNumber(String value) {

    /** The API's error code for a malformed permit number. */
    public static final String ERROR_CODE = "INVALID_PERMIT_NUMBER";

    /**
     * Accepts canonical numbers only; use {@link #parse} for input.
     *
     * @param value the canonical number
     * @throws IllegalArgumentException if the value is not canonical
     */
    public PermitNumber {
        PermitNumberRules.requireCanonical(value);
    }

    /**
     * Parses input as the API does: ASCII letters are upper-cased (a pseudo-code's letter excepted), nothing is
     * trimmed.
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
     * @throws ValidationException {@code INVALID_PERMIT_NUMBER} with one field error whose code is a
     *                             {@link org.epermit.codes.Reason}
     */
    public static PermitNumber parse(String raw, String path) {
        return parse(raw, path, Locale.ENGLISH);
    }

    /**
     * Parses input as the API does, with the error's messages in the language the API would use for {@code locale}
     * (Chinese for {@code zh}, English otherwise).
     *
     * @param raw    the input, may be {@code null} (treated as empty)
     * @param path   the field path for the error, e.g. {@code path.permitNumber}
     * @param locale the language of the error's messages
     * @return the number in canonical form
     * @throws ValidationException {@code INVALID_PERMIT_NUMBER} with one field error whose code is a
     *                             {@link org.epermit.codes.Reason}
     */
    public static PermitNumber parse(String raw, String path, Locale locale) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(locale, "locale");
        return new PermitNumber(PermitNumberRules.parse(raw,
                violation -> LocalViolations.rejection(ERROR_CODE, raw, path, violation, locale)));
    }

    /**
     * Checks input as the API does, without throwing. Reports the first problem in the order LENGTH; the code's
     * structure (CHARACTER, DIVISION, PSEUDO_CODE); CHARACTER in the serial; CHECKSUM (not for pseudo-codes); SERIAL;
     * LETTER (not an upper-case letter).
     *
     * @param raw  the input, may be {@code null} (treated as empty)
     * @param path the field path to put in the error
     * @return the problem (message in English), or empty when {@link #parse} would succeed
     */
    public static Optional<FieldError> check(String raw, String path) {
        Objects.requireNonNull(path, "path");
        return PermitNumberRules.check(raw).map(violation -> LocalViolations.fieldError(violation, path));
    }

    /**
     * Tells whether {@link #parse(String)} would accept the input.
     *
     * @param raw the input, may be {@code null}
     * @return whether the input is a well-formed permit number
     */
    public static boolean isValid(String raw) {
        return PermitNumberRules.check(raw).isEmpty();
    }

    /**
     * Returns the holder's credit code or pseudo-code (positions 1–18).
     *
     * @return the code
     */
    public CreditCode creditCode() {
        return new CreditCode(PermitNumberRules.creditCode(value));
    }

    /**
     * Returns the site serial (positions 19–21).
     *
     * @return the serial, 1–999
     */
    public int siteSerial() {
        return PermitNumberRules.siteSerial(value);
    }

    /**
     * Returns the identification letter: {@code P} on permits, commonly {@code W} on registration receipts.
     *
     * @return the letter
     */
    public char letter() {
        return PermitNumberRules.letter(value);
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
