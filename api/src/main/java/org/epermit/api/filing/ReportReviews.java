package org.epermit.api.filing;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.epermit.api.access.PermitAccess;
import org.epermit.api.gateway.Caller;
import org.epermit.api.gateway.TransactionSql;
import org.epermit.api.gateway.audit.AuditedResource;
import org.epermit.api.gateway.write.AggregateEvent;
import org.epermit.api.gateway.write.WriteOutcome;
import org.epermit.api.problem.ApiException;
import org.epermit.api.problem.ErrorCode;
import org.epermit.api.problem.FieldError;
import org.epermit.api.problem.Message;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A regulator's review of a submitted execution report, in one transaction with its review row, audit row and outbox
 * event: ACCEPTED, or RETURNED with what to correct. The report's optimistic lock makes exactly one of two concurrent
 * reviews (or a review and a correction) stand; a correction of a returned report makes it SUBMITTED again.
 */
@ApplicationScoped
public class ReportReviews {

    static final String REVIEW = "reviews:write";
    static final String REGION = "SELECT p.region_code FROM execution_report r JOIN permit p ON p.id = r.permit_id WHERE r.id = $1";

    private final ExecutionReportRepository reports;
    private final ExecutionReportQueries queries;
    private final Clock clock;

    public ReportReviews(ExecutionReportRepository reports, ExecutionReportQueries queries, Clock clock) {
        this.reports = reports;
        this.queries = queries;
        this.clock = clock;
    }

    Uni<WriteOutcome> review(TransactionSql tx, Caller caller, long reportId, ReportReviewBody body) {
        if (!caller.hasRole("regulator") || !caller.hasScope(REVIEW)) {
            return Uni.createFrom().failure(new ApiException(ErrorCode.INSUFFICIENT_SCOPE, Message.of(
                    "Execution reports are reviewed by a regulator holding the reviews:write scope.",
                    "执行报告由持有 reviews:write 权限的主管部门审核。")));
        }
        List<FieldError> invalid = invalid(body);
        if (!invalid.isEmpty()) {
            return Uni.createFrom().failure(ApiException.validation(invalid));
        }
        return tx.query(REGION, reportId).flatMap(region -> {
            if (region.isEmpty()) {
                throw ExecutionReports.notFound(reportId);
            }
            String regionCode = region.get(0).string("region_code");
            if (!PermitAccess.inRegion(caller, regionCode)) {
                throw new ApiException(ErrorCode.OUTSIDE_REGION, Message.of("Execution report " + reportId + " is on a permit outside your region.",
                        "执行报告" + reportId + "所涉许可证不在您的管辖区域内。"));
            }
            return reports.findById(reportId);
        }).flatMap(report -> {
            if (!"SUBMITTED".equals(report.status)) {
                throw new ApiException(ErrorCode.REVIEW_NOT_PENDING, Message.of("Execution report " + reportId + " is " + report.status
                        + ": only a SUBMITTED report is reviewed; a correction makes it SUBMITTED again.",
                        "执行报告" + reportId + "状态为" + report.status + "：仅待审（SUBMITTED）的报告可以审核；更正后重新进入待审。"));
            }
            if (body.reportVersion() != null && body.reportVersion() != report.currentVersion) {
                throw new ApiException(ErrorCode.CONCURRENT_MODIFICATION, Message.of("Execution report " + reportId + " is at version "
                        + report.currentVersion + ", not " + body.reportVersion() + ": read it again before reviewing it.",
                        "执行报告" + reportId + "当前为第" + report.currentVersion + "版而非第" + body.reportVersion() + "版，请重新读取后再审核。"));
            }
            OffsetDateTime at = OffsetDateTime.now(clock);
            report.status = body.outcome().name();
            return reports.flush()
                    .flatMap(done -> tx.update("INSERT INTO execution_report_review (report_id, sequence, report_version, outcome, at, by_client, comment) "
                                    + "SELECT $1, COALESCE(max(sequence), 0) + 1, $2, $3, $4, $5, $6 FROM execution_report_review WHERE report_id = $1",
                            reportId, report.currentVersion, body.outcome().name(), at, caller.clientId(), body.comment()))
                    .flatMap(done -> queries.view(tx, reportId))
                    .map(view -> WriteOutcome.ok(AuditedResource.changed(ExecutionReports.AGGREGATE, reportId, List.of("status", "reviews")),
                                    view.orElseThrow())
                            .announcing(new AggregateEvent("execution_report." + (body.outcome() == ReviewOutcome.ACCEPTED ? "accepted" : "returned"),
                                    ExecutionReports.AGGREGATE, Long.toString(reportId), report.eventSequence(), view.orElseThrow())));
        });
    }

    private static List<FieldError> invalid(ReportReviewBody body) {
        List<FieldError> errors = new ArrayList<>();
        if (body == null) {
            errors.add(new FieldError("", "REQUIRED", Message.of("send the review: {\"outcome\": \"ACCEPTED\"} or RETURNED with a comment",
                    "请提交审核意见：{\"outcome\": \"ACCEPTED\"}，或 RETURNED 并说明需更正的内容")));
            return errors;
        }
        if (body.outcome() == null) {
            errors.add(new FieldError("/outcome", "REQUIRED", Message.of("ACCEPTED or RETURNED", "应为 ACCEPTED 或 RETURNED")));
        }
        if (body.comment() == null || body.comment().isBlank()) {
            if (body.outcome() == ReviewOutcome.RETURNED) {
                errors.add(new FieldError("/comment", body.comment() == null ? "REQUIRED" : "EMPTY", Message.of(
                        "a returned report says what to correct", "退回的报告须说明需更正的内容")));
            }
        } else if (body.comment().length() > ReportReviewBody.COMMENT_MAX) {
            errors.add(new FieldError("/comment", "TOO_LONG", Message.of("at most " + ReportReviewBody.COMMENT_MAX + " characters, got "
                    + body.comment().length(), "至多" + ReportReviewBody.COMMENT_MAX + "个字符，实际" + body.comment().length() + "个")));
        }
        if (body.reportVersion() != null && body.reportVersion() < 1) {
            errors.add(new FieldError("/reportVersion", "RANGE", Message.of("a version number, from 1", "版本号应从1开始")));
        }
        return errors;
    }
}
