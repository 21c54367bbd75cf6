package org.epermit.api.monitoring;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.epermit.api.access.PermitAccess;
import org.epermit.api.common.PermitNumber;
import org.epermit.api.contract.SharedParameters;
import org.epermit.api.gateway.Caller;
import org.epermit.api.gateway.audit.AuditedResource;
import org.epermit.api.gateway.auth.CurrentCaller;
import org.epermit.api.gateway.write.WriteOutcome;
import org.epermit.api.gateway.write.WriteTransaction;
import org.epermit.api.permit.PublicPermit;
import org.epermit.api.permit.terms.PermitVersionQueries;
import org.epermit.api.problem.ApiException;
import org.epermit.api.problem.FieldError;
import org.epermit.api.problem.Message;
import org.epermit.api.problem.Problem;

import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Monitoring devices (HJ 212-2017 MN) registered to a permit's outlets, so that their packets route to the outlet. */
@Path("/v1/permits/{permitNumber}/monitoring-devices")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "apiKey")
@SecurityRequirement(name = "bearer")
@Tag(name = "Monitoring data", description = "Self-monitoring records (自行监测数据): batches checked against the "
        + "permit version in force, exceedances marked, read back by time")
public class MonitoringDeviceResource {

    /** How audit rows name a registration. */
    static final String DEVICE = "monitoring_device";
    private static final String MN = "[0-9A-Za-z]{1,24}";

    private final MonitoringDevices devices;
    private final PermitAccess access;
    private final PermitVersionQueries versions;
    private final WriteTransaction writes;
    private final CurrentCaller caller;
    private final Clock clock;

