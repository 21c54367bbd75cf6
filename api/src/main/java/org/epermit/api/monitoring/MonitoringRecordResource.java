package org.epermit.api.monitoring;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameters;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.epermit.api.access.PermitAccess;
import org.epermit.api.common.PermitNumber;
import org.epermit.api.contract.SharedParameters;
import org.epermit.api.gateway.Caller;
import org.epermit.api.gateway.auth.CurrentCaller;
import org.epermit.api.problem.ApiException;
import org.epermit.api.problem.FieldError;
import org.epermit.api.problem.Message;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Self-monitoring data (自行监测数据) of one permit: batches in, records out. */
@Path("/v1/permits/{permitNumber}/monitoring-records")
@Authenticated
@SecurityRequirement(name = "apiKey")
@SecurityRequirement(name = "bearer")
@Tag(name = "Monitoring data", description = "Self-monitoring records (自行监测数据): batches checked against the "
        + "permit version in force, exceedances marked, read back by time")
public class MonitoringRecordResource {

    private static final String READ_SCOPE = "permits:read";

    private final MonitoringIntake intake;
    private final RecordListing listing;
    private final PermitAccess access;
    private final CurrentCaller caller;
    private final ObjectMapper json;
    private final MonitoringConfig config;
    private final MonitoringDevices devices;

