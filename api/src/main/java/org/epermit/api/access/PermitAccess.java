package org.epermit.api.access;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.epermit.api.gateway.Caller;
import org.epermit.api.problem.ApiException;
import org.epermit.api.problem.ErrorCode;
import org.epermit.api.problem.Message;

import java.util.ArrayList;
import java.util.List;

/**
 * Who may do what with which permit: the one rule every feature that touches a permit (its full view, filings,
 * monitoring data, applications, reviews, statistics) applies. An administrator may use every permit; a regulator
 * those of its region; an enterprise its own; a vendor those its live delegations cover with the scope asked for.
 * The caller must hold the scope itself as well. Roles add up: a caller with two roles may use what either allows.
 */
@ApplicationScoped
public class PermitAccess {

    private final Pool pool;

    public PermitAccess(Pool pool) {
        this.pool = pool;
    }

    /** A condition on {@code p} (the permit table) that holds for the permits {@code caller} may use with {@code scope}. */
    public SqlCondition visibleTo(Caller caller, String scope) {
        if (!caller.hasScope(scope)) {
            return SqlCondition.NEVER;
        }
        if (caller.hasRole("admin")) {
            return SqlCondition.ALWAYS;
        }
        List<SqlCondition> any = new ArrayList<>();
        regulatorRegion(caller).ifPresent(any::add);
        ownPermits(caller).ifPresent(any::add);
        if (caller.hasRole("vendor")) {
            any.add(delegated(caller, scope));
        }
        return SqlCondition.anyOf(any);
    }

    /**
     * The permit's id when {@code caller} may use permit {@code permitNumber} with {@code scope}; otherwise a failure
     * naming the precise refusal: {@code PERMIT_NOT_FOUND}, {@code INSUFFICIENT_SCOPE} (the caller lacks the scope,
     * or a delegation covers the permit but not for this scope), {@code NOT_DELEGATED} or {@code OUTSIDE_REGION}.
     */
    public Uni<Long> require(Caller caller, String scope, String permitNumber) {
        if (!caller.hasScope(scope)) {
            return Uni.createFrom().failure(new ApiException(ErrorCode.INSUFFICIENT_SCOPE, Message.of(
                    "Your credential lacks the " + scope + " scope.", "您的凭据缺少" + scope + "权限。")));
        }
        List<SqlCondition> columns = List.of(visibleTo(caller, scope),
                caller.hasRole("vendor") ? delegatedForAnyScope(caller) : SqlCondition.NEVER);
        List<Object> args = new ArrayList<>(List.of(permitNumber));
        List<String> select = new ArrayList<>();
        for (SqlCondition column : columns) {
            select.add(column.sqlAfter(args.size()));
            args.addAll(column.args());
        }
        String sql = "SELECT p.id, " + select.get(0) + " AS allowed, " + select.get(1) + " AS delegated_otherwise"
                + " FROM permit p WHERE p.permit_number = $1";
        return pool.preparedQuery(sql).execute(Tuple.from(args)).map(rows -> {
            var it = rows.iterator();
            if (!it.hasNext()) {
                throw notFound(permitNumber);
            }
            Row row = it.next();
            if (row.getBoolean("allowed")) {
                return row.getLong("id");
            }
            throw refusal(caller, scope, permitNumber, row.getBoolean("delegated_otherwise"));
        });
    }

    /**
     * Completes when {@code caller} may act with {@code scope} for enterprise {@code enterpriseId} as a whole, beyond the
     * permits it holds (an application for a new site's permit): an administrator, the enterprise's own client, or a
     * vendor holding a live delegation of all the enterprise's permits with the scope (one of named permits covers only
     * those). Otherwise {@code INSUFFICIENT_SCOPE} (the scope is missing, or the delegation lacks it) or {@code NOT_DELEGATED}.
     */
    public Uni<Void> requireEnterprise(Caller caller, String scope, long enterpriseId, String creditCode) {
        if (!caller.hasScope(scope)) {
            return Uni.createFrom().failure(new ApiException(ErrorCode.INSUFFICIENT_SCOPE, Message.of(
                    "Your credential lacks the " + scope + " scope.", "您的凭据缺少" + scope + "权限。")));
        }
        if (caller.hasRole("admin") || (caller.hasRole("enterprise") && caller.enterpriseId().map(id -> id == enterpriseId).orElse(false))) {
            return Uni.createFrom().voidItem();
        }
        if (!caller.hasRole("vendor")) {
            return Uni.createFrom().failure(new ApiException(ErrorCode.NOT_DELEGATED, Message.of(
                    "Unit " + creditCode + " is not your enterprise, and nothing delegates it to you.",
                    "单位" + creditCode + "不是您的单位，也没有委托给您。")));
        }
        String sql = "SELECT coalesce(bool_or($3 = ANY (d.scopes)), false) AS with_scope, count(*) > 0 AS delegated FROM delegation d"
                + " WHERE d.enterprise_id = $1 AND d.vendor_client_id = $2 AND d.all_permits AND d.revoked_at IS NULL"
                + " AND now() >= d.valid_from AND now() < d.valid_to";
        return pool.preparedQuery(sql).execute(Tuple.of(enterpriseId, caller.clientId(), scope)).map(rows -> {
            Row row = rows.iterator().next();
            if (row.getBoolean("with_scope")) {
                return null;
            }
            if (row.getBoolean("delegated")) {
                throw new ApiException(ErrorCode.INSUFFICIENT_SCOPE, Message.of("Your delegation from unit " + creditCode
                        + " does not include the " + scope + " scope. Ask the enterprise to add it.",
                        "单位" + creditCode + "对您的委托不包含" + scope + "权限，请联系排污单位补充委托范围。"));
            }
            throw new ApiException(ErrorCode.NOT_DELEGATED, Message.of("No live delegation of all of unit " + creditCode
                    + "'s permits lets you act for it with the " + scope + " scope. Ask the enterprise to delegate them to you.",
                    "您没有单位" + creditCode + "以" + scope + "权限委托的全部许可证的有效委托，请联系排污单位办理委托。"));
        }).replaceWithVoid();
    }

