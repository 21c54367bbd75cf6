package org.epermit.api.filing;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.epermit.api.filing.MonitoringEvidence.OutletPollutant;
import org.epermit.api.filing.PermitObligations.ReportObligationStatus;
import org.epermit.api.filing.PermitObligations.SkipRule;
import org.epermit.api.filing.PermitObligations.Status;
import org.epermit.api.permit.reporting.DateSpan;
import org.epermit.api.permit.reporting.OwedReport;
import org.epermit.api.permit.reporting.ReportObligation;
import org.epermit.api.permit.reporting.ReportPeriod;
import org.epermit.api.permit.reporting.ReportType;
import org.epermit.api.permit.terms.PermitVersions;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a permit requires in a year and how far it is met: the obligations endpoint and the compliance view's base. */
@ApplicationScoped
public class Obligations {

    private final ReportCheck check;
    private final ExecutionReportQueries reports;
    private final MonitoringEvidenceQueries evidence;
    private final Clock clock;

    public Obligations(ReportCheck check, ExecutionReportQueries reports, MonitoringEvidenceQueries evidence, Clock clock) {
        this.check = check;
        this.reports = reports;
        this.evidence = evidence;
        this.clock = clock;
    }

    public Uni<PermitObligations> of(PermitVersions permit, int year) {
        LocalDate today = LocalDate.now(clock);
        return reports.ofYear(permit.permitId(), year).flatMap(filed -> {
            List<ReportObligationStatus> statuses = reportStatuses(permit, year, today, filed);
            Optional<PeriodTerms> held = heldTerms(permit, year);
            if (held.isEmpty()) {
                return Uni.createFrom().item(new PermitObligations(permit.permitNumber(), year, today, statuses, List.of()));
            }
            PeriodTerms terms = held.get();
            Optional<PeriodTerms> toDate = today.isAfter(terms.days().first())
                    ? Optional.of(PeriodTerms.of(new DateSpan(terms.days().first(), min(terms.days().last(), today.minusDays(1))),
                    Optional.empty(), permit.over(new DateSpan(terms.days().first(), min(terms.days().last(), today.minusDays(1)))), clock.getZone()))
                    : Optional.empty();
            return evidence.of(permit.permitId(), terms).map(ev -> {
                List<PermitObligations.MonitoringObligation> monitoring = new ArrayList<>();
                for (Map.Entry<OutletPollutant, PeriodTerms.Requirement> r : terms.requirements().entrySet()) {
                    long soFar = toDate.map(t -> t.requirements().getOrDefault(r.getKey(), new PeriodTerms.Requirement(r.getValue().mode(), 0))
                            .requiredSamples()).orElse(0L);
                    monitoring.add(new PermitObligations.MonitoringObligation(r.getKey().outletCode(), r.getKey().pollutantCode(),
                            r.getValue().mode(), r.getValue().requiredSamples(), soFar, ev.samples(r.getKey())));
                }
                monitoring.sort(Comparator.comparing(PermitObligations.MonitoringObligation::outletCode)
                        .thenComparing(PermitObligations.MonitoringObligation::pollutantCode));
                return new PermitObligations(permit.permitNumber(), year, today, statuses, monitoring);
            });
        });
    }

    /** The terms of the days of {@code year} the permit was held, if any. */
    Optional<PeriodTerms> heldTerms(PermitVersions permit, int year) {
        LocalDate first = max(LocalDate.of(year, 1, 1), permit.holding().first());
        LocalDate last = min(LocalDate.of(year, 12, 31), permit.holding().last().orElse(LocalDate.of(year, 12, 31)));
        if (last.isBefore(first)) {
            return Optional.empty();
        }
        DateSpan days = new DateSpan(first, last);
        return Optional.of(PeriodTerms.of(days, Optional.empty(), permit.over(days), clock.getZone()));
    }

    List<ReportObligationStatus> reportStatuses(PermitVersions permit, int year, LocalDate today,
                                                List<ExecutionReportQueries.FiledReport> filed) {
        ReportPeriod yearEnd = new ReportPeriod(ReportType.ANNUAL, LocalDate.of(year, 1, 1));
        Map<ReportType, ReportObligation> obligations = ReportCheck.obligations(ReportCheck.governing(permit, yearEnd).document());
        List<OwedReport> owed = check.owed(permit, obligations, year);
        List<OwedReport> next = check.owed(permit, obligations, year + 1);
        List<ReportObligationStatus> statuses = new ArrayList<>();
        for (OwedReport o : owed) {
            Optional<ExecutionReportQueries.FiledReport> report = filed.stream()
                    .filter(f -> f.type() == o.type() && f.period().equals(o.period().key())).findFirst();
            Status status;
            Integer late = null;
            if (report.isPresent()) {
                status = report.get().daysLate() > 0 ? Status.SUBMITTED_LATE : Status.SUBMITTED_ON_TIME;
                late = report.get().daysLate() > 0 ? report.get().daysLate() : null;
            } else if (!today.isAfter(o.period().last())) {
                status = Status.NOT_DUE;
            } else if (!today.isAfter(o.due())) {
                status = Status.DUE;
            } else {
                status = Status.OVERDUE;
                late = (int) ChronoUnit.DAYS.between(o.due(), today);
            }
            statuses.add(new ReportObligationStatus(o.type(), o.period().key(), o.covers().first(), o.covers().last(), o.due(),
                    status, null, null, report.map(ExecutionReportQueries.FiledReport::id).orElse(null), late));
        }
        for (ReportType type : obligations.keySet()) {
            for (ReportPeriod p = new ReportPeriod(type, LocalDate.of(year, 1, 1)); p.first().getYear() == year; p = p.next()) {
                ReportPeriod period = p;
                if (owed.stream().anyMatch(o -> o.period().equals(period))) {
                    continue;
                }
                SkipRule rule;
                String coveredBy = null;
                Optional<OwedReport> folding = concat(owed, next).stream().filter(o -> o.foldedIn().contains(period)).findFirst();
                Optional<OwedReport> standing = owed.stream().filter(o -> o.standsInFor().contains(period)).findFirst();
                if (folding.isPresent()) {
                    rule = SkipRule.FOLDED_INTO_NEXT;
                    coveredBy = folding.get().period().key();
                } else if (standing.isPresent()) {
                    rule = SkipRule.COVERED_BY_LONGER_REPORT;
                    coveredBy = standing.get().period().key();
                } else if (period.last().isBefore(permit.holding().first())
                        || permit.holding().last().map(l -> l.isBefore(period.first())).orElse(false)) {
                    rule = SkipRule.NOT_HELD;
                } else {
                    rule = SkipRule.HELD_TOO_BRIEFLY;
                }
                statuses.add(new ReportObligationStatus(type, period.key(), null, null, null, Status.NOT_REQUIRED, rule, coveredBy, null, null));
            }
        }
        statuses.sort(Comparator.comparing((ReportObligationStatus s) -> s.dueDate() == null ? LocalDate.MAX : s.dueDate())
                .thenComparing(ReportObligationStatus::type).thenComparing(ReportObligationStatus::period));
        return statuses;
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
