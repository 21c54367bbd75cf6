package org.epermit.api.delegation;

import org.epermit.api.gateway.Caller;
import org.epermit.api.permit.RegionFilter;

import java.util.List;
import java.util.Optional;

/**
 * Which permits a caller may see in full: all for administrators, a regulator's region, an enterprise's own
 * permits, and for a vendor the permits delegated to it (live delegations with the scope asked for).
 */
public final class PermitVisibility {

    private PermitVisibility() {
    }

    /**
     * A SQL condition on {@code p} (the permit table) limiting rows to what the caller may see with {@code scope},
     * adding its arguments to {@code params}; empty when the caller sees everything.
     */
    public static Optional<String> condition(Caller caller, String scope, List<Object> params) {
        if (caller.hasRole("admin")) {
            return Optional.empty();
        }
        List<String> any = new java.util.ArrayList<>();
        if (caller.hasRole("regulator") && caller.regionCode().isPresent()) {
            any.add(RegionFilter.condition(caller.regionCode().get(), params));
        }
        if (caller.hasRole("enterprise") && caller.enterpriseId().isPresent()) {
            any.add("p.enterprise_id = " + param(params, caller.enterpriseId().get()));
        }
        if (caller.hasRole("vendor")) {
            String client = param(params, caller.clientId());
            String needed = param(params, scope);
            String live = "d.vendor_client_id = " + client + " AND d.revoked_at IS NULL AND now() >= d.valid_from"
                    + " AND now() < d.valid_to AND " + needed + " = ANY (d.scopes)";
            any.add("(p.enterprise_id IN (SELECT d.enterprise_id FROM delegation d WHERE d.all_permits AND " + live + ")"
                    + " OR p.id IN (SELECT dp.permit_id FROM delegation d JOIN delegation_permit dp ON dp.delegation_id = d.id"
                    + " WHERE NOT d.all_permits AND " + live + "))");
        }
        return Optional.of(any.isEmpty() ? "false" : "(" + String.join(" OR ", any) + ")");
    }

    private static String param(List<Object> params, Object value) {
        params.add(value);
        return "$" + params.size();
    }
}
