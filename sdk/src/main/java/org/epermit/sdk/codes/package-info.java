/**
 * Identifiers the SDK checks locally, so that a typo fails before any network call with the same error code and
 * field-error codes the API would give: {@link org.epermit.sdk.codes.CreditCode} (GB 32100-2015 unified social credit
 * code, check character included) and {@link org.epermit.sdk.codes.PermitNumber} (HJ 608-2017 permit number).
 *
 * <p>The rules are the API's own (same order of checks, same reason codes {@code LENGTH}, {@code CHARACTER},
 * {@code CHECKSUM}, {@code SERIAL}, {@code LETTER}), tested with the same vectors.
 */
package org.epermit.sdk.codes;
