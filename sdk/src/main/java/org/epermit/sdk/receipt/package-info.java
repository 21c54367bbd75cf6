/**
 * Signed receipts (回执) for accepted execution reports, verified offline: {@link org.epermit.sdk.receipt.ReceiptVerifier}
 * checks a receipt's Ed25519 signature against the service's published keys and returns its
 * {@link org.epermit.sdk.receipt.ReceiptClaims}, and checks that a report's content is the content the receipt names.
 */
package org.epermit.sdk.receipt;
