package org.epermit.api.common;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class PlannedPerExecutionTest {

    @Inject
    Pool pool;

    @Test
    void a_marked_statement_is_never_kept_prepared_so_postgresql_plans_it_with_its_values_every_time() {
        String marked = PlannedPerExecution.MARKER + "SELECT count(*) FROM permit WHERE region_code = $1";
        String plain = "SELECT count(*) FROM permit WHERE region_code >= $1";

        List<String> keptPrepared = pool.withConnection(c -> {
            Uni<Void> runs = Uni.createFrom().voidItem();
            // more than the five executions after which PostgreSQL may switch a prepared statement to a generic plan
            for (int i = 0; i < 7; i++) {
                runs = runs.chain(() -> c.preparedQuery(marked).execute(Tuple.of("440305")))
                        .chain(() -> c.preparedQuery(plain).execute(Tuple.of("44")))
                        .replaceWithVoid();
            }
            return runs.chain(() -> c.query("SELECT statement FROM pg_prepared_statements").execute())
                    .map(rows -> {
                        List<String> statements = new ArrayList<>();
                        for (Row row : rows) {
                            statements.add(row.getString(0));
                        }
                        return statements;
                    });
        }).await().indefinitely();

        assertThat(keptPrepared).as("other statements stay prepared on the connection")
                .anyMatch(s -> s.contains("region_code >= $1"));
        assertThat(keptPrepared).as("the marked statement is prepared unnamed at each execution")
                .noneMatch(s -> s.contains("region_code = $1"));
    }
}
