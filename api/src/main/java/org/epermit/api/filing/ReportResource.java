package org.epermit.api.filing;

import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.epermit.api.gateway.Caller;
import org.epermit.api.gateway.auth.CurrentCaller;
import org.epermit.api.gateway.write.WriteTransaction;
import org.epermit.api.problem.ApiException;
import org.epermit.api.problem.FieldError;
import org.epermit.api.problem.Message;

import java.util.List;

/** One execution report by its id: read with every version, corrected, a correction evaluated. */
@Path("/v1/execution-reports/{id}")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "apiKey")
@SecurityRequirement(name = "bearer")
@Tag(name = "Execution reports")
public class ReportResource {

    private final ExecutionReports reports;
    private final ReportReviews reviews;
    private final ExecutionReportQueries queries;
    private final WriteTransaction writes;
    private final CurrentCaller caller;

    public ReportResource(ExecutionReports reports, ReportReviews reviews, ExecutionReportQueries queries,
                          WriteTransaction writes, CurrentCaller caller) {
        this.reports = reports;
        this.reviews = reviews;
        this.queries = queries;
        this.writes = writes;
        this.caller = caller;
    }

    @GET
    @PermissionsAllowed({"permits:read", "filings:write"})
    @Operation(operationId = "getExecutionReport", summary = "Get an execution report with all its versions",
            description = "Every version as filed, with its findings and signed receipt. Readable by those who may file for "
                    + "the permit or read it (the enterprise, its delegated vendor, its regulator).")
    @APIResponse(responseCode = "200", description = "The report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExecutionReportView.class)))
    @APIResponse(responseCode = "400", description = "The id is not a number (VALIDATION_FAILED)")
    @APIResponse(responseCode = "403", description = "INSUFFICIENT_SCOPE, NOT_DELEGATED or OUTSIDE_REGION")
    @APIResponse(responseCode = "404", description = "No such report (REPORT_NOT_FOUND)")
    public Uni<ExecutionReportView> get(@Parameter(description = "The report's id", example = "1042") @PathParam("id") String id) {
        long reportId = id(id);
        Caller c = caller.required();
        return queries.stored(reportId).flatMap(found -> {
            var stored = found.orElseThrow(() -> ExecutionReports.notFound(reportId));
            return reports.readable(c, stored.permitNumber()).flatMap(allowed -> queries.view(reportId))
                    .map(view -> view.orElseThrow(() -> ExecutionReports.notFound(reportId)));
        });
    }

    @POST
    @Path("/corrections")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed("filings:write")
    @Operation(operationId = "correctExecutionReport", summary = "Correct an execution report",
            description = "Files a new version, checked exactly as a submission is; the earlier versions stay readable. "
                    + "A correction after the deadline is flagged (CORRECTED_AFTER_DEADLINE). Type and period are the report's: "
                    + "leave them out or give the report's own.")
    @APIResponse(responseCode = "201", description = "Accepted; Location names the new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExecutionReportView.class)))
    @APIResponse(responseCode = "400", description = "A body that is not a report (VALIDATION_FAILED)")
    @APIResponse(responseCode = "403", description = "INSUFFICIENT_SCOPE, NOT_DELEGATED or OUTSIDE_REGION")
    @APIResponse(responseCode = "404", description = "No such report (REPORT_NOT_FOUND)")
    @APIResponse(responseCode = "409", description = "Another correction committed meanwhile (CONCURRENT_MODIFICATION)")
    @APIResponse(responseCode = "415", description = "The body is not application/json (UNSUPPORTED_MEDIA_TYPE)")
    @APIResponse(responseCode = "422", description = "The correction fails the permit's rules (FILING_REJECTED, every error listed)")
    public Uni<Response> correct(@Parameter(description = "The report's id", example = "1042") @PathParam("id") String id,
                                 ReportContent body) {
        long reportId = id(id);
        Caller who = caller.required();
        return reports.prepareCorrection(who, reportId, ExecutionReportResource.required(body)).flatMap(prepared -> {
            if (!prepared.errors().isEmpty()) {
                return Uni.createFrom().failure(ExecutionReports.refusal(prepared));
            }
            return writes.runOnEntities(tx -> reports.correct(tx, who, reportId, prepared));
        });
    }

    @POST
    @Path("/corrections/validation")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed("filings:write")
    @Operation(operationId = "validateExecutionReportCorrection", summary = "Check a correction without filing it",
            description = "Exactly what a correction of the same body would meet. Nothing is stored.")
    @APIResponse(responseCode = "200", description = "The evaluation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportEvaluation.class)))
    @APIResponse(responseCode = "400", description = "A body that is not a report (VALIDATION_FAILED)")
    @APIResponse(responseCode = "403", description = "INSUFFICIENT_SCOPE, NOT_DELEGATED or OUTSIDE_REGION")
    @APIResponse(responseCode = "404", description = "No such report (REPORT_NOT_FOUND)")
    @APIResponse(responseCode = "415", description = "The body is not application/json (UNSUPPORTED_MEDIA_TYPE)")
    public Uni<ReportEvaluation> validateCorrection(@Parameter(description = "The report's id", example = "1042") @PathParam("id") String id,
                                                    ReportContent body) {
        long reportId = id(id);
        return reports.prepareCorrection(caller.required(), reportId, ExecutionReportResource.required(body))
                .map(ExecutionReports.Prepared::evaluation);
    }

    @POST
    @Path("/review")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(ReportReviews.REVIEW)
    @Tag(name = "Review")
    @Operation(operationId = "reviewExecutionReport", summary = "Review a submitted execution report",
            description = "By a regulator of the permit's region (role regulator, scope reviews:write): ACCEPTED, or RETURNED with "
                    + "what to correct. The filer corrects a returned report (POST …/corrections), which puts it back in the "
                    + "review queue with its reviews kept. Comments are never public. With an Idempotency-Key, a retry answers "
                    + "as the first did.")
    @APIResponse(responseCode = "200", description = "Reviewed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExecutionReportView.class)))
    @APIResponse(responseCode = "400", description = "The body fails its rules (VALIDATION_FAILED, every failing field)")
    @APIResponse(responseCode = "403", description = "INSUFFICIENT_SCOPE (not a regulator) or OUTSIDE_REGION")
    @APIResponse(responseCode = "404", description = "No such report (REPORT_NOT_FOUND)")
    @APIResponse(responseCode = "409", description = "Already reviewed (REVIEW_NOT_PENDING), or reviewed or corrected meanwhile (CONCURRENT_MODIFICATION)")
    @APIResponse(responseCode = "415", description = "The body is not application/json (UNSUPPORTED_MEDIA_TYPE)")
    public Uni<Response> review(@Parameter(description = "The report's id", example = "1042") @PathParam("id") String id,
                                ReportReviewBody body) {
        long reportId = id(id);
        Caller who = caller.required();
        return writes.runOnEntities(tx -> reviews.review(tx, who, reportId, body));
    }

    static long id(String raw) {
        if (raw == null || !raw.matches("[1-9][0-9]{0,17}")) {
            throw ApiException.validation(List.of(new FieldError("path.id", "FORMAT", Message.of(
                    "must be a report id (a positive whole number)", "应为报告编号（正整数）"))));
        }
        return Long.parseLong(raw);
    }
}
