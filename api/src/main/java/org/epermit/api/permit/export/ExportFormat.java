package org.epermit.api.permit.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.epermit.api.permit.PermitSummary;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * How an export writes its rows. Each batch of rows becomes one chunk of bytes, so a chunk is always whole rows and
 * a download cut anywhere ends after the last whole row at worst in the middle of the next one.
 * <ul>
 *     <li>{@link #CSV}: UTF-8 with a byte-order mark (so Excel opens Chinese text intact), a header row, RFC 4180
 *     quoting and CRLF line ends. CSV has no place for a trailer: a client detects a cut download by counting rows
 *     against {@code X-Export-Rows}.</li>
 *     <li>{@link #NDJSON}: one JSON object per line, each the JSON search's item, then one last line
 *     {@code {"end":true,...}}: a download without it was cut.</li>
 * </ul>
 */
public enum ExportFormat {
    CSV("text/csv", "csv"),
    NDJSON("application/x-ndjson", "ndjson");

    /** The columns of a CSV export, in order: the search item's fields, its code-and-name pairs flattened. */
    static final List<String> COLUMNS = List.of("permitNumber", "version", "category", "status", "creditCode",
            "enterpriseName", "siteName", "regionCode", "regionName", "regionNameEn", "industryCode", "industryName",
            "industryNameEn", "issuingAuthority", "validFrom", "validTo", "dueForRenewal");

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final CsvMapper CSV_MAPPER = new CsvMapper();
    private static final CsvSchema ROWS = schema();

    private final String mediaType;
    private final String extension;

    ExportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /** The media type the format is asked for and sent as. */
    public String mediaType() {
        return mediaType;
    }

    /** The file name extension of a download. */
    String extension() {
        return extension;
    }

    /** What comes before the first row: for CSV the byte-order mark and the header row. */
    byte[] head() {
        if (this == NDJSON) {
            return new byte[0];
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(BOM);
        out.writeBytes((String.join(",", COLUMNS) + "\r\n").getBytes(StandardCharsets.UTF_8)); // names need no quotes
        return out.toByteArray();
    }

    /** A batch of rows, every one whole and ending in a line end. */
    byte[] rows(List<PermitSummary> rows, ObjectMapper json) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(rows.size() * 320);
        try {
            if (this == NDJSON) {
                for (PermitSummary row : rows) {
                    out.write(json.writeValueAsBytes(row));
                    out.write('\n');
                }
                return out.toByteArray();
            }
            try (var writer = CSV_MAPPER.writer(ROWS).with(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).writeValues(out)) {
                for (PermitSummary r : rows) {
                    writer.write(new Object[]{r.permitNumber(), Integer.toString(r.version()), r.category().name(),
                            r.status().name(), r.creditCode(), r.enterpriseName(), r.siteName(), r.region().code(),
                            r.region().name(), r.region().nameEn(), r.industry().code(), r.industry().name(),
                            r.industry().nameEn(), r.issuingAuthority(), r.validFrom().toString(), r.validTo().toString(),
                            Boolean.toString(r.dueForRenewal())});
                }
            }
            return out.toByteArray();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an export row could not be written", e);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What comes after the last row: for NDJSON the end line, which tells a whole download from a cut one. */
    byte[] tail(ExportEnd end, ObjectMapper json) {
        if (this == CSV) {
            return new byte[0];
        }
        try {
            byte[] line = json.writeValueAsBytes(end);
            byte[] withEnd = new byte[line.length + 1];
            System.arraycopy(line, 0, withEnd, 0, line.length);
            withEnd[line.length] = '\n';
            return withEnd;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CsvSchema schema() {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(false).setLineSeparator("\r\n");
        COLUMNS.forEach(schema::addColumn);
        return schema.build();
    }
}