    /**
     * Whether {@code caller} is a regulator whose region holds {@code regionCode} (a 6-digit division): its region is
     * a prefix of it. The same rule as {@link #visibleTo} for a permit, for what carries its own region (an
     * application, whose INITIAL has no permit yet; a report, by its permit's).
     */
    public static boolean inRegion(Caller caller, String regionCode) {
        return caller.hasRole("regulator") && caller.regionCode().map(regionCode::startsWith).orElse(false);
    }

    /** The refusal for a permit number no permit has. */
    public static ApiException notFound(String permitNumber) {
        return new ApiException(ErrorCode.PERMIT_NOT_FOUND, Message.of("No permit has the number " + permitNumber + ".",
                "没有编号为" + permitNumber + "的许可证。"));
    }

    private static ApiException refusal(Caller caller, String scope, String permitNumber, boolean delegatedOtherwise) {
        if (caller.hasRole("vendor") && delegatedOtherwise) {
            return new ApiException(ErrorCode.INSUFFICIENT_SCOPE, Message.of(
                    "Your delegation for permit " + permitNumber + " does not include the " + scope
                            + " scope. Ask the enterprise to add it.",
                    "您对许可证" + permitNumber + "的委托不包含" + scope + "权限，请联系排污单位补充委托范围。"));
        }
        if (caller.hasRole("vendor")) {
            return new ApiException(ErrorCode.NOT_DELEGATED, Message.of(
                    "No live delegation lets you use permit " + permitNumber + " with the " + scope
                            + " scope. Ask the enterprise to delegate it to you.",
                    "您没有以" + scope + "权限使用许可证" + permitNumber + "的有效委托，请联系排污单位办理委托。"));
        }
        if (caller.hasRole("regulator")) {
            return new ApiException(ErrorCode.OUTSIDE_REGION, Message.of(
                    "Permit " + permitNumber + " is outside your region.", "许可证" + permitNumber + "不在您的管辖区域内。"));
        }
        return new ApiException(ErrorCode.NOT_DELEGATED, Message.of(
                "Permit " + permitNumber + " is not one of your enterprise's permits, and nothing delegates it to you.",
                "许可证" + permitNumber + "不属于您的单位，也没有委托给您。"));
    }

    private static java.util.Optional<SqlCondition> regulatorRegion(Caller caller) {
        return caller.hasRole("regulator") ? caller.regionCode().map(RegionFilter::condition) : java.util.Optional.empty();
    }

    private static java.util.Optional<SqlCondition> ownPermits(Caller caller) {
        return caller.hasRole("enterprise")
                ? caller.enterpriseId().map(id -> SqlCondition.of("p.enterprise_id = $1", id))
                : java.util.Optional.empty();
    }

    /** The permit is covered by one of the vendor's live delegations that carries {@code scope}. */
    private static SqlCondition delegated(Caller caller, String scope) {
        return covered("$2 = ANY (d.scopes)", caller, scope);
    }

    /** The permit is covered by one of the vendor's live delegations, whatever its scopes. */
    private static SqlCondition delegatedForAnyScope(Caller caller) {
        return covered(null, caller, null);
    }

    // A delegation covers all of an enterprise's permits, or the ones it lists; it is live between valid_from and
    // valid_to unless revoked. Both branches reuse the same placeholders, so each argument is passed once.
    private static SqlCondition covered(String scopeTest, Caller caller, String scope) {
        String live = "d.vendor_client_id = $1 AND d.revoked_at IS NULL AND now() >= d.valid_from AND now() < d.valid_to"
                + (scopeTest == null ? "" : " AND " + scopeTest);
        String sql = "(p.enterprise_id IN (SELECT d.enterprise_id FROM delegation d WHERE d.all_permits AND " + live + ")"
                + " OR p.id IN (SELECT dp.permit_id FROM delegation d JOIN delegation_permit dp ON dp.delegation_id = d.id"
                + " WHERE NOT d.all_permits AND " + live + "))";
        return scope == null ? SqlCondition.of(sql, caller.clientId()) : SqlCondition.of(sql, caller.clientId(), scope);
    }
}
