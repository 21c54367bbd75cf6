package org.epermit.api.monitoring;

/**
 * How the errors of a batch name a field of one of its records: after the body the record came in, so that a JSON or
 * CSV record is {@code body.records[i].value} and a value from an HJ 212 packet is {@code body.packets[p].CP.a21026-Avg}.
 */
@FunctionalInterface
public interface RecordPaths {

    /** Records sent as a list ({@code body.records[i]}): JSON, and CSV rows in order. */
    RecordPaths LISTED = (index, field) -> "body.records[" + index + "]" + (field == null ? "" : "." + field);

    /**
     * The path of field {@code field} (a {@link RawRecord} component name, or null for the whole record) of the
     * record at {@code index}.
     */
    String of(int index, String field);
}
