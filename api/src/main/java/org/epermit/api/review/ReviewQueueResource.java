package org.epermit.api.review;

import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameters;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.epermit.api.common.CodePrefix;
import org.epermit.api.common.CursorCodec;
import org.epermit.api.common.PagingConfig;
import org.epermit.api.common.QueryParameters;
import org.epermit.api.contract.SharedParameters;
import org.epermit.api.gateway.Caller;
import org.epermit.api.gateway.auth.CurrentCaller;
import org.epermit.api.problem.ApiException;
import org.epermit.api.problem.ErrorCode;
import org.epermit.api.problem.FieldError;
import org.epermit.api.problem.Message;

import java.util.Optional;
import java.util.Set;

/** The regulator's review desk: one queue of what waits in its region, with the statutory deadlines. */
@Path("/v1/review/queue")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "apiKey")
@SecurityRequirement(name = "bearer")
@Tag(name = "Review", description = "The regulator's review desk (role regulator, scope reviews:write, its region only): the "
        + "queue with statutory deadlines, acceptance and decisions on applications, reviews of execution reports; see "
        + "docs/applications.md")
public class ReviewQueueResource {

    static final String REVIEW = "reviews:write";

    private final ReviewQueue queue;
    private final CursorCodec cursors;
    private final PagingConfig paging;
    private final CurrentCaller caller;

    public ReviewQueueResource(ReviewQueue queue, CursorCodec cursors, PagingConfig paging, CurrentCaller caller) {
        this.queue = queue;
        this.cursors = cursors;
        this.paging = paging;
        this.caller = caller;
    }

    @GET
    @PermissionsAllowed(REVIEW)
    @Operation(operationId = "getReviewQueue", summary = "The review queue of your region",
            description = "Pending applications (awaiting acceptance or a decision) and submitted execution reports in the "
                    + "regulator's region, oldest first (by when they entered the queue: filed, resubmitted or corrected), "
                    + "each with the deadline of the next act, the days left (working days by the configured calendar, or "
                    + "calendar days), an overdue flag and how often it was returned before. Role regulator, scope reviews:write.")
    @Parameters({
            @Parameter(name = "kind", in = ParameterIn.QUERY, description = "Only applications or only execution reports",
                    schema = @Schema(implementation = ReviewKind.class)),
            @Parameter(name = "type", in = ParameterIn.QUERY, description = "Only this application type or report type",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"INITIAL", "RENEWAL", "CHANGE", "REAPPLICATION",
                            "CANCELLATION", "REISSUE", "ANNUAL", "SEMIANNUAL", "QUARTERLY", "MONTHLY"})),
            @Parameter(ref = SharedParameters.CATEGORY),
            @Parameter(name = "region", in = ParameterIn.QUERY, description = "Only this part of your region: a GB/T 2260 "
                    + "prefix of 2, 4 or 6 digits within it", example = "1302",
                    schema = @Schema(type = SchemaType.STRING, pattern = "^[0-9]{2}([0-9]{2}){0,2}$")),
            @Parameter(name = "overdue", in = ParameterIn.QUERY, description = "Only overdue items (true) or only those still in time (false)",
                    schema = @Schema(type = SchemaType.BOOLEAN)),
            @Parameter(ref = SharedParameters.LIMIT),
            @Parameter(ref = SharedParameters.CURSOR)
    })
    @APIResponse(responseCode = "200", description = "A page of the queue",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReviewQueue.Page.class)))
    @APIResponse(responseCode = "400", description = "Invalid parameters (VALIDATION_FAILED, every one) or cursor (INVALID_CURSOR)")
    @APIResponse(responseCode = "403", description = "INSUFFICIENT_SCOPE (not a regulator), or a region outside yours (OUTSIDE_REGION)")
    public Uni<ReviewQueue.Page> queue(@Context UriInfo uri) {
        Caller c = caller.required();
        if (!c.hasRole("regulator") || c.regionCode().isEmpty()) {
            throw new ApiException(ErrorCode.INSUFFICIENT_SCOPE, Message.of("The review queue is a regulator's: role regulator "
                    + "with a region, and the reviews:write scope.", "审核队列仅供主管部门使用：须为有管辖区域的 regulator 角色并持有 reviews:write 权限。"));
        }
        return queue.page(filter(uri, c));
    }

    private ReviewQueueFilter filter(UriInfo uri, Caller c) {
        QueryParameters params = QueryParameters.of(uri.getQueryParameters(),
                Set.of("kind", "type", "category", "region", "overdue", "limit", "cursor"));
        Optional<ReviewKind> kind = params.enumValue("kind", ReviewKind.class);
        Optional<String> type = params.text("type", 20);
        type.filter(t -> !ReviewQueueFilter.knownType(t)).ifPresent(t -> params.check(Optional.of(new FieldError("query.type",
                "UNKNOWN_VALUE", Message.of("must be an application type (INITIAL, RENEWAL, CHANGE, REAPPLICATION, CANCELLATION, "
                        + "REISSUE) or a report type (ANNUAL, SEMIANNUAL, QUARTERLY, MONTHLY)",
                "应为申请类型（INITIAL、RENEWAL、CHANGE、REAPPLICATION、CANCELLATION、REISSUE）或报告类型（ANNUAL、SEMIANNUAL、QUARTERLY、MONTHLY）")))));
        Optional<String> category = params.text("category", 20);
        category.filter(k -> !Set.of("KEY", "SIMPLIFIED", "REGISTRATION").contains(k)).ifPresent(k -> params.check(Optional.of(
                new FieldError("query.category", "UNKNOWN_VALUE", Message.of("must be KEY, SIMPLIFIED or REGISTRATION",
                        "应为 KEY、SIMPLIFIED 或 REGISTRATION")))));
        Optional<String> region = params.text("region", 20);
        region.ifPresent(r -> params.check(CodePrefix.checkRegion(r, "query.region")));
        Optional<Boolean> overdue = params.bool("overdue");
        int limit = params.limit(paging);
        Optional<String> cursor = params.text("cursor", 4096);
        params.throwIfInvalid();
        String own = c.regionCode().orElseThrow();
        String prefix = region.map(r -> narrowed(own, r)).orElse(own);
        String query = "review-queue|" + c.clientId() + "|" + prefix + "|" + kind.map(Enum::name).orElse("") + "|"
                + type.orElse("") + "|" + category.orElse("") + "|" + overdue.map(String::valueOf).orElse("");
        Optional<ReviewQueueFilter.Position> after = cursor.map(k -> ReviewQueueFilter.Position.decode(
                cursors.decode(k, query, "query.cursor").get(0)));
        return new ReviewQueueFilter(prefix, kind, type, category, overdue, limit, after, query);
    }

    /** The part of the regulator's region a {@code region} filter names: within it, or the whole of it for a wider one. */
    private static String narrowed(String own, String region) {
        if (region.startsWith(own)) {
            return region;
        }
        if (own.startsWith(region)) {
            return own;
        }
        throw new ApiException(ErrorCode.OUTSIDE_REGION, Message.of("Region " + region + " is outside your region (" + own + ").",
                "区域" + region + "不在您的管辖区域（" + own + "）内。"));
    }
}
