package org.epermit.sdk.service;

import java.util.Objects;
import org.epermit.sdk.ApiTag;
import org.epermit.sdk.OperationId;
import org.epermit.sdk.Page;
import org.epermit.sdk.PagedIterable;
import org.epermit.sdk.RequestOptions;
import org.epermit.sdk.model.ExecutionReport;
import org.epermit.sdk.model.ExecutionReportContent;
import org.epermit.sdk.model.PermitObligations;
import org.epermit.sdk.model.ReportEvaluation;
import org.epermit.sdk.model.ReportType;
import org.epermit.sdk.param.ExecutionReportSearchParams;

/**
 * Execution reports (执行报告, HJ 944-2018) of the permits the caller files for (scope {@code filings:write}: a vendor
 * for the permits delegated to it, an enterprise for its own): what is due, the blank report of a period, checking a
 * report without filing it, submitting, correcting, and reading what was filed. Reached through
 * {@link org.epermit.sdk.EPermitClient#filings()}.
 *
 * <p>The usual round: {@link #obligations} says which periods are due; {@link #blank} gives a period's report with
 * what the permit and the monitoring records already know; fill in the figures; {@link #validate} returns exactly what
 * a submission would (errors, findings, and the findings that still need an explanation, which
 * {@link org.epermit.sdk.filing.Findings} turns into acknowledgements); {@link #submit} files it and returns the stored
 * report with its signed receipt, which {@link org.epermit.sdk.receipt.ReceiptVerifier#verify(ExecutionReport, int)}
 * checks offline.
 *
 * <p>Refusals: a report that fails the permit's rules is a {@link org.epermit.sdk.errors.ValidationException} with
 * code {@code FILING_REJECTED} and one field error per failing field (its JSON pointer into the content, e.g.
 * {@code /actualEmissions/0/tonnes}, its code from {@link org.epermit.sdk.model.FilingCode} and a message saying how to
 * fix it); a second report of a period is a {@link org.epermit.sdk.errors.ReportExistsException} naming the report
 * to correct instead. Submissions and corrections carry an {@code Idempotency-Key} (one per call, reused by its
 * retries), so a retried filing is never filed twice.
 *
 * <p>An interface, so that your tests can stand in for the API; the client's own implementation is thread-safe.
 */
@ApiTag("Execution reports")
public interface FilingService {

    /**
     * Lists what a permit requires in a year: every report period with its deadline and status ({@code NOT_DUE},
     * {@code DUE}, {@code SUBMITTED_ON_TIME}, {@code SUBMITTED_LATE}, {@code OVERDUE}, {@code NOT_REQUIRED} with the
     * skip rule that applied), and every self-monitoring requirement with the samples required and received.
     *
     * @param permitNumber the permit number
     * @param year         the year, 2000 to 2100
     * @return the obligations
     * @throws org.epermit.sdk.errors.ValidationException {@code INVALID_PERMIT_NUMBER}, before any call, if malformed
     */
    @OperationId("getPermitObligations")
    default PermitObligations obligations(String permitNumber, int year) {
        return obligations(permitNumber, year, RequestOptions.none());
    }

    /**
     * Lists what a permit requires in a year, with options.
     *
     * @param permitNumber the permit number
     * @param year         the year, 2000 to 2100
     * @param options      options for this call
     * @return the obligations
     */
    @OperationId("getPermitObligations")
    PermitObligations obligations(String permitNumber, int year, RequestOptions options);

    /**
     * A permit's compliance in a year on one page: reports due, on time, late and missing; monitoring completeness;
     * exceedances recorded and declared; actual against licensed emissions; the findings of the year's reports.
     *
     * @param permitNumber the permit number
     * @param year         the year, 2000 to 2100
     * @return the year's compliance
     * @throws org.epermit.sdk.errors.ValidationException {@code INVALID_PERMIT_NUMBER}, before any call, if malformed
     */
    @OperationId("getPermitCompliance")
    default org.epermit.sdk.model.PermitCompliance compliance(String permitNumber, int year) {
        return compliance(permitNumber, year, RequestOptions.none());
    }

