package org.epermit.api.filing;

import org.epermit.api.filing.MonitoringEvidence.OutletPollutant;
import org.epermit.api.permit.PublicPermit;
import org.epermit.api.permit.monitoring.MonitoringFrequency;
import org.epermit.api.permit.monitoring.MonitoringMode;
import org.epermit.api.permit.monitoring.MonitoringRequirement;
import org.epermit.api.permit.monitoring.SamplingMethod;
import org.epermit.api.permit.monitoring.TimeWindow;
import org.epermit.api.permit.reporting.DateSpan;
import org.epermit.api.permit.reporting.OwedReport;
import org.epermit.api.permit.terms.PermitVersions;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the permit required of one report's days, from the version in force on each day: the licensed quantities
 * (pro rata), the outlets with their pollutants and limits, and the samples each monitoring requirement asks for.
 * A report spanning a change of version uses each version for its part.
 *
 * @param days         the days: those a report covers, or the part of a year the permit was held
 * @param report       the report the days are of; empty for a year's view (the obligations)
 * @param parts        the versions in force during those days, each with its part
 * @param zone         the zone days are reckoned in (China time)
 * @param licensed     per pollutant code: the licensed quantity for the covered days, in tonnes
 * @param pollutantNames per pollutant code: its Chinese name
 * @param outlets      per outlet code: per pollutant code, what the permit sets there (the latest version's)
 * @param requirements per outlet and pollutant: its monitoring mode and the samples required in the covered days
 */
public record PeriodTerms(DateSpan days, Optional<OwedReport> report, List<PermitVersions.Part> parts, ZoneId zone,
                          Map<String, BigDecimal> licensed, Map<String, String> pollutantNames,
                          Map<String, Map<String, PublicPermit.OutletPollutant>> outlets,
                          Map<OutletPollutant, Requirement> requirements) {

    /** A monitoring requirement over the covered days. */
    public record Requirement(MonitoringMode mode, long requiredSamples) {
    }

    public TimeWindow window() {
        return TimeWindow.days(days.first(), days.last(), zone);
    }

    /** The report the days are of (the check's terms always have one). */
    public OwedReport owed() {
        return report.orElseThrow(() -> new IllegalStateException("the terms of " + days + " are of no report"));
    }

    static PeriodTerms of(OwedReport owed, List<PermitVersions.Part> parts, ZoneId zone) {
        return of(owed.covers(), Optional.of(owed), parts, zone);
    }

    static PeriodTerms of(DateSpan days, Optional<OwedReport> owed, List<PermitVersions.Part> parts, ZoneId zone) {
        Map<String, BigDecimal> licensed = new TreeMap<>();
        Map<String, String> names = new TreeMap<>();
        Map<String, Map<String, PublicPermit.OutletPollutant>> outlets = new TreeMap<>();
        Map<OutletPollutant, Requirement> requirements = new LinkedHashMap<>();
        for (PermitVersions.Part part : parts) {
            PublicPermit doc = part.terms().document();
            for (PublicPermit.AnnualQuantity q : doc.annualQuantities()) {
                long heldDays = daysOfYear(part.days(), q.year());
                if (heldDays == 0) {
                    continue;
                }
                BigDecimal share = q.tonnes().multiply(BigDecimal.valueOf(heldDays))
                        .divide(BigDecimal.valueOf(Year.of(q.year()).length()), MathContext.DECIMAL64);
                licensed.merge(q.pollutantCode(), share, BigDecimal::add);
                names.put(q.pollutantCode(), q.pollutantName());
            }
            TimeWindow window = TimeWindow.days(part.days().first(), part.days().last(), zone);
            for (PublicPermit.Outlet outlet : doc.outlets()) {
                Map<String, PublicPermit.OutletPollutant> at = outlets.computeIfAbsent(outlet.code(), c -> new TreeMap<>());
                for (PublicPermit.OutletPollutant p : outlet.pollutants()) {
                    at.put(p.pollutantCode(), p);
                    names.putIfAbsent(p.pollutantCode(), p.pollutantName());
                    if (p.monitoring() != null) {
                        OutletPollutant key = new OutletPollutant(outlet.code(), p.pollutantCode());
                        long required = requiredSamples(p.monitoring(), window);
                        requirements.merge(key, new Requirement(p.monitoring().mode(), required),
                                (a, b) -> new Requirement(b.mode(), a.requiredSamples() + b.requiredSamples()));
                    }
                }
            }
        }
        licensed.replaceAll((code, t) -> t.setScale(4, RoundingMode.HALF_UP));
        return new PeriodTerms(days, owed, List.copyOf(parts), zone, licensed, names, outlets, requirements);
    }

    /**
     * The samples a requirement asks for in {@code window}: for manual monitoring, its frequency's events times the
     * samples per event (HJ 819-2017); for automatic monitoring, one valid hourly mean per clock hour.
     */
    static long requiredSamples(PublicPermit.Monitoring m, TimeWindow window) {
        if (m.mode() == MonitoringMode.AUTOMATIC) {
            return window.length().toHours();
        }
        MonitoringFrequency frequency = new MonitoringFrequency(m.frequency().count(), m.frequency().every(), m.frequency().unit());
        SamplingMethod method = m.samplingMethod() == null ? SamplingMethod.GRAB : m.samplingMethod();
        return new MonitoringRequirement(m.mode(), frequency, method, m.samplesPerEvent()).requiredSamples(window);
    }

    private static long daysOfYear(DateSpan span, int year) {
        LocalDate first = span.first().getYear() < year ? LocalDate.of(year, 1, 1) : span.first();
        LocalDate last = span.last().getYear() > year ? LocalDate.of(year, 12, 31) : span.last();
        return last.isBefore(first) || first.getYear() != year ? 0 : new DateSpan(first, last).days();
    }

    /** What the version in force on {@code day} sets for {@code pollutant} at {@code outlet}. */
    Optional<PublicPermit.OutletPollutant> at(LocalDate day, String outlet, String pollutant) {
        PermitVersions.Part governing = parts.get(parts.size() - 1);
        for (PermitVersions.Part part : parts) {
            if (!day.isBefore(part.days().first()) && !day.isAfter(part.days().last())) {
                governing = part;
            }
        }
        return governing.terms().document().outlets().stream().filter(o -> o.code().equals(outlet))
                .flatMap(o -> o.pollutants().stream()).filter(p -> p.pollutantCode().equals(pollutant)).findFirst();
    }
}
