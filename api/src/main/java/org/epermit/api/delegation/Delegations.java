package org.epermit.api.delegation;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.epermit.api.common.CreditCode;
import org.epermit.api.common.PermitNumber;
import org.epermit.api.gateway.Caller;
import org.epermit.api.gateway.RegisteredClients;
import org.epermit.api.gateway.TransactionSql;
import org.epermit.api.delegation.DelegationView.NewDelegation;
import org.epermit.api.problem.ApiException;
import org.epermit.api.problem.ErrorCode;
import org.epermit.api.problem.FieldError;
import org.epermit.api.problem.Message;
import org.epermit.codes.Strictness;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Delegations: created and revoked by administrators or the delegating enterprise, read also by the vendor they
 * name. A revoked or expired delegation stops at once: every permit read checks it in the same query.
 */
@ApplicationScoped
public class Delegations {

    private static final Set<String> SCOPES = Set.of("permits:read", "filings:write", "applications:write");
    private static final String SELECT = """
            SELECT d.id, e.credit_code, e.name AS enterprise_name, d.vendor_client_id, d.all_permits,
                   coalesce((SELECT array_agg(p.permit_number ORDER BY p.permit_number) FROM delegation_permit dp
                             JOIN permit p ON p.id = dp.permit_id WHERE dp.delegation_id = d.id), '{}') AS permit_numbers,
                   d.scopes, d.valid_from, d.valid_to, d.revoked_at, d.created_at, d.enterprise_id
            FROM delegation d JOIN enterprise e ON e.id = d.enterprise_id
            """;

    private final Pool pool;
    private final Clock clock;
    private final DelegationConfig config;
    private final RegisteredClients clients;
    private final Vendors vendors;

    public Delegations(Pool pool, Clock clock, DelegationConfig config, RegisteredClients clients, Vendors vendors) {
        this.vendors = vendors;
        this.pool = pool;
        this.clock = clock;
        this.config = config;
        this.clients = clients;
    }

    /**
     * A delegation to create, its fields checked (before any transaction: a 400 or 403 opens none); what needs the
     * database (the enterprise, the vendor, the permits) is checked by {@link #create}.
     */
    public record Request(String creditCode, UUID vendor, List<String> permits, String[] scopes, OffsetDateTime from,
                          OffsetDateTime to) {
    }

    /** Checks a delegation's fields and that the caller may delegate at all; see {@link Request}. */
    public Request request(Caller caller, NewDelegation body) {
        requireManager(caller);
        if (body == null) {
            throw invalid(List.of(new FieldError("body", "REQUIRED", Message.of("is required", "为必填项"))));
        }
        List<FieldError> errors = new ArrayList<>();
        String creditCode = body.enterpriseCreditCode();
        if (creditCode == null) {
            // an enterprise client delegates for itself; an administrator must say for whom
            if (caller.hasRole("admin")) {
                errors.add(new FieldError("body.enterpriseCreditCode", "REQUIRED", Message.of("is required", "为必填项")));
            }
        } else {
            // A lookup: the code names a unit that must already exist (create() refuses an unknown one with
            // UNKNOWN_ENTERPRISE), so a genuine early code failing its organisation check must not be refused here.
            CreditCode.check(creditCode, "body.enterpriseCreditCode", Strictness.LOOKUP).ifPresent(errors::add);
        }
        UUID vendor = null;
        if (body.vendorClientId() == null) {
            errors.add(new FieldError("body.vendorClientId", "REQUIRED", Message.of("is required", "为必填项")));
        } else {
            try {
                vendor = UUID.fromString(body.vendorClientId());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("body.vendorClientId", "FORMAT", Message.of("must be a UUID", "应为UUID")));
            }
        }
        List<String> permits = new ArrayList<>();
        if (body.permitNumbers() != null) {
            if (body.permitNumbers().isEmpty() || body.permitNumbers().size() > 1000) {
                errors.add(new FieldError("body.permitNumbers", "SIZE", Message.of(
                        "must list 1 to 1000 permits, or be absent for all", "应列出1至1000个许可证，或不填表示全部")));
            }
            for (int i = 0; i < body.permitNumbers().size(); i++) {
                String path = "body.permitNumbers[" + i + "]";
                String raw = body.permitNumbers().get(i);
                // references to existing permits, whatever their identification letter; unknown ones are create()'s
                Optional<FieldError> problem = PermitNumber.check(raw, path);
                problem.ifPresent(errors::add);
                if (problem.isEmpty()) {
                    permits.add(PermitNumber.parse(raw, path).value());
                }
            }
        }
        if (body.scopes() == null || body.scopes().isEmpty()) {
            errors.add(new FieldError("body.scopes", "REQUIRED", Message.of("must name permits:read, filings:write and/or applications:write",
                    "应包含 permits:read、filings:write 和/或 applications:write")));
        } else {
            for (int i = 0; i < body.scopes().size(); i++) {
                if (!SCOPES.contains(body.scopes().get(i))) {
                    errors.add(new FieldError("body.scopes[" + i + "]", "UNKNOWN_VALUE", Message.of(
                            "must be permits:read, filings:write or applications:write", "应为 permits:read、filings:write 或 applications:write")));
                }
            }
        }
        OffsetDateTime from = body.validFrom() != null ? body.validFrom() : OffsetDateTime.now(clock);
        if (body.validTo() == null) {
            errors.add(new FieldError("body.validTo", "REQUIRED", Message.of("is required", "为必填项")));
        } else if (!body.validTo().isAfter(from)) {
            errors.add(new FieldError("body.validTo", "RANGE", Message.of("must be after validFrom", "应晚于 validFrom")));
        } else if (body.validTo().isAfter(from.plus(config.maxDuration()))) {
            errors.add(new FieldError("body.validTo", "TOO_LONG", Message.of(
                    "must be at most " + config.maxDuration() + " after validFrom: the longest a delegation may run",
                    "距 validFrom 不能超过" + config.maxDuration() + "（委托的最长期限）")));
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        return new Request(creditCode == null ? null
                : CreditCode.parse(creditCode, "body.enterpriseCreditCode", Strictness.LOOKUP).value(),
                vendor, List.copyOf(permits), new LinkedHashSet<>(body.scopes()).toArray(String[]::new), from, body.validTo());
    }

