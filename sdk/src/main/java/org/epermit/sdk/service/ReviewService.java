package org.epermit.sdk.service;

import java.util.Objects;
import org.epermit.sdk.ApiTag;
import org.epermit.sdk.OperationId;
import org.epermit.sdk.Page;
import org.epermit.sdk.PagedIterable;
import org.epermit.sdk.RequestOptions;
import org.epermit.sdk.model.Application;
import org.epermit.sdk.model.ApplicationAcceptance;
import org.epermit.sdk.model.ApplicationDecision;
import org.epermit.sdk.model.ExecutionReport;
import org.epermit.sdk.model.ExecutionReportReviewRequest;
import org.epermit.sdk.model.ReviewQueueItem;
import org.epermit.sdk.param.ReviewQueueParams;

/**
 * The regulator's review desk (role regulator, scope {@code reviews:write}, its region only): the queue of what waits,
 * with statutory deadlines; acceptance and decisions on applications; reviews of execution reports. Reached through
 * {@link org.epermit.sdk.EPermitClient#review()}.
 *
 * <p>The usual round: {@link #queue} lists what waits, oldest first, each item with the deadline of its next act;
 * {@link #accept} accepts an application (受理, the decision period starts) or returns it with every correction in
 * one notice; {@link #decide} approves it (the permit changes in the same transaction), rejects it with reasons, or
 * returns it; {@link #reviewReport} accepts or returns an execution report.
 *
 * <p>Refusals: an item of another region is a {@link org.epermit.sdk.errors.PermissionException} with code
 * {@code OUTSIDE_REGION}; an act on something not awaiting it is a {@link org.epermit.sdk.errors.ConflictException}
 * ({@code REVIEW_NOT_PENDING}, {@code NOT_YET_ACCEPTED}, {@code ACCEPTANCE_PERIOD_PASSED}, or
 * {@code CONCURRENT_MODIFICATION} when another regulator acted first). Every act carries an {@code Idempotency-Key}
 * (one per call, reused by its retries), so a retry never decides twice.
 *
 * <p>An interface, so that your tests can stand in for the API; the client's own implementation is thread-safe.
 */
@ApiTag("Review")
public interface ReviewService {

    /**
     * Lists what waits in your region, oldest first, fetching pages lazily. With an {@code overdue} filter a page may
     * hold fewer items than its limit; the iterable goes on to the end regardless.
     *
     * @param params the filters ({@link ReviewQueueParams#all()} for everything)
     * @return the queue's items
     */
    @OperationId("getReviewQueue")
    default PagedIterable<ReviewQueueItem> queue(ReviewQueueParams params) {
        return queue(params, RequestOptions.none());
    }

    /**
     * Lists what waits in your region, with options for each page's request.
     *
     * @param params  the filters
     * @param options options for each page's request
     * @return the queue's items
     */
    @OperationId("getReviewQueue")
    default PagedIterable<ReviewQueueItem> queue(ReviewQueueParams params, RequestOptions options) {
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(options, "options");
        return new PagedIterable<>(cursor -> queuePage(params, cursor, options));
    }

    /**
     * Fetches one page of the queue.
     *
     * @param params  the filters; the same as for the page the cursor came from
     * @param cursor  the previous page's {@link Page#nextCursor()}, or {@code null} for the first page
     * @param options options for this request
     * @return the page
     */
    @OperationId("getReviewQueue")
    Page<ReviewQueueItem> queuePage(ReviewQueueParams params, String cursor, RequestOptions options);

    /**
     * Accepts a submitted application, or returns it with everything to correct.
     *
     * @param applicationId the application's id
     * @param acceptance    ACCEPTED (with a site inspection, for an initial KEY application), or RETURNED with corrections
     * @return the application, ACCEPTED or RETURNED
     * @throws org.epermit.sdk.errors.ConflictException {@code REVIEW_NOT_PENDING} or {@code ACCEPTANCE_PERIOD_PASSED}
     */
    @OperationId("acceptApplication")
    default Application accept(long applicationId, ApplicationAcceptance acceptance) {
        return accept(applicationId, acceptance, RequestOptions.none());
    }

    /**
     * Accepts or returns a submitted application, with options.
     *
     * @param applicationId the application's id
     * @param acceptance    the acceptance
     * @param options       options for this call
     * @return the application
     */
    @OperationId("acceptApplication")
    Application accept(long applicationId, ApplicationAcceptance acceptance, RequestOptions options);

    /**
     * Decides an accepted application: an approval changes the permit in the same transaction.
     *
     * @param applicationId the application's id
     * @param decision      APPROVED, REJECTED with reasons, or RETURNED with corrections
     * @return the application, decided (or RETURNED)
     * @throws org.epermit.sdk.errors.ConflictException {@code REVIEW_NOT_PENDING}, {@code NOT_YET_ACCEPTED} or
     *                                                  {@code CONCURRENT_MODIFICATION}
     */
    @OperationId("decideApplication")
    default Application decide(long applicationId, ApplicationDecision decision) {
        return decide(applicationId, decision, RequestOptions.none());
    }

    /**
     * Decides an accepted application, with options.
     *
     * @param applicationId the application's id
     * @param decision      the decision
     * @param options       options for this call
     * @return the application
     */
    @OperationId("decideApplication")
    Application decide(long applicationId, ApplicationDecision decision, RequestOptions options);

    /**
     * Reviews a submitted execution report: ACCEPTED, or RETURNED with what to correct.
     *
     * @param reportId the report's id
     * @param review   the outcome, the version reviewed (optional) and the comment
     * @return the report with its reviews
     * @throws org.epermit.sdk.errors.ConflictException {@code REVIEW_NOT_PENDING} or {@code CONCURRENT_MODIFICATION}
     */
    @OperationId("reviewExecutionReport")
    default ExecutionReport reviewReport(long reportId, ExecutionReportReviewRequest review) {
        return reviewReport(reportId, review, RequestOptions.none());
    }

    /**
     * Reviews a submitted execution report, with options.
     *
     * @param reportId the report's id
     * @param review   the review
     * @param options  options for this call
     * @return the report
     */
    @OperationId("reviewExecutionReport")
    ExecutionReport reviewReport(long reportId, ExecutionReportReviewRequest review, RequestOptions options);
}
