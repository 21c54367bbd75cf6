package org.epermit.api.permit.export;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Cursor;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.PreparedStatement;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import org.epermit.api.permit.PermitQueries;

import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The permits of an export as they stood at one moment: a {@code REPEATABLE READ, READ ONLY} transaction on a
 * connection of its own, whose first statement counts the rows and fixes the snapshot, and a server-side cursor over
 * the search statement that is read a batch at a time, only when the previous batch has been sent. So however many
 * rows match, the service holds one batch, and rows changed or added after {@link #asOf()} never appear.
 * {@link #close()} ends the transaction and returns the connection; it is safe to call more than once.
 */
public final class PermitSnapshot {

    private final SqlConnection connection;
    private final Transaction transaction;
    private final OffsetDateTime asOf;
    private final long rows;
    private final PreparedStatement statement;
    private final Cursor cursor;
    private final AtomicBoolean closed = new AtomicBoolean();

    private PermitSnapshot(SqlConnection connection, Transaction transaction, OffsetDateTime asOf, long rows,
                           PreparedStatement statement, Tuple args) {
        this.connection = connection;
        this.transaction = transaction;
        this.asOf = asOf;
        this.rows = rows;
        this.statement = statement;
        this.cursor = statement.cursor(args);
    }

    /** Opens the snapshot of the rows of {@code search}, counted by {@code count} (the same filters). */
    static Uni<PermitSnapshot> open(Pool pool, PermitQueries.Statement count, PermitQueries.Statement search) {
        return pool.getConnection().flatMap(connection -> connection.begin()
                // before the transaction's first query, which takes the snapshot: the count
                .flatMap(tx -> connection.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY").execute()
                        .flatMap(ignored -> connection.preparedQuery(count.sql()).execute(Tuple.from(count.args())))
                        .flatMap(counted -> connection.prepare(search.sql()).map(statement -> {
                            Row row = counted.iterator().next();
                            return new PermitSnapshot(connection, tx, row.getOffsetDateTime("as_of"), row.getLong("rows"),
                                    statement, Tuple.from(search.args()));
                        })))
                .onFailure().call(failure -> connection.close()));
    }

    /** The moment the rows are as of: when the snapshot's first statement started. */
    public OffsetDateTime asOf() {
        return asOf;
    }

    /** How many rows the snapshot holds. */
    public long rows() {
        return rows;
    }

    /** The next up to {@code count} rows, in permit-number order; empty when none are left. */
    public Uni<RowSet<Row>> read(int count) {
        return cursor.read(count);
    }

    /** Whether rows are left to read. */
    public boolean hasMore() {
        return cursor.hasMore();
    }

    /** Closes the cursor, ends the (read-only) transaction and gives the connection back to the pool. */
    public Uni<Void> close() {
        if (!closed.compareAndSet(false, true)) {
            return Uni.createFrom().voidItem();
        }
        // the statement is a named one on a pooled connection: released, or every export would leave one behind
        return cursor.close().onFailure().recoverWithNull()
                .flatMap(ignored -> statement.close().onFailure().recoverWithNull())
                .flatMap(ignored -> transaction.rollback().onFailure().recoverWithNull())
                .flatMap(ignored -> connection.close());
    }
}
