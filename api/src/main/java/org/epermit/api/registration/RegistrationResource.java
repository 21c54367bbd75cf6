package org.epermit.api.registration;

import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameters;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.epermit.api.common.PermitNumber;
import org.epermit.api.contract.SharedParameters;
import org.epermit.api.gateway.Caller;
import org.epermit.api.gateway.TransactionSql;
import org.epermit.api.gateway.auth.CurrentCaller;
import org.epermit.api.gateway.write.WriteTransaction;
import org.epermit.api.problem.ApiException;
import org.epermit.api.problem.FieldError;
import org.epermit.api.problem.Message;

import java.util.List;

/** Self-service registration (排污登记): a unit, or a vendor it delegated, registers a site, renews and changes its receipt. */
@Path("/v1/registrations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "apiKey")
@SecurityRequirement(name = "bearer")
@Tag(name = "Registrations", description = "Self-service registration (排污登记) of units the classification catalogue manages by "
        + "registration: the receipt (登记回执) is issued at once, valid 5 years, renewed in the 20 days before expiry, changes "
        + "registered within 20 days; filed by the unit's enterprise client or a vendor it delegated (scope applications:write). "
        + "See docs/registration.md")
public class RegistrationResource {

    private final Registrations registrations;
    private final WriteTransaction writes;
    private final CurrentCaller caller;

    public RegistrationResource(Registrations registrations, WriteTransaction writes, CurrentCaller caller) {
        this.registrations = registrations;
        this.writes = writes;
        this.caller = caller;
    }

    @POST
    @PermissionsAllowed(Registrations.WRITE)
    @Operation(operationId = "register", summary = "Register a site and get its receipt at once",
            description = "By the unit's enterprise client, or a vendor holding a live delegation of all the unit's permits with "
                    + "applications:write. The unit must be known and sent as it is known; the industry class must be one the "
                    + "classification catalogue manages by registration. The receipt is numbered with the unit's next site serial, "
                    + "valid from today (China time) for 5 years, and disclosed at once. Every failing field is refused at once "
                    + "(422, each with its JSON pointer and code). With an Idempotency-Key, a retry never registers twice.")
    @APIResponse(responseCode = "201", description = "Registered (VALID); Location names the receipt",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RegistrationReceipt.class)))
    @APIResponse(responseCode = "400", description = "A body that is not a registration (VALIDATION_FAILED)")
    @APIResponse(responseCode = "403", description = "INSUFFICIENT_SCOPE, NOT_DELEGATED")
    @APIResponse(responseCode = "415", description = "The body is not application/json (UNSUPPORTED_MEDIA_TYPE)")
    @APIResponse(responseCode = "422", description = "The registration fails the rules (REGISTRATION_REJECTED, every error listed)")
    public Uni<Response> register(RegistrationBody body) {
        Caller who = caller.required();
        return registrations.prepare(who, required(body))
                .flatMap(prepared -> writes.run(client -> registrations.register(TransactionSql.of(client), prepared)));
    }

    @POST
    @Path("/{permitNumber}/renewal")
    @PermissionsAllowed(Registrations.WRITE)
    @Operation(operationId = "renewRegistration", summary = "Renew a registration receipt for 5 more years",
            description = "From the day it is due for renewal, 20 days before its last day of validity (epermit.permit-lifecycle.registration-renewal-lead); the new term runs "
                    + "from the old expiry, as a new RENEWAL version. Before the window or after expiry: 422 with the dates. "
                    + "With an Idempotency-Key, a retry answers as the first did.")
    @Parameters(@Parameter(ref = SharedParameters.PERMIT_NUMBER))
    @APIResponse(responseCode = "200", description = "Renewed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RegistrationReceipt.class)))
    @APIResponse(responseCode = "400", description = "A malformed number (INVALID_PERMIT_NUMBER) or body (VALIDATION_FAILED)")
    @APIResponse(responseCode = "403", description = "INSUFFICIENT_SCOPE, NOT_DELEGATED")
    @APIResponse(responseCode = "404", description = "No permit has this number (PERMIT_NOT_FOUND)")
    @APIResponse(responseCode = "409", description = "A permit, not a registration receipt (NOT_A_REGISTRATION: file an application)")
    @APIResponse(responseCode = "415", description = "The body is not application/json (UNSUPPORTED_MEDIA_TYPE)")
    @APIResponse(responseCode = "422", description = "Outside the renewal window, expired or not valid (REGISTRATION_REJECTED)")
    public Uni<Response> renew(@PathParam("permitNumber") String permitNumber, RegistrationRenewal body) {
        Caller who = caller.required();
        String number = PermitNumber.parse(permitNumber, "path.permitNumber").value();
        RegistrationRenewal renewal = required(body);
        return registrations.target(who, number).flatMap(target -> {
            registrations.checkRenewal(renewal);
            return writes.run(client -> registrations.renew(TransactionSql.of(client), target));
        });
    }

    @POST
    @Path("/{permitNumber}/change")
    @PermissionsAllowed(Registrations.WRITE)
    @Operation(operationId = "changeRegistration", summary = "Register a change of the unit or the site",
            description = "The fields that changed and the day they did (not after today). Registered more than 20 days later "
                    + "it is accepted with the finding CHANGE_REGISTERED_LATE. The history dates the change on that day (a new "
                    + "CHANGE version). With an Idempotency-Key, a retry answers as the first did.")
    @Parameters(@Parameter(ref = SharedParameters.PERMIT_NUMBER))
    @APIResponse(responseCode = "200", description = "Changed, with the findings it was accepted with",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RegistrationReceipt.class)))
    @APIResponse(responseCode = "400", description = "A malformed number (INVALID_PERMIT_NUMBER) or body (VALIDATION_FAILED)")
    @APIResponse(responseCode = "403", description = "INSUFFICIENT_SCOPE, NOT_DELEGATED")
    @APIResponse(responseCode = "404", description = "No permit has this number (PERMIT_NOT_FOUND)")
    @APIResponse(responseCode = "409", description = "A permit, not a registration receipt (NOT_A_REGISTRATION: file an application)")
    @APIResponse(responseCode = "415", description = "The body is not application/json (UNSUPPORTED_MEDIA_TYPE)")
    @APIResponse(responseCode = "422", description = "The change fails the rules (REGISTRATION_REJECTED, every error listed)")
    public Uni<Response> change(@PathParam("permitNumber") String permitNumber, RegistrationChange body) {
        Caller who = caller.required();
        String number = PermitNumber.parse(permitNumber, "path.permitNumber").value();
        RegistrationChange change = required(body);
        return registrations.target(who, number).flatMap(target -> {
            RegistrationRules.Checked checked = registrations.checkChange(change, target.today());
            return writes.run(client -> registrations.change(TransactionSql.of(client), target, change, checked.findings()));
        });
    }

    private static <T> T required(T body) {
        if (body == null) {
            throw ApiException.validation(List.of(new FieldError("body", "REQUIRED", Message.of("is required", "为必填项"))));
        }
        return body;
    }
}
