package org.epermit.api.monitoring.hj212;

/**
 * Why one HJ 212 packet was refused. The names are the stable codes clients branch on (they travel as
 * {@code FieldError.code}); the order is the order the parser checks in: framing first, then the fields.
 */
public enum Hj212ErrorCode {
    /** The packet does not start with {@code ##}. */
    HJ212_MISSING_HEADER,
    /** A character outside printable ASCII: the standard's packets are ASCII, and its length counts ASCII characters. */
    HJ212_NOT_ASCII,
    /** The four characters after {@code ##} are not four decimal digits. */
    HJ212_BAD_LENGTH,
    /** The declared length differs from the number of characters between the length and the 4-digit CRC. */
    HJ212_LENGTH_MISMATCH,
    /** The last four characters are not four hex digits. */
    HJ212_BAD_CRC_FORMAT,
    /** The CRC sent differs from the CRC16 of the data segment. */
    HJ212_CRC_MISMATCH,
    /** The data segment's fields are not {@code key=value;...}, or a field is repeated or unknown. */
    HJ212_MALFORMED,
    /** A required field (QN, CN, MN, CP, CP's DataTime) is absent. */
    HJ212_MISSING_FIELD,
    /** QN is not a request time {@code yyyyMMddHHmmssSSS}. */
    HJ212_BAD_QN,
    /** CN is not one of the data uploads we accept (2011, 2051, 2061, 2031). */
    HJ212_UNSUPPORTED_COMMAND,
    /** CP is not {@code CP=&&...&&}, or one of its items is not {@code key=value}, or a field is repeated. */
    HJ212_MALFORMED_CP,
    /** DataTime is not a real {@code yyyyMMddHHmmss} time. */
    HJ212_BAD_DATATIME,
    /** DataTime is not the start of the window the command reports (hour, minute or day). */
    HJ212_MISALIGNED_DATATIME,
    /** A value field (Rtd, Avg, ZsAvg, Min, Max, Cou, ...) is not a decimal number. */
    HJ212_NOT_A_NUMBER,
    /** A {@code -Flag} value is not one of the letters of table 8. */
    HJ212_UNKNOWN_FLAG
}
