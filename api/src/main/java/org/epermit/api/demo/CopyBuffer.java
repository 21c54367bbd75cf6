package org.epermit.api.demo;

import java.nio.charset.StandardCharsets;

/** Rows of one table in PostgreSQL's COPY text format, built up in memory for one batch. */
final class CopyBuffer {

    private final String table;
    private final String columns;
    private final StringBuilder text = new StringBuilder(1 << 16);
    private int fieldsInRow = -1;
    private long rows;

    CopyBuffer(String table, String columns) {
        this.table = table;
        this.columns = columns;
    }

    String copyStatement() {
        return "COPY " + table + " (" + columns + ") FROM STDIN";
    }

    String table() {
        return table;
    }

    /** Starts a new row; the values that follow are its columns, in the order of the column list. */
    CopyBuffer row() {
        if (fieldsInRow >= 0) {
            text.append('\n');
        }
        fieldsInRow = 0;
        rows++;
        return this;
    }

    CopyBuffer add(Object value) {
        if (fieldsInRow > 0) {
            text.append('\t');
        }
        fieldsInRow++;
        if (value == null) {
            text.append("\\N");
        } else {
            escape(value.toString());
        }
        return this;
    }

    private void escape(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
    }

    long rows() {
        return rows;
    }

    /** The batch's rows as COPY input, emptying the buffer. */
    byte[] drain() {
        if (fieldsInRow >= 0) {
            text.append('\n');
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        text.setLength(0);
        fieldsInRow = -1;
        rows = 0;
        return bytes;
    }
}
