package org.epermit.sdk.service;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.epermit.sdk.ApiTag;
import org.epermit.sdk.OperationId;
import org.epermit.sdk.Page;
import org.epermit.sdk.PagedIterable;
import org.epermit.sdk.RequestOptions;
import org.epermit.sdk.internal.ApiCalls;
import org.epermit.sdk.internal.generated.DelegationsApi;
import org.epermit.sdk.model.Delegation;
import org.epermit.sdk.model.DelegationPage;
import org.epermit.sdk.model.NewDelegation;
import org.epermit.sdk.param.ListParams;

/**
 * Delegations (委托): an enterprise letting a vendor act for it. Administrators and the enterprise create and revoke
 * them; the vendor reads its own. Reached through {@link org.epermit.sdk.EPermitClient#delegations()}.
 */
@ApiTag("Delegations")
public final class DelegationService {

    private final ApiCalls calls;

    /**
     * Creates the service; use {@link org.epermit.sdk.EPermitClient#delegations()} instead.
     *
     * @param calls the client's way to the API
     */
    public DelegationService(ApiCalls calls) {
        this.calls = Objects.requireNonNull(calls, "calls");
    }

    /**
     * Lists the delegations the caller may see, fetching pages lazily.
     *
     * @return every delegation
     */
    @OperationId("listDelegations")
    public PagedIterable<Delegation> list() {
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
    public PagedIterable<Delegation> list(ListParams params, RequestOptions options) {
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
    public Page<Delegation> listPage(ListParams params, String cursor, RequestOptions options) {
        DelegationPage page = calls.call(options, DelegationsApi::new,
                api -> api.listDelegations(params.limit(), cursor));
        return new Page<>(page.getItems() == null ? List.of() : page.getItems(), page.getNextCursor());
    }

    /**
     * Delegates an enterprise's permits to a vendor. Sent with an {@code Idempotency-Key} (one per call, reused by
     * its retries).
     *
     * @param delegation the vendor's client id, scopes, validity and optionally the permit numbers (none: all the
     *                   enterprise's permits); an administrator also names the enterprise's credit code
     * @return the delegation created
     */
    @OperationId("createDelegation")
    public Delegation create(NewDelegation delegation) {
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
    public Delegation create(NewDelegation delegation, RequestOptions options) {
        Objects.requireNonNull(delegation, "delegation");
        return calls.call(options, DelegationsApi::new, api -> api.createDelegation(delegation, null));
    }

    /**
     * Reads one delegation.
     *
     * @param id the delegation's id
     * @return the delegation
     * @throws org.epermit.sdk.errors.NotFoundException {@code DELEGATION_NOT_FOUND}
     */
    @OperationId("getDelegation")
    public Delegation get(UUID id) {
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
    public Delegation get(UUID id, RequestOptions options) {
        Objects.requireNonNull(id, "id");
        return calls.call(options, DelegationsApi::new, api -> api.getDelegation(id.toString()));
    }

    /**
     * Revokes a delegation: the vendor loses access at once.
     *
     * @param id the delegation's id
     */
    @OperationId("revokeDelegation")
    public void revoke(UUID id) {
        revoke(id, RequestOptions.none());
    }

    /**
     * Revokes a delegation, with options.
     *
     * @param id      the delegation's id
     * @param options options for this call
     */
    @OperationId("revokeDelegation")
    public void revoke(UUID id, RequestOptions options) {
        Objects.requireNonNull(id, "id");
        calls.run(options, DelegationsApi::new, api -> api.revokeDelegation(id.toString()));
    }
}
