package org.epermit.sdk.receipt;

/**
 * A receipt that does not verify: its {@link #getReason() reason} says why. Unchecked, like the SDK's call failures;
 * a receipt that fails is not proof of anything and must not be trusted in part.
 */
public final class ReceiptVerificationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a receipt did not verify. */
    public enum Reason {
        /** Not a JWS in compact serialization, or its header or payload is not the JSON a receipt carries. */
        MALFORMED,
        /** The header's {@code alg} is not {@code EdDSA}, or it names critical extensions this SDK does not know. */
        UNSUPPORTED_ALGORITHM,
        /** The header's {@code typ} is not {@code epermit-receipt+jwt}: a JWS, but not a receipt. */
        WRONG_TYPE,
        /** No published key has the header's {@code kid} (or the header names none). */
        UNKNOWN_KEY,
        /** The signature does not match the header and payload under the named key: altered, or not ours. */
        BAD_SIGNATURE,
        /** The signature is good, but the content checked is not the content the receipt names. */
        CONTENT_MISMATCH,
        /**
         * The signature is good, but the receipt is for another report, version, permit, type or period than the
         * report version it came with (or that version has no receipt).
         */
        WRONG_REPORT,
        /**
         * The version was imported from another platform ({@code source} IMPORTED: the demo data's history, a
         * migration): it was accepted there and carries no receipt of ours, so there is nothing to verify. This is not
         * a failed signature; trust the version as far as you trust the platform it came from.
         */
        IMPORTED_WITHOUT_RECEIPT
    }

    private final Reason reason;

    /**
     * Creates the exception.
     *
     * @param reason  why the receipt did not verify
     * @param message what was wrong, for people
     * @param cause   the underlying exception, or {@code null}
     */
    public ReceiptVerificationException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /**
     * Returns why the receipt did not verify.
     *
     * @return the reason, never {@code null}
     */
    public Reason getReason() {
        return reason;
    }
}
