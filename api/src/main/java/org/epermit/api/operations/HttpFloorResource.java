package org.epermit.api.operations;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.epermit.api.common.HttpCaching;
import org.epermit.api.common.PermitNumber;
import org.epermit.api.permit.PermitQueries;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The benchmark's HTTP floor (bench/read-paths.sh): the permit lookup with the database read replaced by memory.
 * The same number parsing, gateway filters and conditional-GET response as {@code GET /v1/public/permits/{n}}, for
 * the same body, which is read once and then kept. What a lookup costs beyond this is the database's share. Only in a
 * build made with {@code -Depermit.bench.http-floor=true}: the shipped service and its contract have no such path.
 */
@IfBuildProperty(name = "epermit.bench.http-floor", stringValue = "true")
@Path("/v1/public/bench-floor")
@Produces(MediaType.APPLICATION_JSON)
public class HttpFloorResource {

    private final PermitQueries queries;
    private final HttpCaching caching;
    private final Map<String, String> bodies = new ConcurrentHashMap<>();

    public HttpFloorResource(PermitQueries queries, HttpCaching caching) {
        this.queries = queries;
        this.caching = caching;
    }

    @GET
    @Path("/{permitNumber}")
    @Operation(hidden = true)
    public Uni<Response> get(@PathParam("permitNumber") String permitNumber, @Context Request request) {
        PermitNumber number = PermitNumber.parse(permitNumber, "path.permitNumber");
        String body = bodies.get(number.value());
        if (body != null) {
            return Uni.createFrom().item(caching.publicJson(request, body));
        }
        return queries.publicDocument(number.value()).map(doc -> {
            String read = doc.orElseThrow(NotFoundException::new);
            bodies.putIfAbsent(number.value(), read);
            return caching.publicJson(request, read);
        });
    }
}
