package org.epermit.api.monitoring;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.epermit.api.access.PermitAccess;
import org.epermit.api.common.PermitNumber;
import org.epermit.api.contract.SharedParameters;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The public disclosure (信息公开) of a permit's self-monitoring data: anonymous, and only records whose window ended
 * at least the disclosure delay ago ({@code epermit.monitoring.public-delay}).
 */
@Path("/v1/public/permits/{permitNumber}/monitoring-records")
@Tag(name = "Public permits", description = "Permit disclosures (信息公开), open to everyone without an account")
public class PublicMonitoringRecordResource {

    private final RecordListing listing;
    private final Pool pool;
    private final MonitoringConfig config;
    private final Clock clock;

    public PublicMonitoringRecordResource(RecordListing listing, Pool pool, MonitoringConfig config, Clock clock) {
        this.listing = listing;
        this.pool = pool;
        this.config = config;
        this.clock = clock;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, RecordListing.TEXT_CSV})
    @Operation(operationId = "listPublicMonitoringRecords", summary = "List a permit's disclosed monitoring records",
            description = "The permit's self-monitoring records whose window ended at least the disclosure delay ago "
                    + "(5 days by default: the disclosure rules allow up to 5 working days), in time order, cursor-paged; "
                    + "CSV with Accept: text/csv (the next page's cursor in the X-Next-Cursor header).")
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
    @APIResponse(responseCode = "404", description = "No permit has this number (PERMIT_NOT_FOUND)")
    public Uni<Response> list(@Parameter(ref = SharedParameters.PERMIT_NUMBER) @PathParam("permitNumber") String permitNumber,
                              @Context UriInfo uri, @Context HttpHeaders headers) {
        PermitNumber number = PermitNumber.parse(permitNumber, "path.permitNumber");
        OffsetDateTime disclosedUpTo = OffsetDateTime.now(clock).minus(config.publicDelay());
        RecordListing.Request request = listing.request(uri.getQueryParameters(), headers,
                "public-monitoring-records|" + number.value(), Optional.of(disclosedUpTo));
        return pool.preparedQuery("SELECT id FROM permit WHERE permit_number = $1").execute(Tuple.of(number.value()))
                .flatMap(rows -> {
                    if (!rows.iterator().hasNext()) {
                        throw PermitAccess.notFound(number.value());
                    }
                    return listing.page(rows.iterator().next().getLong("id"), request);
                });
    }
}
