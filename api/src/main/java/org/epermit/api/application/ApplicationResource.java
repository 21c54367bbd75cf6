package org.epermit.api.application;

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
import org.epermit.api.common.QueryParameters;
import org.epermit.api.contract.SharedParameters;
import org.epermit.api.gateway.Caller;
import org.epermit.api.gateway.auth.CurrentCaller;
import org.epermit.api.gateway.write.WriteTransaction;
import org.epermit.api.permit.PermitCategory;
import org.epermit.api.problem.ApiException;
import org.epermit.api.problem.FieldError;
import org.epermit.api.problem.Message;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Applications (申请): reads by those entitled, the caller's own listing, withdrawal by the applicant. */
@Path("/v1/applications")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "apiKey")
@SecurityRequirement(name = "bearer")
@Tag(name = "Applications")
public class ApplicationResource {

    private final Applications applications;
    private final InitialApplications initial;
    private final ApplicationRequirements requirements;
    private final ApplicationReviews reviews;
    private final ApplicationPages pages;
    private final WriteTransaction writes;
    private final CurrentCaller caller;

    public ApplicationResource(Applications applications, InitialApplications initial, ApplicationRequirements requirements,
                               ApplicationReviews reviews, ApplicationPages pages, WriteTransaction writes, CurrentCaller caller) {
        this.applications = applications;
        this.initial = initial;
        this.requirements = requirements;
        this.reviews = reviews;
        this.pages = pages;
        this.writes = writes;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Applications.WRITE)
    @Operation(operationId = "fileInitialApplication", summary = "File an INITIAL application: a permit for a site that has none",
            description = "The unit (known by its credit code, or new: then registered with the filing) and a complete permit draft. "
                    + "Filed by the unit's enterprise client, or by a vendor: for a known unit with a live delegation of all its "
                    + "permits carrying applications:write; for a new unit, any vendor with the scope. Every failing field is refused "
                    + "at once (422, each with its JSON pointer and code). With an Idempotency-Key, a retry never files twice.")
    @APIResponse(responseCode = "201", description = "Filed (SUBMITTED); Location names the application",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "400", description = "A body that is not an application (VALIDATION_FAILED)")
    @APIResponse(responseCode = "403", description = "INSUFFICIENT_SCOPE, NOT_DELEGATED")
    @APIResponse(responseCode = "409", description = "The new unit was registered by another filing meanwhile (CONFLICT): file again")
    @APIResponse(responseCode = "415", description = "The body is not application/json (UNSUPPORTED_MEDIA_TYPE)")
    @APIResponse(responseCode = "422", description = "The application or its draft fails the rules (APPLICATION_REJECTED, every error listed)")
    public Uni<Response> fileInitial(ApplicationBody body) {
        Caller who = caller.required();
        if (body == null) {
            throw ApiException.validation(List.of(new FieldError("body", "REQUIRED", Message.of("is required", "为必填项"))));
        }
        return initial.prepare(who, body).flatMap(prepared -> writes.runOnEntities(tx -> initial.file(tx, who, prepared)));
    }

