package org.epermit.api.gateway.audit;

import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
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
import org.epermit.api.contract.SharedParameters;
import org.epermit.api.common.CursorCodec;
import org.epermit.api.common.PagingConfig;
import org.epermit.api.common.QueryParameters;
import org.epermit.api.gateway.CredentialType;
import org.epermit.api.problem.FieldError;
import org.epermit.api.problem.Message;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The audit log, for administrators: newest first, filterable, cursor-paged. */
@Path("/v1/admin/audit")
@Produces(MediaType.APPLICATION_JSON)
@PermissionsAllowed("admin")
@SecurityRequirement(name = "apiKey")
@SecurityRequirement(name = "bearer")
@Tag(name = "Admin", description = "Client registry, keys and audit log (administrators, scope admin)")
public class AuditResource {

    private static final Set<String> PARAMETERS = Set.of("client", "from", "to", "path", "status", "correlationId",
            "resourceType", "resourceId", "limit", "cursor");

    private final Pool pool;
    private final CursorCodec cursors;
    private final PagingConfig paging;

    public AuditResource(Pool pool, CursorCodec cursors, PagingConfig paging) {
        this.pool = pool;
        this.cursors = cursors;
        this.paging = paging;
    }

    @GET
    @Operation(operationId = "listAuditEntries", summary = "Read the audit log",
            description = "Every request of an authenticated caller that reached an operation (every write attempt among them) and every failed authentication, newest first: time, client, subject, credential type, method, route template, permit number, status, latency, the service's request id, the caller's correlation id and, for writes, a SHA-256 of the body, the Idempotency-Key, whether the answer was replayed, the resource the write acted on and the fields it changed. A write's entry is committed with the write itself, so it is here as soon as the write is answered; reads are recorded in batches a moment after their response. Rate-limited, oversized, unroutable and anonymous refused requests are counted in metrics, not listed here.")
    @Parameters({
            @Parameter(name = "client", in = ParameterIn.QUERY, description = "Only this client's entries", schema = @Schema(type = SchemaType.STRING, format = "uuid")),
            @Parameter(name = "from", in = ParameterIn.QUERY, description = "Entries at or after this time", example = "2026-11-28T00:00:00+08:00", schema = @Schema(type = SchemaType.STRING, format = "date-time")),
            @Parameter(name = "to", in = ParameterIn.QUERY, description = "Entries before this time", example = "2026-11-29T00:00:00+08:00", schema = @Schema(type = SchemaType.STRING, format = "date-time")),
            @Parameter(name = "path", in = ParameterIn.QUERY, description = "Route template, exactly", example = "/v1/admin/clients/{id}", schema = @Schema(type = SchemaType.STRING, maxLength = 200)),
            @Parameter(name = "status", in = ParameterIn.QUERY, description = "HTTP status", example = "403", schema = @Schema(type = SchemaType.INTEGER, minimum = "100", maximum = "599")),
            @Parameter(name = "correlationId", in = ParameterIn.QUERY, description = "The caller's own id for its requests (X-Correlation-Id, or the X-Request-Id it sent), exactly", example = "order-7781-retry-2", schema = @Schema(type = SchemaType.STRING, maxLength = 64)),
            @Parameter(name = "resourceType", in = ParameterIn.QUERY, description = "Only writes that acted on this type of resource: client, api_key or delegation", example = "delegation", schema = @Schema(type = SchemaType.STRING, maxLength = 64)),
            @Parameter(name = "resourceId", in = ParameterIn.QUERY, description = "Only writes that acted on the resource with this id (a client or delegation UUID, an API key id), exactly", example = "0b7c8e52-3a55-4a1e-9d52-8f3f5c3a1b2e", schema = @Schema(type = SchemaType.STRING, maxLength = 255)),
            @Parameter(ref = SharedParameters.LIMIT),
            @Parameter(ref = SharedParameters.CURSOR)
    })
    @APIResponse(responseCode = "200", description = "A page of entries",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuditPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid parameters (VALIDATION_FAILED) or cursor (INVALID_CURSOR)")
    @APIResponse(responseCode = "403", description = "The caller lacks the admin scope (INSUFFICIENT_SCOPE)")
    public Uni<AuditPage> list(@Context UriInfo uri) {
        QueryParameters params = QueryParameters.of(uri.getQueryParameters(), PARAMETERS);
        Optional<UUID> client = params.text("client").flatMap(v -> parse(params, "client", () -> UUID.fromString(v), v.length() == 36));
        Optional<OffsetDateTime> from = params.dateTime("from");
        Optional<OffsetDateTime> to = params.dateTime("to");
        Optional<String> path = params.text("path");
        Optional<Integer> status = params.text("status").flatMap(v -> parse(params, "status", () -> Integer.parseInt(v),
                v.matches("[1-5][0-9]{2}")));
        Optional<String> correlation = params.text("correlationId", 64);
        Optional<String> resourceType = params.text("resourceType", 64);
        Optional<String> resourceId = params.text("resourceId", 255);
        int limit = params.limit(paging);
        Optional<String> cursor = params.text("cursor", 4096);
        params.throwIfInvalid();

        String query = String.join("|", "audit", client.map(UUID::toString).orElse(""), from.map(Object::toString).orElse(""),
                to.map(Object::toString).orElse(""), path.orElse(""), status.map(Object::toString).orElse(""),
                correlation.orElse(""), resourceType.orElse(""), resourceId.orElse(""));
        Optional<Long> before = cursor.map(c -> Long.parseLong(cursors.decode(c, query, "query.cursor").get(0)));
        List<Object> args = new ArrayList<>();
        List<String> where = new ArrayList<>();
        client.ifPresent(v -> where.add("client_id = " + arg(args, v)));
        from.ifPresent(v -> where.add("occurred_at >= " + arg(args, v)));
        to.ifPresent(v -> where.add("occurred_at < " + arg(args, v)));
        path.ifPresent(v -> where.add("route = " + arg(args, v)));
        status.ifPresent(v -> where.add("status = " + arg(args, v)));
        correlation.ifPresent(v -> where.add("correlation_id = " + arg(args, v)));
        resourceType.ifPresent(v -> where.add("resource_type = " + arg(args, v)));
        resourceId.ifPresent(v -> where.add("resource_id = " + arg(args, v)));
        before.ifPresent(v -> where.add("id < " + arg(args, v)));
        String sql = "SELECT id, occurred_at, client_id, subject, credential_type, method, route, permit_number, status, "
                + "latency_ms, request_id, body_sha256, host(client_ip) AS client_ip, idempotency_key, replayed, "
                + "correlation_id, resource_type, resource_id, changed_fields FROM audit_log"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY id DESC LIMIT " + arg(args, limit + 1);
        return pool.preparedQuery(sql).execute(Tuple.from(args)).map(rows -> {
            List<AuditEntry> items = new ArrayList<>();
            for (Row r : rows) {
                items.add(entry(r));
            }
            var page = cursors.slice(items, limit, query, e -> Long.toString(e.id()));
            return new AuditPage(page.items(), page.nextCursor());
        });
    }

    private static <T> Optional<T> parse(QueryParameters params, String name, java.util.function.Supplier<T> parser, boolean plausible) {
        try {
            if (plausible) {
                return Optional.of(parser.get());
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        params.check(Optional.of(new FieldError("query." + name, "FORMAT", Message.of(
                "is not valid here (client: a UUID; status: 100-599)", "格式无效（client 为UUID；status 为100-599）"))));
        return Optional.empty();
    }

    private static String arg(List<Object> args, Object value) {
        args.add(value);
        return "$" + args.size();
    }

    private static AuditEntry entry(Row r) {
        var body = r.getBuffer("body_sha256");
        String[] changed = r.getArrayOfStrings("changed_fields");
        return new AuditEntry(r.getLong("id"), r.getOffsetDateTime("occurred_at"), r.getUUID("client_id"), r.getString("subject"),
                CredentialType.valueOf(r.getString("credential_type")), r.getString("method"), r.getString("route"),
                r.getString("permit_number"), r.getInteger("status"), r.getBigDecimal("latency_ms"), r.getString("request_id"),
                body == null ? null : HexFormat.of().formatHex(body.getBytes()), r.getString("client_ip"),
                r.getString("idempotency_key"), r.getBoolean("replayed"), r.getString("correlation_id"),
                r.getString("resource_type"), r.getString("resource_id"), changed == null ? null : List.of(changed));
    }

    @Schema(name = "AuditEntry")
    public record AuditEntry(long id, OffsetDateTime occurredAt,
                             @Schema(nullable = true) UUID clientId,
                             @Schema(nullable = true) String subject,
                             CredentialType credentialType,
                             @Schema(examples = "GET") String method,
                             @Schema(examples = "/v1/public/permits/{permitNumber}") String route,
                             @Schema(nullable = true) String permitNumber,
                             @Schema(examples = "200") int status,
                             @Schema(examples = "1.234") BigDecimal latencyMs,
                             @Schema(description = "The service's own id for the request, unique (the X-Request-Id it answered with)") String requestId,
                             @Schema(nullable = true, description = "SHA-256 of a write's body, hex") String bodySha256,
                             @Schema(nullable = true) String clientIp,
                             @Schema(nullable = true, description = "The write's Idempotency-Key, when it sent one") String idempotencyKey,
                             @Schema(description = "The answer was the stored outcome of an earlier request with the same Idempotency-Key, not a new execution") boolean replayed,
                             @Schema(nullable = true, description = "The caller's own id for the request (X-Correlation-Id, or the X-Request-Id it sent), when it sent a valid one: chosen by the caller, so not unique") String correlationId,
                             @Schema(nullable = true, description = "For a write, the type of resource it created or changed: client, api_key or delegation", examples = "delegation") String resourceType,
                             @Schema(nullable = true, description = "For a write, the id of the resource it created or changed", examples = "0b7c8e52-3a55-4a1e-9d52-8f3f5c3a1b2e") String resourceId,
                             @Schema(nullable = true, description = "For a change, the names of the fields it changed (never their values); empty if it changed nothing, null for a creation", examples = "[\"revokedAt\"]") List<String> changedFields) {
    }

    @Schema(name = "AuditPage")
    public record AuditPage(List<AuditEntry> items,
                            @Schema(nullable = true, description = "Cursor of the next page; null on the last page") String nextCursor) {
    }
}
