package org.epermit.api.permit.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The execution reports a permit owes (HJ 944-2018, and the permits' copies that still require semi-annual ones):
 *
 * <ol>
 *   <li>Each report type the permit requires has its calendar periods. A period's report is owed when the permit was
 *       held long enough in it ({@link ReportType#heldLongEnough}: 3 months for annual and semi-annual reports, one
 *       month for quarterly, 10 days for monthly ones).</li>
 *   <li>A period held too briefly is <em>folded</em> into the next report of the same type, which then covers both
 *       (a permit issued on 10 March owes no first-quarter report; its second-quarter report covers 10 March to
 *       30 June). A fold with no next report (the holding ended) is owed nowhere, as the skip rule says.</li>
 *   <li>Of the reports owed for periods ending on the same day, the longest stands in for the others: the annual
 *       report for the second half-year's, the fourth quarter's and December's; a semi-annual report for the second
 *       quarter's and June's; a quarterly report for its last month's. It also covers what was folded into them.</li>
 *   <li>A report is due when the permit's obligation says ({@link ReportObligation#dueFor}), or on a ministry's
 *       extension of its period where that is later ({@link DeadlineExtension}).</li>
 * </ol>
 */
public final class ReportSchedule {

    private final Map<ReportType, ReportObligation> nationalDefaults;
    private final List<DeadlineExtension> extensions;

    public ReportSchedule(Map<ReportType, ReportObligation> nationalDefaults, List<DeadlineExtension> extensions) {
        for (ReportType type : ReportType.values()) {
            if (!nationalDefaults.containsKey(type) || nationalDefaults.get(type).type() != type) {
                throw new IllegalArgumentException("the national default deadline of " + type + " is missing");
            }
        }
        this.nationalDefaults = new EnumMap<>(nationalDefaults);
        this.extensions = List.copyOf(extensions);
    }

    /** From the configuration; refuses an extension that names no period of its type. */
    public static ReportSchedule of(ReportsConfig config) {
        Map<ReportType, ReportObligation> defaults = new EnumMap<>(ReportType.class);
        defaults.put(ReportType.ANNUAL, obligation(ReportType.ANNUAL, config.defaults().annual()));
        defaults.put(ReportType.SEMIANNUAL, obligation(ReportType.SEMIANNUAL, config.defaults().semiannual()));
        defaults.put(ReportType.QUARTERLY, obligation(ReportType.QUARTERLY, config.defaults().quarterly()));
        defaults.put(ReportType.MONTHLY, obligation(ReportType.MONTHLY, config.defaults().monthly()));
        List<DeadlineExtension> extensions = new ArrayList<>();
        new TreeMap<>(config.extensions()).forEach((name, e) -> {
            try {
                extensions.add(new DeadlineExtension(ReportPeriod.parse(e.reportType(), e.period()),
                        e.industries().orElse(List.of()), e.due()));
            } catch (IllegalArgumentException invalid) {
                throw new IllegalArgumentException("epermit.reports.extensions." + name + ": " + invalid.getMessage(), invalid);
            }
        });
        return new ReportSchedule(defaults, extensions);
    }

    private static ReportObligation obligation(ReportType type, ReportsConfig.Deadline deadline) {
        return new ReportObligation(type, deadline.dueMonthsAfter(), deadline.dueDay());
    }

    /** The obligation of {@code type} with the national default deadline, for a permit whose copy sets none. */
    public ReportObligation nationalDefault(ReportType type) {
        return nationalDefaults.get(type);
    }

    /**
     * The reports a permit owes for the periods that end in {@code year}, by deadline (and, on one day, longest period
     * first).
     *
     * @param obligations the report types the permit requires, one obligation each
     * @param holding     when the unit held the permit
     * @param industry    the permit's main industry class (GB/T 4754, 4 digits), for industry-specific extensions
     */
    public List<OwedReport> owed(int year, Collection<ReportObligation> obligations, Holding holding, String industry) {
        Objects.requireNonNull(industry, "industry");
        Map<ReportType, ReportObligation> byType = new EnumMap<>(ReportType.class);
        for (ReportObligation o : obligations) {
            if (byType.put(o.type(), o) != null) {
                throw new IllegalArgumentException("a permit requires each report type once; " + o.type() + " is given twice");
            }
        }
        // Periods ending on one day, each with the reports of the types owed for it (longest type first: enum order).
        Map<LocalDate, Map<ReportType, Draft>> byEnd = new TreeMap<>();
        for (ReportType type : byType.keySet()) {
            for (Draft d : drafts(type, year, holding)) {
                byEnd.computeIfAbsent(d.period.last(), day -> new EnumMap<>(ReportType.class)).put(type, d);
            }
        }
        List<OwedReport> owed = new ArrayList<>();
        for (Map<ReportType, Draft> sameEnd : byEnd.values()) {
            List<Draft> drafts = new ArrayList<>(sameEnd.values());
            Draft longest = drafts.get(0);
            DateSpan covers = longest.covers;
            List<ReportPeriod> folded = new ArrayList<>(longest.folded);
            List<ReportPeriod> standsInFor = new ArrayList<>();
            for (Draft shorter : drafts.subList(1, drafts.size())) {
                covers = covers.span(shorter.covers);
                shorter.folded.stream().filter(p -> !folded.contains(p)).forEach(folded::add);
                standsInFor.add(shorter.period);
            }
            if (longest.period.last().getYear() == year) {
                owed.add(new OwedReport(longest.period, covers, due(byType.get(longest.period.type()), longest.period, industry),
                        folded, standsInFor));
            }
        }
        owed.sort(Comparator.comparing(OwedReport::due).thenComparing(r -> r.period().type()));
        return owed;
    }

    /** The deadline of the report of {@code period} under {@code obligation}, extensions applied. */
    public LocalDate due(ReportObligation obligation, ReportPeriod period, String industry) {
        if (obligation.type() != period.type()) {
            throw new IllegalArgumentException("a " + obligation.type() + " obligation has no " + period + " report");
        }
        LocalDate due = obligation.dueFor(period);
        Optional<DeadlineExtension> extension = extensions.stream()
                .filter(e -> e.period().equals(period) && e.match(industry) >= 0)
                .max(Comparator.comparingInt(e -> e.match(industry)));
        return extension.map(DeadlineExtension::due).filter(due::isBefore).orElse(due);
    }

    /** A report of one type before the stand-ins. */
    private record Draft(ReportPeriod period, DateSpan covers, List<ReportPeriod> folded) {
    }

    /**
     * The reports of {@code type} for the periods of {@code year} and of the year before (a fold reaches one period
     * back while the holding lasts, so starting a year early is enough; a report of the year before may stand in for
     * nothing of this year, and is left out by the caller).
     */
    private static List<Draft> drafts(ReportType type, int year, Holding holding) {
        List<Draft> drafts = new ArrayList<>();
        ReportPeriod period = ReportPeriod.holding(type, LocalDate.of(year - 1, 1, 1));
        DateSpan pending = null;
        List<ReportPeriod> pendingPeriods = new ArrayList<>();
        for (; period.first().getYear() <= year; period = period.next()) {
            Optional<DateSpan> held = holding.within(period);
            if (held.isEmpty()) {
                pending = null;
                pendingPeriods.clear();
                continue;
            }
            DateSpan covers = pending == null ? held.get() : pending.span(held.get());
            if (type.heldLongEnough(held.get().first(), held.get().last())) {
                drafts.add(new Draft(period, covers, List.copyOf(pendingPeriods)));
                pending = null;
                pendingPeriods.clear();
            } else {
                pending = covers;
                pendingPeriods.add(period);
            }
        }
        return drafts;
    }

    /** The configured extensions, by name. */
    public List<DeadlineExtension> extensions() {
        return extensions;
    }
}
