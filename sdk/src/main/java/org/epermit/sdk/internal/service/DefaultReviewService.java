package org.epermit.sdk.internal.service;

import java.util.List;
import java.util.Objects;
import org.epermit.sdk.Page;
import org.epermit.sdk.RequestOptions;
import org.epermit.sdk.errors.ErrorDetails;
import org.epermit.sdk.errors.FieldError;
import org.epermit.sdk.errors.ValidationException;
import org.epermit.sdk.internal.ApiRequest;
import org.epermit.sdk.internal.Transport;
import org.epermit.sdk.model.Application;
import org.epermit.sdk.model.ApplicationAcceptance;
import org.epermit.sdk.model.ApplicationDecision;
import org.epermit.sdk.model.ExecutionReport;
import org.epermit.sdk.model.ExecutionReportReviewRequest;
import org.epermit.sdk.model.ReviewQueueItem;
import org.epermit.sdk.model.ReviewQueuePage;
import org.epermit.sdk.param.ReviewQueueParams;
import org.epermit.sdk.service.ReviewService;

/** {@link ReviewService} over the client's transport. */
public final class DefaultReviewService implements ReviewService {

    private final Transport transport;

    /**
     * Creates the service.
     *
     * @param transport the client's transport
     */
    public DefaultReviewService(Transport transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
    }

    @Override
    public Page<ReviewQueueItem> queuePage(ReviewQueueParams params, String cursor, RequestOptions options) {
        Objects.requireNonNull(params, "params");
        ReviewQueuePage page = transport.call(ApiRequest.get("/v1/review/queue").query("kind", params.kind())
                .query("type", params.type()).query("category", params.category()).query("region", params.region())
                .query("overdue", params.overdue()).query("limit", params.limit()).query("cursor", cursor),
                ReviewQueuePage.class, options);
        return new Page<>(page.getItems() == null ? List.of() : page.getItems(), page.getNextCursor());
    }

    @Override
    public Application accept(long applicationId, ApplicationAcceptance acceptance, RequestOptions options) {
        Objects.requireNonNull(acceptance, "acceptance");
        return transport.call(ApiRequest.post("/v1/applications/{id}/acceptance", id(applicationId, "application"))
                .json(acceptance), Application.class, options);
    }

    @Override
    public Application decide(long applicationId, ApplicationDecision decision, RequestOptions options) {
        Objects.requireNonNull(decision, "decision");
        return transport.call(ApiRequest.post("/v1/applications/{id}/decision", id(applicationId, "application"))
                .json(decision), Application.class, options);
    }

    @Override
    public ExecutionReport reviewReport(long reportId, ExecutionReportReviewRequest review, RequestOptions options) {
        Objects.requireNonNull(review, "review");
        return transport.call(ApiRequest.post("/v1/execution-reports/{id}/review", id(reportId, "report")).json(review),
                ExecutionReport.class, options);
    }

    /** Ids are positive: anything else is a typo the API would answer with a 404 at best. */
    private static long id(long id, String what) {
        if (id < 1) {
            throw new ValidationException(ErrorDetails.local(400, "VALIDATION_FAILED",
                    "A " + what + " id is a positive whole number, got " + id + ".",
                    List.of(new FieldError("path.id", "FORMAT", "must be a positive whole number"))));
        }
        return id;
    }
}
