package org.epermit.api.stats;

import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

/**
 * A statistics table as CSV (RFC 4180): UTF-8 with a byte-order mark, so that Excel opens Chinese names intact, a
 * header row of the JSON field names, numbers written plainly, an empty cell for a null.
 */
final class StatsCsv {

    static final String MEDIA_TYPE = "text/csv; charset=UTF-8";
    private static final CsvMapper CSV = new CsvMapper();

    private StatsCsv() {
    }

    static String write(List<String> columns, List<Object[]> rows) {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        columns.forEach(schema::addColumn);
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        try (var writer = CSV.writer(schema.build()).with(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).writeValues(out)) {
            for (Object[] row : rows) {
                Object[] cells = new Object[row.length];
                for (int i = 0; i < row.length; i++) {
                    cells[i] = cell(row[i]);
                }
                writer.write(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a statistics table could not be written as CSV", e);
        }
        return out.toString();
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return value.toString();
    }

    static List<Object[]> permits(PermitStatistics.Table table) {
        return table.groups().stream().map(g -> new Object[]{g.key(), g.nameZh(), g.nameEn(), g.permits()}).toList();
    }

    static final List<String> PERMIT_COLUMNS = List.of("key", "nameZh", "nameEn", "permits");

    static List<Object[]> emissions(EmissionStatistics.Table table) {
        return table.rows().stream().map(g -> new Object[]{g.key(), g.nameZh(), g.nameEn(), g.pollutantCode(),
                g.pollutantNameZh(), g.pollutantNameEn(), g.permits(), g.permitsReporting(), g.permitsExceeded(),
                g.licensedTonnes(), g.licensedTonnesOfReporting(), g.actualTonnes(), g.ratio()}).toList();
    }

    static final List<String> EMISSION_COLUMNS = List.of("key", "nameZh", "nameEn", "pollutantCode", "pollutantNameZh",
            "pollutantNameEn", "permits", "permitsReporting", "permitsExceeded", "licensedTonnes", "licensedTonnesOfReporting",
            "actualTonnes", "ratio");
}
