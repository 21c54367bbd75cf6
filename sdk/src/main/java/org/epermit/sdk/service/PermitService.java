package org.epermit.sdk.service;

import java.util.Objects;
import org.epermit.sdk.ApiTag;
import org.epermit.sdk.OperationId;
import org.epermit.sdk.Page;
import org.epermit.sdk.PagedIterable;
import org.epermit.sdk.RequestOptions;
import org.epermit.sdk.model.PermitFull;
import org.epermit.sdk.model.PermitSummary;
import org.epermit.sdk.param.PermitSearchParams;

/**
 * Full permit data for authorised callers (scope {@code permits:read}): what the caller may see — a vendor the
 * permits delegated to it, an enterprise its own, a regulator those of its region. Reached through
 * {@link org.epermit.sdk.EPermitClient#permits()}.
 *
 * <p>An interface, so that your tests can stand in for the API; the client's own implementation is thread-safe.
 */
@ApiTag("Permits")
public interface PermitService {

    /**
     * Searches the permits the caller may see and returns every match, fetching pages lazily.
     *
     * @param params the filters (the same as the public search's)
     * @return the matches, ordered by permit number
     */
    @OperationId("searchPermits")
    default PagedIterable<PermitSummary> search(PermitSearchParams params) {
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
    default PagedIterable<PermitSummary> search(PermitSearchParams params, RequestOptions options) {
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
    default Page<PermitSummary> searchPage(PermitSearchParams params, String cursor) {
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
    Page<PermitSummary> searchPage(PermitSearchParams params, String cursor, RequestOptions options);

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
    default PermitFull get(String permitNumber) {
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
    PermitFull get(String permitNumber, RequestOptions options);
}
