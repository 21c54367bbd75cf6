package org.epermit.sdk.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import org.epermit.sdk.Credentials;
import org.epermit.sdk.EPermitClient;
import org.epermit.sdk.errors.AuthenticationException;
import org.epermit.sdk.model.EmissionGroup;
import org.epermit.sdk.model.EmissionStatistics;
import org.epermit.sdk.model.IndustryLevel;
import org.epermit.sdk.model.PermitCountGroup;
import org.epermit.sdk.model.PermitStatistics;
import org.epermit.sdk.model.StatsGrouping;
import org.epermit.sdk.param.StatsParams;

/**
 * Statistics as the public and a statistics reader see them: permits by province with the renewal pipeline (no
 * account needed), the sulphur dioxide of a year's accepted annual reports against the licences by province, a
 * county table refused without credentials, and, with a {@code stats:read} key, the counties (a regulator's: of its
 * region) and the industry classes written to a CSV file that Excel opens.
 *
 * <p>Run it against the embedded service with the demo regulator's key it prints at start (the regulator reads
 * statistics of its own province): {@code StatisticsTables http://localhost:8080 <regulator key> 2025 counties.csv}.
 */
public final class StatisticsTables {

    private StatisticsTables() {
    }

    /**
     * Runs the example.
     *
     * @param args the API's base URL, a key with scope {@code stats:read}, the year and the CSV file to write
     */
    public static void main(String[] args) {
        if (args.length < 4) {
            System.err.println("Give the base URL, a key with scope stats:read (the demo regulator's), a year and a CSV file.");
            return;
        }
        EPermitClient anonymous = EPermitClient.builder().baseUrl(args[0]).appInfo("statistics-tables/1.0").build();
        EPermitClient reader = EPermitClient.builder().baseUrl(args[0]).credentials(Credentials.apiKey(args[1]))
                .appInfo("statistics-tables/1.0").build();
        run(anonymous, reader, Integer.parseInt(args[2]), Path.of(args[3]), System.out);
    }

    /**
     * Prints the tables and writes the county table.
     *
     * @param anonymous a client without credentials
     * @param reader    a client whose key has scope {@code stats:read}
     * @param year      the year of the emission figures
     * @param csv       the file the county table is written to
     * @param out       where the tables are printed
     * @return the largest province's code
     */
    public static String run(EPermitClient anonymous, EPermitClient reader, int year, Path csv, PrintStream out) {
        PermitStatistics provinces = anonymous.stats().permits(StatsParams.byProvince());
        out.println("Permits by province, as of " + provinces.getAsOf() + " (" + provinces.getTotal() + " in all):");
        PermitCountGroup largest = null;
        for (PermitCountGroup g : provinces.getGroups()) {
            out.println("  " + g.getKey() + " " + g.getNameZh() + ": " + g.getPermits());
            if (largest == null || g.getPermits() > largest.getPermits()) {
                largest = g;
            }
        }
        out.println("Expiring within 30 / 60 / 90 days: " + provinces.getRenewalPipeline().getWithin30Days() + " / "
                + provinces.getRenewalPipeline().getWithin60Days() + " / " + provinces.getRenewalPipeline().getWithin90Days());

        EmissionStatistics so2 = anonymous.stats().emissions(year, StatsParams.builder().pollutant("a21026").build());
        out.println("SO2 in " + year + " (accepted annual reports), " + so2.getUnits().get("actualTonnes") + ":");
        for (EmissionGroup g : so2.getRows()) {
            out.println("  " + g.getKey() + " " + g.getNameZh() + ": " + g.getActualTonnes() + " of " + g.getLicensedTonnesOfReporting()
                    + " licensed (ratio " + g.getRatio() + "), " + g.getPermitsExceeded() + " of " + g.getPermits() + " permits above");
        }

        // No region: a regulator's table covers its own region (filters.region says which), a reader's the country.
        StatsParams counties = StatsParams.builder().groupBy(StatsGrouping.COUNTY).build();
        try {
            anonymous.stats().permits(counties);
        } catch (AuthenticationException e) {
            out.println("Counties without credentials: " + e.getCode());
        }
        PermitStatistics byCounty = reader.stats().permits(counties);
        String region = byCounty.getFilters().getRegion();
        out.println("Counties of " + (region == null ? "the country" : region) + ": " + byCounty.getGroups().size());
        reader.stats().downloadPermitsCsv(StatsParams.builder().groupByIndustry(IndustryLevel.CLASS)
                .region(region).build(), csv);
        out.println("Industry classes written to " + csv);
        return largest == null ? null : largest.getKey();
    }
}
