package org.epermit.codes;

/**
 * How strictly a unified social credit code is checked: whether an input that fails the organisation code's own check
 * character (position 17, GB 11714) is refused.
 *
 * <p>Some genuine early codes fail that check (pilot codes issued before the rules settled), and a unit cannot change
 * its code; refusing them would lock their holders out of their own data. So an input that <em>refers to</em> a unit
 * that may already exist is checked at {@link #LOOKUP} and then simply looked up (unknown → 404, or the operation's
 * "unknown enterprise" error), while an identifier the service itself issues or registers is checked at
 * {@link #REGISTRATION}, so that no new wrong code gets in.
 *
 * <p>The ePermit service uses {@code LOOKUP} for every code a caller sends, because each names a unit that must
 * already exist: {@code GET /v1/public/enterprises/{creditCode}}, the {@code enterpriseCreditCode} of an enterprise
 * user's API client and of a delegation (an unknown one is {@code UNKNOWN_ENTERPRISE}), and the holder's code inside
 * every permit number. It uses {@code REGISTRATION} for the codes it creates (its demo data today; no operation
 * registers enterprises yet). The Java SDK checks locally at {@code LOOKUP}, so it never refuses what the service
 * would look up.
 *
 * <table>
 * <caption>What each level checks</caption>
 * <tr><th>check</th><th>{@link #LOOKUP}</th><th>{@link #REGISTRATION}</th></tr>
 * <tr><td>length, alphabet, positions 3–8 digits</td><td>yes</td><td>yes</td></tr>
 * <tr><td>GB 32100 check character (position 18, mod 31)</td><td>yes</td><td>yes</td></tr>
 * <tr><td>pseudo-code structure (prefix {@code H9}, lower-case last letter)</td><td>yes</td><td>yes</td></tr>
 * <tr><td>GB 11714 organisation-code check character (position 17, mod 11)</td><td>no</td><td>yes</td></tr>
 * </table>
 */
public enum Strictness {
    /**
     * For input that refers to an existing unit (a lookup, a reference in a request): everything but the GB 11714
     * check of position 17, which some genuine early codes fail.
     */
    LOOKUP,
    /** For identifiers the service issues or registers: every rule, the GB 11714 check of position 17 included. */
    REGISTRATION
}
