package org.epermit.api.filing;

import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameters;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.epermit.api.access.PermitAccess;
import org.epermit.api.common.PermitNumber;
import org.epermit.api.common.QueryParameters;
import org.epermit.api.contract.SharedParameters;
import org.epermit.api.gateway.Caller;
import org.epermit.api.gateway.auth.CurrentCaller;
import org.epermit.api.gateway.write.WriteTransaction;
import org.epermit.api.permit.reporting.ReportType;
import org.epermit.api.permit.terms.PermitVersionQueries;
import org.epermit.api.problem.ApiException;
import org.epermit.api.problem.ErrorCode;
import org.epermit.api.problem.FieldError;
import org.epermit.api.problem.Message;

import java.util.List;
import java.util.Set;

/** Execution reports (执行报告) of a permit: what is due, the blank report, evaluation, submission and reads. */
@Path("/v1/permits/{permitNumber}")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "apiKey")
@SecurityRequirement(name = "bearer")
@Tag(name = "Execution reports", description = "Filing execution reports (执行报告, HJ 944-2018), checked against the permit "
        + "version in force in their period (scope filings:write; reads also permits:read)")
public class ExecutionReportResource {

    static final String READ = "permits:read";

    private final ExecutionReports reports;
    private final Obligations obligations;
    private final PermitAccess access;
    private final PermitVersionQueries versions;
    private final WriteTransaction writes;
    private final CurrentCaller caller;
    private final ExecutionReportPages pages;
    private final Compliance compliance;
    private final java.time.Clock clock;

    public ExecutionReportResource(ExecutionReports reports, Obligations obligations,
                                   PermitAccess access, PermitVersionQueries versions, WriteTransaction writes, CurrentCaller caller,
                                   ExecutionReportPages pages, Compliance compliance, java.time.Clock clock) {
        this.pages = pages;
        this.compliance = compliance;
        this.clock = clock;
        this.reports = reports;
        this.obligations = obligations;
        this.access = access;
        this.versions = versions;
        this.writes = writes;
        this.caller = caller;
    }

