package org.epermit.codes;

/**
 * Why an identifier was refused. The names are the stable field-error codes the API reports (e.g. {@code CHECKSUM}),
 * so adapters use {@link #name()} as the code. What {@link Violation#expected()} and {@link Violation#actual()} hold
 * depends on the reason, as said on each constant.
 */
public enum Reason {
    /** The input has the wrong number of characters: expected and actual are the counts, e.g. {@code 18} and {@code 17}. */
    LENGTH,
    /** A character is not allowed at its position: expected is every character allowed there, actual the one found. */
    CHARACTER,
    /**
     * Positions 3–8 (the GB/T 2260 division code of the registering or issuing authority) hold a non-digit: expected is
     * {@code 0123456789}, actual the first non-digit found (its position is the violation's).
     */
    DIVISION,
    /** The check character (position 18 of a credit code) is wrong: expected is the right one, actual the one found. */
    CHECKSUM,
    /**
     * The organisation code's own check character (position 17, GB 11714: weights 3, 7, 9, 10, 5, 8, 4, 2 over
     * positions 9–16, mod 11) is wrong: expected is the right one ({@code 0}–{@code 9} or {@code X}), actual the one
     * found. Reported only at {@link Strictness#REGISTRATION}.
     */
    ORGANISATION_CHECKSUM,
    /**
     * A pseudo-code (prefix {@code H9}, for a unit without a credit code) does not have the structure of one: positions
     * 9–17 are neither {@code 0000} + a 5-digit sequence nor a 9-character organisation code (digits and upper-case
     * letters), or the last character is not a lower-case letter {@code a}–{@code z} other than {@code i} and
     * {@code o}. Expected is every character allowed at the position, actual the one found.
     */
    PSEUDO_CODE,
    /** The site serial of a permit number is {@code 000}: expected is {@code 001-999}, actual {@code 000}. */
    SERIAL,
    /**
     * The last character of a permit number is not allowed: not an upper-case letter {@code A}–{@code Z} at all, or,
     * for a number the service issues, not one of the configured letters. Expected is every allowed letter, actual
     * the one found.
     */
    LETTER
}
