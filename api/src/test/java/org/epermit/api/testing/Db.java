package org.epermit.api.testing;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
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

    /**
     * Locks rows of {@code table} by id ({@code FOR NO KEY UPDATE}, as a write would) in a transaction of the test's
     * own, until {@link HeldLocks#release} or close: requests that need those rows wait meanwhile, so a test can line
     * up concurrent writes exactly (both read, then both wait, then both go on).
     */
    public static HeldLocks lockRows(Pool pool, String table, java.util.UUID... ids) {
        SqlConnection connection = pool.getConnection().await().indefinitely();
        Transaction tx = connection.begin().await().indefinitely();
        int pid = connection.preparedQuery("SELECT pg_backend_pid()").execute().await().indefinitely().iterator().next().getInteger(0);
        connection.preparedQuery("SELECT 1 FROM " + table + " WHERE id = ANY ($1) FOR NO KEY UPDATE")
                .execute(Tuple.tuple().addArrayOfUUID(ids)).await().indefinitely();
        return new HeldLocks(pool, connection, tx, pid);
    }

    public static final class HeldLocks implements AutoCloseable {
        private final Pool pool;
        private final SqlConnection connection;
        private final Transaction tx;
        private final int pid;
        private boolean released;

        private HeldLocks(Pool pool, SqlConnection connection, Transaction tx, int pid) {
            this.pool = pool;
            this.connection = connection;
            this.tx = tx;
            this.pid = pid;
        }

        /**
         * Waits (at most 20 s) until {@code n} sessions wait for a lock: the first behind these, the next ones behind
         * the first (PostgreSQL queues them on the row), so they are counted by what they wait for, not by whom.
         */
        public void awaitWaiters(int n) throws InterruptedException {
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (count(pool, """
                    SELECT count(*) FROM pg_stat_activity
                    WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> $1""", pid) < n) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("fewer than " + n + " sessions came to wait for the held locks (held by " + pid
                            + "); sessions: " + rows(pool, """
                            SELECT pid, wait_event_type, wait_event, state, left(query, 100) AS query FROM pg_stat_activity
                            WHERE datname = current_database()""").stream().map(Row::toJson).toList());
                }
                Thread.sleep(20);
            }
        }

        public void release() {
            if (!released) {
                released = true;
                tx.rollback().await().indefinitely();
            }
        }

        @Override
        public void close() {
            try {
                release();
            } finally {
                connection.close().await().indefinitely();
            }
        }
    }
}
