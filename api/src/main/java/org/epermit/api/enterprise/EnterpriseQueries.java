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
            SELECT e.id, e.credit_code, e.name, e.address, e.region_code, r.name_zh AS region_zh, r.name_en AS region_en,
                   e.industry_code, i.name_zh AS industry_zh, i.name_en AS industry_en
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
            return permits.ofEnterprise(r.getLong("id")).map(list -> Optional.of(new PublicEnterprise(
                    r.getString("credit_code"), r.getString("name"), r.getString("address"),
                    new CodeName(r.getString("region_code"), r.getString("region_zh"), r.getString("region_en")),
                    new CodeName(r.getString("industry_code"), r.getString("industry_zh"), r.getString("industry_en")),
                    list)));
        });
    }
}