    /**
     * A permit's compliance in a year, with options.
     *
     * @param permitNumber the permit number
     * @param year         the year, 2000 to 2100
     * @param options      options for this call
     * @return the year's compliance
     */
    @OperationId("getPermitCompliance")
    org.epermit.sdk.model.PermitCompliance compliance(String permitNumber, int year, RequestOptions options);

    /**
     * Builds the blank report of one period from the permit version(s) in force then: every licensed pollutant with
     * its licensed quantity for the period, every monitoring requirement with its required sample count, pre-filled
     * where the service's own records know the answer. Fill in the figures and {@link #validate} or {@link #submit}
     * it.
     *
     * @param permitNumber the permit number
     * @param type         the report type
     * @param period       the period: {@code 2025} (annual), {@code 2025-H1}, {@code 2025-Q3}, {@code 2025-07}
     * @return the blank report
     * @throws org.epermit.sdk.errors.ValidationException {@code FILING_REJECTED} when no report of this type is owed
     *                                                    for the period, with the reason as a field error
     */
    @OperationId("getBlankExecutionReport")
    default ExecutionReportContent blank(String permitNumber, ReportType type, String period) {
        return blank(permitNumber, type, period, RequestOptions.none());
    }

    /**
     * Builds the blank report of one period, with options.
     *
     * @param permitNumber the permit number
     * @param type         the report type
     * @param period       the period
     * @param options      options for this call
     * @return the blank report
     */
    @OperationId("getBlankExecutionReport")
    ExecutionReportContent blank(String permitNumber, ReportType type, String period, RequestOptions options);

    /**
     * Checks a report without filing it: the answer is exactly what {@link #submit} would decide (the errors that
     * would refuse it, the findings it would be stored with, the findings that still need an explanation); nothing
     * is stored.
     *
     * @param permitNumber the permit number
     * @param content      the report, with its type and period
     * @return the evaluation; {@link ReportEvaluation#getAcceptable()} says whether a submission would be accepted
     */
    @OperationId("validateExecutionReport")
    default ReportEvaluation validate(String permitNumber, ExecutionReportContent content) {
        return validate(permitNumber, content, RequestOptions.none());
    }

    /**
     * Checks a report without filing it, with options.
     *
     * @param permitNumber the permit number
     * @param content      the report
     * @param options      options for this call
     * @return the evaluation
     */
    @OperationId("validateExecutionReport")
    ReportEvaluation validate(String permitNumber, ExecutionReportContent content, RequestOptions options);

    /**
     * Files a report. Accepted when no error refuses it and every finding that needs an explanation has one
     * (an {@link org.epermit.sdk.model.Acknowledgement} of its code and path); the stored report's first version
     * carries its findings and a signed receipt. Sent with an {@code Idempotency-Key} (one per call, reused by its
     * retries; give your own with {@link RequestOptions.Builder#idempotencyKey} to repeat safely across restarts).
     *
     * @param permitNumber the permit number
     * @param content      the report, with its type and period
     * @return the stored report
     * @throws org.epermit.sdk.errors.ValidationException   {@code FILING_REJECTED}, every failing field listed
     * @throws org.epermit.sdk.errors.ReportExistsException the permit has a report of this type and period already
     */
    @OperationId("submitExecutionReport")
    default ExecutionReport submit(String permitNumber, ExecutionReportContent content) {
        return submit(permitNumber, content, RequestOptions.none());
    }

    /**
     * Files a report, with options (e.g. your own idempotency key).
     *
     * @param permitNumber the permit number
     * @param content      the report
     * @param options      options for this call
     * @return the stored report
     */
    @OperationId("submitExecutionReport")
    ExecutionReport submit(String permitNumber, ExecutionReportContent content, RequestOptions options);