    /** Creates a delegation through the caller's transaction {@code tx}. */
    public Uni<DelegationView> create(SqlClient tx, Caller caller, Request request) {
        UUID vendorId = request.vendor();
        UUID id = UUID.randomUUID();
        String[] scopes = request.scopes();
        List<String> permits = request.permits();
        OffsetDateTime from = request.from();
        Uni<Long> enterprise = request.creditCode() == null
                ? Uni.createFrom().item(caller.enterpriseId().orElseThrow())
                : enterpriseId(tx, request.creditCode());
        return enterprise.flatMap(enterpriseId -> {
            if (!caller.hasRole("admin") && !caller.enterpriseId().equals(Optional.of(enterpriseId))) {
                throw forbidden();
            }
            return checkVendor(tx, vendorId).flatMap(ok -> tx.preparedQuery("""
                            INSERT INTO delegation (id, enterprise_id, vendor_client_id, all_permits, scopes, valid_from, valid_to, created_by)
                            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)""")
                    .execute(Tuple.from(Arrays.asList(id, enterpriseId, vendorId, permits.isEmpty(), scopes, from,
                            request.to(), caller.clientId())))
                    .flatMap(done -> permits.isEmpty() ? Uni.createFrom().voidItem() : tx.preparedQuery("""
                                    INSERT INTO delegation_permit (delegation_id, permit_id)
                                    SELECT $1, p.id FROM permit p WHERE p.permit_number = ANY ($2) AND p.enterprise_id = $3""")
                            .execute(Tuple.of(id, permits.toArray(String[]::new), enterpriseId))
                            .map(rows -> {
                                if (rows.rowCount() != new LinkedHashSet<>(permits).size()) {
                                    throw invalid(List.of(new FieldError("body.permitNumbers", "NOT_OF_ENTERPRISE", Message.of(
                                            "lists a permit that does not exist or is not the enterprise's",
                                            "包含不存在或不属于该排污单位的许可证"))));
                                }
                                return null;
                            }).replaceWithVoid()));
        }).flatMap(done -> find(tx, caller, id)).map(Optional::orElseThrow);
    }

    public Uni<Optional<DelegationView>> find(Caller caller, UUID id) {
        return find(pool, caller, id);
    }

    private Uni<Optional<DelegationView>> find(SqlClient client, Caller caller, UUID id) {
        List<Object> params = new ArrayList<>(List.of(id));
        return client.preparedQuery(SELECT + "WHERE d.id = $1 AND " + readable(caller, params))
                .execute(Tuple.from(params))
                .flatMap(rows -> views(client, rows))
                .map(views -> views.stream().findFirst());
    }

    public Uni<List<DelegationView>> list(Caller caller, Optional<UUID> after, int limit) {
        List<Object> params = new ArrayList<>();
        String where = readable(caller, params);
        params.add(after.orElse(new UUID(0L, 0L)));
        String afterParam = "$" + params.size();
        params.add(limit);
        return pool.preparedQuery(SELECT + "WHERE " + where + " AND d.id > " + afterParam + " ORDER BY d.id LIMIT $" + params.size())
                .execute(Tuple.from(params)).flatMap(rows -> views(pool, rows));
    }

    /** Revokes a delegation; whether this revoked it ({@code false}: it already was). */
    public Uni<Boolean> revoke(SqlClient tx, Caller caller, UUID id) {
        requireManager(caller);
        return find(tx, caller, id).flatMap(found -> {
            DelegationView d = found.orElseThrow(() -> notFound(id));
            if (d.revokedAt() != null) {
                return Uni.createFrom().item(false);
            }
            return tx.preparedQuery("UPDATE delegation SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL")
                    .execute(Tuple.of(id)).map(rows -> rows.rowCount() > 0);
        });
    }

