package org.epermit.api.reference;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reference data, read once from the database and kept: it changes only through migrations, which run before
 * the service starts serving.
 */
@ApplicationScoped
public class ReferenceQueries {

    private final Uni<ReferenceData.PollutantList> pollutants;
    private final Uni<ReferenceData.IndustryList> industries;
    private final Uni<ReferenceData.RegionList> regions;

    public ReferenceQueries(Pool pool) {
        this.pollutants = list(pool, "SELECT code, name_zh, name_en, medium, unit, is_flow FROM pollutant ORDER BY display_order, code",
                r -> new ReferenceData.Pollutant(r.getString("code"), r.getString("name_zh"), r.getString("name_en"),
                        Medium.valueOf(r.getString("medium")), r.getString("unit"), r.getBoolean("is_flow")))
                .map(ReferenceData.PollutantList::new).memoize().indefinitely();
        this.industries = list(pool, "SELECT code, section, name_zh, name_en FROM industry ORDER BY code",
                r -> new ReferenceData.Industry(r.getString("code"), r.getString("section"), r.getString("name_zh"),
                        r.getString("name_en")))
                .map(ReferenceData.IndustryList::new).memoize().indefinitely();
        this.regions = list(pool, "SELECT code, name_zh, name_en, level, parent_code FROM region ORDER BY code",
                r -> new ReferenceData.Region(r.getString("code"), r.getString("name_zh"), r.getString("name_en"),
                        r.getInteger("level"), r.getString("parent_code")))
                .map(ReferenceData.RegionList::new).memoize().indefinitely();
    }

    public Uni<ReferenceData.PollutantList> pollutants() {
        return pollutants;
    }

    public Uni<ReferenceData.IndustryList> industries() {
        return industries;
    }

    public Uni<ReferenceData.RegionList> regions() {
        return regions;
    }

    private static <T> Uni<List<T>> list(Pool pool, String sql, Function<Row, T> mapper) {
        return pool.query(sql).execute().map(rows -> {
            List<T> items = new ArrayList<>(rows.size());
            rows.forEach(r -> items.add(mapper.apply(r)));
            return List.copyOf(items);
        });
    }
}
