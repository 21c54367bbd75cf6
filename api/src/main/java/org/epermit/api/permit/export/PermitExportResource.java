package org.epermit.api.permit.export;

import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.epermit.api.contract.SharedParameters;
import org.epermit.api.gateway.CallerAddresses;
import org.epermit.api.gateway.auth.CurrentCaller;
import org.jboss.resteasy.reactive.RestMulti;

import java.util.List;
import java.util.Map;

/** The bulk export of the public permit search: every match, whole, from one snapshot. */
@Path("/v1/public/permits/export")
@Tag(name = "Public permits", description = "Permit disclosures (信息公开), open to everyone without an account")
public class PermitExportResource {

    /** The moment the export's rows are as of (its snapshot), ISO 8601. */
    static final String AS_OF = "X-Export-As-Of";
    /** The rows this response carries: a CSV client that counted fewer was cut off. */
    static final String ROWS = "X-Export-Rows";
    /** The rows that match (after resumeAfter); more than X-Export-Rows when the day's allowance ran out first. */
    static final String MATCHING_ROWS = "X-Export-Matching-Rows";

    private final PermitExport export;
    private final CurrentCaller caller;
    private final CallerAddresses addresses;

    public PermitExportResource(PermitExport export, CurrentCaller caller, CallerAddresses addresses) {
        this.export = export;
        this.caller = caller;
        this.addresses = addresses;
    }

    @GET
    // No @Produces: the format is chosen here (format= or Accept), and RESTEasy streams a RestMulti of bytes untouched
    // only when it negotiates nothing itself (several produced types are refused for a Multi; NDJSON would be framed).
    @Operation(operationId = "exportPublicPermits", summary = "Export every matching permit",
            description = "The whole result of a public search (the same filters, no paging), streamed in permit-number "
                    + "order from one snapshot: rows changed or added after the export started (`X-Export-As-Of`) do not "
                    + "appear. CSV (`Accept: text/csv` or `format=csv`, the default): UTF-8 with a byte-order mark, a "
                    + "header row, RFC 4180 quoting. NDJSON (`Accept: application/x-ndjson` or `format=ndjson`): one "
                    + "search item per line, then an end line `{\"end\":true,\"rows\":…,\"complete\":…}`; a download "
                    + "without it was cut (its members: `end`, `rows` sent, `complete`, `asOf` the snapshot, `resumeAfter` "
                    + "the last permit sent when not complete, else null). To resume an interrupted download, pass the last whole row's permit number as "
                    + "`resumeAfter`: the rest comes from a new snapshot. Exports count against a daily allowance of rows; "
                    + "one larger than what is left carries what is left (`X-Export-Rows` < `X-Export-Matching-Rows`, "
                    + "NDJSON `complete: false`).")
    @Parameters({
            @Parameter(ref = SharedParameters.Q),
            @Parameter(ref = SharedParameters.REGION),
            @Parameter(ref = SharedParameters.INDUSTRY),
            @Parameter(ref = SharedParameters.CATEGORY),
            @Parameter(ref = SharedParameters.STATUS),
            @Parameter(ref = SharedParameters.EXPIRING_BEFORE),
            @Parameter(ref = SharedParameters.DUE_FOR_RENEWAL),
            @Parameter(name = "resumeAfter", in = ParameterIn.QUERY, description = "Continue after this permit number: "
                    + "the last whole row of an interrupted download", example = "91130200699229617X001P",
                    schema = @Schema(type = SchemaType.STRING)),
            @Parameter(name = "format", in = ParameterIn.QUERY, description = "The format, for clients that cannot set "
                    + "Accept (a link in a browser); wins over Accept", schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"csv", "ndjson"}))
    })
    @APIResponse(responseCode = "200", description = "Every matching permit, or as many as the day's allowance covers",
            headers = {
                    @Header(name = AS_OF, description = "The moment the rows are as of (the snapshot)",
                            schema = @Schema(type = SchemaType.STRING, format = "date-time")),
                    @Header(name = ROWS, description = "The rows this response carries",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int64")),
                    @Header(name = MATCHING_ROWS, description = "The rows that match (after resumeAfter); larger than "
                            + ROWS + " when the day's export allowance ran out first",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int64"))},
            content = {
                    @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, description =
                            "Byte-order mark, then the header permitNumber,version,category,status,creditCode,"
                                    + "enterpriseName,siteName,regionCode,regionName,regionNameEn,industryCode,"
                                    + "industryName,industryNameEn,issuingAuthority,validFrom,validTo,dueForRenewal")),
                    // each line a permit, then the end line the operation's description spells out
                    @Content(mediaType = "application/x-ndjson", schema = @Schema(ref = "PermitSummary"))})
    @APIResponse(responseCode = "400", description = "A parameter is invalid (VALIDATION_FAILED; `resumeAfter` must be a permit number); `errors` lists each one")
    public RestMulti<byte[]> export(@Context UriInfo uri, @Context HttpHeaders headers, @Context RoutingContext rc) {
        PermitExport.Request request = PermitExport.read(uri.getQueryParameters(), headers);
        return RestMulti.fromUniResponse(
                export.start(request, caller.get(), addresses.of(rc),
                        seconds -> rc.response().putHeader("Retry-After", Long.toString(seconds))),
                PermitExport.Started::body,
                started -> Map.of(
                        HttpHeaders.CONTENT_TYPE, List.of(started.request().format().mediaType()
                                + (started.request().format() == ExportFormat.CSV ? "; charset=utf-8" : "")),
                        HttpHeaders.CONTENT_DISPOSITION, List.of("attachment; filename=\"permits-"
                                + started.snapshot().asOf().toInstant().toString().replace(":", "")
                                + "." + started.request().format().extension() + "\""),
                        HttpHeaders.CACHE_CONTROL, List.of("no-store"),
                        AS_OF, List.of(started.snapshot().asOf().toString()),
                        ROWS, List.of(Long.toString(started.rows())),
                        MATCHING_ROWS, List.of(Long.toString(started.snapshot().rows()))));
    }
}
