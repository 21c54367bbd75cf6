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
import org.epermit.api.common.PermitNumber;
import org.epermit.api.common.QueryParameters;
import org.epermit.api.contract.SharedParameters;
import org.epermit.api.gateway.Caller;
import org.epermit.api.gateway.auth.CurrentCaller;
import org.epermit.api.gateway.write.WriteTransaction;
import org.epermit.api.problem.ApiException;
import org.epermit.api.problem.FieldError;
import org.epermit.api.problem.Message;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Applications (申请) on a permit, filed by its enterprise or its delegated vendor: what each type needs, and filing. */
@Path("/v1/permits/{permitNumber}/applications")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "apiKey")
@SecurityRequirement(name = "bearer")
@Tag(name = "Applications", description = "Permit applications (申请): initial applications for a site's first permit, and "
        + "renewal, change, reapplication, cancellation and reissue of a permit, filed by its enterprise or a vendor it delegated "
        + "(scope applications:write); see docs/applications.md")
public class PermitApplicationResource {

    private final Applications applications;
    private final ApplicationRequirements requirements;
    private final WriteTransaction writes;
    private final CurrentCaller caller;
    private final Clock clock;

    public PermitApplicationResource(Applications applications, ApplicationRequirements requirements, WriteTransaction writes,
                                     CurrentCaller caller, Clock clock) {
        this.applications = applications;
        this.requirements = requirements;
        this.writes = writes;
        this.caller = caller;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Applications.WRITE)
    @Operation(operationId = "fileApplication", summary = "File an application on a permit",
            description = "RENEWAL, CHANGE, REAPPLICATION (with the new permit draft), CANCELLATION or REISSUE, with the section "
                    + "its type needs. Every failing field is "
                    + "refused at once (422, each with its JSON pointer and code); a late renewal or change is accepted with a "
                    + "finding. One open application of a type per permit (409 naming it). With an Idempotency-Key, a retry "
                    + "never files twice.")
    @Parameters(@Parameter(ref = SharedParameters.PERMIT_NUMBER))
    @APIResponse(responseCode = "201", description = "Filed (SUBMITTED); Location names the application",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "400", description = "A body that is not an application (VALIDATION_FAILED)")
    @APIResponse(responseCode = "403", description = "INSUFFICIENT_SCOPE, NOT_DELEGATED")
    @APIResponse(responseCode = "404", description = "No permit has this number (PERMIT_NOT_FOUND)")
    @APIResponse(responseCode = "409", description = "An application of this type is open (APPLICATION_OPEN, naming it)")
    @APIResponse(responseCode = "415", description = "The body is not application/json (UNSUPPORTED_MEDIA_TYPE)")
    @APIResponse(responseCode = "422", description = "The application fails its type's rules (APPLICATION_REJECTED, every error listed)")
    public Uni<Response> file(@PathParam("permitNumber") String permitNumber, ApplicationBody body) {
        Caller who = caller.required();
        String number = PermitNumber.parse(permitNumber, "path.permitNumber").value();
        if (body == null) {
            throw ApiException.validation(List.of(new FieldError("body", "REQUIRED", Message.of("is required", "为必填项"))));
        }
        return applications.prepare(who, number, body).flatMap(prepared -> writes.runOnEntities(tx -> applications.file(tx, who, prepared)));
    }

    @GET
    @Path("/requirements")
    @PermissionsAllowed(Applications.WRITE)
    @Operation(operationId = "getApplicationRequirements", summary = "What an application of a type needs for this permit today",
            description = "Whether the permit takes it (and why not), the body's fields, the kinds of attachment, the filing "
                    + "deadline that applies and whether it has passed, and the decision period from acceptance.")
    @Parameters({
            @Parameter(ref = SharedParameters.PERMIT_NUMBER),
            @Parameter(ref = SharedParameters.APPLICATION_TYPE, name = "type", in = ParameterIn.QUERY)
    })
    @APIResponse(responseCode = "200", description = "The requirements",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApplicationRequirements.Requirements.class)))
    @APIResponse(responseCode = "400", description = "Missing or invalid type (VALIDATION_FAILED)")
    @APIResponse(responseCode = "403", description = "INSUFFICIENT_SCOPE, NOT_DELEGATED")
    @APIResponse(responseCode = "404", description = "No permit has this number (PERMIT_NOT_FOUND)")
    public Uni<ApplicationRequirements.Requirements> requirements(@PathParam("permitNumber") String permitNumber, @Context UriInfo uri) {
        QueryParameters params = QueryParameters.of(uri.getQueryParameters(), Set.of("type"));
        Optional<ApplicationType> type = params.enumValue("type", ApplicationType.class);
        if (type.isEmpty() && params.text("type").isEmpty()) {
            params.check(Optional.of(new FieldError("query.type", "REQUIRED", Message.of("is required", "为必填项"))));
        }
        params.throwIfInvalid();
        String number = PermitNumber.parse(permitNumber, "path.permitNumber").value();
        return applications.applicablePermit(caller.required(), number)
                .map(permit -> requirements.of(permit, type.get(), LocalDate.now(clock)));
    }

}
