package org.epermit.sdk.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Counts the records of an RFC 4180 CSV stream as its bytes pass, and keeps the first field of the last whole
 * record: enough to tell a whole export from a cut one and to say where to resume, without holding the file. A line
 * end inside quotes is part of a field, not the end of a record.
 */
public final class CsvRecords {

    private boolean quoted;
    private boolean quoteSeen;
    private boolean inFirstField = true;
    private boolean recordStarted;
    private long records;
    private final ByteArrayOutputStream first = new ByteArrayOutputStream();
    private String lastFirstField;

    /**
     * Takes the next bytes of the stream.
     *
     * @param bytes  the buffer
     * @param offset where the new bytes start
     * @param length how many there are
     */
    public void accept(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            byte b = bytes[i];
            if (quoted) {
                if (b == '"') {
                    quoted = false;
                    quoteSeen = true;
                } else if (inFirstField) {
                    first.write(b);
                }
                continue;
            }
            if (b == '"') {
                quoted = true;
                if (quoteSeen && inFirstField) {
                    first.write('"'); // "" inside quotes: one quote
                }
                quoteSeen = false;
                recordStarted = true;
                continue;
            }
            quoteSeen = false;
            if (b == '\r') {
                continue;
            }
            if (b == '\n') {
                if (recordStarted) {
                    records++;
                    lastFirstField = first.toString(StandardCharsets.UTF_8);
                }
                first.reset();
                inFirstField = true;
                recordStarted = false;
                continue;
            }
            recordStarted = true;
            if (b == ',') {
                inFirstField = false;
            } else if (inFirstField) {
                first.write(b);
            }
        }
    }

    /**
     * The whole records seen so far (those ended by a line end).
     *
     * @return the count, the header row included
     */
    public long records() {
        return records;
    }

    /**
     * The first field of the last whole record.
     *
     * @return the field, or {@code null} before the first record
     */
    public String lastFirstField() {
        return lastFirstField;
    }
}
