package org.epermit.sdk.service;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.epermit.sdk.ApiTag;
import org.epermit.sdk.OperationId;
import org.epermit.sdk.Page;
import org.epermit.sdk.PagedIterable;
import org.epermit.sdk.RequestOptions;
import org.epermit.sdk.errors.ValidationException;
import org.epermit.sdk.export.ExportSummary;
import org.epermit.sdk.export.PermitExport;
import org.epermit.sdk.model.MonitoringRecord;
import org.epermit.sdk.model.PermitFeature;
import org.epermit.sdk.model.PermitFeatureCollection;
import org.epermit.sdk.model.PermitHistory;
import org.epermit.sdk.model.PermitSummary;
import org.epermit.sdk.model.PublicExecutionReport;
import org.epermit.sdk.model.PublicPermit;
import org.epermit.sdk.param.ExecutionReportSearchParams;
import org.epermit.sdk.param.MonitoringRecordSearchParams;
import org.epermit.sdk.param.PermitSearchParams;

/**
 * Permit disclosures (信息公开), open to everyone without an account: search, a permit's public view, its history and
 * its old versions, the disclosure summaries of its execution reports and its self-monitoring records. Reached through {@link org.epermit.sdk.EPermitClient#publicPermits()}.
 *
 * <p>Permit numbers are checked locally first: a malformed one throws
 * {@link ValidationException} ({@code INVALID_PERMIT_NUMBER}) without any network call.
 *
 * <p>An interface, so that your tests can stand in for the API; the client's own implementation is thread-safe.
 */
@ApiTag("Public permits")
public interface PublicPermitService {

