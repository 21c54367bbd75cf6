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
import org.epermit.sdk.model.ExecutionReport;
import org.epermit.sdk.model.ExecutionReportContent;
import org.epermit.sdk.model.ExecutionReportPage;
import org.epermit.sdk.model.PermitObligations;
import org.epermit.sdk.model.ReportEvaluation;
import org.epermit.sdk.model.ReportType;
import org.epermit.sdk.param.ExecutionReportSearchParams;
import org.epermit.sdk.service.FilingService;

/** {@link FilingService} over the client's transport. */
public final class DefaultFilingService implements FilingService {

    private final Transport transport;
    private final LocalChecks checks;

    /**
     * Creates the service.
     *
     * @param transport the client's transport
     * @param checks    the checks made before any call (the API's lookup checks, in the client's language)
     */
    public DefaultFilingService(Transport transport, LocalChecks checks) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.checks = Objects.requireNonNull(checks, "checks");
    }

    @Override
    public PermitObligations obligations(String permitNumber, int year, RequestOptions options) {
        String number = checks.permitNumber(permitNumber);
        return transport.call(ApiRequest.get("/v1/permits/{permitNumber}/obligations", number).query("year", year),
                PermitObligations.class, options);
    }

    @Override
    public org.epermit.sdk.model.PermitCompliance compliance(String permitNumber, int year, RequestOptions options) {
        String number = checks.permitNumber(permitNumber);
        return transport.call(ApiRequest.get("/v1/permits/{permitNumber}/compliance", number).query("year", year),
                org.epermit.sdk.model.PermitCompliance.class, options);
    }

    @Override
    public ExecutionReportContent blank(String permitNumber, ReportType type, String period, RequestOptions options) {
        String number = checks.permitNumber(permitNumber);
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(period, "period");
        if (type == ReportType.UNKNOWN) {
            throw new IllegalArgumentException("UNKNOWN stands for a report type this SDK version does not know; "
                    + "it cannot be sent");
        }
        return transport.call(ApiRequest.get("/v1/permits/{permitNumber}/execution-reports/blank", number)
                .query("type", type).query("period", period), ExecutionReportContent.class, options);
    }

    @Override
    public ReportEvaluation validate(String permitNumber, ExecutionReportContent content, RequestOptions options) {
        String number = checks.permitNumber(permitNumber);
        Objects.requireNonNull(content, "content");
        return transport.call(ApiRequest.post("/v1/permits/{permitNumber}/execution-reports/validation", number)
                .json(content), ReportEvaluation.class, options);
    }

    @Override
    public ExecutionReport submit(String permitNumber, ExecutionReportContent content, RequestOptions options) {
        String number = checks.permitNumber(permitNumber);
        Objects.requireNonNull(content, "content");
        return transport.call(ApiRequest.post("/v1/permits/{permitNumber}/execution-reports", number).json(content),
                ExecutionReport.class, options);
    }

    @Override
    public ExecutionReport correct(long reportId, ExecutionReportContent content, RequestOptions options) {
        Objects.requireNonNull(content, "content");
        return transport.call(ApiRequest.post("/v1/execution-reports/{id}/corrections", id(reportId)).json(content),
                ExecutionReport.class, options);
    }

    @Override
    public ReportEvaluation validateCorrection(long reportId, ExecutionReportContent content, RequestOptions options) {
        Objects.requireNonNull(content, "content");
        return transport.call(ApiRequest.post("/v1/execution-reports/{id}/corrections/validation", id(reportId))
                .json(content), ReportEvaluation.class, options);
    }

    @Override
    public ExecutionReport get(long reportId, RequestOptions options) {
        return transport.call(ApiRequest.get("/v1/execution-reports/{id}", id(reportId)), ExecutionReport.class,
                options);
    }

    @Override
    public Page<ExecutionReport> listPage(String permitNumber, ExecutionReportSearchParams params, String cursor,
                                          RequestOptions options) {
        String number = checks.permitNumber(permitNumber);
        ExecutionReportPage page = transport.call(reports("/v1/permits/{permitNumber}/execution-reports", number,
                params, cursor), ExecutionReportPage.class, options);
        return new Page<>(page.getItems() == null ? List.of() : page.getItems(), page.getNextCursor());
    }

    /** A report listing's request: a permit's reports and their public summaries take the same filters. */
    static ApiRequest reports(String template, String permitNumber, ExecutionReportSearchParams params, String cursor) {
        Objects.requireNonNull(params, "params");
        return ApiRequest.get(template, permitNumber).query("type", params.type()).query("year", params.year())
                .query("status", params.status()).query("limit", params.limit()).query("cursor", cursor);
    }

    /** Report ids are positive: anything else is a typo the API would answer with a 404 at best. */
    private static long id(long reportId) {
        if (reportId < 1) {
            throw new ValidationException(ErrorDetails.local(400, "VALIDATION_FAILED",
                    "A report id is a positive whole number, got " + reportId + ".",
                    List.of(new FieldError("path.id", "FORMAT", "must be a positive whole number"))));
        }
        return reportId;
    }
}
