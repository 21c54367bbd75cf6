package org.epermit.sdk.codes;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.epermit.codes.PermitLetters;
import org.epermit.codes.PermitNumberRules;
import org.epermit.sdk.errors.FieldError;
import org.epermit.sdk.errors.ValidationException;

/**
 * A permit number (许可证编号, HJ 608-2017) in canonical form: 22 upper-case characters = the enterprise's 18-character
 * {@link CreditCode} (pseudo-codes allowed) + a 3-digit site serial {@code 001}–{@code 999} + a letter: {@code P} on
 * permits, and the deployment's letter of registration receipts ({@code W} unless a province chose another). Example:
 * {@code 91130200699229617X001P}. The rules are the API's own ({@link PermitNumberRules}, the library the service
 * uses); this type reports them as the SDK's errors.
 *
 * <p>Which letters are accepted is a parameter ({@link PermitLetters}); the methods without it assume
 * {@link PermitLetters#NATIONAL} ({@code P}, {@code W}), as the API does by default. A client checks with the letters
 * it was built with ({@code EPermitClient.Builder#permitNumberLetters}).
 *
 * @param value the canonical number
 */
public record PermitNumber(String value) {

    /** The API's error code for a malformed permit number. */
    public static final String ERROR_CODE = "INVALID_PERMIT_NUMBER";

    /**
     * Accepts canonical numbers only, ending with any letter A–Z (the deployment's letters are not known here); use
     * {@link #parse} for input.
     *
     * @param value the canonical number
     * @throws IllegalArgumentException if the value is not canonical
     */
    public PermitNumber {
        PermitNumberRules.requireCanonical(value);
    }

    /**
     * Parses input as the API does with its default letters: ASCII letters are upper-cased, nothing is trimmed.
     *
     * @param raw the input, may be {@code null} (treated as empty)
     * @return the number in canonical form
     * @throws ValidationException {@code INVALID_PERMIT_NUMBER} with one field error at {@code value}
     */
    public static PermitNumber parse(String raw) {
        return parse(raw, "value", PermitLetters.NATIONAL);
    }

    /**
     * Parses input as the API does with its default letters, naming the failing field as given.
     *
     * @param raw  the input, may be {@code null} (treated as empty)
     * @param path the field path for the error, e.g. {@code path.permitNumber}
     * @return the number in canonical form
     * @throws ValidationException {@code INVALID_PERMIT_NUMBER} with one field error whose code is a
     *                             {@link org.epermit.codes.Reason}
     */
    public static PermitNumber parse(String raw, String path) {
        return parse(raw, path, PermitLetters.NATIONAL);
    }

    /**
     * Parses input as a deployment with these letters does.
     *
     * @param raw     the input, may be {@code null} (treated as empty)
     * @param path    the field path for the error, e.g. {@code path.permitNumber}
     * @param letters the letters the number may end with
     * @return the number in canonical form
     * @throws ValidationException {@code INVALID_PERMIT_NUMBER} with one field error whose code is a
     *                             {@link org.epermit.codes.Reason}
     */
    public static PermitNumber parse(String raw, String path, PermitLetters letters) {
        return parse(raw, path, letters, Locale.ENGLISH);
    }

    /**
     * Parses input as a deployment with these letters does, with the error's messages in the language the API would
     * use for {@code locale} (Chinese for {@code zh}, English otherwise).
     *
     * @param raw     the input, may be {@code null} (treated as empty)
     * @param path    the field path for the error, e.g. {@code path.permitNumber}
     * @param letters the letters the number may end with
     * @param locale  the language of the error's messages
     * @return the number in canonical form
     * @throws ValidationException {@code INVALID_PERMIT_NUMBER} with one field error whose code is a
     *                             {@link org.epermit.codes.Reason}
     */
    public static PermitNumber parse(String raw, String path, PermitLetters letters, Locale locale) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(locale, "locale");
        return new PermitNumber(PermitNumberRules.parse(raw, letters,
                violation -> LocalViolations.rejection(ERROR_CODE, raw, path, violation, locale)));
    }

    /**
     * Checks input with the API's default letters, without throwing. Reports the first problem in the order LENGTH,
     * CHARACTER (positions 1–21, left to right), CHECKSUM (not for pseudo-codes), SERIAL, LETTER.
     *
     * @param raw  the input, may be {@code null} (treated as empty)
     * @param path the field path to put in the error
     * @return the problem (message in English), or empty when {@link #parse} would succeed
     */
    public static Optional<FieldError> check(String raw, String path) {
        return check(raw, path, PermitLetters.NATIONAL);
    }

    /**
     * Checks input as a deployment with these letters does, without throwing.
     *
     * @param raw     the input, may be {@code null} (treated as empty)
     * @param path    the field path to put in the error
     * @param letters the letters the number may end with
     * @return the problem (message in English), or empty when {@link #parse} would succeed
     */
    public static Optional<FieldError> check(String raw, String path, PermitLetters letters) {
        Objects.requireNonNull(path, "path");
        return PermitNumberRules.check(raw, letters).map(violation -> LocalViolations.fieldError(violation, path));
    }

    /**
     * Tells whether {@link #parse(String)} would accept the input (the API's default letters).
     *
     * @param raw the input, may be {@code null}
     * @return whether the input is a valid permit number
     */
    public static boolean isValid(String raw) {
        return isValid(raw, PermitLetters.NATIONAL);
    }

    /**
     * Tells whether the input is a valid permit number where these letters are allowed.
     *
     * @param raw     the input, may be {@code null}
     * @param letters the letters the number may end with
     * @return whether the input is a valid permit number
     */
    public static boolean isValid(String raw, PermitLetters letters) {
        return PermitNumberRules.check(raw, letters).isEmpty();
    }

    /**
     * Returns the enterprise's credit code (positions 1–18).
     *
     * @return the credit code
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
     * Returns the last letter: {@code P} for permits, the registration letter for registration receipts.
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
