package org.epermit.api.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.epermit.api.demo.DemoPermitFacts.Outlet;
import org.epermit.api.demo.DemoPermitFacts.Pollutant;
import org.epermit.api.filing.FilingCode;
import org.epermit.api.filing.Finding;
import org.epermit.api.filing.ReportContent;
import org.epermit.api.filing.ReportContent.Acknowledgement;
import org.epermit.api.filing.ReportContent.ActualEmission;
import org.epermit.api.filing.ReportContent.EmissionMethod;
import org.epermit.api.filing.ReportContent.Exceedance;
import org.epermit.api.filing.ReportContent.MonitoringCompleteness;
import org.epermit.api.filing.ReportSource;
import org.epermit.api.permit.FrequencyUnit;
import org.epermit.api.permit.monitoring.MonitoringFrequency;
import org.epermit.api.permit.monitoring.MonitoringMode;
import org.epermit.api.permit.monitoring.MonitoringRequirement;
import org.epermit.api.permit.monitoring.SamplingMethod;
import org.epermit.api.permit.monitoring.TimeWindow;
import org.epermit.api.permit.reporting.DateSpan;
import org.epermit.api.permit.reporting.Holding;
import org.epermit.api.permit.reporting.OwedReport;
import org.epermit.api.permit.reporting.ReportSchedule;
import org.epermit.api.receipt.ContentDigest;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The execution reports of the demo permits: for each report a permit owed (by the same schedule the service uses) for
 * the periods ending in the last {@code years} calendar years whose deadline passed before the as-of date, mostly filed
 * on time, some late, some never (the obligations then show them OVERDUE), a few with declared exceedances, emissions
 * above the licensed quantity or fewer samples than required, each of those explained as the service demands. Every
 * version is IMPORTED: accepted by the platform it came from, so it has no receipt of ours.
 *
 * <p>Each permit draws from a random stream of its own (the seed and its id), so the reports change nothing of the
 * permits' own rows, and the same seed, size and as-of date give the same reports.
 */
final class DemoReports {

