package org.epermit.api.common;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnectOptions;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Creates the reactive connection pool so that statements whose best plan depends on their arguments are planned
 * at every execution. The client keeps other statements prepared on each connection, and PostgreSQL switches such
 * a statement to one generic plan after five executions when that plan looks no costlier than the custom ones. For
 * the permit search the generic plan cannot tell a character found in nearly every name (公) from a rare one, or a
 * province from a county, and it read gigabytes per page at 1,000,000 permits (docs/performance.md). A statement
 * that begins with {@link #MARKER} stays out of the client's cache, so every execution is planned with its values.
 */
@Singleton
public class PlannedPerExecution implements PgPoolCreator {

    /** Prefix of a statement that must be planned with its arguments at every execution. */
    public static final String MARKER = "/* planned per execution */ ";

    @Override
    public Pool create(Input input) {
        List<SqlConnectOptions> databases = new ArrayList<>();
        for (PgConnectOptions options : input.pgConnectOptionsList()) {
            Predicate<String> cached = options.getPreparedStatementCacheSqlFilter();
            options.setPreparedStatementCacheSqlFilter(sql -> !sql.startsWith(MARKER) && cached.test(sql));
            databases.add(options);
        }
        return PgBuilder.pool()
                .with(input.poolOptions())
                .connectingTo(databases)
                .using(input.vertx())
                .build();
    }
}
