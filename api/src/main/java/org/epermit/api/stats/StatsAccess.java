package org.epermit.api.stats;

import org.epermit.api.gateway.Caller;
import org.epermit.api.problem.ApiException;
import org.epermit.api.problem.ErrorCode;
import org.epermit.api.problem.Message;

import java.util.Optional;

/**
 * Who sees which statistics. What the public sees, everyone sees: provinces and cities, industry divisions and
 * groups, the public measures, nationwide. Scope {@code stats:read} unlocks counties and industry classes; a
 * regulator's scope reaches its own region only, so a regulator asking beyond the public level without naming a
 * region gets its region's figures (and the response says so), and one naming another region is refused.
 */
final class StatsAccess {

    static final String SCOPE = "stats:read";

    private StatsAccess() {
    }

    /** The question as the caller may have it answered, or the refusal. */
    static StatsQuery admit(StatsQuery query, Optional<Caller> caller) {
        if (!query.beyondPublicLevel()) {
            return query;
        }
        if (caller.isEmpty()) {
            throw new ApiException(ErrorCode.UNAUTHENTICATED, Message.of(
                    "County figures and industry classes need credentials with scope " + SCOPE
                            + "; without them, statistics go down to cities and industry groups.",
                    "区县级及行业小类统计需要具备 " + SCOPE + " 权限的凭据；匿名访问可查询至地市级及行业中类。"));
        }
        Caller c = caller.get();
        if (!c.hasScope(SCOPE)) {
            throw new ApiException(ErrorCode.INSUFFICIENT_SCOPE, Message.of(
                    "County figures and industry classes need scope " + SCOPE + ", which this client does not have.",
                    "区县级及行业小类统计需要 " + SCOPE + " 权限，该客户端不具备此权限。"));
        }
        if (!c.hasRole("regulator")) {
            return query;
        }
        String own = c.regionCode().orElseThrow(() -> new ApiException(ErrorCode.OUTSIDE_REGION, Message.of(
                "This regulator has no region, so it sees statistics at the public level only.",
                "该监管客户端未设置管辖区域，仅可查询公开层级的统计。")));
        if (query.region().isEmpty()) {
            return query.withRegion(own);
        }
        if (!query.region().get().startsWith(own)) {
            throw new ApiException(ErrorCode.OUTSIDE_REGION, Message.of(
                    "Region " + query.region().get() + " is not within your region " + own
                            + ": beyond the public level you see your own region's statistics.",
                    "区域" + query.region().get() + "不在您的管辖区域" + own + "内：公开层级之外仅可查询本辖区的统计。"));
        }
        return query;
    }
}
