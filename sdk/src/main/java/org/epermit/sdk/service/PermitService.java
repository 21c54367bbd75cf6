package org.epermit.sdk.service;

import java.util.List;
import java.util.Objects;
import org.epermit.codes.PermitLetters;
import org.epermit.sdk.ApiTag;
import org.epermit.sdk.OperationId;
import org.epermit.sdk.Page;
import org.epermit.sdk.PagedIterable;
import org.epermit.sdk.RequestOptions;
import org.epermit.sdk.codes.PermitNumber;
import org.epermit.sdk.internal.ApiCalls;
import org.epermit.sdk.internal.generated.PermitsApi;
import org.epermit.sdk.model.PermitFull;
import org.epermit.sdk.model.PermitSummary;
import org.epermit.sdk.model.PermitSummaryPage;
import org.epermit.sdk.param.PermitSearchParams;

/**
 * Full permit data for authorised callers (scope {@code permits:read}): what the caller may see — a vendor the
 * permits delegated to it, an enterprise its own, a regulator those of its region. Reached through
 * {@link org.epermit.sdk.EPermitClient#permits()}.
 */
@ApiTag("Permits")
public final class PermitService {

    private final ApiCalls calls;
    private final PermitLetters letters;

    /**
     * Creates the service; use {@link org.epermit.sdk.EPermitClient#permits()} instead.
     *
     * @param calls   the client's way to the API
     * @param letters the letters permit numbers may end with on this deployment, checked before any call
     */
    public PermitService(ApiCalls calls, PermitLetters letters) {
        this.calls = Objects.requireNonNull(calls, "calls");
        this.letters = Objects.requireNonNull(letters, "letters");
    }

    /**
     * Searches the permits the caller may see and returns every match, fetching pages lazily.
     *
     * @param params the filters (the same as the public search's)
     * @return the matches, ordered by permit number
     */
    @OperationId("searchPermits")
    public PagedIterable<PermitSummary> search(PermitSearchParams params) {
        return search(params, RequestOptions.none());
    }

    /**
     * Searches the permits the caller may see, with options for each page's request.
     *
     * @param params  the filters
     * @param options options for each page's request
     * @return the matches, ordered by permit number
     */
    @OperationId("searchPermits")
    public PagedIterable<PermitSummary> search(PermitSearchParams params, RequestOptions options) {
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(options, "options");
        return new PagedIterable<>(cursor -> searchPage(params, cursor, options));
    }

    /**
     * Fetches one page of a search.
     *
     * @param params the filters; the same as for the page the cursor came from
     * @param cursor the previous page's {@link Page#nextCursor()}, or {@code null} for the first page
     * @return the page
     */
    @OperationId("searchPermits")
    public Page<PermitSummary> searchPage(PermitSearchParams params, String cursor) {
        return searchPage(params, cursor, RequestOptions.none());
    }

    /**
     * Fetches one page of a search, with options.
     *
     * @param params  the filters; the same as for the page the cursor came from
     * @param cursor  the previous page's {@link Page#nextCursor()}, or {@code null} for the first page
     * @param options options for this request
     * @return the page
     */
    @OperationId("searchPermits")
    public Page<PermitSummary> searchPage(PermitSearchParams params, String cursor, RequestOptions options) {
        Objects.requireNonNull(params, "params");
        PermitSummaryPage page = calls.call(options, PermitsApi::new, api -> api.searchPermits(params.q(),
                params.region(), params.industry(), params.category(), params.status(), params.expiringBefore(),
                params.limit(), cursor));
        return new Page<>(page.getItems() == null ? List.of() : page.getItems(), page.getNextCursor());
    }

    /**
     * Reads a permit in full, with the enterprise's contacts.
     *
     * @param permitNumber the permit number
     * @return the permit
     * @throws org.epermit.sdk.errors.ValidationException {@code INVALID_PERMIT_NUMBER}, before any call, if malformed
     * @throws org.epermit.sdk.errors.PermissionException {@code NOT_DELEGATED} or {@code OUTSIDE_REGION} when the
     *                                                    caller may not see it
     */
    @OperationId("getPermit")
    public PermitFull get(String permitNumber) {
        return get(permitNumber, RequestOptions.none());
    }

    /**
     * Reads a permit in full, with options.
     *
     * @param permitNumber the permit number
     * @param options      options for this call
     * @return the permit
     */
    @OperationId("getPermit")
    public PermitFull get(String permitNumber, RequestOptions options) {
        String number = PermitNumber.parse(permitNumber, "path.permitNumber", letters).value();
        return calls.call(options, PermitsApi::new, api -> api.getPermit(number));
    }
}
