package org.epermit.api.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.epermit.api.common.CursorCodec;
import org.epermit.api.common.PagingConfig;
import org.epermit.api.common.PermitNumber;
import org.epermit.api.common.QueryParameters;
import org.epermit.api.gateway.Caller;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The cursor-paged listing of the caller's own applications, newest first. */
@ApplicationScoped
public class ApplicationPages {

    private final ApplicationQueries queries;
    private final CursorCodec cursors;
    private final PagingConfig paging;

    public ApplicationPages(ApplicationQueries queries, CursorCodec cursors, PagingConfig paging) {
        this.queries = queries;
        this.cursors = cursors;
        this.paging = paging;
    }

    @Schema(name = "ApplicationPage")
    public record Page(List<ApplicationView> items,
                       @Schema(nullable = true, description = "Cursor of the next page; null on the last") String nextCursor) {
    }

    /** The filters and position of a listing request; the cursor is bound to the caller and the filters. */
    record Filter(Optional<ApplicationType> type, Optional<ApplicationStatus> status, Optional<String> permitNumber, int limit,
                  Optional<Long> beforeId, String query) {
    }

    Filter filter(UriInfo uri, Caller caller) {
        QueryParameters params = QueryParameters.of(uri.getQueryParameters(), Set.of("type", "status", "permitNumber", "limit", "cursor"));
        Optional<ApplicationType> type = params.enumValue("type", ApplicationType.class);
        Optional<ApplicationStatus> status = params.enumValue("status", ApplicationStatus.class);
        Optional<String> permitNumber = params.text("permitNumber", 22);
        permitNumber.ifPresent(n -> params.check(PermitNumber.check(n, "query.permitNumber")));
        int limit = params.limit(paging);
        Optional<String> cursor = params.text("cursor", 4096);
        params.throwIfInvalid();
        Optional<String> number = permitNumber.map(n -> PermitNumber.parse(n, "query.permitNumber").value());
        String query = "applications|" + caller.clientId() + "|" + type.map(Enum::name).orElse("") + "|"
                + status.map(Enum::name).orElse("") + "|" + number.orElse("");
        Optional<Long> before = cursor.map(c -> Long.parseLong(cursors.decode(c, query, "query.cursor").get(0)));
        return new Filter(type, status, number, limit, before, query);
    }

    Uni<Page> page(Caller caller, Filter f) {
        Optional<Long> enterprise = caller.hasRole("enterprise") ? caller.enterpriseId() : Optional.empty();
        return queries.page(caller.clientId(), enterprise, f).map(rows -> {
            CursorCodec.Slice<ApplicationView> slice = cursors.slice(rows, f.limit(), f.query(), v -> String.valueOf(v.id()));
            return new Page(slice.items(), slice.nextCursor());
        });
    }
}
