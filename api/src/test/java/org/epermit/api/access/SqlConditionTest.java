package org.epermit.api.access;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqlConditionTest {

    @Test
    void each_condition_numbers_its_own_arguments_and_composing_renumbers_the_later_ones() {
        SqlCondition region = SqlCondition.of("p.city_code = $1", "4403");
        SqlCondition range = SqlCondition.of("p.industry_code BETWEEN $1 AND $2", "44", "4499");

        SqlCondition both = region.and(range);

        assertThat(both.sql()).isEqualTo("(p.city_code = $1 AND p.industry_code BETWEEN $2 AND $3)");
        assertThat(both.args()).containsExactly("4403", "44", "4499");
    }

    @Test
    void a_condition_placed_after_other_arguments_continues_their_numbering() {
        SqlCondition c = SqlCondition.of("(a = $1 OR b = $2 OR c = $1)", 7, 8);
        assertThat(c.sqlAfter(3)).isEqualTo("(a = $4 OR b = $5 OR c = $4)");
        assertThat(c.sqlAfter(0)).isEqualTo(c.sql());
    }

    @Test
    void double_digit_placeholders_are_renumbered_whole() {
        StringBuilder text = new StringBuilder();
        Object[] args = new Object[12];
        for (int i = 1; i <= 12; i++) {
            text.append(i == 1 ? "" : " AND ").append("c").append(i).append(" = $").append(i);
            args[i - 1] = i;
        }
        SqlCondition twelve = SqlCondition.of(text.toString(), args);
        assertThat(SqlCondition.of("x = $1", 0).and(twelve).sql()).endsWith("c10 = $11 AND c11 = $12 AND c12 = $13)");
    }

    @Test
    void any_of_nothing_matches_nothing_and_all_of_nothing_restricts_nothing() {
        assertThat(SqlCondition.anyOf(List.of())).isEqualTo(SqlCondition.NEVER);
        assertThat(SqlCondition.allOf(List.of())).isEqualTo(SqlCondition.ALWAYS);
        assertThat(SqlCondition.anyOf(List.of(SqlCondition.of("a = $1", 1), SqlCondition.ALWAYS)))
                .isEqualTo(SqlCondition.ALWAYS);
        assertThat(SqlCondition.ALWAYS.and(SqlCondition.of("a = $1", 1)).sql()).isEqualTo("a = $1");
        SqlCondition either = SqlCondition.anyOf(List.of(SqlCondition.of("a = $1", 1), SqlCondition.of("b = $1", 2)));
        assertThat(either.sql()).isEqualTo("(a = $1 OR b = $2)");
        assertThat(either.args()).containsExactly(1, 2);
    }

    @Test
    void text_and_arguments_that_disagree_are_refused_when_built() {
        assertThatThrownBy(() -> SqlCondition.of("a = $1 AND b = $2", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SqlCondition.of("a = $1", 1, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
