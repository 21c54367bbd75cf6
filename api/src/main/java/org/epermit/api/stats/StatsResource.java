package org.epermit.api.stats;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameters;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.epermit.api.common.PreferredMediaType;
import org.epermit.api.contract.SharedParameters;
import org.epermit.api.gateway.auth.CurrentCaller;

import java.time.OffsetDateTime;

/**
 * Statistics (统计) of permits and emissions by region, industry and category, from rollups kept in the write
 * transactions (docs/statistics.md): JSON, or CSV for {@code Accept: text/csv}.
 */
@Path("/v1/stats")
@Produces({MediaType.APPLICATION_JSON, StatsResource.TEXT_CSV})
// Open to everyone (the empty requirement); credentials, where given, unlock the finer levels.
@SecurityRequirementsSet
@SecurityRequirement(name = "apiKey")
@SecurityRequirement(name = "bearer")
@Tag(name = "Statistics", description = "Aggregates by region, industry and category (统计): open to everyone down to cities "
        + "and industry groups; scope stats:read unlocks counties and industry classes (a regulator's, its own region). "
        + "See docs/statistics.md")
public class StatsResource {

    static final String TEXT_CSV = "text/csv";
    /** The moment the figures reflect, also for CSV, whose body has no place for it. */
    static final String AS_OF = "X-Stats-As-Of";

    private final PermitStatistics permits;
    private final EmissionStatistics emissions;
    private final CurrentCaller caller;

    public StatsResource(PermitStatistics permits, EmissionStatistics emissions, CurrentCaller caller) {
        this.permits = permits;
        this.emissions = emissions;
        this.caller = caller;
    }

