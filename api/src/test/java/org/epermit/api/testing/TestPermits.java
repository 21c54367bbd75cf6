package org.epermit.api.testing;

import io.vertx.mutiny.sqlclient.Pool;

import java.util.ArrayList;
import java.util.List;

/** Demo permits with the shape a test needs. */
public final class TestPermits {

    private TestPermits() {
    }

    /**
     * An enterprise with a real credit code and at least two permits: its credit code first, then its permit
     * numbers in order. {@code nth} picks another such enterprise, so that tests do not share one.
     */
    public static List<String> enterpriseWithPermits(Pool pool, int nth) {
        String code = Db.string(pool, """
                SELECT e.credit_code FROM enterprise e JOIN permit p ON p.enterprise_id = e.id
                WHERE NOT e.pseudo_credit_code GROUP BY e.credit_code HAVING count(*) >= 2 ORDER BY 1 OFFSET $1 LIMIT 1""", nth);
        List<String> result = new ArrayList<>(List.of(code));
        result.addAll(Db.strings(pool, "SELECT p.permit_number FROM permit p JOIN enterprise e ON e.id = p.enterprise_id WHERE e.credit_code = $1 ORDER BY 1", code));
        return result;
    }
}