    @GET
    @Path("/obligations")
    @PermissionsAllowed({"permits:read", "filings:write"})
    @Operation(operationId = "getPermitObligations", summary = "What the permit requires in a year",
            description = "Every execution report the permit requires whose period ends in the year, with its deadline and "
                    + "status (NOT_DUE, DUE, SUBMITTED_ON_TIME, SUBMITTED_LATE, OVERDUE, or NOT_REQUIRED with the skip rule "
                    + "that applied), and every self-monitoring requirement with the samples required and received.")
    @Parameters({
            @Parameter(ref = SharedParameters.PERMIT_NUMBER),
            @Parameter(ref = SharedParameters.YEAR)
    })
    @APIResponse(responseCode = "200", description = "The year's obligations",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PermitObligations.class)))
    @APIResponse(responseCode = "400", description = "Invalid permit number (INVALID_PERMIT_NUMBER) or year (VALIDATION_FAILED)")
    @APIResponse(responseCode = "403", description = "INSUFFICIENT_SCOPE, NOT_DELEGATED or OUTSIDE_REGION")
    @APIResponse(responseCode = "404", description = "No permit has this number (PERMIT_NOT_FOUND)")
    public Uni<PermitObligations> obligations(@PathParam("permitNumber") String permitNumber, @Context UriInfo uri) {
        QueryParameters params = QueryParameters.of(uri.getQueryParameters(), Set.of("year"));
        int year = year(params);
        params.throwIfInvalid();
        String number = PermitNumber.parse(permitNumber, "path.permitNumber").value();
        return readableVersions(number).flatMap(v -> obligations.of(v, year));
    }

    @GET
    @Path("/compliance")
    @PermissionsAllowed({"permits:read", "filings:write"})
    @Operation(operationId = "getPermitCompliance", summary = "A permit's compliance in a year, on one page",
            description = "Reports due, filed on time or late, and missing; self-monitoring completeness per requirement; "
                    + "exceedances per outlet and pollutant, found in the monitoring records and declared in the reports; actual "
                    + "emissions against the licensed quantity; and the findings of the year's reports.")
    @Parameters({
            @Parameter(ref = SharedParameters.PERMIT_NUMBER),
            @Parameter(ref = SharedParameters.YEAR)
    })
    @APIResponse(responseCode = "200", description = "The year's compliance",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PermitCompliance.class)))
    @APIResponse(responseCode = "400", description = "Invalid permit number (INVALID_PERMIT_NUMBER) or year (VALIDATION_FAILED)")
    @APIResponse(responseCode = "403", description = "INSUFFICIENT_SCOPE, NOT_DELEGATED or OUTSIDE_REGION")
    @APIResponse(responseCode = "404", description = "No permit has this number (PERMIT_NOT_FOUND)")
    public Uni<PermitCompliance> compliance(@PathParam("permitNumber") String permitNumber, @Context UriInfo uri) {
        QueryParameters params = QueryParameters.of(uri.getQueryParameters(), Set.of("year"));
        int year = year(params);
        params.throwIfInvalid();
        String number = PermitNumber.parse(permitNumber, "path.permitNumber").value();
        return readableVersions(number).flatMap(v -> compliance.of(v, year, clock.getZone()));
    }

    @GET
    @Path("/execution-reports/blank")
    @PermissionsAllowed("filings:write")
    @Operation(operationId = "getBlankExecutionReport", summary = "Get the blank report of a period",
            description = "Built from the permit version(s) in force in the period: every licensed pollutant with its licensed "
                    + "quantity for the period (pro rata), every monitoring requirement with its required samples, and what our "
                    + "monitoring records already say (samples received, exceedances, the emissions they imply where they cover "
                    + "the period). Fill it in and submit it; the same errors as a submission refuse a period that is not due.")
    @Parameters({
            @Parameter(ref = SharedParameters.PERMIT_NUMBER),
            @Parameter(name = "type", in = ParameterIn.QUERY, required = true, description = "The report type",
                    schema = @Schema(implementation = ReportType.class)),
            @Parameter(name = "period", in = ParameterIn.QUERY, required = true, description = "2025, 2025-H1, 2025-Q3 or 2025-07",
                    example = "2025", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, maxLength = 7))
    })
    @APIResponse(responseCode = "200", description = "The blank report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportContent.class)))
    @APIResponse(responseCode = "400", description = "Missing or invalid parameters (VALIDATION_FAILED)")
    @APIResponse(responseCode = "403", description = "INSUFFICIENT_SCOPE, NOT_DELEGATED or OUTSIDE_REGION")
    @APIResponse(responseCode = "404", description = "No permit has this number (PERMIT_NOT_FOUND)")
    @APIResponse(responseCode = "422", description = "No report is owed for the period (FILING_REJECTED, with the reason)")
    public Uni<ReportContent> blank(@PathParam("permitNumber") String permitNumber, @Context UriInfo uri) {
        QueryParameters params = QueryParameters.of(uri.getQueryParameters(), Set.of("type", "period"));
        var type = params.enumValue("type", ReportType.class);
        var period = params.text("period", 7);
        if (type.isEmpty() || period.isEmpty()) {
            params.check(java.util.Optional.of(new FieldError(type.isEmpty() ? "query.type" : "query.period", "REQUIRED",
                    Message.of("is required", "为必填项"))));
        }
        params.throwIfInvalid();
        String number = PermitNumber.parse(permitNumber, "path.permitNumber").value();
        return reports.blank(caller.required(), number, type.get(), period.get());
    }

    @POST
    @Path("/execution-reports/validation")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed("filings:write")
    @Operation(operationId = "validateExecutionReport", summary = "Check a report without submitting it",
            description = "Answers exactly what a submission of the same body would meet: the errors that would refuse it and "
                    + "the findings it would be stored with, marking those that need an explanation. Nothing is stored.")
    @Parameters(@Parameter(ref = SharedParameters.PERMIT_NUMBER))
    @APIResponse(responseCode = "200", description = "The evaluation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportEvaluation.class)))
    @APIResponse(responseCode = "400", description = "A body that is not a report (VALIDATION_FAILED)")
    @APIResponse(responseCode = "403", description = "INSUFFICIENT_SCOPE, NOT_DELEGATED or OUTSIDE_REGION")
    @APIResponse(responseCode = "404", description = "No permit has this number (PERMIT_NOT_FOUND)")
    @APIResponse(responseCode = "415", description = "The body is not application/json (UNSUPPORTED_MEDIA_TYPE)")
    public Uni<ReportEvaluation> validate(@PathParam("permitNumber") String permitNumber, ReportContent body) {
        String number = PermitNumber.parse(permitNumber, "path.permitNumber").value();
        return reports.prepareSubmission(caller.required(), number, required(body)).map(ExecutionReports.Prepared::evaluation);
    }

    @POST
    @Path("/execution-reports")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed("filings:write")
    @Operation(operationId = "submitExecutionReport", summary = "Submit an execution report",
            description = "Checked against the permit version(s) in force in the period and our monitoring records. Hard errors "
                    + "refuse it (422, every failing field with its JSON pointer and code); findings are stored with it, and "
                    + "those that need an explanation must carry an acknowledgement. Accepted: 201 with the stored report, its "
                    + "findings and its signed receipt. With an Idempotency-Key, a retry never files twice.")
    @Parameters(@Parameter(ref = SharedParameters.PERMIT_NUMBER))
    @APIResponse(responseCode = "201", description = "Accepted; Location names the report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExecutionReportView.class)))
    @APIResponse(responseCode = "400", description = "A body that is not a report (VALIDATION_FAILED)")
    @APIResponse(responseCode = "403", description = "INSUFFICIENT_SCOPE, NOT_DELEGATED or OUTSIDE_REGION")
    @APIResponse(responseCode = "404", description = "No permit has this number (PERMIT_NOT_FOUND)")
    @APIResponse(responseCode = "409", description = "A report of this type and period exists (REPORT_EXISTS, naming it)")
    @APIResponse(responseCode = "415", description = "The body is not application/json (UNSUPPORTED_MEDIA_TYPE)")
    @APIResponse(responseCode = "422", description = "The report fails the permit's rules (FILING_REJECTED, every error listed)")
    public Uni<Response> submit(@PathParam("permitNumber") String permitNumber, ReportContent body) {
        Caller who = caller.required();
        String number = PermitNumber.parse(permitNumber, "path.permitNumber").value();
        return reports.prepareSubmission(who, number, required(body)).flatMap(prepared -> {
            if (!prepared.errors().isEmpty()) {
                return Uni.createFrom().failure(ExecutionReports.refusal(prepared));
            }
            return writes.runOnEntities(tx -> reports.submit(tx, who, prepared));
        });
    }

    @GET
    @Path("/execution-reports")
    @PermissionsAllowed({"permits:read", "filings:write"})
    @Operation(operationId = "listPermitExecutionReports", summary = "List a permit's execution reports",
            description = "Newest period first, with every version; filters type, year (the year the report's days end in) and status.")
    @Parameters({
            @Parameter(ref = SharedParameters.PERMIT_NUMBER),
            // name and in as well: refs to components of META-INF/openapi.yaml are unresolved when the annotations
            // are read, and the scanner keeps only the first of several unresolved refs (smallrye-open-api#2643)
            @Parameter(ref = SharedParameters.REPORT_TYPE, name = "type", in = ParameterIn.QUERY),
            @Parameter(ref = SharedParameters.REPORT_YEAR, name = "year", in = ParameterIn.QUERY),
            @Parameter(ref = SharedParameters.REPORT_STATUS, name = "status", in = ParameterIn.QUERY),
            @Parameter(ref = SharedParameters.LIMIT),
            @Parameter(ref = SharedParameters.CURSOR)
    })
    @APIResponse(responseCode = "200", description = "A page of reports",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExecutionReportPages.ReportPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid parameters (VALIDATION_FAILED) or cursor (INVALID_CURSOR)")
    @APIResponse(responseCode = "403", description = "INSUFFICIENT_SCOPE, NOT_DELEGATED or OUTSIDE_REGION")
    @APIResponse(responseCode = "404", description = "No permit has this number (PERMIT_NOT_FOUND)")
    public Uni<ExecutionReportPages.ReportPage> list(@PathParam("permitNumber") String permitNumber, @Context UriInfo uri) {
        Caller c = caller.required();
        String number = PermitNumber.parse(permitNumber, "path.permitNumber").value();
        ExecutionReportPages.Filter filter = pages.filter(uri, "reports|" + number + "|" + c.clientId());
        return reports.readable(c, number).flatMap(id -> pages.reports(id, filter));
    }

    /** The versions of a permit the caller may read the filings of. */
    private Uni<org.epermit.api.permit.terms.PermitVersions> readableVersions(String number) {
        return reports.readable(caller.required(), number).flatMap(versions::load)
                .map(v -> v.orElseThrow(() -> PermitAccess.notFound(number)));
    }

    static int year(QueryParameters params) {
        return params.year("year", true).orElse(0);
    }

    static ReportContent required(ReportContent body) {
        if (body == null) {
            throw ApiException.validation(List.of(new FieldError("body", "REQUIRED", Message.of("a report is required", "必须提供报告内容"))));
        }
        return body;
    }
}
