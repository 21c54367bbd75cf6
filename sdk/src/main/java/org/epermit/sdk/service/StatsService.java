package org.epermit.sdk.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.epermit.sdk.ApiTag;
import org.epermit.sdk.OperationId;
import org.epermit.sdk.RequestOptions;
import org.epermit.sdk.model.EmissionStatistics;
import org.epermit.sdk.model.PermitStatistics;
import org.epermit.sdk.param.StatsParams;

/**
 * Statistics (统计) of permits and emissions by region, industry and category. Reached through
 * {@link org.epermit.sdk.EPermitClient#stats()}.
 *
 * <p>Open to everyone down to cities and industry groups; counties and industry classes need scope
 * {@code stats:read} (a regulator's reaches its own region, and a table it asks for without a region covers that
 * region: {@code filters.region} says so). Asking beyond your level is an
 * {@link org.epermit.sdk.errors.AuthenticationException} ({@code UNAUTHENTICATED}, without credentials) or a
 * {@link org.epermit.sdk.errors.PermissionException} ({@code INSUFFICIENT_SCOPE}, {@code OUTSIDE_REGION}).
 *
 * <p>Every table states {@code asOf}, the moment its figures reflect, the filters it covers and the unit of each
 * measure. The {@code …Csv} methods return the same table as CSV (UTF-8 with a byte-order mark, as Excel wants it),
 * as text or written to a file.
 *
 * <p>An interface, so that your tests can stand in for the API; the client's own implementation is thread-safe.
 */
@ApiTag("Statistics")
public interface StatsService {

    /**
     * Counts permits by group, with the renewal pipeline of the selection.
     *
     * @param params the grouping and filters ({@link StatsParams#byProvince()} for all, by province)
     * @return the table
     */
    @OperationId("getPermitStatistics")
    default PermitStatistics permits(StatsParams params) {
        return permits(params, RequestOptions.none());
    }

    /**
     * Counts permits by group, with options.
     *
     * @param params  the grouping and filters
     * @param options options for this call
     * @return the table
     */
    @OperationId("getPermitStatistics")
    PermitStatistics permits(StatsParams params, RequestOptions options);

    /**
     * The permit counts as CSV text.
     *
     * @param params  the grouping and filters
     * @param options options for this call
     * @return UTF-8 CSV, beginning with a byte-order mark and a header row
     */
    @OperationId("getPermitStatistics")
    String permitsCsv(StatsParams params, RequestOptions options);

    /**
     * Licensed quantity against actual emissions of a year, by group and pollutant, from the accepted annual
     * reports.
     *
     * @param year   the reports' year
     * @param params the grouping and filters (status does not apply)
     * @return the table
     */
    @OperationId("getEmissionStatistics")
    default EmissionStatistics emissions(int year, StatsParams params) {
        return emissions(year, params, RequestOptions.none());
    }

    /**
     * Emissions against licences, with options.
     *
     * @param year    the reports' year
     * @param params  the grouping and filters
     * @param options options for this call
     * @return the table
     */
    @OperationId("getEmissionStatistics")
    EmissionStatistics emissions(int year, StatsParams params, RequestOptions options);

    /**
     * Emissions against licences as CSV text.
     *
     * @param year    the reports' year
     * @param params  the grouping and filters
     * @param options options for this call
     * @return UTF-8 CSV, beginning with a byte-order mark and a header row
     */
    @OperationId("getEmissionStatistics")
    String emissionsCsv(int year, StatsParams params, RequestOptions options);

    /**
     * Writes the permit counts to a CSV file (UTF-8 with a byte-order mark: Excel opens the Chinese names intact).
     *
     * @param params the grouping and filters
     * @param target the file to write (replaced if it exists)
     * @return the file
     * @throws UncheckedIOException when the file cannot be written
     */
    @OperationId("getPermitStatistics")
    default Path downloadPermitsCsv(StatsParams params, Path target) {
        return write(target, permitsCsv(params, RequestOptions.none()));
    }

    /**
     * Writes emissions against licences to a CSV file.
     *
     * @param year   the reports' year
     * @param params the grouping and filters
     * @param target the file to write (replaced if it exists)
     * @return the file
     * @throws UncheckedIOException when the file cannot be written
     */
    @OperationId("getEmissionStatistics")
    default Path downloadEmissionsCsv(int year, StatsParams params, Path target) {
        return write(target, emissionsCsv(year, params, RequestOptions.none()));
    }

    private static Path write(Path target, String csv) {
        try {
            return Files.writeString(target, csv);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }
}
