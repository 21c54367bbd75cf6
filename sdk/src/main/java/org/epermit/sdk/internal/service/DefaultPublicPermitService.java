package org.epermit.sdk.internal.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import org.epermit.sdk.Page;
import org.epermit.sdk.RequestOptions;
import org.epermit.sdk.errors.ConnectionException;
import org.epermit.sdk.errors.ErrorDetails;
import org.epermit.sdk.export.ExportSummary;
import org.epermit.sdk.export.PermitExport;
import org.epermit.sdk.errors.FieldError;
import org.epermit.sdk.errors.ValidationException;
import org.epermit.sdk.internal.ApiRequest;
import org.epermit.sdk.internal.CsvRecords;
import org.epermit.sdk.internal.LocalChecks;
import org.epermit.sdk.internal.Transport;
import org.epermit.sdk.model.MonitoringRecord;
import org.epermit.sdk.model.MonitoringRecordPage;
import org.epermit.sdk.model.PermitFeatureCollection;
import org.epermit.sdk.model.PermitHistory;
import org.epermit.sdk.model.PermitSummary;
import org.epermit.sdk.model.PermitSummaryPage;
import org.epermit.sdk.model.PublicExecutionReport;
import org.epermit.sdk.model.PublicExecutionReportPage;
import org.epermit.sdk.model.PublicPermit;
import org.epermit.sdk.param.ExecutionReportSearchParams;
import org.epermit.sdk.param.MonitoringRecordSearchParams;
import org.epermit.sdk.param.PermitSearchParams;
import org.epermit.sdk.service.PublicPermitService;

/** {@link PublicPermitService} over the client's transport. */
public final class DefaultPublicPermitService implements PublicPermitService {

    static final String PERMIT_NUMBER = "path.permitNumber";
    /** The media type of a search page as GeoJSON (RFC 7946). */
    static final String GEO_JSON = "application/geo+json";
    static final String NDJSON = "application/x-ndjson";
    static final String CSV = "text/csv";

    private final Transport transport;
    private final LocalChecks checks;

