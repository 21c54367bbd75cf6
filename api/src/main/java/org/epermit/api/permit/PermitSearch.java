package org.epermit.api.permit;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedMap;
import org.epermit.api.access.SqlCondition;
import org.epermit.api.common.CodePrefix;
import org.epermit.api.common.CursorCodec;
import org.epermit.api.common.PagingConfig;
import org.epermit.api.common.QueryParameters;
import org.epermit.api.problem.ApiException;
import org.epermit.api.problem.ErrorCode;
import org.epermit.api.problem.FieldError;
import org.epermit.api.problem.Message;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Permit search with keyset pagination: reads and checks the parameters, continues from the cursor. */
@ApplicationScoped
public class PermitSearch {

    private static final Set<String> PARAMETERS = Set.of("q", "region", "industry", "category", "status",
            "expiringBefore", "dueForRenewal", "limit", "cursor");

    private final PermitQueries queries;
    private final CursorCodec cursors;
    private final PagingConfig paging;

    public PermitSearch(PermitQueries queries, CursorCodec cursors, PagingConfig paging) {
        this.queries = queries;
        this.cursors = cursors;
        this.paging = paging;
    }

    public Uni<PublicPermitResource.PermitSummaryPage> page(MultivaluedMap<String, String> query) {
        return page(query, "public", SqlCondition.ALWAYS);
    }

    /**
     * A page of the permits {@code visible} (a condition on {@code p}) holds for. {@code audience} names who the page is for, so that
     * a cursor only continues the same caller's search.
     */
    public Uni<PublicPermitResource.PermitSummaryPage> page(MultivaluedMap<String, String> query, String audience,
                                                            SqlCondition visible) {
        Request request = read(query, audience);
        return queries.search(request.criteria(), request.after(), request.limit() + 1, visible).map(rows -> {
            var page = cursors.slice(rows, request.limit(), request.scope(), PermitSummary::permitNumber);
            return new PublicPermitResource.PermitSummaryPage(page.items(), page.nextCursor());
        });
    }

    /**
     * The same page of the public search as {@link #page(MultivaluedMap)}, as a GeoJSON FeatureCollection: the same
     * parameters, permits, order and cursor (a cursor of one continues the other).
     */
    public Uni<PermitFeatureCollection> features(MultivaluedMap<String, String> query) {
        Request request = read(query, "public");
        return queries.searchLocated(request.criteria(), request.after(), request.limit() + 1, SqlCondition.ALWAYS)
                .map(rows -> {
                    var page = cursors.slice(rows, request.limit(), request.scope(), r -> r.summary().permitNumber());
                    return PermitFeatureCollection.of(page.items(), page.nextCursor());
                });
    }

    /** A search's checked parameters: its criteria, page size, and the permit number it continues after. */
    private record Request(PermitSearchCriteria criteria, int limit, Optional<String> after, String scope) {
    }

    /** Reads and checks the parameters, reporting every bad one at once, and decodes the cursor. */
    private Request read(MultivaluedMap<String, String> query, String audience) {
        QueryParameters params = QueryParameters.of(query, PARAMETERS);
        PermitSearchCriteria criteria = criteria(params);
        int limit = params.limit(paging);
        Optional<String> cursor = params.text("cursor", 4096);
        params.throwIfInvalid();

        String scope = audience + criteria.canonical();
        Optional<String> after = cursor.map(c -> {
            List<String> position = cursors.decode(c, scope, "query.cursor");
            if (position.size() != 1) {
                throw new ApiException(ErrorCode.INVALID_CURSOR, Message.of("The cursor is not a permit search cursor.",
                        "该游标不是许可证查询的游标。"), List.of(new FieldError("query.cursor", "FORMAT",
                        Message.of("is not a permit search cursor", "不是许可证查询的游标"))));
            }
            return position.get(0);
        });
        return new Request(criteria, limit, after, scope);
    }

    /**
     * The search filters of {@code params} (q, region, industry, category, status, expiringBefore, dueForRenewal),
     * their errors recorded in {@code params}: the search and the bulk export read them alike.
     */
    public static PermitSearchCriteria criteria(QueryParameters params) {
        Optional<String> q = params.text("q");
        Optional<String> region = params.text("region");
        region.ifPresent(r -> params.check(CodePrefix.checkRegion(r, "query.region")));
        Optional<String> industry = params.text("industry");
        industry.ifPresent(i -> params.check(CodePrefix.checkIndustry(i, "query.industry")));
        return new PermitSearchCriteria(q, region, industry,
                params.enumValue("category", PermitCategory.class), params.enumValue("status", PermitStatus.class),
                params.date("expiringBefore"), params.bool("dueForRenewal"));
    }
}