    public MonitoringDeviceResource(MonitoringDevices devices, PermitAccess access, PermitVersionQueries versions,
                                    WriteTransaction writes, CurrentCaller caller, Clock clock) {
        this.devices = devices;
        this.access = access;
        this.versions = versions;
        this.writes = writes;
        this.caller = caller;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "registerMonitoringDevice", summary = "Register a monitoring device to an outlet",
            description = "HJ 212 packets naming this MN become records of the outlet. An MN is registered once, "
                    + "nationally: registering it again to the same outlet changes nothing (200). Needs filings:write.")
    @APIResponse(responseCode = "201", description = "Registered; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MonitoringDeviceView.Device.class)))
    @APIResponse(responseCode = "200", description = "Already registered to this outlet",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MonitoringDeviceView.Device.class)))
    @APIResponse(responseCode = "400", description = "Invalid permit number (INVALID_PERMIT_NUMBER); a missing or malformed MN, or an outlet the permit's current version does not have (VALIDATION_FAILED)")
    @APIResponse(responseCode = "403", description = "No filings:write scope (INSUFFICIENT_SCOPE), not delegated (NOT_DELEGATED)")
    @APIResponse(responseCode = "404", description = "No permit has this number (PERMIT_NOT_FOUND)")
    @APIResponse(responseCode = "409", description = "The MN is registered to another permit, or to another outlet of this one (MONITORING_DEVICE_TAKEN)")
    @APIResponse(responseCode = "415", description = "The body is not application/json (UNSUPPORTED_MEDIA_TYPE)")
    public Uni<Response> register(@Parameter(ref = SharedParameters.PERMIT_NUMBER) @PathParam("permitNumber") String permitNumber,
                                  MonitoringDeviceView.NewDevice body) {
        Caller who = caller.required();
        PermitNumber number = PermitNumber.parse(permitNumber, "path.permitNumber");
        List<FieldError> errors = new ArrayList<>();
        if (body == null || body.mn() == null) {
            errors.add(new FieldError("body.mn", "REQUIRED", Message.of("is required", "为必填项")));
        } else if (!body.mn().matches(MN)) {
            errors.add(new FieldError("body.mn", "FORMAT", Message.of("must be 1 to 24 letters and digits (HJ 212 MN)",
                    "应为1至24位字母或数字（HJ 212 设备编号MN）")));
        }
        if (body == null || body.outletCode() == null) {
            errors.add(new FieldError("body.outletCode", "REQUIRED", Message.of("is required", "为必填项")));
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        return access.require(who, MonitoringIntake.WRITE_SCOPE, number.value())
                .flatMap(permitId -> versions.load(permitId).map(found -> {
                    var current = found.orElseThrow(() -> PermitAccess.notFound(number.value())).current().document();
                    if (current.outlets().stream().noneMatch(o -> o.code().equals(body.outletCode()))) {
                        throw ApiException.validation(List.of(new FieldError("body.outletCode", "UNKNOWN_OUTLET", Message.of(
                                "is not an outlet of permit " + number.value() + "; its outlets: " + outlets(current),
                                "不是许可证" + number.value() + "的排放口；其排放口为：" + outlets(current)))));
                    }
                    return permitId;
                }))
                .flatMap(permitId -> writes.run(tx -> devices.register(tx, permitId, number.value(), body.mn(),
                        body.outletCode(), OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS), who.clientId()).map(r -> {
                    AuditedResource resource = AuditedResource.created(DEVICE, r.device().mn());
                    return r.created()
                            ? WriteOutcome.created(resource, URI.create("/v1/permits/" + number.value()
                            + "/monitoring-devices/" + r.device().mn()), r.device())
                            : WriteOutcome.ok(AuditedResource.changed(DEVICE, r.device().mn(), List.of()), r.device());
                })));
    }

    @GET
    @Operation(operationId = "listMonitoringDevices", summary = "List a permit's monitoring devices",
            description = "Every device registered to the permit's outlets, by MN. Needs permits:read for the permit.")
    @APIResponse(responseCode = "200", description = "The devices",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MonitoringDeviceView.DeviceList.class)))
    @APIResponse(responseCode = "400", description = "Invalid permit number (INVALID_PERMIT_NUMBER)")
    @APIResponse(responseCode = "403", description = "No permits:read scope (INSUFFICIENT_SCOPE), not delegated (NOT_DELEGATED) or outside the regulator's region (OUTSIDE_REGION)")
    @APIResponse(responseCode = "404", description = "No permit has this number (PERMIT_NOT_FOUND)")
    public Uni<MonitoringDeviceView.DeviceList> list(@Parameter(ref = SharedParameters.PERMIT_NUMBER) @PathParam("permitNumber") String permitNumber) {
        Caller who = caller.required();
        PermitNumber number = PermitNumber.parse(permitNumber, "path.permitNumber");
        return access.require(who, "permits:read", number.value()).flatMap(devices::list).map(MonitoringDeviceView.DeviceList::new);
    }

    @DELETE
    // a success has no body: a client that accepts only problems is served (as DelegationResource explains)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Path("/{mn}")
    @Operation(operationId = "deleteMonitoringDevice", summary = "Delete a device's registration",
            description = "Its packets no longer route to the outlet; its records stay. Needs filings:write.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "400", description = "Invalid permit number (INVALID_PERMIT_NUMBER)")
    @APIResponse(responseCode = "403", description = "No filings:write scope (INSUFFICIENT_SCOPE), not delegated (NOT_DELEGATED)")
    @APIResponse(responseCode = "404", description = "No such permit (PERMIT_NOT_FOUND) or no such device registered to it (MONITORING_DEVICE_NOT_FOUND)")
    public Uni<Response> delete(@Parameter(ref = SharedParameters.PERMIT_NUMBER) @PathParam("permitNumber") String permitNumber,
                                @Parameter(description = "The device number (MN)", example = "010000A8900016F000169DC0")
                                @PathParam("mn") String mn) {
        Caller who = caller.required();
        PermitNumber number = PermitNumber.parse(permitNumber, "path.permitNumber");
        return access.require(who, MonitoringIntake.WRITE_SCOPE, number.value()).flatMap(permitId -> {
            if (!mn.matches(MN)) {
                throw MonitoringDevices.notFound(number.value(), mn);
            }
            return writes.run(tx -> devices.delete(tx, permitId, number.value(), mn)
                    .map(done -> WriteOutcome.noContent(AuditedResource.changed(DEVICE, mn, List.of("deleted")))));
        });
    }

    private static String outlets(PublicPermit document) {
        return document.outlets().stream().map(PublicPermit.Outlet::code).collect(Collectors.joining(", "));
    }
}