    /**
     * Creates the service.
     *
     * @param transport the client's transport
     * @param checks    the checks made before any call (the API's lookup checks, in the client's language)
     */
    public DefaultPublicPermitService(Transport transport, LocalChecks checks) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.checks = Objects.requireNonNull(checks, "checks");
    }

    @Override
    public Page<PermitSummary> searchPage(PermitSearchParams params, String cursor, RequestOptions options) {
        PermitSummaryPage page = transport.call(search("/v1/public/permits", params, cursor), PermitSummaryPage.class,
                options);
        return new Page<>(page.getItems() == null ? List.of() : page.getItems(), page.getNextCursor());
    }

    @Override
    public PermitFeatureCollection searchFeaturesPage(PermitSearchParams params, String cursor, RequestOptions options) {
        return transport.call(search("/v1/public/permits", params, cursor).accept(GEO_JSON), PermitFeatureCollection.class,
                options);
    }

    @Override
    public PermitExport export(PermitSearchParams params, String resumeAfter, RequestOptions options) {
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(options, "options");
        String first = resumeAfter == null ? null : checks.permitNumber(resumeAfter);
        return new PermitExport(after -> transport.open(export(params, after == null ? first : after)
                .query("format", "ndjson").accept(NDJSON), options), transport::read);
    }

    @Override
    public ExportSummary downloadCsv(PermitSearchParams params, String resumeAfter, OutputStream out,
                                     RequestOptions options) {
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(out, "out");
        String after = resumeAfter == null ? null : checks.permitNumber(resumeAfter);
        HttpResponse<InputStream> response = transport.open(export(params, after).query("format", "csv").accept(CSV),
                options);
        long expected = response.headers().firstValue("X-Export-Rows").map(Long::parseLong).orElse(-1L);
        long matching = response.headers().firstValue("X-Export-Matching-Rows").map(Long::parseLong).orElse(expected);
        OffsetDateTime asOf = response.headers().firstValue("X-Export-As-Of").map(OffsetDateTime::parse).orElse(null);
        CsvRecords records = new CsvRecords();
        IOException failure = null;
        try (InputStream in = response.body()) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
                records.accept(buffer, 0, n);
            }
        } catch (IOException e) {
            failure = e;
        }
        long rows = Math.max(0, records.records() - 1); // the header row
        String last = rows == 0 ? null : records.lastFirstField();
        if (failure != null || (expected >= 0 && rows != expected)) {
            throw new ConnectionException(new ErrorDetails(0, ConnectionException.CODE, null, null,
                    "The CSV export was cut after " + rows + " of " + expected + " rows; download the rest with resumeAfter="
                            + (last == null ? "(none: start again)" : last) + ".",
                    response.headers().firstValue("X-Request-Id").orElse(null), List.of(), 1), failure);
        }
        return new ExportSummary(asOf, rows, matching, last);
    }

    /** An export's request: the search's filters (no limit, no cursor), and where it resumes. */
    private static ApiRequest export(PermitSearchParams params, String resumeAfter) {
        return ApiRequest.get("/v1/public/permits/export").query("q", params.q()).query("region", params.region())
                .query("industry", params.industry()).query("category", params.category())
                .query("status", params.status()).query("expiringBefore", params.expiringBefore())
                .query("dueForRenewal", params.dueForRenewal()).query("resumeAfter", resumeAfter);
    }

    /** A permit search's request: the public one and the authenticated one take the same filters. */
    static ApiRequest search(String path, PermitSearchParams params, String cursor) {
        Objects.requireNonNull(params, "params");
        return ApiRequest.get(path).query("q", params.q()).query("region", params.region())
                .query("industry", params.industry()).query("category", params.category())
                .query("status", params.status()).query("expiringBefore", params.expiringBefore())
                .query("dueForRenewal", params.dueForRenewal()).query("limit", params.limit()).query("cursor", cursor);
    }

    @Override
    public PublicPermit get(String permitNumber, RequestOptions options) {
        String number = checks.permitNumber(permitNumber);
        return transport.call(ApiRequest.get("/v1/public/permits/{permitNumber}", number), PublicPermit.class,
                options);
    }

    @Override
    public PermitHistory history(String permitNumber, RequestOptions options) {
        String number = checks.permitNumber(permitNumber);
        return transport.call(ApiRequest.get("/v1/public/permits/{permitNumber}/history", number),
                PermitHistory.class, options);
    }

    @Override
    public PublicPermit getVersion(String permitNumber, int version, RequestOptions options) {
        String number = checks.permitNumber(permitNumber);
        if (version < 1) {
            throw new ValidationException(ErrorDetails.local(400, "VALIDATION_FAILED",
                    "The version must be a whole number from 1.",
                    List.of(new FieldError("path.version", "FORMAT", "must be a whole number from 1"))));
        }
        return transport.call(ApiRequest.get("/v1/public/permits/{permitNumber}/versions/{version}", number, version),
                PublicPermit.class, options);
    }

    @Override
    public Page<PublicExecutionReport> executionReportsPage(String permitNumber, ExecutionReportSearchParams params,
                                                            String cursor, RequestOptions options) {
        String number = checks.permitNumber(permitNumber);
        PublicExecutionReportPage page = transport.call(DefaultFilingService.reports(
                "/v1/public/permits/{permitNumber}/execution-reports", number, params, cursor),
                PublicExecutionReportPage.class, options);
        return new Page<>(page.getItems() == null ? List.of() : page.getItems(), page.getNextCursor());
    }

    @Override
    public Page<MonitoringRecord> monitoringRecordsPage(String permitNumber, MonitoringRecordSearchParams params,
                                                        String cursor, RequestOptions options) {
        String number = checks.permitNumber(permitNumber);
        MonitoringRecordPage page = transport.call(DefaultMonitoringService.records(
                "/v1/public/permits/{permitNumber}/monitoring-records", number, params, cursor),
                MonitoringRecordPage.class, options);
        return new Page<>(page.getItems() == null ? List.of() : page.getItems(), page.getNextCursor());
    }
}
