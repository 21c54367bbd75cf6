package org.epermit.sdk.service;

import java.util.Objects;
import java.util.UUID;
import org.epermit.sdk.ApiTag;
import org.epermit.sdk.OperationId;
import org.epermit.sdk.Page;
import org.epermit.sdk.PagedIterable;
import org.epermit.sdk.RequestOptions;
import org.epermit.sdk.model.Delegation;
import org.epermit.sdk.model.NewDelegation;
import org.epermit.sdk.param.ListParams;

/**
 * Delegations (委托): an enterprise letting a vendor act for it. Administrators and the enterprise create and revoke
 * them; the vendor reads its own. Reached through {@link org.epermit.sdk.EPermitClient#delegations()}.
 *
 * <p>An interface, so that your tests can stand in for the API; the client's own implementation is thread-safe.
 */
@ApiTag("Delegations")
public interface DelegationService {

    /**
     * Lists the delegations the caller may see, fetching pages lazily.
     *
     * @return every delegation
     */
    @OperationId("listDelegations")
    default PagedIterable<Delegation> list() {
        return list(ListParams.defaults(), RequestOptions.none());
    }

    /**
     * Lists the delegations the caller may see, with a page size and options for each page's request.
     *
     * @param params  the page size
     * @param options options for each page's request
     * @return every delegation
     */
    @OperationId("listDelegations")
    default PagedIterable<Delegation> list(ListParams params, RequestOptions options) {
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(options, "options");
        return new PagedIterable<>(cursor -> listPage(params, cursor, options));
    }

    /**
     * Fetches one page of delegations.
     *
     * @param params  the page size
     * @param cursor  the previous page's {@link Page#nextCursor()}, or {@code null} for the first page
     * @param options options for this request
     * @return the page
     */
    @OperationId("listDelegations")
    Page<Delegation> listPage(ListParams params, String cursor, RequestOptions options);

    /**
     * Delegates an enterprise's permits to a vendor. Sent with an {@code Idempotency-Key} (one per call, reused by
     * its retries).
     *
     * @param delegation the vendor's client id, scopes, validity and optionally the permit numbers (none: all the
     *                   enterprise's permits); an administrator also names the enterprise's credit code
     * @return the delegation created
     */
    @OperationId("createDelegation")
    default Delegation create(NewDelegation delegation) {
        return create(delegation, RequestOptions.none());
    }

    /**
     * Delegates an enterprise's permits to a vendor, with options (e.g. your own idempotency key).
     *
     * @param delegation the delegation to create
     * @param options    options for this call
     * @return the delegation created
     */
    @OperationId("createDelegation")
    Delegation create(NewDelegation delegation, RequestOptions options);

    /**
     * Reads one delegation.
     *
     * @param id the delegation's id
     * @return the delegation
     * @throws org.epermit.sdk.errors.NotFoundException {@code DELEGATION_NOT_FOUND}
     */
    @OperationId("getDelegation")
    default Delegation get(UUID id) {
        return get(id, RequestOptions.none());
    }

    /**
     * Reads one delegation, with options.
     *
     * @param id      the delegation's id
     * @param options options for this call
     * @return the delegation
     */
    @OperationId("getDelegation")
    Delegation get(UUID id, RequestOptions options);

    /**
     * Revokes a delegation: the vendor loses access at once.
     *
     * @param id the delegation's id
     */
    @OperationId("revokeDelegation")
    default void revoke(UUID id) {
        revoke(id, RequestOptions.none());
    }

    /**
     * Revokes a delegation, with options.
     *
     * @param id      the delegation's id
     * @param options options for this call
     */
    @OperationId("revokeDelegation")
    void revoke(UUID id, RequestOptions options);
}
