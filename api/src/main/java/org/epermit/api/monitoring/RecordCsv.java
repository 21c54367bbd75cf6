package org.epermit.api.monitoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.epermit.api.problem.ApiException;
import org.epermit.api.problem.ErrorCode;
import org.epermit.api.problem.FieldError;
import org.epermit.api.problem.Message;
import org.epermit.codes.Printable;

import java.io.IOException;
import java.io.StringWriter;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Monitoring records as CSV (RFC 4180, UTF-8 with or without a byte-order mark), read and written with
 * jackson-dataformat-csv. The first line is the header: the JSON record's field names, in any order; {@link #REQUIRED}
 * must be there, {@link #OPTIONAL} may be. An empty cell is an absent value.
 */
final class RecordCsv {

    /** The columns every CSV batch has. */
    static final List<String> REQUIRED = List.of("outletCode", "pollutantCode", "kind", "averaging", "from", "value", "unit");
    /** The columns a CSV batch may have. */
    static final List<String> OPTIONAL = List.of("to", "flag");
    /** The columns of a CSV listing, in order. */
    static final List<String> LISTED = List.of("outletCode", "pollutantCode", "kind", "averaging", "from", "to", "value",
            "unit", "flag", "exceedance", "limitMin", "limitMax", "permitVersion");

    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.TRIM_SPACES)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .build();

    /** Times as the JSON listing writes them (seconds always shown). */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private RecordCsv() {
    }

    /**
     * The records of a CSV body, or a {@code VALIDATION_FAILED} when its header is wrong (an unknown, repeated or
     * missing column) or it is not CSV at all. A row with more or fewer cells than the header is a record error,
     * reported with the others by {@link BatchValidation} ({@code COLUMN_COUNT}).
     *
     * @param maxRecords rows beyond this are not read: the batch is refused for its size
     */
    static Rows read(String body, int maxRecords) {
        String text = body.startsWith("\uFEFF") ? body.substring(1) : body;
        List<String[]> rows = new ArrayList<>();
        try (MappingIterator<String[]> it = CSV.readerFor(String[].class).readValues(text)) {
            while (it.hasNextValue() && rows.size() <= maxRecords + 1) {
                rows.add(it.nextValue());
            }
        } catch (IOException | RuntimeException unreadable) {
            throw ApiException.validation(List.of(new FieldError("body", "FORMAT", Message.of(
                    "is not readable as CSV (RFC 4180): check the quoting",
                    "无法按CSV（RFC 4180）读取：请检查引号"))));
        }
        if (rows.isEmpty()) {
            throw ApiException.validation(List.of(new FieldError("body.header", "REQUIRED", Message.of(
                    "is missing: the first line names the columns, " + String.join(",", REQUIRED) + "[,to][,flag]",
                    "缺失：第一行应为列名 " + String.join(",", REQUIRED) + "[,to][,flag]"))));
        }
        String[] header = rows.get(0);
        Map<String, Integer> columns = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        for (int c = 0; c < header.length; c++) {
            String name = header[c];
            if (!REQUIRED.contains(name) && !OPTIONAL.contains(name)) {
                errors.add(new FieldError("body.header[" + c + "]", "UNKNOWN_COLUMN", Message.of(
                        "'" + Printable.of(name) + "' is not a column of a monitoring batch; columns: "
                                + String.join(", ", REQUIRED) + " and optionally " + String.join(", ", OPTIONAL),
                        "'" + Printable.of(name) + "'不是监测数据批次的列；列为：" + String.join("、", REQUIRED)
                                + "，可选" + String.join("、", OPTIONAL))));
            } else if (columns.putIfAbsent(name, c) != null) {
                errors.add(new FieldError("body.header[" + c + "]", "REPEATED", Message.of(
                        "'" + name + "' is named twice", "'" + name + "'重复出现")));
            }
        }
        for (String required : REQUIRED) {
            if (!columns.containsKey(required)) {
                errors.add(new FieldError("body.header", "MISSING_COLUMN", Message.of(
                        "lacks the column " + required, "缺少列 " + required)));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        List<RawRecord> records = new ArrayList<>(rows.size() - 1);
        Map<Integer, FieldError> shape = new LinkedHashMap<>();
        for (int r = 1; r < rows.size(); r++) {
            String[] cells = rows.get(r);
            int index = r - 1;
            if (cells.length != header.length) {
                shape.put(index, new FieldError(BatchValidation.path(index, null), "COLUMN_COUNT", Message.of(
                        "has " + cells.length + " cells where the header has " + header.length + " columns (CSV record "
                                + (index + 1) + ")",
                        "有" + cells.length + "个单元格，而表头有" + header.length + "列（CSV第" + (index + 1) + "条记录）")));
                records.add(new RawRecord(null, null, null, null, null, null, null, null, null, null));
                continue;
            }
            records.add(new RawRecord(cell(cells, columns, "outletCode"), cell(cells, columns, "pollutantCode"),
                    cell(cells, columns, "kind"), cell(cells, columns, "averaging"), cell(cells, columns, "from"),
                    cell(cells, columns, "to"), cell(cells, columns, "value"), cell(cells, columns, "unit"),
                    cell(cells, columns, "flag"), null));
        }
        return new Rows(records, shape);
    }

    /** The records of a CSV body, and the rows whose shape was wrong (their records are placeholders). */
    record Rows(List<RawRecord> records, Map<Integer, FieldError> shapeErrors) {
    }

    private static String cell(String[] cells, Map<String, Integer> columns, String name) {
        Integer c = columns.get(name);
        if (c == null) {
            return null;
        }
        String value = cells[c];
        return value == null || value.isEmpty() ? null : value;
    }

    /** A page of records as CSV, with the {@link #LISTED} header. */
    static String write(List<MonitoringRecordView.Record> records) {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        LISTED.forEach(schema::addColumn);
        StringWriter out = new StringWriter();
        try (var writer = CSV.writer(schema.build()).with(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).writeValues(out)) {
            for (MonitoringRecordView.Record r : records) {
                writer.write(new Object[]{r.outletCode(), r.pollutantCode(), r.kind().name(), r.averaging().name(),
                        TIME.format(r.from()), TIME.format(r.to()), r.value().toPlainString(), r.unit(), r.flag().name(),
                        Boolean.toString(r.exceedance()), plain(r.limitMin()), plain(r.limitMax()),
                        Integer.toString(r.permitVersion())});
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a page of records could not be written as CSV", e);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static String plain(java.math.BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }
}