    @GET
    @Path("/requirements")
    @PermissionsAllowed(Applications.WRITE)
    @Operation(operationId = "getInitialApplicationRequirements", summary = "What an INITIAL application under a category needs",
            description = "The body's fields (the unit and the permit draft), the kinds of attachment and the decision period from "
                    + "acceptance for the category (KEY: also the longer one when the regulator orders a site inspection). "
                    + "For the other types, ask the permit: GET /v1/permits/{permitNumber}/applications/requirements.")
    @Parameters({
            @Parameter(name = "type", in = ParameterIn.QUERY, required = true, description = "INITIAL", example = "INITIAL",
                    schema = @Schema(implementation = ApplicationType.class)),
            @Parameter(name = "category", in = ParameterIn.QUERY, required = true, description = "The management category applied for",
                    example = "KEY", schema = @Schema(implementation = PermitCategory.class))
    })
    @APIResponse(responseCode = "200", description = "The requirements",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApplicationRequirements.Requirements.class)))
    @APIResponse(responseCode = "400", description = "Missing or invalid type or category, or a type filed on a permit (VALIDATION_FAILED)")
    @APIResponse(responseCode = "403", description = "INSUFFICIENT_SCOPE")
    public ApplicationRequirements.Requirements initialRequirements(@Context UriInfo uri) {
        caller.required();
        QueryParameters params = QueryParameters.of(uri.getQueryParameters(), Set.of("type", "category"));
        Optional<ApplicationType> type = params.enumValue("type", ApplicationType.class);
        Optional<PermitCategory> category = params.enumValue("category", PermitCategory.class);
        if (type.isEmpty() && params.text("type").isEmpty()) {
            params.check(Optional.of(new FieldError("query.type", "REQUIRED", Message.of("is required", "为必填项"))));
        }
        if (type.isPresent() && type.get() != ApplicationType.INITIAL) {
            params.check(Optional.of(new FieldError("query.type", "FILED_ON_PERMIT", Message.of(type.get()
                    + " is filed on a permit: ask GET /v1/permits/{permitNumber}/applications/requirements", type.get()
                    + "申请针对许可证提交：请查询 GET /v1/permits/{permitNumber}/applications/requirements"))));
        }
        if (category.isEmpty() && params.text("category").isEmpty()) {
            params.check(Optional.of(new FieldError("query.category", "REQUIRED", Message.of("is required", "为必填项"))));
        }
        params.throwIfInvalid();
        return requirements.initial(category.get());
    }

    @GET
    @Path("/{id}")
    @PermissionsAllowed({Applications.WRITE, Applications.READ})
    @Operation(operationId = "getApplication", summary = "Get an application with its history",
            description = "Readable by its filer, its enterprise, administrators, and the regulators of its permit's region.")
    @APIResponse(responseCode = "200", description = "The application",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "400", description = "The id is not a number (VALIDATION_FAILED)")
    @APIResponse(responseCode = "403", description = "INSUFFICIENT_SCOPE or OUTSIDE_REGION")
    @APIResponse(responseCode = "404", description = "No such application of yours (APPLICATION_NOT_FOUND)")
    public Uni<ApplicationView> get(@Parameter(description = "The application's id", example = "1042") @PathParam("id") String id) {
        return applications.read(caller.required(), id(id));
    }

    @GET
    @PermissionsAllowed({Applications.WRITE, Applications.READ})
    @Operation(operationId = "listApplications", summary = "List your own applications",
            description = "Those the calling client filed and, for an enterprise's client, its unit's; newest first.")
    @Parameters({
            @Parameter(ref = SharedParameters.APPLICATION_TYPE, name = "type", in = ParameterIn.QUERY),
            @Parameter(name = "status", in = ParameterIn.QUERY, description = "Only applications in this status",
                    schema = @Schema(implementation = ApplicationStatus.class)),
            @Parameter(name = "permitNumber", in = ParameterIn.QUERY, description = "Only applications on this permit",
                    example = "91130200699229617X001P", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, maxLength = 22)),
            @Parameter(ref = SharedParameters.LIMIT),
            @Parameter(ref = SharedParameters.CURSOR)
    })
    @APIResponse(responseCode = "200", description = "A page of applications",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApplicationPages.Page.class)))
    @APIResponse(responseCode = "400", description = "Invalid parameters (VALIDATION_FAILED) or cursor (INVALID_CURSOR)")
    @APIResponse(responseCode = "403", description = "INSUFFICIENT_SCOPE")
    public Uni<ApplicationPages.Page> list(@Context UriInfo uri) {
        Caller c = caller.required();
        return pages.page(c, pages.filter(uri, c));
    }

    @POST
    @Path("/{id}/withdrawal")
    @PermissionsAllowed(Applications.WRITE)
    @Operation(operationId = "withdrawApplication", summary = "Withdraw an application not yet decided",
            description = "By its applicant (the client that filed it, or its enterprise), while SUBMITTED, ACCEPTED or RETURNED. "
                    + "With an Idempotency-Key, a retry answers as the first did.")
    @APIResponse(responseCode = "200", description = "Withdrawn",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "400", description = "The id is not a number (VALIDATION_FAILED)")
    @APIResponse(responseCode = "403", description = "INSUFFICIENT_SCOPE")
    @APIResponse(responseCode = "404", description = "No such application of yours (APPLICATION_NOT_FOUND)")
    @APIResponse(responseCode = "409", description = "Already decided or withdrawn (APPLICATION_NOT_OPEN), or changed meanwhile (CONCURRENT_MODIFICATION)")
    public Uni<Response> withdraw(@Parameter(description = "The application's id", example = "1042") @PathParam("id") String id) {
        long applicationId = id(id);
        Caller who = caller.required();
        return writes.runOnEntities(tx -> applications.withdraw(tx, who, applicationId));
    }

    @POST
    @Path("/{id}/resubmission")
    @PermissionsAllowed(Applications.WRITE)
    @Operation(operationId = "resubmitApplication", summary = "Resubmit a returned application, corrected",
            description = "By its applicant, while RETURNED: the corrected body (of the same type) is checked like a new filing, "
                    + "then the application is SUBMITTED again and back in the regulator's queue, its history kept. "
                    + "With an Idempotency-Key, a retry answers as the first did.")
    @APIResponse(responseCode = "200", description = "Resubmitted",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "400", description = "The id is not a number, or the body is malformed (VALIDATION_FAILED)")
    @APIResponse(responseCode = "403", description = "INSUFFICIENT_SCOPE")
    @APIResponse(responseCode = "404", description = "No such application of yours (APPLICATION_NOT_FOUND)")
    @APIResponse(responseCode = "409", description = "Not RETURNED (APPLICATION_NOT_RETURNED), or changed meanwhile (CONCURRENT_MODIFICATION)")
    @APIResponse(responseCode = "422", description = "The corrected application fails its rules (APPLICATION_REJECTED, every failing field)")
    public Uni<Response> resubmit(@Parameter(description = "The application's id", example = "1042") @PathParam("id") String id,
                                  ApplicationBody body) {
        long applicationId = id(id);
        Caller who = caller.required();
        return writes.runOnEntities(tx -> reviews.resubmit(tx, who, applicationId, body));
    }

    @POST
    @Path("/{id}/acceptance")
    @PermissionsAllowed(ApplicationReviews.REVIEW)
    @Tag(name = "Review")
    @Operation(operationId = "acceptApplication", summary = "Accept a submitted application, or return it with everything to correct",
            description = "By a regulator of the application's region (role regulator, scope reviews:write). ACCEPTED (受理) starts "
                    + "the statutory decision period; RETURNED lists every correction in one notice. Once the acceptance period "
                    + "(epermit.review.acceptance) passes with no notice, the application counts as accepted on its last day and "
                    + "can no longer be returned here. With an Idempotency-Key, a retry answers as the first did.")
    @APIResponse(responseCode = "200", description = "Accepted or returned",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "400", description = "The body fails its rules (VALIDATION_FAILED, every failing field)")
    @APIResponse(responseCode = "403", description = "INSUFFICIENT_SCOPE (not a regulator) or OUTSIDE_REGION")
    @APIResponse(responseCode = "404", description = "No such application (APPLICATION_NOT_FOUND)")
    @APIResponse(responseCode = "409", description = "Not SUBMITTED (REVIEW_NOT_PENDING), the acceptance period has passed "
            + "(ACCEPTANCE_PERIOD_PASSED), or another regulator acted meanwhile (CONCURRENT_MODIFICATION)")
    public Uni<Response> accept(@Parameter(description = "The application's id", example = "1042") @PathParam("id") String id,
                                AcceptanceBody body) {
        long applicationId = id(id);
        Caller who = caller.required();
        return writes.runOnEntities(tx -> reviews.accept(tx, who, applicationId, body));
    }

    @POST
    @Path("/{id}/decision")
    @PermissionsAllowed(ApplicationReviews.REVIEW)
    @Tag(name = "Review")
    @Operation(operationId = "decideApplication", summary = "Decide an accepted application",
            description = "By a regulator of the application's region. APPROVED changes the permit in the same transaction (a "
                    + "renewal extends it five years from the old expiry in a new version; a change writes the unit's new "
                    + "particulars in a new version, the old one frozen; a cancellation cancels it; a reissue records it), "
                    + "REJECTED states its reasons, RETURNED lists every correction. Of two decisions at once exactly one "
                    + "stands. With an Idempotency-Key, a retry answers as the first did.")
    @APIResponse(responseCode = "200", description = "Decided",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "400", description = "The body fails its rules (VALIDATION_FAILED, every failing field)")
    @APIResponse(responseCode = "403", description = "INSUFFICIENT_SCOPE (not a regulator) or OUTSIDE_REGION")
    @APIResponse(responseCode = "404", description = "No such application (APPLICATION_NOT_FOUND)")
    @APIResponse(responseCode = "409", description = "Already decided, withdrawn or returned (REVIEW_NOT_PENDING), awaiting "
            + "acceptance (NOT_YET_ACCEPTED), or decided by another regulator meanwhile (CONCURRENT_MODIFICATION)")
    public Uni<Response> decide(@Parameter(description = "The application's id", example = "1042") @PathParam("id") String id,
                                DecisionBody body) {
        long applicationId = id(id);
        Caller who = caller.required();
        return writes.runOnEntities(tx -> reviews.decide(tx, who, applicationId, body));
    }

    static long id(String raw) {
        if (raw == null || !raw.matches("[1-9][0-9]{0,17}")) {
            throw ApiException.validation(List.of(new FieldError("path.id", "FORMAT", Message.of(
                    "must be an application id (a positive whole number)", "应为申请编号（正整数）"))));
        }
        return Long.parseLong(raw);
    }
}
