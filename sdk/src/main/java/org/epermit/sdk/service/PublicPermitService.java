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
import org.epermit.sdk.errors.ErrorDetails;
import org.epermit.sdk.errors.FieldError;
import org.epermit.sdk.errors.ValidationException;
import org.epermit.sdk.internal.ApiCalls;
import org.epermit.sdk.internal.generated.PublicPermitsApi;
import org.epermit.sdk.model.PermitHistory;
import org.epermit.sdk.model.PermitSummary;
import org.epermit.sdk.model.PermitSummaryPage;
import org.epermit.sdk.model.PublicPermit;
import org.epermit.sdk.param.PermitSearchParams;

/**
 * Permit disclosures (信息公开), open to everyone without an account: search, a permit's public view, its history and
 * its old versions. Reached through {@link org.epermit.sdk.EPermitClient#publicPermits()}.
 *
 * <p>Permit numbers are checked locally first: a malformed one throws
 * {@link ValidationException} ({@code INVALID_PERMIT_NUMBER}) without any network call.
 */
@ApiTag("Public permits")
public final class PublicPermitService {

    private static final String PERMIT_NUMBER = "path.permitNumber";

    private final ApiCalls calls;
    private final PermitLetters letters;

    /**
     * Creates the service; use {@link org.epermit.sdk.EPermitClient#publicPermits()} instead.
     *
     * @param calls   the client's way to the API
     * @param letters the letters permit numbers may end with on this deployment, checked before any call
     */
    public PublicPermitService(ApiCalls calls, PermitLetters letters) {
        this.calls = Objects.requireNonNull(calls, "calls");
        this.letters = Objects.requireNonNull(letters, "letters");
    }

    /**
     * Searches permits and returns every match, fetching pages lazily as they are consumed.
     *
     * @param params the filters ({@link PermitSearchParams#all()} for every permit)
     * @return the matches, ordered by permit number
     */
    @OperationId("searchPublicPermits")
    public PagedIterable<PermitSummary> search(PermitSearchParams params) {
        return search(params, RequestOptions.none());
    }

    /**
     * Searches permits and returns every match, fetching pages lazily as they are consumed; each page request uses
     * the options.
     *
     * @param params  the filters
     * @param options options for each page's request
     * @return the matches, ordered by permit number
     */
    @OperationId("searchPublicPermits")
    public PagedIterable<PermitSummary> search(PermitSearchParams params, RequestOptions options) {
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(options, "options");
        return new PagedIterable<>(cursor -> searchPage(params, cursor, options));
    }

    /**
     * Fetches the first page of a search.
     *
     * @param params the filters
     * @return the first page; pass its {@link Page#nextCursor()} to {@link #searchPage(PermitSearchParams, String)}
     */
    @OperationId("searchPublicPermits")
    public Page<PermitSummary> searchPage(PermitSearchParams params) {
        return searchPage(params, null, RequestOptions.none());
    }

    /**
     * Fetches one page of a search.
     *
     * @param params the filters; must be the same as for the page the cursor came from
     * @param cursor the previous page's {@link Page#nextCursor()}, or {@code null} for the first page
     * @return the page
     */
    @OperationId("searchPublicPermits")
    public Page<PermitSummary> searchPage(PermitSearchParams params, String cursor) {
        return searchPage(params, cursor, RequestOptions.none());
    }

    /**
     * Fetches one page of a search, with options.
     *
     * @param params  the filters; must be the same as for the page the cursor came from
     * @param cursor  the previous page's {@link Page#nextCursor()}, or {@code null} for the first page
     * @param options options for this request
     * @return the page
     */
    @OperationId("searchPublicPermits")
    public Page<PermitSummary> searchPage(PermitSearchParams params, String cursor, RequestOptions options) {
        Objects.requireNonNull(params, "params");
        PermitSummaryPage page = calls.call(options, PublicPermitsApi::new, api -> api.searchPublicPermits(
                params.q(), params.region(), params.industry(), params.category(), params.status(),
                params.expiringBefore(), params.limit(), cursor));
        return new Page<>(page.getItems() == null ? List.of() : page.getItems(), page.getNextCursor());
    }

    /**
     * Reads the current version of a permit as disclosed to the public.
     *
     * @param permitNumber the permit number, e.g. {@code 91130200699229617X001P}
     * @return the permit
     * @throws ValidationException       {@code INVALID_PERMIT_NUMBER}, before any call, if the number is malformed
     * @throws org.epermit.sdk.errors.NotFoundException {@code PERMIT_NOT_FOUND} if no permit has this number
     */
    @OperationId("getPublicPermit")
    public PublicPermit get(String permitNumber) {
        return get(permitNumber, RequestOptions.none());
    }

    /**
     * Reads the current version of a permit as disclosed to the public, with options.
     *
     * @param permitNumber the permit number
     * @param options      options for this call
     * @return the permit
     */
    @OperationId("getPublicPermit")
    public PublicPermit get(String permitNumber, RequestOptions options) {
        String number = PermitNumber.parse(permitNumber, PERMIT_NUMBER, letters).value();
        return calls.call(options, PublicPermitsApi::new, api -> api.getPublicPermit(number));
    }

    /**
     * Reads a permit's versions and lifecycle events.
     *
     * @param permitNumber the permit number
     * @return the history
     * @throws ValidationException       {@code INVALID_PERMIT_NUMBER}, before any call, if the number is malformed
     * @throws org.epermit.sdk.errors.NotFoundException {@code PERMIT_NOT_FOUND} if no permit has this number
     */
    @OperationId("getPublicPermitHistory")
    public PermitHistory history(String permitNumber) {
        return history(permitNumber, RequestOptions.none());
    }

    /**
     * Reads a permit's versions and lifecycle events, with options.
     *
     * @param permitNumber the permit number
     * @param options      options for this call
     * @return the history
     */
    @OperationId("getPublicPermitHistory")
    public PermitHistory history(String permitNumber, RequestOptions options) {
        String number = PermitNumber.parse(permitNumber, PERMIT_NUMBER, letters).value();
        return calls.call(options, PublicPermitsApi::new, api -> api.getPublicPermitHistory(number));
    }

    /**
     * Reads one version of a permit's public view; old versions stay readable.
     *
     * @param permitNumber the permit number
     * @param version      the version, from 1
     * @return the permit as it was in that version
     * @throws ValidationException       before any call, if the number is malformed or the version below 1
     * @throws org.epermit.sdk.errors.NotFoundException {@code PERMIT_NOT_FOUND}, or {@code RESOURCE_NOT_FOUND} for a
     *                                   version the permit does not have
     */
    @OperationId("getPublicPermitVersion")
    public PublicPermit getVersion(String permitNumber, int version) {
        return getVersion(permitNumber, version, RequestOptions.none());
    }

    /**
     * Reads one version of a permit's public view, with options.
     *
     * @param permitNumber the permit number
     * @param version      the version, from 1
     * @param options      options for this call
     * @return the permit as it was in that version
     */
    @OperationId("getPublicPermitVersion")
    public PublicPermit getVersion(String permitNumber, int version, RequestOptions options) {
        String number = PermitNumber.parse(permitNumber, PERMIT_NUMBER, letters).value();
        if (version < 1) {
            throw new ValidationException(ErrorDetails.local(400, "VALIDATION_FAILED",
                    "The version must be a whole number from 1.",
                    List.of(new FieldError("path.version", "FORMAT", "must be a whole number from 1"))));
        }
        return calls.call(options, PublicPermitsApi::new, api -> api.getPublicPermitVersion(number, version));
    }
}
