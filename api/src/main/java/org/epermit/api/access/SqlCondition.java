package org.epermit.api.access;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SQL condition with its own arguments. Its text numbers them {@code $1..$n} on its own; composing two conditions,
 * or placing one after a query's other arguments, renumbers the text, so no counter is shared between the pieces of a
 * query. The text must hold no {@code $} other than these placeholders (conditions here have no string literals).
 */
public record SqlCondition(String sql, List<Object> args) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$(\\d+)");

    /** No restriction. */
    public static final SqlCondition ALWAYS = new SqlCondition("true", List.of());

    /** Nothing matches. */
    public static final SqlCondition NEVER = new SqlCondition("false", List.of());

    public SqlCondition {
        args = List.copyOf(args);
        Matcher m = PLACEHOLDER.matcher(sql);
        int highest = 0;
        while (m.find()) {
            highest = Math.max(highest, Integer.parseInt(m.group(1)));
        }
        if (highest != args.size()) {
            throw new IllegalArgumentException("a condition with " + args.size() + " arguments refers to $" + highest);
        }
    }

    /** A condition whose text refers to {@code args} as {@code $1..$n}. */
    public static SqlCondition of(String sql, Object... args) {
        return new SqlCondition(sql, List.of(args));
    }

    /** Both conditions. */
    public SqlCondition and(SqlCondition other) {
        if (this == ALWAYS) {
            return other;
        }
        if (other == ALWAYS) {
            return this;
        }
        return join(List.of(this, other), " AND ", ALWAYS);
    }

    /** Any of the conditions; {@link #NEVER} when there are none. */
    public static SqlCondition anyOf(List<SqlCondition> conditions) {
        if (conditions.contains(ALWAYS)) {
            return ALWAYS;
        }
        return join(conditions, " OR ", NEVER);
    }

    /** Every one of the conditions; {@link #ALWAYS} when there are none. */
    public static SqlCondition allOf(List<SqlCondition> conditions) {
        SqlCondition all = ALWAYS;
        for (SqlCondition c : conditions) {
            all = all.and(c);
        }
        return all;
    }

    /** The text with its first argument numbered {@code $(offset + 1)}, to follow {@code offset} arguments. */
    public String sqlAfter(int offset) {
        if (offset == 0) {
            return sql;
        }
        return PLACEHOLDER.matcher(sql).replaceAll(m -> "\\$" + (Integer.parseInt(m.group(1)) + offset));
    }

    private static SqlCondition join(List<SqlCondition> parts, String operator, SqlCondition empty) {
        if (parts.isEmpty()) {
            return empty;
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        StringBuilder text = new StringBuilder("(");
        List<Object> args = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            text.append(i == 0 ? "" : operator).append(parts.get(i).sqlAfter(args.size()));
            args.addAll(parts.get(i).args());
        }
        return new SqlCondition(text.append(')').toString(), args);
    }
}