    /**
     * Ends, through the deletion's transaction {@code tx}, the delegations naming a vendor client being deleted: those
     * in force or still to come are revoked at the deletion's time, which is also the deleted client's {@code updated_at}
     * (expired and revoked ones stay as they ended).
     */
    public Uni<Void> endWithDeletedVendor(TransactionSql tx, UUID vendor, OffsetDateTime deletedAt) {
        return tx.update("""
                        UPDATE delegation SET revoked_at = $2
                        WHERE vendor_client_id = $1 AND revoked_at IS NULL AND valid_to > $2""", vendor, deletedAt)
                .replaceWithVoid();
    }

    /** Administrators see all delegations; an enterprise its own; a vendor those naming it. */
    private static String readable(Caller caller, List<Object> params) {
        if (caller.hasRole("admin")) {
            return "true";
        }
        List<String> any = new ArrayList<>();
        caller.enterpriseId().filter(e -> caller.hasRole("enterprise")).ifPresent(e -> {
            params.add(e);
            any.add("d.enterprise_id = $" + params.size());
        });
        if (caller.hasRole("vendor")) {
            params.add(caller.clientId());
            any.add("d.vendor_client_id = $" + params.size());
        }
        return any.isEmpty() ? "false" : "(" + String.join(" OR ", any) + ")";
    }

    private static void requireManager(Caller caller) {
        if (!caller.hasRole("admin") && !(caller.hasRole("enterprise") && caller.enterpriseId().isPresent())) {
            throw forbidden();
        }
    }

    private static Uni<Long> enterpriseId(SqlClient tx, String creditCode) {
        return tx.preparedQuery("SELECT id FROM enterprise WHERE credit_code = $1").execute(Tuple.of(creditCode)).map(rows -> {
            if (rows.size() == 0) {
                throw invalid(List.of(new FieldError("body.enterpriseCreditCode", "UNKNOWN_ENTERPRISE",
                        Message.of("no enterprise has this credit code", "没有使用该统一社会信用代码的排污单位"))));
            }
            return rows.iterator().next().getLong(0);
        });
    }

    private Uni<Void> checkVendor(SqlClient tx, UUID vendor) {
        return clients.byId(tx, vendor).map(found -> {
                    if (found.filter(c -> c.active() && c.roles().contains("vendor")).isEmpty()) {
                        throw invalid(List.of(new FieldError("body.vendorClientId", "NOT_A_VENDOR", Message.of(
                                "is not an active vendor client", "不是处于启用状态的第三方服务商客户端"))));
                    }
                    return null;
                });
    }

    /** The delegations of {@code rows}, in order, with what each shows of its vendor (one read for all of them). */
    private Uni<List<DelegationView>> views(SqlClient client, RowSet<Row> rows) {
        List<Row> list = new ArrayList<>();
        rows.forEach(list::add);
        Set<UUID> vendorIds = new java.util.HashSet<>();
        list.forEach(r -> vendorIds.add(r.getUUID("vendor_client_id")));
        return vendors.byIds(client, vendorIds).map(found -> list.stream()
                .map(r -> view(r, found.get(r.getUUID("vendor_client_id")))).toList());
    }

    private DelegationView view(Row r, Vendors.Vendor vendor) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime from = r.getOffsetDateTime("valid_from");
        OffsetDateTime to = r.getOffsetDateTime("valid_to");
        OffsetDateTime revoked = r.getOffsetDateTime("revoked_at");
        DelegationView.Status status = revoked != null ? DelegationView.Status.REVOKED
                : !now.isBefore(to) ? DelegationView.Status.EXPIRED
                : now.isBefore(from) ? DelegationView.Status.SCHEDULED : DelegationView.Status.ACTIVE;
        // Deleting a vendor revokes its delegations in the deletion's transaction, whose now() is also the deleted
        // client's updated_at (ClientRegistry.delete, endWithDeletedVendor).
        DelegationView.RevocationReason reason = revoked == null ? null
                : vendor != null && vendor.deleted() && revoked.isEqual(vendor.changedAt())
                ? DelegationView.RevocationReason.VENDOR_DELETED : DelegationView.RevocationReason.REVOKED;
        return new DelegationView(r.getUUID("id"), r.getString("credit_code"), r.getString("enterprise_name"),
                r.getUUID("vendor_client_id"), vendor == null ? null : vendor.name(), r.getBoolean("all_permits"),
                List.of(r.getArrayOfStrings("permit_numbers")), List.of(r.getArrayOfStrings("scopes")), from, to, revoked,
                reason, status, r.getOffsetDateTime("created_at"));
    }

    static ApiException notFound(UUID id) {
        return new ApiException(ErrorCode.DELEGATION_NOT_FOUND, Message.of("No delegation " + id + " is visible to you.",
                "没有您可查看的编号为" + id + "的委托。"));
    }

    private static ApiException forbidden() {
        return new ApiException(ErrorCode.INSUFFICIENT_SCOPE, Message.of(
                "Only administrators and the delegating enterprise manage delegations.",
                "仅管理员和委托方排污单位可以管理委托。"));
    }

    private static ApiException invalid(List<FieldError> errors) {
        return ApiException.validation(errors);
    }
}
