package org.epermit.api.application;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.epermit.api.common.CreditCode;
import org.epermit.api.gateway.TransactionSql;

import java.util.Optional;

/**
 * The unit an INITIAL application is for: found by its credit code, or registered with what the application says of
 * it. A unit is registered when its first application is filed, since an application belongs to a unit
 * (application.enterprise_id); its region and industry are those of the site it applies for.
 */
@ApplicationScoped
public class ApplicantEnterprises {

    static final String FIND = "SELECT id FROM enterprise WHERE credit_code = $1";
    /** Nothing when the code was registered meanwhile (by another filing): the caller refuses, and a retry finds it. */
    static final String REGISTER = """
            INSERT INTO enterprise (credit_code, pseudo_credit_code, name, region_code, industry_code, address, legal_representative)
            VALUES ($1, $2, $3, $4, $5, $6, $7)
            ON CONFLICT (credit_code) DO NOTHING
            RETURNING id""";

    private final Pool pool;

    public ApplicantEnterprises(Pool pool) {
        this.pool = pool;
    }

    Uni<Optional<Long>> find(CreditCode code) {
        return pool.preparedQuery(FIND).execute(Tuple.of(code.value())).map(rows -> {
            var it = rows.iterator();
            return it.hasNext() ? Optional.of(it.next().getLong("id")) : Optional.empty();
        });
    }

    /** Registers the unit in the write's transaction; empty when its code is already taken. */
    Uni<Optional<Long>> register(TransactionSql tx, CreditCode code, ApplicationBody.Enterprise e, PermitDraft draft) {
        return tx.query(REGISTER, code.value(), code.isPseudo(), e.name(), draft.site().regionCode(), draft.mainIndustry(), e.address(),
                        e.legalRepresentative())
                .map(rows -> rows.isEmpty() ? Optional.empty() : Optional.of(((Number) rows.get(0).get("id")).longValue()));
    }
}
