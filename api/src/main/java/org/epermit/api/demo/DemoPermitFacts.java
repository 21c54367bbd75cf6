package org.epermit.api.demo;

import org.epermit.api.demo.DemoReferenceData.Limit;
import org.epermit.api.demo.DemoReferenceData.MonitoredPollutant;
import org.epermit.api.permit.reporting.ReportObligation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What the generator decided for one permit with content, as its filings need it: the same facts the permit's rows
 * and its public document carry, so that the reports and records generated for it are what the service would accept.
 *
 * @param versions      the first day of each version, oldest first (version n is in force until version n+1 starts)
 * @param holdingFirst  the first day held (the first issue)
 * @param holdingLast   the last day held: the end of validity, or the day it was cancelled, revoked or annulled
 * @param quantities    licensed tonnes per pollutant and year (the permit's quantities of its current validity)
 */
record DemoPermitFacts(long permitId, String category, String industryCode, String status, List<LocalDate> versions,
                       LocalDate holdingFirst, LocalDate holdingLast, List<Outlet> outlets,
                       Map<String, Map<Integer, BigDecimal>> quantities, List<ReportObligation> obligations,
                       String signatory) {

    record Outlet(String code, String medium, String kind, List<Pollutant> pollutants) {
    }

    /** A pollutant at an outlet: its limit (null where it is monitored only) and how it is monitored. */
    record Pollutant(String code, Limit limit, MonitoredPollutant monitoring) {
        boolean automatic() {
            return monitoring.mode().equals("AUTOMATIC");
        }
    }

    boolean key() {
        return category.equals("KEY");
    }

    /** The number of the version in force on {@code day} (the first one before it starts). */
    int versionOn(LocalDate day) {
        int version = 1;
        for (int i = 0; i < versions.size(); i++) {
            if (!versions.get(i).isAfter(day)) {
                version = i + 1;
            }
        }
        return version;
    }
}
