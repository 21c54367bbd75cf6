package org.epermit.api.testing;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;

/** Ground truth for tests: asks the database directly. */
public final class Db {

    private Db() {
    }

    public static List<Row> rows(Pool pool, String sql, Object... args) {
        List<Row> rows = new ArrayList<>();
        pool.preparedQuery(sql).execute(Tuple.from(args)).await().indefinitely().forEach(rows::add);
        return rows;
    }

    public static List<String> strings(Pool pool, String sql, Object... args) {
        return rows(pool, sql, args).stream().map(r -> r.getString(0)).toList();
    }

    public static String string(Pool pool, String sql, Object... args) {
        return strings(pool, sql, args).get(0);
    }

    public static long count(Pool pool, String sql, Object... args) {
        return rows(pool, sql, args).get(0).getLong(0);
    }
}