    /**
     * Searches permits and returns every match, fetching pages lazily as they are consumed.
     *
     * @param params the filters ({@link PermitSearchParams#all()} for every permit)
     * @return the matches, ordered by permit number
     */
    @OperationId("searchPublicPermits")
    default PagedIterable<PermitSummary> search(PermitSearchParams params) {
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
    default PagedIterable<PermitSummary> search(PermitSearchParams params, RequestOptions options) {
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
    default Page<PermitSummary> searchPage(PermitSearchParams params) {
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
    default Page<PermitSummary> searchPage(PermitSearchParams params, String cursor) {
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
    Page<PermitSummary> searchPage(PermitSearchParams params, String cursor, RequestOptions options);

    /**
     * Searches permits and returns every match as a GeoJSON Feature (RFC 7946), fetching pages lazily: a Point at the
     * site ({@code null} geometry when the permit records no coordinates) and the search item as its properties.
     *
     * @param params the filters ({@link PermitSearchParams#all()} for every permit)
     * @return the matches, ordered by permit number
     */
    @OperationId("searchPublicPermits")
    default PagedIterable<PermitFeature> searchFeatures(PermitSearchParams params) {
        Objects.requireNonNull(params, "params");
        return new PagedIterable<>(cursor -> {
            PermitFeatureCollection page = searchFeaturesPage(params, cursor, RequestOptions.none());
            return new Page<>(page.getFeatures() == null ? List.of() : page.getFeatures(), page.getNextCursor());
        });
    }

    /**
     * Fetches one page of a search as a GeoJSON FeatureCollection ({@code Accept: application/geo+json}), the page a
     * map library takes as it is.
     *
     * @param params the filters; must be the same as for the page the cursor came from
     * @param cursor the previous page's {@code nextCursor} (of either representation), or {@code null} for the first
     * @return the page; its {@code nextCursor} is {@code null} on the last
     */
    @OperationId("searchPublicPermits")
    default PermitFeatureCollection searchFeaturesPage(PermitSearchParams params, String cursor) {
        return searchFeaturesPage(params, cursor, RequestOptions.none());
    }

    /**
     * Fetches one page of a search as a GeoJSON FeatureCollection, with options.
     *
     * @param params  the filters; must be the same as for the page the cursor came from
     * @param cursor  the previous page's {@code nextCursor}, or {@code null} for the first page
     * @param options options for this request
     * @return the page
     */
    @OperationId("searchPublicPermits")
    PermitFeatureCollection searchFeaturesPage(PermitSearchParams params, String cursor, RequestOptions options);

    /**
     * Exports every permit matching the filters (the search's filters; its {@code limit} is not used), read lazily from
     * the NDJSON stream in constant memory, from one snapshot. A cut connection is resumed by itself. Close it if you
     * stop early.
     *
     * @param params the filters ({@link PermitSearchParams#all()} for every permit)
     * @return the export, its first response received
     * @throws ValidationException for a bad filter
     * @throws org.epermit.sdk.errors.RateLimitedException {@code QUOTA_EXCEEDED} when the day's export allowance is spent
     */
    @OperationId("exportPublicPermits")
    default PermitExport export(PermitSearchParams params) {
        return export(params, null, RequestOptions.none());
    }

    /**
     * Exports the permits matching the filters after a permit number, with options.
     *
     * @param params      the filters
     * @param resumeAfter the last permit received before (an interrupted or allowance-limited export), or {@code null}
     * @param options     options for each request (the first, and those that resume)
     * @return the export
     */
    @OperationId("exportPublicPermits")
    PermitExport export(PermitSearchParams params, String resumeAfter, RequestOptions options);

    /**
     * Downloads every permit matching the filters as CSV (UTF-8 with a byte-order mark, a header row) into a file,
     * and checks every row arrived.
     *
     * @param params the filters
     * @param file   the file to write (replaced)
     * @return what was written
     * @throws org.epermit.sdk.errors.ConnectionException when the download was cut: its message names the last whole
     *                                                    row, to pass as {@code resumeAfter}
     */
    @OperationId("exportPublicPermits")
    default ExportSummary downloadCsv(PermitSearchParams params, Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            return downloadCsv(params, null, out, RequestOptions.none());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Downloads the permits matching the filters as CSV into a stream (left open), and checks every row arrived.
     *
     * @param params      the filters
     * @param resumeAfter continue after this permit number, or {@code null} from the start; a resumed download has
     *                    its own header row
     * @param out         where the bytes go, as they come
     * @param options     options for the request
     * @return what was written
     */
    @OperationId("exportPublicPermits")
    ExportSummary downloadCsv(PermitSearchParams params, String resumeAfter, OutputStream out, RequestOptions options);

    /**
     * Reads the current version of a permit as disclosed to the public.
     *
     * @param permitNumber the permit number, e.g. {@code 91130200699229617X001P}
     * @return the permit
     * @throws ValidationException       {@code INVALID_PERMIT_NUMBER}, before any call, if the number is malformed
     * @throws org.epermit.sdk.errors.NotFoundException {@code PERMIT_NOT_FOUND} if no permit has this number
     */
    @OperationId("getPublicPermit")
    default PublicPermit get(String permitNumber) {
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
    PublicPermit get(String permitNumber, RequestOptions options);

    /**
     * Reads a permit's versions and lifecycle events.
     *
     * @param permitNumber the permit number
     * @return the history
     * @throws ValidationException       {@code INVALID_PERMIT_NUMBER}, before any call, if the number is malformed
     * @throws org.epermit.sdk.errors.NotFoundException {@code PERMIT_NOT_FOUND} if no permit has this number
     */
    @OperationId("getPublicPermitHistory")
    default PermitHistory history(String permitNumber) {
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
    PermitHistory history(String permitNumber, RequestOptions options);

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
    default PublicPermit getVersion(String permitNumber, int version) {
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
    PublicPermit getVersion(String permitNumber, int version, RequestOptions options);

    /**
     * Lists the disclosure summaries of a permit's execution reports (period, on time or late, actual emissions per
     * pollutant, exceedance count), fetching pages lazily.
     *
     * @param permitNumber the permit number
     * @param params       the filters ({@link ExecutionReportSearchParams#all()} for every report)
     * @return the summaries
     */
    @OperationId("listPublicExecutionReports")
    default PagedIterable<PublicExecutionReport> executionReports(String permitNumber,
                                                                  ExecutionReportSearchParams params) {
        return executionReports(permitNumber, params, RequestOptions.none());
    }

    /**
     * Lists the disclosure summaries of a permit's execution reports, with options for each page's request.
     *
     * @param permitNumber the permit number
     * @param params       the filters
     * @param options      options for each page's request
     * @return the summaries
     */
    @OperationId("listPublicExecutionReports")
    default PagedIterable<PublicExecutionReport> executionReports(String permitNumber,
                                                                  ExecutionReportSearchParams params,
                                                                  RequestOptions options) {
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(options, "options");
        return new PagedIterable<>(cursor -> executionReportsPage(permitNumber, params, cursor, options));
    }

    /**
     * Fetches one page of a permit's execution-report summaries.
     *
     * @param permitNumber the permit number
     * @param params       the filters; the same as for the page the cursor came from
     * @param cursor       the previous page's {@link Page#nextCursor()}, or {@code null} for the first page
     * @param options      options for this request
     * @return the page
     * @throws ValidationException {@code INVALID_PERMIT_NUMBER}, before any call, if the number is malformed
     */
    @OperationId("listPublicExecutionReports")
    Page<PublicExecutionReport> executionReportsPage(String permitNumber, ExecutionReportSearchParams params,
                                                     String cursor, RequestOptions options);

    /**
     * Lists a permit's self-monitoring records as disclosed to the public (those older than the disclosure delay),
     * in time order, fetching pages lazily.
     *
     * @param permitNumber the permit number
     * @param params       the filters ({@link MonitoringRecordSearchParams#all()} for every record)
     * @return the records
     */
    @OperationId("listPublicMonitoringRecords")
    default PagedIterable<MonitoringRecord> monitoringRecords(String permitNumber,
                                                              MonitoringRecordSearchParams params) {
        return monitoringRecords(permitNumber, params, RequestOptions.none());
    }

    /**
     * Lists a permit's disclosed self-monitoring records, with options for each page's request.
     *
     * @param permitNumber the permit number
     * @param params       the filters
     * @param options      options for each page's request
     * @return the records
     */
    @OperationId("listPublicMonitoringRecords")
    default PagedIterable<MonitoringRecord> monitoringRecords(String permitNumber, MonitoringRecordSearchParams params,
                                                              RequestOptions options) {
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(options, "options");
        return new PagedIterable<>(cursor -> monitoringRecordsPage(permitNumber, params, cursor, options));
    }

    /**
     * Fetches one page of a permit's disclosed self-monitoring records.
     *
     * @param permitNumber the permit number
     * @param params       the filters; the same as for the page the cursor came from
     * @param cursor       the previous page's {@link Page#nextCursor()}, or {@code null} for the first page
     * @param options      options for this request
     * @return the page
     * @throws ValidationException {@code INVALID_PERMIT_NUMBER}, before any call, if the number is malformed
     */
    @OperationId("listPublicMonitoringRecords")
    Page<MonitoringRecord> monitoringRecordsPage(String permitNumber, MonitoringRecordSearchParams params, String cursor,
                                                 RequestOptions options);
}
