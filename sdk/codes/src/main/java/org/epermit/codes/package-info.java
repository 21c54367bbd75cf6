/**
 * The rules of the two identifiers every permit is written in, in one place for the service and the Java SDK:
 * {@link org.epermit.codes.CreditCodeRules} (unified social credit code, GB 32100-2015) and
 * {@link org.epermit.codes.PermitNumberRules} (permit number, HJ 608-2017).
 *
 * <p>A check never throws for bad input: it returns the first {@link org.epermit.codes.Violation} found, a neutral
 * description (reason, position, expected, actual, English and Chinese text) that the service turns into its problem
 * and the SDK into its exception. The letters a permit number may end with are a parameter
 * ({@link org.epermit.codes.PermitLetters}), because deployments configure them.
 *
 * <p>No dependencies, no state: every method is a pure function of its arguments.
 */
package org.epermit.codes;
