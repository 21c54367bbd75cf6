package org.epermit.sdk.service;

import org.epermit.sdk.ApiTag;
import org.epermit.sdk.OperationId;
import org.epermit.sdk.RequestOptions;
import org.epermit.sdk.model.ReceiptKeySet;

/**
 * The public keys signed receipts (回执) are verified with. To verify a receipt, use
 * {@link org.epermit.sdk.receipt.ReceiptVerifier}, which reads these keys once and keeps them. Reached through
 * {@link org.epermit.sdk.EPermitClient#receipts()}.
 *
 * <p>An interface, so that your tests can stand in for the API; the client's own implementation is thread-safe.
 */
@ApiTag("Receipts")
public interface ReceiptService {

    /**
     * Lists the Ed25519 public keys receipts are signed with (a JWK Set): the current key first, then earlier keys
     * still published after a rotation.
     *
     * @return the key set
     */
    @OperationId("listReceiptKeys")
    default ReceiptKeySet keys() {
        return keys(RequestOptions.none());
    }

    /**
     * Lists the receipt signing keys, with options.
     *
     * @param options options for this call
     * @return the key set
     */
    @OperationId("listReceiptKeys")
    ReceiptKeySet keys(RequestOptions options);
}
