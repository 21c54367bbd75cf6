package org.epermit.sdk.internal.service;

import java.util.List;
import java.util.Objects;
import org.epermit.sdk.Page;
import org.epermit.sdk.RequestOptions;
import org.epermit.sdk.errors.ErrorDetails;
import org.epermit.sdk.errors.FieldError;
import org.epermit.sdk.errors.ValidationException;
import org.epermit.sdk.internal.ApiRequest;
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
