package org.epermit.api.permit;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameters;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.epermit.api.access.PermitAccess;
import org.epermit.api.contract.SharedParameters;
import org.epermit.api.common.HttpCaching;
import org.epermit.api.common.PermitNumber;
import org.epermit.api.common.PreferredMediaType;
import org.epermit.api.problem.ApiException;
import org.epermit.api.problem.ErrorCode;
import org.epermit.api.problem.FieldError;
import org.epermit.api.problem.Message;

import java.util.List;

/** Public disclosure (信息公开) of permits: anonymous, cacheable. */
@Path("/v1/public/permits")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Public permits", description = "Permit disclosures (信息公开), open to everyone without an account")
public class PublicPermitResource {

    private final PermitQueries queries;
    private final PermitSearch search;
    private final HttpCaching caching;

    public PublicPermitResource(PermitQueries queries, PermitSearch search, HttpCaching caching) {
        this.queries = queries;
        this.search = search;
        this.caching = caching;
    }

    /** The GeoJSON media type (RFC 7946 §12). */
    public static final String GEO_JSON = "application/geo+json";
    private static final MediaType GEO_JSON_TYPE = MediaType.valueOf(GEO_JSON);

    @GET
    @Produces({MediaType.APPLICATION_JSON, GEO_JSON})
    @Operation(operationId = "searchPublicPermits", summary = "Search permits",
            description = "Finds permits by enterprise name (any Chinese substring), permit number or credit code prefix, "
                    + "region and industry prefix, category, status and expiry. Results are ordered by permit number "
                    + "and paged with an opaque cursor: pass `nextCursor` back as `cursor`, with the same filters, "
                    + "until it is null. Unknown or repeated parameters are rejected. With `Accept: application/geo+json` "
                    + "the same page is a GeoJSON FeatureCollection (RFC 7946): a Feature per permit, its id the permit "
                    + "number, a Point at the site (null when the permit records no coordinates), the JSON item as its "
                    + "properties, and `nextCursor` as a foreign member; either cursor continues either representation.")
    @Parameters({
            @Parameter(ref = SharedParameters.Q),
            @Parameter(ref = SharedParameters.REGION),
            @Parameter(ref = SharedParameters.INDUSTRY),
            @Parameter(ref = SharedParameters.CATEGORY),
            @Parameter(ref = SharedParameters.STATUS),
            @Parameter(ref = SharedParameters.EXPIRING_BEFORE),
            @Parameter(ref = SharedParameters.DUE_FOR_RENEWAL),
            @Parameter(ref = SharedParameters.LIMIT),
            @Parameter(ref = SharedParameters.CURSOR)
    })
    @APIResponse(responseCode = "200", description = "A page of permits (each representation has its own ETag; `Vary: Accept`)",
            content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PermitSummaryPage.class)),
                    @Content(mediaType = GEO_JSON, schema = @Schema(implementation = PermitFeatureCollection.class))})
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match matched the ETag)")
    @APIResponse(responseCode = "400", description = "A parameter is invalid (VALIDATION_FAILED) or the cursor is (INVALID_CURSOR); `errors` lists each one")
    public Uni<Response> search(@Context UriInfo uri, @Context Request request, @Context HttpHeaders headers) {
        if (wantsGeoJson(headers)) {
            return search.features(uri.getQueryParameters())
                    .map(page -> caching.publicNegotiated(request, page, GEO_JSON_TYPE));
        }
        return search.page(uri.getQueryParameters())
                .map(page -> caching.publicNegotiated(request, page, MediaType.APPLICATION_JSON_TYPE));
    }

    /** GeoJSON when the caller prefers it to JSON, JSON otherwise. */
    static boolean wantsGeoJson(HttpHeaders headers) {
        return PreferredMediaType.prefersToJson(headers, GEO_JSON_TYPE);
    }

    @GET
    @Path("/{permitNumber}")
    @Operation(operationId = "getPublicPermit", summary = "Get a permit's public view",
            description = "The current version of the permit as disclosed to the public: enterprise, site, validity, "
                    + "outlets with their licensed pollutants, limits and monitoring requirements, annual licensed "
                    + "quantities and report obligations.")
    @APIResponse(responseCode = "200", description = "The permit",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PublicPermit.class)))
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match matched the ETag)")
    @APIResponse(responseCode = "400", description = "The permit number is malformed (INVALID_PERMIT_NUMBER): length, character, division digits, checksum, pseudo-code structure, serial, or a last character that is no upper-case letter")
    @APIResponse(responseCode = "404", description = "No permit has this number (PERMIT_NOT_FOUND)")
    public Uni<Response> get(@Parameter(ref = SharedParameters.PERMIT_NUMBER) @PathParam("permitNumber") String permitNumber, @Context Request request) {
        PermitNumber number = parse(permitNumber);
        return queries.publicDocument(number.value())
                .map(doc -> caching.publicJson(request, doc.orElseThrow(() -> notFound(number))));
    }

    @GET
    @Path("/{permitNumber}/history")
    @Operation(operationId = "getPublicPermitHistory", summary = "Get a permit's versions and lifecycle events",
            description = "Every version of the permit (initial issue, renewals, changes, reissues) with the period it "
                    + "was in force, and every lifecycle event (issued, changed, renewed, expired, revoked, cancelled).")
    @APIResponse(responseCode = "200", description = "The permit's history",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PermitHistory.class)))
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match matched the ETag)")
    @APIResponse(responseCode = "400", description = "The permit number is malformed (INVALID_PERMIT_NUMBER)")
    @APIResponse(responseCode = "404", description = "No permit has this number (PERMIT_NOT_FOUND)")
    public Uni<Response> history(@Parameter(ref = SharedParameters.PERMIT_NUMBER) @PathParam("permitNumber") String permitNumber, @Context Request request) {
        PermitNumber number = parse(permitNumber);
        return queries.history(number.value())
                .map(doc -> caching.publicJson(request, doc.orElseThrow(() -> notFound(number))));
    }

    @GET
    @Path("/{permitNumber}/versions/{version}")
    @Operation(operationId = "getPublicPermitVersion", summary = "Get one version of a permit's public view",
            description = "Old versions stay readable: a filing binds to the version in force in its period.")
    @APIResponse(responseCode = "200", description = "The permit as it was in that version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PublicPermit.class)))
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match matched the ETag)")
    @APIResponse(responseCode = "400", description = "The permit number (INVALID_PERMIT_NUMBER) or the version (VALIDATION_FAILED) is malformed")
    @APIResponse(responseCode = "404", description = "No such permit (PERMIT_NOT_FOUND) or version (RESOURCE_NOT_FOUND)")
    public Uni<Response> version(@Parameter(ref = SharedParameters.PERMIT_NUMBER) @PathParam("permitNumber") String permitNumber,
                                 @Parameter(description = "Version number, from 1", example = "1",
                                         schema = @Schema(type = SchemaType.INTEGER, minimum = "1"))
                                 @PathParam("version") String version,
                                 @Context Request request) {
        PermitNumber number = parse(permitNumber);
        if (!version.matches("[1-9][0-9]{0,5}")) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, Message.of("The version must be a whole number from 1.",
                    "版本号应为从1开始的整数。"), List.of(new FieldError("path.version", "FORMAT",
                    Message.of("must be a whole number from 1", "应为从1开始的整数"))));
        }
        int v = Integer.parseInt(version);
        return queries.versionDocument(number.value(), v).flatMap(doc -> doc.isPresent()
                ? Uni.createFrom().item(caching.publicJson(request, doc.get()))
                : queries.exists(number.value()).map(exists -> {
                    if (!exists) {
                        throw notFound(number);
                    }
                    throw new ApiException(ErrorCode.RESOURCE_NOT_FOUND, Message.of(
                            "Permit " + number.value() + " has no version " + v + ".",
                            "许可证" + number.value() + "没有第" + v + "版。"));
                }));
    }

    /** A lookup: any identification letter A–Z (HJ 608 defines no check there), so an unknown number is a 404. */
    private static PermitNumber parse(String raw) {
        return PermitNumber.parse(raw, "path.permitNumber");
    }

    private static ApiException notFound(PermitNumber number) {
        return PermitAccess.notFound(number.value());
    }

    /** The documented shape of a page of permit summaries (generic types have no schema name of their own). */
    @Schema(name = "PermitSummaryPage")
    public record PermitSummaryPage(List<PermitSummary> items,
                                    @Schema(nullable = true, description = "Cursor of the next page; null on the last page") String nextCursor) {
    }
}
