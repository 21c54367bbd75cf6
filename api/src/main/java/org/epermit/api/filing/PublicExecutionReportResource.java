package org.epermit.api.filing;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameters;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.epermit.api.access.PermitAccess;
import org.epermit.api.common.PermitNumber;
import org.epermit.api.contract.SharedParameters;

/** The public disclosure of a permit's execution reports (信息公开): summaries only, no account needed. */
@Path("/v1/public/permits/{permitNumber}/execution-reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Public permits")
public class PublicExecutionReportResource {

    private final Pool pool;
    private final ExecutionReportPages pages;

    public PublicExecutionReportResource(Pool pool, ExecutionReportPages pages) {
        this.pool = pool;
        this.pages = pages;
    }

    @GET
    @Operation(operationId = "listPublicExecutionReports", summary = "List a permit's execution reports (disclosure summary)",
            description = "Newest period first: the period, whether it was filed on time, the actual emissions per pollutant "
                    + "beside the licensed quantity, and the number of exceedances declared. Not the content, the signatory or "
                    + "the explanations.")
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
    @APIResponse(responseCode = "200", description = "A page of summaries",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExecutionReportPages.SummaryPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid permit number (INVALID_PERMIT_NUMBER), parameters (VALIDATION_FAILED) or cursor (INVALID_CURSOR)")
    @APIResponse(responseCode = "404", description = "No permit has this number (PERMIT_NOT_FOUND)")
    public Uni<ExecutionReportPages.SummaryPage> list(@PathParam("permitNumber") String permitNumber, @Context UriInfo uri) {
        String number = PermitNumber.parse(permitNumber, "path.permitNumber").value();
        ExecutionReportPages.Filter filter = pages.filter(uri, "public-reports|" + number);
        return pool.preparedQuery("SELECT id FROM permit WHERE permit_number = $1").execute(Tuple.of(number)).flatMap(rows -> {
            var it = rows.iterator();
            if (!it.hasNext()) {
                throw PermitAccess.notFound(number);
            }
            return pages.summaries(it.next().getLong("id"), filter);
        });
    }
}