    /**
     * Corrects a filed report: a new version, checked as a submission is (a correction after the deadline is
     * flagged as such); every earlier version stays readable, each with its own receipt. Sent with an
     * {@code Idempotency-Key}.
     *
     * @param reportId the report's id
     * @param content  the whole corrected content; its type and period may be left out (they are the report's)
     * @return the report with the new version
     * @throws org.epermit.sdk.errors.ValidationException {@code FILING_REJECTED}, every failing field listed
     * @throws org.epermit.sdk.errors.NotFoundException   {@code REPORT_NOT_FOUND}
     */
    @OperationId("correctExecutionReport")
    default ExecutionReport correct(long reportId, ExecutionReportContent content) {
        return correct(reportId, content, RequestOptions.none());
    }

    /**
     * Corrects a filed report, with options.
     *
     * @param reportId the report's id
     * @param content  the corrected content
     * @param options  options for this call
     * @return the report with the new version
     */
    @OperationId("correctExecutionReport")
    ExecutionReport correct(long reportId, ExecutionReportContent content, RequestOptions options);

    /**
     * Checks a correction without filing it: exactly what {@link #correct} would decide; nothing is stored.
     *
     * @param reportId the report's id
     * @param content  the corrected content
     * @return the evaluation
     */
    @OperationId("validateExecutionReportCorrection")
    default ReportEvaluation validateCorrection(long reportId, ExecutionReportContent content) {
        return validateCorrection(reportId, content, RequestOptions.none());
    }

    /**
     * Checks a correction without filing it, with options.
     *
     * @param reportId the report's id
     * @param content  the corrected content
     * @param options  options for this call
     * @return the evaluation
     */
    @OperationId("validateExecutionReportCorrection")
    ReportEvaluation validateCorrection(long reportId, ExecutionReportContent content, RequestOptions options);

    /**
     * Reads a report with every version, oldest first, each with its content, findings and receipt.
     *
     * @param reportId the report's id
     * @return the report
     * @throws org.epermit.sdk.errors.NotFoundException {@code REPORT_NOT_FOUND}
     */
    @OperationId("getExecutionReport")
    default ExecutionReport get(long reportId) {
        return get(reportId, RequestOptions.none());
    }

    /**
     * Reads a report, with options.
     *
     * @param reportId the report's id
     * @param options  options for this call
     * @return the report
     */
    @OperationId("getExecutionReport")
    ExecutionReport get(long reportId, RequestOptions options);

    /**
     * Lists a permit's reports, fetching pages lazily.
     *
     * @param permitNumber the permit number
     * @param params       the filters ({@link ExecutionReportSearchParams#all()} for every report)
     * @return the reports
     */
    @OperationId("listPermitExecutionReports")
    default PagedIterable<ExecutionReport> list(String permitNumber, ExecutionReportSearchParams params) {
        return list(permitNumber, params, RequestOptions.none());
    }

    /**
     * Lists a permit's reports, fetching pages lazily, with options for each page's request.
     *
     * @param permitNumber the permit number
     * @param params       the filters
     * @param options      options for each page's request
     * @return the reports
     */
    @OperationId("listPermitExecutionReports")
    default PagedIterable<ExecutionReport> list(String permitNumber, ExecutionReportSearchParams params,
                                                RequestOptions options) {
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(options, "options");
        return new PagedIterable<>(cursor -> listPage(permitNumber, params, cursor, options));
    }

    /**
     * Fetches one page of a permit's reports.
     *
     * @param permitNumber the permit number
     * @param params       the filters; the same as for the page the cursor came from
     * @param cursor       the previous page's {@link Page#nextCursor()}, or {@code null} for the first page
     * @param options      options for this request
     * @return the page
     */
    @OperationId("listPermitExecutionReports")
    Page<ExecutionReport> listPage(String permitNumber, ExecutionReportSearchParams params, String cursor,
                                   RequestOptions options);
}
