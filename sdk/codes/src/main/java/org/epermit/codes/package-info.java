/**
 * The rules of the two identifiers every permit is written in, in one place for the service and the Java SDK:
 * {@link org.epermit.codes.CreditCodeRules} (unified social credit code, GB 32100-2015, and the {@code H9} pseudo-codes
 * of units without one) and {@link org.epermit.codes.PermitNumberRules} (permit number, HJ 608-2017).
 *
 * <p>A check never throws for bad input: it returns the first {@link org.epermit.codes.Violation} found, a neutral
 * description (reason, position, expected, actual, English and Chinese text) that the service turns into its problem
 * and the SDK into its exception.
 *
 * <p>Two levels, so that no genuine identifier is refused and no wrong one is issued:
 * <ul>
 * <li><b>Lookup</b> — input that refers to something that may exist: a credit code at
 * {@link org.epermit.codes.Strictness#LOOKUP} (structure and the mod-31 check character, not the GB 11714 check of
 * position 17, which some genuine early codes fail), a permit number with any upper-case last letter
 * ({@link org.epermit.codes.PermitNumberRules#check(String)}). What passes is looked up; unknown is a 404.</li>
 * <li><b>Registration</b> — identifiers the service issues or registers: a credit code at
 * {@link org.epermit.codes.Strictness#REGISTRATION} (the GB 11714 check too), a permit number with one of the
 * deployment's configured letters ({@link org.epermit.codes.PermitLetters},
 * {@link org.epermit.codes.PermitNumberRules#check(String, org.epermit.codes.PermitLetters)}).</li>
 * </ul>
 *
 * <p>No dependencies, no state: every method is a pure function of its arguments.
 */
package org.epermit.codes;