    /** The API client the imported versions are attributed to (a name-based UUID: the same in every load). */
    static final UUID IMPORTER = UUID.nameUUIDFromBytes("epermit-demo-import".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    static final ZoneId CHINA = TimeWindow.CHINA;
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssxxx");
    private static final int MISSING_PCT = 6;
    private static final int LATE_PCT = 10;
    private static final int EXCEEDANCE_PCT = 8;
    private static final int ABOVE_LICENSED_PCT = 4;
    private static final int BELOW_REQUIRED_PCT = 4;
    private static final List<String> REASONS = List.of("脱硫设施浆液循环泵故障", "脱硝喷氨系统堵塞", "除尘器滤袋破损",
            "生产负荷骤升，治理设施调整滞后", "进水水质波动，生化系统冲击");

    private final ReportSchedule schedule;
    private final ObjectMapper json;
    private final long seed;
    private final LocalDate asOf;
    private final int years;
    private final Map<SamplesKey, Long> manualSamples = new java.util.HashMap<>();
    private long nextReportId = 1;

    /**
     * Imported reports were reviewed on the platform they came from, except those filed in the last
     * {@link #AWAITING_REVIEW_DAYS} days before the as-of date: they wait in the demo regulator's queue.
     */
    static final int AWAITING_REVIEW_DAYS = 30;

    private String reviewStatus(OffsetDateTime at) {
        return at.atZoneSameInstant(CHINA).toLocalDate().isBefore(asOf.minusDays(AWAITING_REVIEW_DAYS)) ? "ACCEPTED" : "SUBMITTED";
    }

    DemoReports(ReportSchedule schedule, ObjectMapper json, long seed, LocalDate asOf, int years) {
        this.schedule = schedule;
        this.json = json;
        this.seed = seed;
        this.asOf = asOf;
        this.years = years;
    }

    /**
     * Emits the reports of one permit into {@code batch}; none whose days reach {@code noReportsFrom} (the first day
     * of the permit's demo monitoring data: a report of those days would have to match the records).
     */
    void emit(DemoPermitFacts permit, LocalDate noReportsFrom, DemoBatch batch) {
        if (years <= 0 || permit.obligations().isEmpty()) {
            return;
        }
        SplittableRandom rnd = new SplittableRandom(seed * 0xC2B2AE3D27D4EB4FL + permit.permitId());
        Holding holding = Holding.between(permit.holdingFirst(), permit.holdingLast());
        for (int year = asOf.getYear() - years + 1; year <= asOf.getYear(); year++) {
            for (OwedReport owed : schedule.owed(year, permit.obligations(), holding, permit.industryCode())) {
                if (!owed.due().isBefore(asOf)
                        || noReportsFrom != null && !owed.covers().last().isBefore(noReportsFrom)) {
                    continue;
                }
                int roll = rnd.nextInt(100);
                if (roll < MISSING_PCT) {
                    continue;
                }
                LocalDate filedOn;
                if (roll < MISSING_PCT + LATE_PCT) {
                    filedOn = owed.due().plusDays(1 + rnd.nextInt(45));
                    if (!filedOn.isBefore(asOf)) {
                        filedOn = owed.due().plusDays(1);
                        if (!filedOn.isBefore(asOf)) {
                            continue;   // no day after the deadline before the as-of date: still missing
                        }
                    }
                } else {
                    // filed after the period's end (not merely after the days held, where the holding ended early)
                    long window = ChronoUnit.DAYS.between(owed.period().last(), owed.due());
                    filedOn = owed.due().minusDays(rnd.nextInt((int) Math.min(20, Math.max(1, window))));
                }
                emitReport(rnd, permit, owed, filedOn, batch);
            }
        }
    }

    private void emitReport(SplittableRandom rnd, DemoPermitFacts permit, OwedReport owed, LocalDate filedOn, DemoBatch batch) {
        long reportId = nextReportId++;
        OffsetDateTime at = filedOn.atTime(9 + rnd.nextInt(9), rnd.nextInt(60), rnd.nextInt(60)).atZone(CHINA).toOffsetDateTime();
        List<Finding> findings = new ArrayList<>();
        List<Acknowledgement> acknowledgements = new ArrayList<>();
        long late = ChronoUnit.DAYS.between(owed.due(), filedOn);
        if (late > 0) {
            findings.add(finding(FilingCode.LATE, "", "Filed " + late + " days after the deadline of " + owed.due() + ".",
                    "于截止日期" + owed.due() + "后" + late + "天提交。"));
        }

        // actual emissions of every licensed pollutant: the licensed quantity of the days, pro rata, as the service reckons it
        List<DateSpan> parts = parts(permit, owed.covers());
        Map<String, BigDecimal> licensed = licensed(permit, parts);
        List<ActualEmission> emissions = new ArrayList<>();
        int above = rnd.nextInt(100) < ABOVE_LICENSED_PCT && !licensed.isEmpty() ? rnd.nextInt(licensed.size()) : -1;
        for (Map.Entry<String, BigDecimal> l : licensed.entrySet()) {
            int i = emissions.size();
            double share = i == above ? rnd.nextDouble(1.03, 1.25) : rnd.nextDouble(0.35, 0.95);
            // without trailing zeros: the stored content is normalised so (Jackson's tree), and the findings quote it
            BigDecimal tonnes = l.getValue().multiply(BigDecimal.valueOf(share)).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros();
            EmissionMethod method = monitoredAutomatically(permit, l.getKey()) ? EmissionMethod.MEASURED : EmissionMethod.CALCULATED;
            emissions.add(new ActualEmission(l.getKey(), tonnes, method, null));
            if (tonnes.compareTo(l.getValue()) > 0) {
                String path = "/actualEmissions/" + i + "/tonnes";
                findings.add(finding(FilingCode.EMISSIONS_ABOVE_LICENSED, path, tonnes.toPlainString() + " t of " + l.getKey()
                                + " exceeds the licensed " + l.getValue().toPlainString() + " t for the period.",
                        l.getKey() + "实际排放" + tonnes.toPlainString() + "吨，超过报告期许可排放量" + l.getValue().toPlainString() + "吨。"));
                acknowledgements.add(new Acknowledgement(FilingCode.EMISSIONS_ABOVE_LICENSED.name(), path,
                        "产量较计划增加，已申请变更许可排放量并落实减排措施。"));
            }
        }

        // declared exceedances (KEY permits): an hour above an upper limit at a main outlet
        List<Exceedance> exceedances = new ArrayList<>();
        record Limited(String outlet, Pollutant pollutant) {
        }
        List<Limited> limited = new ArrayList<>();
        for (Outlet o : permit.outlets()) {
            for (Pollutant p : o.pollutants()) {
                if (p.limit() != null && p.limit().value() != null && o.kind().equals("MAIN")) {
                    limited.add(new Limited(o.code(), p));
                }
            }
        }
        if (permit.key() && !limited.isEmpty() && rnd.nextInt(100) < EXCEEDANCE_PCT) {
            int n = 1 + rnd.nextInt(2);
            long hours = ChronoUnit.HOURS.between(owed.covers().first().atStartOfDay(CHINA), owed.covers().last().plusDays(1).atStartOfDay(CHINA));
            for (int k = 0; k < n; k++) {
                Limited chosen = limited.get(rnd.nextInt(limited.size()));
                Pollutant p = chosen.pollutant();
                OffsetDateTime from = owed.covers().first().atStartOfDay(CHINA).plusHours(rnd.nextLong(Math.max(1, hours - 2))).toOffsetDateTime();
                BigDecimal max = p.limit().value();
                BigDecimal measured = max.multiply(BigDecimal.valueOf(rnd.nextDouble(1.1, 1.6))).setScale(2, RoundingMode.HALF_UP)
                        .stripTrailingZeros();
                exceedances.add(new Exceedance(chosen.outlet(), p.code(), from, from.plusHours(1 + rnd.nextInt(2)), measured,
                        max, REASONS.get(rnd.nextInt(REASONS.size())), "已立即检修并恢复正常运行，向生态环境主管部门报告。"));
            }
            findings.add(finding(FilingCode.EXCEEDANCES_DECLARED, "/exceedances", "The report declares " + exceedances.size()
                    + " exceedance(s).", "报告填报超标" + exceedances.size() + "次。"));
        }

        // monitoring completeness of every requirement, samples required per version's part of the days
        Map<String, long[]> required = required(permit, parts);
        List<MonitoringCompleteness> monitoring = new ArrayList<>();
        String below = rnd.nextInt(100) < BELOW_REQUIRED_PCT ? manualKey(rnd, permit, required) : null;
        for (Map.Entry<String, long[]> r : required.entrySet()) {
            String[] key = r.getKey().split("/");
            long need = r.getValue()[0];
            long performed = r.getKey().equals(below) && need > 0 ? need - 1 - rnd.nextLong(Math.max(1, need / 4)) : need;
            performed = Math.max(0, performed);
            int i = monitoring.size();
            monitoring.add(new MonitoringCompleteness(key[0], key[1], null, performed, null));
            if (performed < need) {
                String path = "/monitoring/" + i + "/performedSamples";
                findings.add(finding(FilingCode.MONITORING_BELOW_REQUIRED, path, performed + " of the " + need + " samples of "
                        + r.getKey() + " the permit requires were taken.", r.getKey() + "应测" + need + "个样品，实测" + performed + "个。"));
                acknowledgements.add(new Acknowledgement(FilingCode.MONITORING_BELOW_REQUIRED.name(), path,
                        "监测单位排期延误，已补测并更换监测服务机构。"));
            }
        }
        List<Finding> explained = new ArrayList<>();
        for (Finding f : findings) {
            String explanation = acknowledgements.stream().filter(a -> a.code().equals(f.code().name()) && a.path().equals(f.path()))
                    .map(Acknowledgement::explanation).findFirst().orElse(null);
            explained.add(explanation == null ? f : f.explained(explanation));
        }

        ReportContent content = new ReportContent(owed.type(), owed.period().key(), false, null, emissions, exceedances,
                monitoring, List.of(), new ReportContent.Statements(true, true, true),
                new ReportContent.Signatory(permit.signatory(), "法定代表人"), acknowledgements);
        JsonNode tree = json.valueToTree(content);
        List<Integer> versions = parts.stream().map(d -> permit.versionOn(d.first())).distinct().toList();

        batch.reports.row().add(reportId).add(permit.permitId()).add(owed.type().name()).add(owed.period().key())
                .add(owed.covers().first()).add(owed.covers().last()).add(owed.due()).add(reviewStatus(at)).add(TIMESTAMP.format(at))
                .add(Math.max(0, late)).add(1).add(false).add(exceedances.size()).add(0).add(TIMESTAMP.format(at));
        batch.reportVersions.row().add(reportId).add(1).add(write(tree)).add(ContentDigest.sha256Hex(tree))
                .add(write(json.valueToTree(explained)))
                .add(versions.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")))
                .add(TIMESTAMP.format(at)).add(IMPORTER).add(late > 0).add(null).add(ReportSource.IMPORTED.name());
        for (ActualEmission e : emissions) {
            batch.reportEmissions.row().add(reportId).add(e.pollutantCode()).add(e.tonnes().toPlainString())
                    .add(licensed.get(e.pollutantCode()).toPlainString()).add(e.method().name());
        }
    }

    /** The days of {@code covers} each version was in force, oldest first. */
    private static List<DateSpan> parts(DemoPermitFacts permit, DateSpan covers) {
        List<DateSpan> parts = new ArrayList<>();
        List<LocalDate> starts = permit.versions();
        for (int i = 0; i < starts.size(); i++) {
            LocalDate from = starts.get(i).isAfter(covers.first()) ? starts.get(i) : covers.first();
            LocalDate to = i + 1 < starts.size() && starts.get(i + 1).minusDays(1).isBefore(covers.last())
                    ? starts.get(i + 1).minusDays(1) : covers.last();
            if (!to.isBefore(from)) {
                parts.add(new DateSpan(from, to));
            }
        }
        return parts;
    }

    /** Licensed tonnes of the days per pollutant: each year's quantity times the year's share of days (PeriodTerms). */
    private static Map<String, BigDecimal> licensed(DemoPermitFacts permit, List<DateSpan> parts) {
        Map<String, BigDecimal> licensed = new TreeMap<>();
        for (DateSpan part : parts) {
            for (Map.Entry<String, Map<Integer, BigDecimal>> q : permit.quantities().entrySet()) {
                for (Map.Entry<Integer, BigDecimal> y : q.getValue().entrySet()) {
                    long days = daysOfYear(part, y.getKey());
                    if (days == 0) {
                        continue;
                    }
                    BigDecimal share = y.getValue().multiply(BigDecimal.valueOf(days))
                            .divide(BigDecimal.valueOf(Year.of(y.getKey()).length()), MathContext.DECIMAL64);
                    licensed.merge(q.getKey(), share, BigDecimal::add);
                }
            }
        }
        licensed.replaceAll((code, t) -> t.setScale(4, RoundingMode.HALF_UP));
        return licensed;
    }

    private static long daysOfYear(DateSpan span, int year) {
        LocalDate first = span.first().getYear() < year ? LocalDate.of(year, 1, 1) : span.first();
        LocalDate last = span.last().getYear() > year ? LocalDate.of(year, 12, 31) : span.last();
        return last.isBefore(first) || first.getYear() != year ? 0 : new DateSpan(first, last).days();
    }

    /** Per "outlet/pollutant" in outlet order: {samples required, 1 if manual}. */
    private Map<String, long[]> required(DemoPermitFacts permit, List<DateSpan> parts) {
        Map<String, long[]> required = new LinkedHashMap<>();
        for (DateSpan part : parts) {
            TimeWindow window = TimeWindow.days(part.first(), part.last(), CHINA);
            for (Outlet o : permit.outlets()) {
                for (Pollutant p : o.pollutants()) {
                    long n;
                    if (p.automatic()) {
                        n = window.length().toHours();
                    } else {
                        n = manualSamples(p.monitoring(), part, window);
                    }
                    required.computeIfAbsent(o.code() + "/" + p.code(), k -> new long[]{0, p.automatic() ? 0 : 1})[0] += n;
                }
            }
        }
        return required;
    }

    /**
     * The samples a manual requirement asks for in a part's days. Counting them walks the frequency's periods, and
     * permits share requirements and report periods, so the counts are kept: at 100,000 permits this was most of the
     * reports' generation time.
     */
    private long manualSamples(DemoReferenceData.MonitoredPollutant m, DateSpan part, TimeWindow window) {
        return manualSamples.computeIfAbsent(new SamplesKey(m.count(), m.every(), m.unit(), m.samplingMethod(),
                m.samplesPerEvent(), part), k -> new MonitoringRequirement(MonitoringMode.MANUAL, new MonitoringFrequency(
                m.count(), m.every(), FrequencyUnit.valueOf(m.unit())), SamplingMethod.valueOf(m.samplingMethod()),
                m.samplesPerEvent()).requiredSamples(window));
    }

    private record SamplesKey(int count, int every, String unit, String samplingMethod, int samplesPerEvent, DateSpan days) {
    }

    private static String manualKey(SplittableRandom rnd, DemoPermitFacts permit, Map<String, long[]> required) {
        List<String> manual = required.entrySet().stream().filter(e -> e.getValue()[1] == 1 && e.getValue()[0] > 1)
                .map(Map.Entry::getKey).toList();
        return manual.isEmpty() ? null : manual.get(rnd.nextInt(manual.size()));
    }

    private static boolean monitoredAutomatically(DemoPermitFacts permit, String pollutant) {
        return permit.outlets().stream().flatMap(o -> o.pollutants().stream())
                .anyMatch(p -> p.code().equals(pollutant) && p.automatic());
    }

    private static Finding finding(FilingCode code, String path, String en, String zh) {
        return new Finding(code, path, code.needsExplanation(), en, zh, null);
    }

    private String write(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a demo report could not be serialised", e);
        }
    }

    long reports() {
        return nextReportId - 1;
    }
}
