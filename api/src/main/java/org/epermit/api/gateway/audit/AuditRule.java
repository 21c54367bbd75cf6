package org.epermit.api.gateway.audit;

/**
 * Which requests get an audit row of their own. A row is for what a caller was allowed to attempt: a request of an
 * authenticated caller that reached an operation (every write attempt among them, refused ones too), and a failed
 * authentication (a credential presented and refused, 401): evidence of guessing, whose volume per address the
 * brute-force lockout bounds (epermit.rate-limit.auth-failures; past it the address gets 429s, which are not rows).
 * What anyone can send at no cost, and so could grow the append-only table without bound, is counted instead
 * (epermit.audit.requests.unrecorded, by reason): refusals by the rate limiter, bodies over the size limit, requests
 * that matched no operation or could not be understood, and anonymous requests refused for lack of credentials.
 * Anonymous requests that an operation answered (public reads) are neither.
 */
final class AuditRule {

    /** Written as a row, or counted under {@code countedAs}, or (both false/null) public traffic left alone. */
    record Verdict(boolean recorded, String countedAs) {
    }

    static final Verdict RECORD = new Verdict(true, null);
    static final Verdict PUBLIC = new Verdict(false, null);

    private AuditRule() {
    }

    static Verdict of(boolean authenticated, boolean presentedCredentials, boolean reachedOperation, int status) {
        if (authenticated && reachedOperation) {
            return RECORD;
        }
        if (!authenticated && presentedCredentials && status == 401) {
            return RECORD;
        }
        if (status < 400) {
            return PUBLIC;  // e.g. a CORS preflight, a health probe
        }
        if (status == 429) {
            return counted("rate_limited");
        }
        if (status == 413) {
            return counted("payload_too_large");
        }
        if (!reachedOperation) {
            // no operation for the path, the method or the media types (Content-Type, Accept)
            boolean noOperation = status == 404 || status == 405 || status == 406 || status == 415;
            return counted(noOperation ? "no_route" : status == 400 ? "malformed" : "other");
        }
        return status == 401 ? counted("unauthenticated") : PUBLIC;
    }

    private static Verdict counted(String reason) {
        return new Verdict(false, reason);
    }
}
