/**
 * Identifiers the SDK checks locally, so that a typo fails before any network call with the same error code and
 * field-error codes the API would give: {@link org.epermit.sdk.codes.CreditCode} (GB 32100-2015 unified social credit
 * code, check character included, or an {@code H9} pseudo-code) and {@link org.epermit.sdk.codes.PermitNumber}
 * (HJ 608-2017 permit number).
 *
 * <p>The SDK checks as the API does for what clients send (lookups and references: the lookup level), so it never
 * refuses locally what the API would look up: any upper-case identification letter at the end of a permit number, a
 * genuine early credit code whose organisation code fails its own check, a pseudo-code with its lower-case letter.
 *
 * <p>The rules are not a copy: they are the library the service itself uses ({@code org.epermit:epermit-codes},
 * package {@link org.epermit.codes}), so the order of checks and the reason codes ({@code LENGTH}, {@code CHARACTER},
 * {@code DIVISION}, {@code CHECKSUM}, {@code PSEUDO_CODE}, {@code SERIAL}, {@code LETTER}, see
 * {@link org.epermit.codes.Reason}) are the API's by construction. These types only turn a {@link org.epermit.codes.Violation} into a
 * {@link org.epermit.sdk.errors.ValidationException}; call {@link org.epermit.codes.CreditCodeRules#check} or
 * {@link org.epermit.codes.PermitNumberRules#check} for the violation itself (position, expected, actual, English and
 * Chinese text).
 */
package org.epermit.sdk.codes;
