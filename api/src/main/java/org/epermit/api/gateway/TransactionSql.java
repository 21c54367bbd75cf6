package org.epermit.api.gateway;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * SQL statements run in a write's transaction, whichever connection holds it: the reactive SQL client's
 * ({@link #of(SqlClient)}) or a Hibernate Reactive session's ({@link #of(Mutiny.Session)}, through native queries on
 * the session's own connection: Hibernate Reactive does not hand out its Vert.x connection). So the idempotency
 * record, the audit row and the outbox event commit with the write either way.
 *
 * <p>Statements are written once, with PostgreSQL's {@code $1, $2 …} placeholders; parameters are plain Java values
 * ({@code byte[]} for bytea, {@code String[]} for text[]); rows are read by column name ({@link SqlRow}).
 */
public sealed interface TransactionSql permits TransactionSql.Client, TransactionSql.Session {

    /** The rows a query returns. */
    Uni<List<SqlRow>> query(String sql, Object... params);

    /** Runs a statement; returns how many rows it changed. */
    Uni<Integer> update(String sql, Object... params);

    /**
     * Takes the transaction-scoped advisory lock named {@code key}: another transaction asking for it waits until this
     * one ends, so two writes that must not interleave (two filings of one period, two serials of one unit) run one
     * after the other and the second sees what the first wrote.
     */
    default Uni<Void> lock(String key) {
        return query("SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtextextended($1, 0))) AS l", key).replaceWithVoid();
    }

    static TransactionSql of(SqlClient client) {
        return new Client(client);
    }

    static TransactionSql of(Mutiny.Session session) {
        return new Session(session);
    }

    /** A row read by column name. */
    record SqlRow(Map<String, Object> values) {

        public Object get(String column) {
            if (!values.containsKey(column)) {
                throw new IllegalArgumentException("the query returns no column " + column + " (it returns " + values.keySet() + ")");
            }
            return values.get(column);
        }

        public String string(String column) {
            return (String) get(column);
        }

        public boolean bool(String column) {
            return (Boolean) get(column);
        }

        public int integer(String column) {
            return ((Number) get(column)).intValue();
        }

        public byte[] bytes(String column) {
            Object v = get(column);
            return v instanceof Buffer b ? b.getBytes() : (byte[]) v;
        }
    }

    /** On the reactive SQL client (a pool, or a connection in a transaction). */
    record Client(SqlClient client) implements TransactionSql {

        @Override
        public Uni<List<SqlRow>> query(String sql, Object... params) {
            return client.preparedQuery(sql).execute(tuple(params)).map(rows -> {
                List<SqlRow> result = new ArrayList<>();
                for (Row r : rows) {
                    Map<String, Object> values = new LinkedHashMap<>();
                    for (int i = 0; i < r.size(); i++) {
                        values.put(r.getColumnName(i), r.getValue(i));
                    }
                    result.add(new SqlRow(values));
                }
                return result;
            });
        }

        @Override
        public Uni<Integer> update(String sql, Object... params) {
            return client.preparedQuery(sql).execute(tuple(params)).map(rows -> rows.rowCount());
        }

        private static Tuple tuple(Object[] params) {
            return Tuple.from(Arrays.stream(params).map(p -> p instanceof byte[] b ? Buffer.buffer(b) : p).toList());
        }
    }

    /**
     * On a Hibernate Reactive session, in its current transaction. Native queries take JPA's {@code ?1} placeholders,
     * which Hibernate Reactive turns back into PostgreSQL's; a query's rows come back as JPA tuples, read by alias.
     */
    record Session(Mutiny.Session session) implements TransactionSql {

        private static final Pattern PLACEHOLDER = Pattern.compile("\\$([0-9]+)");

        @Override
        public Uni<List<SqlRow>> query(String sql, Object... params) {
            Mutiny.SelectionQuery<jakarta.persistence.Tuple> query = session.createNativeQuery(jpa(sql), jakarta.persistence.Tuple.class);
            for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
            }
            return query.getResultList().map(tuples -> tuples.stream().map(t -> {
                Map<String, Object> values = new LinkedHashMap<>();
                t.getElements().forEach(e -> values.put(e.getAlias(), t.get(e)));
                return new SqlRow(values);
            }).toList());
        }

        @Override
        public Uni<Integer> update(String sql, Object... params) {
            Mutiny.Query<?> query = session.createNativeQuery(jpa(sql));
            for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
            }
            return query.executeUpdate();
        }

        private static String jpa(String sql) {
            return PLACEHOLDER.matcher(sql).replaceAll("?$1");
        }
    }
}
