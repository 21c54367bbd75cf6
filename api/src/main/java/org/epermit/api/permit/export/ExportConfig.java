package org.epermit.api.permit.export;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;

/**
 * Bulk export of permits ({@code GET /v1/public/permits/export}). An export holds one database connection for as long
 * as the download lasts, so how many run at once is bounded; the rows a caller may export per day are part of its
 * rate-limit plan ({@code epermit.rate-limit.plans.<name>.daily-export-rows}). See docs/bulk-export.md.
 */
@ConfigMapping(prefix = "epermit.export")
public interface ExportConfig {

    /**
     * Rows read from the database cursor at a time, and sent as one chunk: the memory an export holds is about this
     * many rows (some 300 bytes each), whatever the size of the result.
     */
    @WithDefault("1000")
    @Positive
    @Max(10000)
    int fetchSize();

    /** Exports running at once on this instance; more wait for none but are refused with 429 RATE_LIMITED. */
    @WithDefault("2")
    @Positive
    int maxConcurrent();

    /** Exports one caller (a client, or an anonymous address) may run at once on this instance. */
    @WithDefault("1")
    @Positive
    int maxConcurrentPerCaller();
}
