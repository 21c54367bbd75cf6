package org.epermit.api.enterprise;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.epermit.api.permit.PermitQueries;
import org.epermit.api.reference.CodeName;

import java.util.Optional;

/** Read paths for enterprises, through the reactive SQL client. */
@ApplicationScoped
public class EnterpriseQueries {

    private static final String BY_CREDIT_CODE = """
            SELECT e.id, e.credit_code, e.name, e.address, e.region_code, r.name_zh, r.name_en,
                   e.industry_code, i.name_zh, i.name_en
            FROM enterprise e
            JOIN region r ON r.code = e.region_code
            JOIN industry i ON i.code = e.industry_code
            WHERE e.credit_code = $1""";

    private final Pool pool;
    private final PermitQueries permits;

    public EnterpriseQueries(Pool pool, PermitQueries permits) {
        this.pool = pool;
        this.permits = permits;
    }

    public Uni<Optional<PublicEnterprise>> publicView(String creditCode) {
        return pool.preparedQuery(BY_CREDIT_CODE).execute(Tuple.of(creditCode)).flatMap(rows -> {
            var it = rows.iterator();
            if (!it.hasNext()) {
                return Uni.createFrom().item(Optional.<PublicEnterprise>empty());
            }
            Row r = it.next();
            return permits.ofEnterprise(r.getLong(0)).map(list -> Optional.of(new PublicEnterprise(
                    r.getString(1), r.getString(2), r.getString(3),
                    new CodeName(r.getString(4), r.getString(5), r.getString(6)),
                    new CodeName(r.getString(7), r.getString(8), r.getString(9)),
                    list)));
        });
    }
}
