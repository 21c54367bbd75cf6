package org.epermit.api.common;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The enterprise and permit tables hold identifiers to their structure themselves (migration V10), case-sensitively:
 * what the service's rules refuse cannot be written by any other path either. Every write here is rolled back.
 */
@QuarkusTest
class IdentifierColumnsTest {

    private static final String SET_CODE = """
            UPDATE enterprise SET credit_code = $1, pseudo_credit_code = $2 WHERE id = (SELECT min(id) FROM enterprise)""";
    private static final String SET_NUMBER = "UPDATE permit SET permit_number = $1 WHERE id = (SELECT min(id) FROM permit)";

    @Inject
    Pool pool;

    @Test
    void an_enterprise_holds_a_credit_code_with_digits_at_3_to_8_or_a_pseudo_code_with_its_lower_case_letter() {
        String early = "91440101MA5CJQ4N6" + CreditCode.checkCharacter("91440101MA5CJQ4N6");
        assertThat(violated(SET_CODE, early, false)).as("the GB 11714 check is not the table's").isNull();
        assertThat(violated(SET_CODE, "H9440100000099999z", true)).isNull();
        assertThat(violated(SET_CODE, "H9440101MA5CJQ4N5a", true)).isNull();

        assertThat(violated(SET_CODE, "9144A101MA5CJQ4N59", false)).isEqualTo("enterprise_credit_code_check");
        assertThat(violated(SET_CODE, "H9440100000099999Z", true)).isEqualTo("enterprise_credit_code_check");
        assertThat(violated(SET_CODE, "H9440100000099999i", true)).isEqualTo("enterprise_credit_code_check");
        assertThat(violated(SET_CODE, "H9440100000099999z", false)).as("flagged as what it is")
                .isEqualTo("enterprise_credit_code_check");
        assertThat(violated(SET_CODE, "91440101MA5CJQ4N59", true)).isEqualTo("enterprise_credit_code_check");
    }

    @Test
    void a_permit_number_is_a_code_a_serial_001_to_999_and_any_upper_case_letter() {
        assertThat(violated(SET_NUMBER, "91440101MA5CJQ4N59998Q")).isNull();
        assertThat(violated(SET_NUMBER, "H9440100000099999z998P")).isNull();

        assertThat(violated(SET_NUMBER, "H9440100000099999Z998P")).isEqualTo("permit_number_check");
        assertThat(violated(SET_NUMBER, "91440101MA5CJQ4N59998p")).isEqualTo("permit_number_check");
        assertThat(violated(SET_NUMBER, "91440101MA5CJQ4N59000P")).isEqualTo("permit_number_check");
        assertThat(violated(SET_NUMBER, "9144010IMA5CJQ4N59998P")).isEqualTo("permit_number_check");
    }

    /** Runs the statement in a transaction that is always rolled back: the constraint it violated, or null. */
    private String violated(String sql, Object... args) {
        SqlConnection connection = pool.getConnection().await().indefinitely();
        try {
            Transaction tx = connection.begin().await().indefinitely();
            try {
                connection.preparedQuery(sql).execute(Tuple.from(args)).await().indefinitely();
                return null;
            } catch (PgException e) {
                assertThat(e.getSqlState()).as(e.getMessage()).isEqualTo("23514"); // check_violation
                return e.getConstraint();
            } finally {
                tx.rollback().await().indefinitely();
            }
        } finally {
            connection.close().await().indefinitely();
        }
    }
}