    @GET
    @Path("/permits")
    @Operation(operationId = "getPermitStatistics", summary = "Permit counts by region, industry, category or status",
            description = "Counts of permits (registration receipts included) in each group of the grouping, within the "
                    + "filters, and the renewal pipeline of the selection: VALID permits expiring within 30, 60 and 90 days. "
                    + "Counties (groupBy=county or a 6-digit region) and industry classes (industryLevel=class or a 4-digit "
                    + "industry) need scope stats:read; a regulator sees them for its own region. Figures reflect every "
                    + "write committed before `asOf`. CSV with Accept: text/csv (UTF-8 with BOM; `asOf` in X-Stats-As-Of).")
    @Parameters({
            @Parameter(ref = SharedParameters.GROUP_BY),
            @Parameter(ref = SharedParameters.INDUSTRY_LEVEL),
            @Parameter(ref = SharedParameters.REGION),
            @Parameter(ref = SharedParameters.INDUSTRY),
            @Parameter(ref = SharedParameters.CATEGORY),
            @Parameter(ref = SharedParameters.STATUS)
    })
    @APIResponse(responseCode = "200", description = "The table",
            headers = @Header(name = AS_OF, description = "The moment the figures reflect", schema = @Schema(type = SchemaType.STRING, format = "date-time")),
            content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PermitStatistics.Table.class)),
                    @Content(mediaType = TEXT_CSV, schema = @Schema(type = SchemaType.STRING,
                            description = "UTF-8 with BOM; header key,nameZh,nameEn,permits"))})
    @APIResponse(responseCode = "400", description = "A parameter is invalid (VALIDATION_FAILED); `errors` lists each one")
    @APIResponse(responseCode = "401", description = "County or industry-class figures asked for without credentials (UNAUTHENTICATED)")
    @APIResponse(responseCode = "403", description = "County or industry-class figures without scope stats:read (INSUFFICIENT_SCOPE), or a regulator's outside its region (OUTSIDE_REGION)")
    public Uni<Response> permits(@Context UriInfo uri, @Context HttpHeaders headers) {
        StatsQuery query = StatsAccess.admit(StatsParameters.permits(uri.getQueryParameters()), caller.get());
        return permits.of(query).map(table -> respond(headers, table, table.asOf(), "permit-statistics",
                () -> StatsCsv.write(StatsCsv.PERMIT_COLUMNS, StatsCsv.permits(table))));
    }

    @GET
    @Path("/emissions")
    @Operation(operationId = "getEmissionStatistics", summary = "Licensed quantity against actual emissions of a year",
            description = "Per group and pollutant, from the accepted annual execution reports of the year: the permits "
                    + "whose report licenses the pollutant, those giving an actual figure and those above their licensed "
                    + "quantity, the licensed quantity and the actual emissions in tonnes, and their ratio. Grouped by a "
                    + "region level, the industry or the category (the permit's as it is now). The same access levels as "
                    + "the permit counts. CSV with Accept: text/csv.")
    @Parameters({
            @Parameter(ref = SharedParameters.YEAR),
            @Parameter(name = "pollutant", in = ParameterIn.QUERY, example = "a21026",
                    description = "Only this pollutant (HJ 212-2017 code)",
                    schema = @Schema(type = SchemaType.STRING, pattern = "^[aw][0-9]{5}$")),
            @Parameter(ref = SharedParameters.GROUP_BY),
            @Parameter(ref = SharedParameters.INDUSTRY_LEVEL),
            @Parameter(ref = SharedParameters.REGION),
            @Parameter(ref = SharedParameters.INDUSTRY),
            @Parameter(ref = SharedParameters.CATEGORY)
    })
    @APIResponse(responseCode = "200", description = "The table",
            headers = @Header(name = AS_OF, description = "The moment the figures reflect", schema = @Schema(type = SchemaType.STRING, format = "date-time")),
            content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EmissionStatistics.Table.class)),
                    @Content(mediaType = TEXT_CSV, schema = @Schema(type = SchemaType.STRING,
                            description = "UTF-8 with BOM; header " + "key,nameZh,nameEn,pollutantCode,pollutantNameZh,pollutantNameEn,"
                                    + "permits,permitsReporting,permitsExceeded,licensedTonnes,licensedTonnesOfReporting,actualTonnes,ratio"))})
    @APIResponse(responseCode = "400", description = "A parameter is invalid or the year is missing (VALIDATION_FAILED); `errors` lists each one")
    @APIResponse(responseCode = "401", description = "County or industry-class figures asked for without credentials (UNAUTHENTICATED)")
    @APIResponse(responseCode = "403", description = "County or industry-class figures without scope stats:read (INSUFFICIENT_SCOPE), or a regulator's outside its region (OUTSIDE_REGION)")
    public Uni<Response> emissions(@Context UriInfo uri, @Context HttpHeaders headers) {
        StatsQuery query = StatsAccess.admit(StatsParameters.emissions(uri.getQueryParameters()), caller.get());
        return emissions.of(query).map(table -> respond(headers, table, table.asOf(), "emission-statistics",
                () -> StatsCsv.write(StatsCsv.EMISSION_COLUMNS, StatsCsv.emissions(table))));
    }

    /**
     * The table as asked for. Figures change with every filing, so caches revalidate (no-cache) rather than serve a
     * stale table past the freshness bound.
     */
    private static Response respond(HttpHeaders headers, Object json, OffsetDateTime asOf, String name,
                                    java.util.function.Supplier<String> csv) {
        CacheControl cache = new CacheControl();
        cache.setNoCache(true);
        cache.setNoTransform(false);
        Response.ResponseBuilder response = wantsCsv(headers)
                ? Response.ok(csv.get(), StatsCsv.MEDIA_TYPE).header("Content-Disposition", "inline; filename=\"" + name + ".csv\"")
                : Response.ok(json, MediaType.APPLICATION_JSON_TYPE);
        return response.header(AS_OF, asOf.toString()).cacheControl(cache).build();
    }

    private static boolean wantsCsv(HttpHeaders headers) {
        return PreferredMediaType.prefersToJson(headers, MediaType.valueOf(TEXT_CSV));
    }
}
