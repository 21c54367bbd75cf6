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
    /** The check character (position 18 of a credit code) is wrong: expected is the right one, actual the one found. */
    CHECKSUM,
    /** The site serial of a permit number is {@code 000}: expected is {@code 001-999}, actual {@code 000}. */
    SERIAL,
    /** The last letter of a permit number is not allowed: expected is every allowed letter, actual the one found. */
    LETTER
}