    public MonitoringRecordResource(MonitoringIntake intake, RecordListing listing, PermitAccess access,
                                    CurrentCaller caller, ObjectMapper json, MonitoringConfig config,
                                    MonitoringDevices devices) {
        this.devices = devices;
        this.intake = intake;
        this.listing = listing;
        this.access = access;
        this.caller = caller;
        this.json = json;
        this.config = config;
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, RecordListing.TEXT_CSV, MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "sendMonitoringRecords", summary = "Send a batch of monitoring records",
            description = "Up to 10,000 records for one permit, as JSON ({\"records\": [...]}) or as CSV (text/csv, "
                    + "UTF-8 with or without a BOM; the header names the JSON fields: outletCode,pollutantCode,kind,"
                    + "averaging,from,value,unit and optionally to,flag, in any order), or as HJ 212-2017 packets (text/plain, "
                    + "one packet per line: CN 2011 real-time, 2051 minute, 2061 hourly, 2031 daily data; each packet's "
                    + "length and CRC checked, its MN routed to the outlet the device is registered to, each pollutant's "
                    + "-ZsAvg (else -Avg; -ZsRtd/-Rtd for real-time) recorded as AUTOMATIC in the code's HJ 212 unit, its "
                    + "-Flag mapped to our flags; a packet that cannot be read or routed is listed as body.packets[p]). "
                    + "Each record is checked against "
                    + "the permit version in force on its day (China time): the outlet, the pollutants licensed or "
                    + "monitored there, the limit's unit, the window, the permit's holding. All or nothing: one invalid "
                    + "record refuses the batch (422), a record whose outlet, pollutant, kind, averaging and start are "
                    + "stored with another value refuses it (409); an identical resend is counted as a duplicate. "
                    + "VALID values outside the limit that applies to them are marked as exceedances. Needs "
                    + "filings:write for the permit (a delegated vendor, the enterprise itself). Send an "
                    + "Idempotency-Key to retry safely. See docs/monitoring-data.md.")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MonitoringRecordView.NewBatch.class)),
            @Content(mediaType = RecordListing.TEXT_CSV, schema = @Schema(type = SchemaType.STRING,
                    description = "CSV: a header line, then one record per line"),
                    example = "outletCode,pollutantCode,kind,averaging,from,value,unit,flag\n"
                            + "DA001,a21026,AUTOMATIC,HOURLY,2026-11-20T08:00:00+08:00,24.5,mg/m3,VALID\n"),
            @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING,
                    description = "HJ 212-2017 packets, one per line (CRLF or LF)"),
                    example = "##0170QN=20261120090000123;ST=31;CN=2061;PW=123456;MN=010000A8900016F000169DC0;Flag=4;"
                            + "CP=&&DataTime=20261120080000;a21026-Avg=24.5,a21026-Flag=N;a21002-Avg=80.2,a21002-Flag=N&&7580\n")})
    @APIResponse(responseCode = "201", description = "Stored: at least one record was new",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MonitoringRecordView.BatchReceipt.class)))
    @APIResponse(responseCode = "200", description = "Nothing new: every record was already stored as sent",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MonitoringRecordView.BatchReceipt.class)))
    @APIResponse(responseCode = "400", description = "The permit number is malformed (INVALID_PERMIT_NUMBER); the body is "
            + "not JSON, CSV or HJ 212 of the documented shape, a CSV header names an unknown column or lacks one, or the batch "
            + "is empty or too large (VALIDATION_FAILED)")
    @APIResponse(responseCode = "403", description = "No filings:write scope or delegation without it (INSUFFICIENT_SCOPE), "
            + "not delegated (NOT_DELEGATED)")
    @APIResponse(responseCode = "404", description = "No permit has this number (PERMIT_NOT_FOUND)")
    @APIResponse(responseCode = "409", description = "Records differ from those stored for the same window "
            + "(MONITORING_RECORD_CONFLICT), each listed with the stored value; or the Idempotency-Key is in use (IDEMPOTENCY_IN_PROGRESS)")
    @APIResponse(responseCode = "415", description = "The body is not application/json, text/csv or text/plain (UNSUPPORTED_MEDIA_TYPE)")
    @APIResponse(responseCode = "422", description = "Records fail the permit's terms (MONITORING_RECORDS_INVALID), each "
            + "failing field listed as body.records[i].field with its code (HJ 212: body.packets[p] and the packet's field, "
            + "e.g. body.packets[2].CRC, body.packets[0].MN, body.packets[1].CP.a21026-Avg); or the Idempotency-Key was used for another "
            + "request (IDEMPOTENCY_CONFLICT)")
    public Uni<Response> send(@Parameter(ref = SharedParameters.PERMIT_NUMBER) @PathParam("permitNumber") String permitNumber,
                              @Context HttpHeaders headers, String body) {
        Caller who = caller.required();
        PermitNumber number = PermitNumber.parse(permitNumber, "path.permitNumber");
        MediaType type = headers.getMediaType();
        if (type != null && type.isCompatible(MediaType.TEXT_PLAIN_TYPE)) {
            return intake.receive(who, number.value(), MonitoringIntake.Source.HJ212, (permitId, units) ->
                    devices.outletsByDevice(permitId).map(outlets -> Hj212Batch.read(body, outlets, units,
                            config.maxBatchRecords(), config.maxListedErrors())));
        }
        boolean csv = type != null && type.isCompatible(MediaType.valueOf(RecordListing.TEXT_CSV));
        return intake.receive(who, number.value(), csv ? MonitoringIntake.Source.CSV : MonitoringIntake.Source.JSON,
                () -> csv ? fromCsv(body) : fromJson(body));
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, RecordListing.TEXT_CSV})
    @Operation(operationId = "listMonitoringRecords", summary = "List a permit's monitoring records",
            description = "In time order (window start, then outlet, pollutant, kind and averaging), cursor-paged; as "
                    + "CSV with Accept: text/csv (the next page's cursor in the X-Next-Cursor header). Needs "
                    + "permits:read for the permit: a delegated vendor, the enterprise, its regulator, administrators.")
    @Parameters({
            @Parameter(ref = SharedParameters.OUTLET),
            @Parameter(ref = SharedParameters.POLLUTANT),
            @Parameter(ref = SharedParameters.FROM),
            @Parameter(ref = SharedParameters.TO),
            @Parameter(ref = SharedParameters.EXCEEDANCES_ONLY),
            @Parameter(ref = SharedParameters.LIMIT),
            @Parameter(ref = SharedParameters.CURSOR)
    })
    @APIResponse(responseCode = "200", description = "A page of records",
            headers = @Header(name = RecordListing.NEXT_CURSOR, description = "CSV pages: the cursor of the next page, absent on the last",
                    schema = @Schema(type = SchemaType.STRING)),
            content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MonitoringRecordView.Page.class)),
                    @Content(mediaType = RecordListing.TEXT_CSV, schema = @Schema(type = SchemaType.STRING,
                            description = "Header outletCode,pollutantCode,kind,averaging,from,to,value,unit,flag,exceedance,limitMin,limitMax,permitVersion"))})
    @APIResponse(responseCode = "400", description = "Invalid permit number (INVALID_PERMIT_NUMBER), parameters (VALIDATION_FAILED) or cursor (INVALID_CURSOR)")
    @APIResponse(responseCode = "403", description = "No permits:read scope (INSUFFICIENT_SCOPE), not delegated (NOT_DELEGATED) or outside the regulator's region (OUTSIDE_REGION)")
    @APIResponse(responseCode = "404", description = "No permit has this number (PERMIT_NOT_FOUND)")
    public Uni<Response> list(@Parameter(ref = SharedParameters.PERMIT_NUMBER) @PathParam("permitNumber") String permitNumber,
                              @Context UriInfo uri, @Context HttpHeaders headers) {
        Caller who = caller.required();
        PermitNumber number = PermitNumber.parse(permitNumber, "path.permitNumber");
        RecordListing.Request request = listing.request(uri.getQueryParameters(), headers,
                "monitoring-records|" + who.clientId() + "|" + number.value(), Optional.empty());
        return access.require(who, READ_SCOPE, number.value()).flatMap(permitId -> listing.page(permitId, request));
    }

    private MonitoringIntake.Parsed fromJson(String body) {
        MonitoringRecordView.NewBatch batch;
        try {
            batch = json.readValue(body, MonitoringRecordView.NewBatch.class);
        } catch (JacksonException unreadable) {
            // ProblemMapper says what and where, as for every other body
            throw new WebApplicationException(unreadable, Response.Status.BAD_REQUEST);
        }
        if (batch == null || batch.records() == null) {
            throw ApiException.validation(List.of(new FieldError("body.records", "REQUIRED", Message.of("is required", "为必填项"))));
        }
        List<RawRecord> records = new ArrayList<>(batch.records().size());
        for (MonitoringRecordView.NewRecord r : batch.records()) {
            records.add(new RawRecord(r.outletCode(), r.pollutantCode(), r.kind(), r.averaging(), r.from(), r.to(),
                    r.value() == null ? null : r.value().toString(), r.unit(), r.flag(), null));
        }
        return new MonitoringIntake.Parsed(records, Map.of());
    }

    private MonitoringIntake.Parsed fromCsv(String body) {
        RecordCsv.Rows rows = RecordCsv.read(body, config.maxBatchRecords());
        return new MonitoringIntake.Parsed(rows.records(), rows.shapeErrors());
    }
}
