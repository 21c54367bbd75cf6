package org.epermit.sdk.examples;

import java.util.ArrayList;
import java.util.List;
import org.epermit.sdk.EPermitClient;
import org.epermit.sdk.model.FrequencyApplies;
import org.epermit.sdk.model.MonitoringRequirement;
import org.epermit.sdk.model.Outlet;
import org.epermit.sdk.model.OutletPollutant;
import org.epermit.sdk.model.PollutantLimit;
import org.epermit.sdk.model.PublicPermit;
import org.epermit.sdk.model.StandardCitation;

/** What a permit licenses at each outlet: limits (ranges too), the standard table they come from, and monitoring. */
public final class ReadingLimits {

    private ReadingLimits() {
    }

    /**
     * Prints a permit's limits and monitoring.
     *
     * @param args the API's base URL and a permit number
     */
    public static void main(String[] args) {
        EPermitClient client = EPermitClient.builder().baseUrl(args[0]).build();
        describe(client.publicPermits().get(args[1])).forEach(System.out::println);
    }

    /**
     * One line per licensed pollutant, e.g. {@code DW001 w01001 6–9 (each sample) GB 8978-1996 表4; 1次/月}.
     *
     * @param permit a permit's public document
     * @return the lines
     */
    // README-BEGIN
    public static List<String> describe(PublicPermit permit) {
        List<String> lines = new ArrayList<>();
        for (Outlet outlet : permit.getOutlets()) {
            for (OutletPollutant p : outlet.getPollutants()) {
                PollutantLimit limit = p.getLimit();            // null: monitored, not limited (flow)
                String bound = limit == null ? "no limit"
                        : (limit.getMin() == null ? "≤ " + limit.getMax() : limit.getMin() + "–" + limit.getMax())
                        + (limit.getUnit() == null ? "" : " " + limit.getUnit())
                        + " (" + limit.getAveraging() + ")";
                StandardCitation standard = p.getStandard();
                String source = standard == null ? "" : " " + standard.getCode()
                        + (standard.getTable() == null ? "" : " " + standard.getTable())
                        + (Boolean.TRUE.equals(standard.getSpecial()) ? " special limits" : "");
                MonitoringRequirement m = p.getMonitoring();
                String monitoring = m.getMode() + ", " + m.getFrequency().getNotation()
                        + (m.getFrequencyApplies() == FrequencyApplies.DURING_OUTAGE ? " while the monitor is out" : "");
                lines.add(outlet.getCode() + " " + p.getPollutantCode() + " " + bound + source + "; " + monitoring);
            }
        }
        return lines;
    }
    // README-END
}
