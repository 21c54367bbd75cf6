package org.epermit.sdk.examples;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.epermit.sdk.EPermitClient;
import org.epermit.sdk.export.ExportSummary;
import org.epermit.sdk.export.PermitExport;
import org.epermit.sdk.model.PermitSummary;
import org.epermit.sdk.param.PermitSearchParams;

/**
 * The bulk export: every permit of a province, counted by city while it streams (constant memory, one snapshot), and
 * the same set saved as a CSV file that Excel opens.
 */
public final class ExportingPermits {

    private ExportingPermits() {
    }

    /**
     * Counts a province's permits by city from the NDJSON export, reading one permit at a time.
     *
     * @param client   the client
     * @param province the GB/T 2260 province code, e.g. {@code 13}
     * @return permits per city code, and under {@code "total"} all of them
     */
    public static Map<String, Long> countByCity(EPermitClient client, String province) {
        Map<String, Long> byCity = new TreeMap<>();
        try (PermitExport export = client.publicPermits().export(PermitSearchParams.builder().region(province).build())) {
            for (PermitSummary permit : export) {
                byCity.merge(permit.getRegion().getCode().substring(0, 4), 1L, Long::sum);
                byCity.merge("total", 1L, Long::sum);
            }
            if (!export.complete()) {
                // the day's export allowance ran out: the rest tomorrow, after the last permit received
                System.out.println("resume tomorrow after " + export.end().orElseThrow().resumeAfter());
            }
            System.out.println(byCity.get("total") + " permits as of " + export.asOf());
        }
        return byCity;
    }

    /**
     * Saves a province's permits as a CSV file (UTF-8 with a byte-order mark, a header row).
     *
     * @param client   the client
     * @param province the province code
     * @param file     where to write it
     * @return what was written
     */
    public static ExportSummary saveCsv(EPermitClient client, String province, Path file) {
        ExportSummary written = client.publicPermits().downloadCsv(PermitSearchParams.builder().region(province).build(), file);
        System.out.println(written.rows() + " rows written to " + file + (written.complete() ? "" : " (allowance ran out)"));
        return written;
    }
}
