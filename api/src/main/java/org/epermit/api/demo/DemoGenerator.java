package org.epermit.api.demo;

import org.epermit.api.common.CreditCode;
import org.epermit.api.demo.DemoReferenceData.Limit;
import org.epermit.api.demo.DemoReferenceData.MonitoredPollutant;
import org.epermit.api.demo.DemoReferenceData.OutletTemplate;
import org.epermit.api.demo.DemoReferenceData.Region;
import org.epermit.api.demo.DemoReferenceData.ReportDefault;
import org.epermit.api.demo.DemoReferenceData.StandardTable;
import org.epermit.api.demo.Vocabulary.IndustryShare;
import org.epermit.api.permit.reporting.ReportObligation;
import org.epermit.api.permit.reporting.ReportType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Deterministic demo data: the same seed, as-of date and size give the same rows, whatever the batch size. Each
 * enterprise draws from its own random stream, seeded from the generator's seed and its index.
 *
 * <p>What a permit holds comes from the reference data (V11): the category the catalogue allows for the class, the
 * outlets of the class and category with their monitoring, the limits of the standard table that applies at the site
 * (a local standard of the province, else special limits where they apply, else the national table). The rates below
 * are the demo's own proportions, not rules.
 */
final class DemoGenerator {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    /**
     * A prime that divides none of the moduli {@link #scramble} is used with (31^6, 10^8, 2,400,000, 99,990,000), so
     * each mapping of the enterprise index is one-to-one.
     */
    private static final long INDEX_MULTIPLIER = 1_000_003L;
    /** The first permits under the current scheme (thermal power and paper, mid-2017). */
    private static final LocalDate FIRST_ISSUE = LocalDate.of(2017, 6, 1);
    /** Registration (登记管理) exists since the 2019 catalogue, filed from 2020 on. */
    private static final LocalDate FIRST_REGISTRATION = LocalDate.of(2020, 1, 1);
    /** Permits first issued before the Regulations came into force (Order 736) had 3-year terms; later ones 5 years. */
    private static final LocalDate REGULATIONS_IN_FORCE = LocalDate.of(2021, 3, 1);
    /** Semi-annual reports appear only in permits of the early years. */
    private static final LocalDate SEMIANNUAL_BEFORE = LocalDate.of(2019, 1, 1);
    private static final int RENEWED_PCT = 85;
    private static final int CHANGED_PCT = 12;
    private static final int REVOKED_PER_MILLE = 10;
    private static final int ANNULLED_PER_MILLE = 3;
    private static final int CLOSED_PER_MILLE = 10;
    private static final int MONTHLY_PCT = 10;
    private static final int QUARTERLY_SIMPLIFIED_PCT = 25;
    private static final int ANNUAL_END_OF_JANUARY_PCT = 20;
    private static final int QUANTITY_CONTROLLED_SIMPLIFIED_PCT = 30;

    private final DemoReferenceData reference;
    private final Vocabulary words;
    private final long seed;
    private final LocalDate asOf;
    private final Period cancelExpiredAfter;
    private final int[] provinceCumulativeWeights;
    private final int[] industryCumulativeWeights;
    private final char permitLetter;
    private final char registrationLetter;

    private final DemoReports reports;
    private final DemoMonitoring monitoring;

    private long nextPermitId = 1;
    private long nextOutletId = 1;
    private long nextEventId = 1;

    /**
     * @param cancelExpiredAfter how long after its validity an expired permit that was not renewed is cancelled
     *                           ({@code epermit.permit-lifecycle.cancel-expired-after})
     */
    DemoGenerator(DemoReferenceData reference, Vocabulary words, long seed, LocalDate asOf, Period cancelExpiredAfter,
                  char permitLetter, char registrationLetter) {
        this(reference, words, seed, asOf, cancelExpiredAfter, permitLetter, registrationLetter, null, null);
    }

    /**
     * @param reports    the execution reports of the permits, or null for none
     * @param monitoring the monitoring data of some KEY permits, or null for none
     */
    DemoGenerator(DemoReferenceData reference, Vocabulary words, long seed, LocalDate asOf, Period cancelExpiredAfter,
                  char permitLetter, char registrationLetter, DemoReports reports, DemoMonitoring monitoring) {
        this.reports = reports;
        this.monitoring = monitoring;
        this.reference = reference;
        this.words = words;
        this.seed = seed;
        this.asOf = asOf;
        this.cancelExpiredAfter = cancelExpiredAfter;
        this.permitLetter = permitLetter;
        this.registrationLetter = registrationLetter;
        this.provinceCumulativeWeights = cumulative(words.provinces().stream().mapToInt(Vocabulary.Province::weight).toArray());
        this.industryCumulativeWeights = cumulative(words.industries().stream().mapToInt(IndustryShare::weight).toArray());
        for (IndustryShare industry : words.industries()) {
            Set<String> allowed = reference.categoriesByIndustry().getOrDefault(industry.code(), Set.of());
            if (industry.keyPct() > 0 && !allowed.contains("KEY") || industry.simplifiedPct() > 0 && !allowed.contains("SIMPLIFIED")
                    || industry.registrationPct() > 0 && !allowed.contains("REGISTRATION")) {
                throw new IllegalStateException("industry-mix.csv gives " + industry.code()
                        + " a category the classification catalogue does not (industry_management_category)");
            }
        }
    }

    private static int[] cumulative(int[] weights) {
        int[] sums = new int[weights.length];
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            sums[i] = sum;
        }
        return sums;
    }

    /** Generates enterprise number {@code index} (0-based) with at most {@code maxPermits} permits. */
    void emitEnterprise(long index, int maxPermits, DemoBatch batch) {
        SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        long enterpriseId = index + 1;
        Vocabulary.Province province = words.provinces().get(pick(rnd, provinceCumulativeWeights));
        IndustryShare industry = words.industries().get(pick(rnd, industryCumulativeWeights));
        List<Region> sites = (reference.urbanCoreIndustries().contains(industry.code())
                ? reference.siteRegionsByProvince() : reference.industrialSiteRegionsByProvince()).get(province.code());
        Region home = sites.get(rnd.nextInt(sites.size()));
        String name = placeName(home) + pick(rnd, words.tradeNames())
                + pick(rnd, words.industrySuffixes().getOrDefault(industry.code(), List.of("有限公司")));
        boolean pseudo = rnd.nextInt(300) == 0;
        String creditCode = pseudo ? pseudoCreditCode(home.code(), index, rnd) : creditCode(home.code(), index, rnd);
        double lat = province.latitude() + rnd.nextDouble(-0.6, 0.6);
        double lon = province.longitude() + rnd.nextDouble(-0.6, 0.6);
        String address = fullPlace(home) + pick(rnd, words.roads()) + (1 + rnd.nextInt(999)) + "号";
        String legal = person(rnd);
        String contact = person(rnd);
        LocalDate founded = FIRST_ISSUE.minusDays(rnd.nextInt(3650));
        batch.enterprises.row().add(enterpriseId).add(creditCode).add(pseudo).add(name).add(home.code())
                .add(industry.code()).add(address).add(coordinate(lon)).add(coordinate(lat)).add(legal).add(contact)
                .add("1" + (3 + rnd.nextInt(7)) + digits(rnd, 9))
                .add("env" + digits(rnd, 4) + "@example.cn")
                .add(founded + " 09:00:00+08").add(founded + " 09:00:00+08");

        int permits = Math.min(maxPermits, rnd.nextInt(100) < 85 ? 1 : rnd.nextInt(100) < 80 ? 2 : 3);
        for (int serial = 1; serial <= permits; serial++) {
            Region site = serial == 1 ? home : sites.get(rnd.nextInt(sites.size()));
            emitPermit(rnd, batch, enterpriseId, creditCode, name, site, industry, serial, lat, lon, legal);
        }
    }

    private void emitPermit(SplittableRandom rnd, DemoBatch batch, long enterpriseId, String creditCode,
                            String enterpriseName, Region site, IndustryShare industry, int serial, double lat, double lon,
                            String legal) {
        long permitId = nextPermitId++;
        int roll = rnd.nextInt(100);
        String category = roll < industry.keyPct() ? "KEY"
                : roll < industry.keyPct() + industry.simplifiedPct() ? "SIMPLIFIED" : "REGISTRATION";
        boolean registration = category.equals("REGISTRATION");
        char letter = registration ? registrationLetter : permitLetter;
        String number = creditCode + String.format(Locale.ROOT, "%03d", serial) + letter;
        String siteName = serial == 1 ? enterpriseName : enterpriseName + siteSuffix(serial);
        double siteLat = serial == 1 ? lat : lat + rnd.nextDouble(-0.2, 0.2);
        double siteLon = serial == 1 ? lon : lon + rnd.nextDouble(-0.2, 0.2);
        String address = fullPlace(site) + pick(rnd, words.roads()) + (1 + rnd.nextInt(999)) + "号";
        // A registration is filed by the unit itself: no authority decides it.
        String authority = registration ? null : authorityOf(site);

        Lifecycle life = lifecycle(rnd, registration, authority);
        batch.permits.row().add(permitId).add(number).add(enterpriseId).add(serial).add(category).add(life.status)
                .add(siteName).add(site.code()).add(industry.code()).add(address).add(coordinate(siteLon))
                .add(coordinate(siteLat)).add(authority).add(life.currentIssue).add(life.validFrom).add(life.validTo)
                .add(life.versions.size()).add(life.firstIssue + " 09:00:00+08").add(life.currentIssue + " 09:00:00+08");
        batch.permitCount++;
        for (int i = 0; i < life.versions.size(); i++) {
            Version v = life.versions.get(i);
            LocalDate to = i + 1 < life.versions.size() ? life.versions.get(i + 1).from.minusDays(1) : null;
            batch.versions.row().add(permitId).add(i + 1).add(v.from).add(to).add(v.reason).add(v.from + " 09:00:00+08");
        }
        for (Event e : life.events) {
            batch.events.row().add(nextEventId++).add(permitId).add(e.version).add(e.type).add(e.on).add(e.authority)
                    .add(e.description);
        }
        for (Map.Entry<String, Integer> secondary : industry.secondaryPct().entrySet()) {
            if (rnd.nextInt(100) < secondary.getValue()) {
                batch.secondaryIndustries.row().add(permitId).add(secondary.getKey());
            }
        }
        if (!registration) {
            DemoPermitFacts facts = emitPermitContent(rnd, batch, permitId, category, industry.code(), site, siteLat, siteLon,
                    life, legal);
            boolean monitored = monitoring != null && monitoring.takes(facts);
            if (monitored) {
                monitoring.emit(facts, batch);
            }
            if (reports != null) {
                reports.emit(facts, monitored ? monitoring.firstDay() : null, batch);
            }
        }
    }

    private record Version(LocalDate from, String reason) {
    }

    private record Event(int version, String type, LocalDate on, String authority, String description) {
    }

    private static final class Lifecycle {
        final List<Version> versions = new ArrayList<>();
        final List<Event> events = new ArrayList<>();
        LocalDate firstIssue;
        LocalDate currentIssue;
        LocalDate validFrom;
        LocalDate validTo;
        String status = "VALID";
    }

    /**
     * First issue (or registration), renewals while the validity ran out before the as-of date, perhaps a change,
     * and how it ends: expired permits that were not renewed are cancelled within the configured time; a few permits
     * are revoked (吊销), annulled (撤销) or cancelled when the unit closes.
     */
    private Lifecycle lifecycle(SplittableRandom rnd, boolean registration, String authority) {
        Lifecycle life = new Lifecycle();
        LocalDate start = registration ? FIRST_REGISTRATION : FIRST_ISSUE;
        long span = ChronoUnit.DAYS.between(start, asOf.minusDays(5));
        LocalDate issued = start.plusDays(rnd.nextLong(Math.max(1, span)));
        life.firstIssue = issued;
        life.validFrom = issued;
        life.currentIssue = issued;
        int years = registration || !issued.isBefore(REGULATIONS_IN_FORCE) ? 5 : 3;
        life.validTo = issued.plusYears(years).minusDays(1);
        life.versions.add(new Version(issued, "INITIAL"));
        life.events.add(new Event(1, registration ? "REGISTERED" : "ISSUED", issued, authority,
                registration ? "排污登记 / registration filed" : "首次核发 / initial issue"));
        while (life.validTo.isBefore(asOf) && rnd.nextInt(100) < RENEWED_PCT) {
            // A permit's renewal is filed at least 60 days ahead and decided within 20; a registration is renewed by
            // the unit in the 20 days before it expires.
            LocalDate renewedOn = registration ? life.validTo.minusDays(rnd.nextInt(20))
                    : life.validTo.minusDays(20 + rnd.nextInt(60));
            life.validFrom = life.validTo.plusDays(1);
            life.validTo = life.validFrom.plusYears(5).minusDays(1);
            life.currentIssue = renewedOn;
            life.versions.add(new Version(life.validFrom, "RENEWAL"));
            life.events.add(new Event(life.versions.size(), "RENEWED", renewedOn, authority,
                    registration ? "排污登记延续 / registration renewed" : "延续 / renewal"));
        }
        int version = life.versions.size();
        if (life.validTo.isBefore(asOf)) {
            LocalDate expired = life.validTo.plusDays(1);
            life.events.add(new Event(version, "EXPIRED", expired, authority, "有效期届满 / expired"));
            // not renewed: cancelled the configured time after it expired, on the day the lifecycle job
            // (PermitLifecycleJob) would have cancelled it, so nothing stays merely expired for long
            LocalDate cancelled = expired.plus(cancelExpiredAfter);
            if (!cancelled.isAfter(asOf)) {
                life.status = "CANCELLED";
                life.events.add(new Event(version, "CANCELLED", cancelled, authority,
                        "有效期届满未延续，注销 / cancelled: expired and not renewed"));
            } else {
                life.status = "EXPIRED";
            }
            return life;
        }
        long daysIn = ChronoUnit.DAYS.between(life.validFrom, asOf);
        if (daysIn > 30 && rnd.nextInt(100) < CHANGED_PCT) {
            LocalDate changedOn = life.validFrom.plusDays(1 + rnd.nextLong(daysIn - 1));
            life.versions.add(new Version(changedOn, "CHANGE"));
            version = life.versions.size();
            life.events.add(new Event(version, "CHANGED", changedOn, authority, registration
                    ? "登记事项变更 / registration changed"
                    : "变更（名称、地址或法定代表人）/ change of name, address or legal representative"));
            life.currentIssue = changedOn;
        }
        int ending = rnd.nextInt(1000);
        LocalDate on = min(asOf, life.currentIssue.plusDays(1 + rnd.nextInt(400)));
        if (!registration && ending < REVOKED_PER_MILLE) {
            life.status = "REVOKED";
            life.events.add(new Event(version, "REVOKED", on, authority, "吊销（违法排污）/ revoked for violations"));
        } else if (!registration && ending < REVOKED_PER_MILLE + ANNULLED_PER_MILLE) {
            life.status = "ANNULLED";
            life.events.add(new Event(version, "ANNULLED", on, authority, "撤销（违法核发）/ annulled: issued unlawfully"));
        } else if (ending >= 1000 - CLOSED_PER_MILLE) {
            life.status = "CANCELLED";
            life.events.add(new Event(version, "CANCELLED", on, authority, "排污单位关闭，注销 / cancelled: unit closed"));
        }
        return life;
    }

    private DemoPermitFacts emitPermitContent(SplittableRandom rnd, DemoBatch batch, long permitId, String category,
                                              String industry, Region site, double lat, double lon, Lifecycle life,
                                              String legal) {
        List<DemoPermitFacts.Outlet> outlets = new ArrayList<>();
        Map<String, Map<Integer, BigDecimal>> quantities = new TreeMap<>();
        List<ReportObligation> obligations = new ArrayList<>();
        boolean key = category.equals("KEY");
        List<OutletTemplate> templates = reference.templatesByIndustryAndCategory()
                .getOrDefault(DemoReferenceData.key(industry, category), List.of());
        List<String> waters = reference.receivingWatersByProvince().get(site.province());
        String water = waters.get(rnd.nextInt(waters.size()));
        Map<String, StandardTable> tableBySource = new HashMap<>();
        Map<Integer, OutletTemplate> chosen = chooseInGroups(rnd, templates);
        Set<String> licensed = new HashSet<>();
        int air = 0;
        int wastewater = 0;
        for (OutletTemplate t : templates) {
            boolean present = t.choiceGroup() == null ? rnd.nextInt(100) < t.sharePct() : chosen.get(t.choiceGroup()) == t;
            if (!present) {
                continue;
            }
            int count = t.minCount() + rnd.nextInt(t.maxCount() - t.minCount() + 1);
            StandardTable table = tableBySource.computeIfAbsent(t.source(), s -> applicableTable(rnd, s, t.medium(), site));
            for (int n = 1; n <= count; n++) {
                boolean isAir = t.medium().equals("AIR");
                String code = isAir ? "DA" + String.format(Locale.ROOT, "%03d", ++air)
                        : "DW" + String.format(Locale.ROOT, "%03d", ++wastewater);
                String name = t.nameZh().replace("{n}", String.valueOf(n));
                outlets.add(emitOutlet(rnd, batch, permitId, code, name, t, table, water, lat, lon, licensed, key));
            }
        }
        boolean quantityControlled = key || rnd.nextInt(100) < QUANTITY_CONTROLLED_SIMPLIFIED_PCT;
        Map<String, BigDecimal> typical = reference.annualQuantitiesByIndustry().getOrDefault(industry, Map.of());
        if (quantityControlled && !typical.isEmpty()) {
            double scale = key ? rnd.nextDouble(0.2, 2.5) : rnd.nextDouble(0.02, 0.3);
            int years = (int) ChronoUnit.YEARS.between(life.validFrom, life.validTo.plusDays(1));
            for (Map.Entry<String, BigDecimal> q : typical.entrySet()) {
                // a quantity is licensed only for a pollutant the permit limits at its (main) outlets
                if (!licensed.contains(q.getKey())) {
                    continue;
                }
                long thousandths = Math.max(1, Math.round(q.getValue().doubleValue() * scale * 1000));
                for (int year = life.validFrom.getYear(); year < life.validFrom.getYear() + years; year++) {
                    batch.annualQuantities.row().add(permitId).add(q.getKey()).add(year)
                            .add(BigDecimal.valueOf(thousandths, 3).toPlainString());
                    quantities.computeIfAbsent(q.getKey(), c -> new TreeMap<>()).put(year, BigDecimal.valueOf(thousandths, 3));
                }
            }
        }
        for (ReportDefault d : reference.reportDefaultsByCategory().getOrDefault(category, List.of())) {
            boolean required = d.mandatory() || switch (d.reportType()) {
                case "MONTHLY" -> rnd.nextInt(100) < MONTHLY_PCT;
                case "QUARTERLY" -> rnd.nextInt(100) < QUARTERLY_SIMPLIFIED_PCT;
                case "SEMIANNUAL" -> life.validFrom.isBefore(SEMIANNUAL_BEFORE) && rnd.nextBoolean();
                default -> false;
            };
            if (required) {
                int day = d.alternativeDueDay() != null && rnd.nextInt(100) < ANNUAL_END_OF_JANUARY_PCT
                        ? d.alternativeDueDay() : d.dueDay();
                batch.reportObligations.row().add(permitId).add(d.reportType()).add(d.dueMonthsAfter()).add(day);
                obligations.add(new ReportObligation(ReportType.valueOf(d.reportType()), d.dueMonthsAfter(), day));
            }
        }
        return new DemoPermitFacts(permitId, category, industry, life.status, life.versions.stream().map(Version::from).toList(),
                life.firstIssue, holdingLast(life), outlets, quantities, obligations, legal);
    }

    /**
     * The last day the permit is held, as the service reads it (PermitVersionQueries): the end of its validity, or
     * the day it was cancelled, revoked or annulled if that came first.
     */
    private static LocalDate holdingLast(Lifecycle life) {
        LocalDate last = life.validTo;
        for (Event e : life.events) {
            if ((e.type.equals("CANCELLED") || e.type.equals("REVOKED") || e.type.equals("ANNULLED")) && e.on.isBefore(last)) {
                last = e.on;
            }
        }
        return last.isBefore(life.firstIssue) ? life.firstIssue : last;
    }

    /** Within each choice group, the one template a site has, drawn by the templates' shares. */
    private static Map<Integer, OutletTemplate> chooseInGroups(SplittableRandom rnd, List<OutletTemplate> templates) {
        Map<Integer, List<OutletTemplate>> groups = new HashMap<>();
        for (OutletTemplate t : templates) {
            if (t.choiceGroup() != null) {
                groups.computeIfAbsent(t.choiceGroup(), g -> new ArrayList<>()).add(t);
            }
        }
        Map<Integer, OutletTemplate> chosen = new HashMap<>();
        groups.keySet().stream().sorted().forEach(g -> {
            List<OutletTemplate> members = groups.get(g);
            int ticket = rnd.nextInt(members.stream().mapToInt(OutletTemplate::sharePct).sum());
            for (OutletTemplate t : members) {
                ticket -= t.sharePct();
                if (ticket < 0) {
                    chosen.put(g, t);
                    break;
                }
            }
        });
        return chosen;
    }

    /**
     * The table a site's limits for a kind of source come from: its province's local standard where there is one,
     * else the special emission limits where they apply to the site, else the national table (one of several where a
     * standard has grades, as GB 18918's 一级A and 一级B). Null for a source no standard limits (stormwater).
     */
    private StandardTable applicableTable(SplittableRandom rnd, String source, String medium, Region site) {
        List<StandardTable> tables = reference.tablesBySource().getOrDefault(source, List.of());
        if (tables.isEmpty()) {
            return null;
        }
        List<StandardTable> local = tables.stream().filter(t -> site.province().equals(t.localProvince())).toList();
        if (!local.isEmpty()) {
            return local.get(rnd.nextInt(local.size()));
        }
        boolean specialHere = reference.specialLimitPrefixesByMedium().getOrDefault(medium, Set.of()).stream()
                .anyMatch(site.code()::startsWith);
        List<StandardTable> national = tables.stream().filter(t -> t.localProvince() == null)
                .filter(t -> t.special() == specialHere).toList();
        if (national.isEmpty()) {
            national = tables.stream().filter(t -> t.localProvince() == null && !t.special()).toList();
        }
        return national.get(rnd.nextInt(national.size()));
    }

    private DemoPermitFacts.Outlet emitOutlet(SplittableRandom rnd, DemoBatch batch, long permitId, String code, String name,
                                              OutletTemplate t, StandardTable table, String water, double lat, double lon,
                                              Set<String> licensed, boolean key) {
        List<DemoPermitFacts.Pollutant> pollutants = new ArrayList<>();
        long outletId = nextOutletId++;
        boolean air = t.medium().equals("AIR");
        batch.outlets.row().add(outletId).add(permitId).add(code).add(name).add(t.medium()).add(t.kind())
                .add(coordinate(lon + rnd.nextDouble(-0.005, 0.005))).add(coordinate(lat + rnd.nextDouble(-0.005, 0.005)))
                .add(air ? String.valueOf(t.stackMinM() + rnd.nextInt(t.stackMaxM() - t.stackMinM() + 1)) : null)
                .add(air ? null : water);
        for (MonitoredPollutant p : t.pollutants()) {
            Limit limit = table == null ? null : table.limits().get(p.pollutantCode());
            if (limit != null && (!key || t.kind().equals("MAIN"))) {
                licensed.add(p.pollutantCode());
            }
            batch.outletPollutants.row().add(outletId).add(p.pollutantCode())
                    .add(limit == null ? null : plain(limit.min())).add(limit == null ? null : plain(limit.value()))
                    .add(limit == null ? null : limit.unit()).add(limit == null ? null : limit.averaging())
                    .add(limit == null ? null : plain(limit.referenceOxygenPct()))
                    .add(limit == null ? null : table.standardCode()).add(limit == null ? null : table.tableRef())
                    .add(p.mode()).add(p.count()).add(p.every()).add(p.unit()).add(p.samplingMethod())
                    .add(p.samplesPerEvent());
            pollutants.add(new DemoPermitFacts.Pollutant(p.pollutantCode(), limit, p));
        }
        return new DemoPermitFacts.Outlet(code, t.medium(), t.kind(), pollutants);
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }

    /**
     * The authority that issues a site's permit: the prefecture-level bureau, or the province's (a municipality's)
     * where the site's city row is a grouping row (北京市 市辖区) and for county-level cities under the province.
     */
    private String authorityOf(Region site) {
        Region r = site;
        while (r.level() > 2 || r.grouping()) {
            r = reference.regions().get(r.parentCode());
        }
        return r.code();
    }

    private static int pick(SplittableRandom rnd, int[] cumulativeWeights) {
        int ticket = rnd.nextInt(cumulativeWeights[cumulativeWeights.length - 1]);
        for (int i = 0; i < cumulativeWeights.length; i++) {
            if (ticket < cumulativeWeights[i]) {
                return i;
            }
        }
        throw new IllegalStateException("unreachable");
    }

    /**
     * A code valid in full: registered by market regulation (9), an enterprise (1), in the unit's division, its
     * organisation code's check (position 17) and its own (18) right. The organisation code's body (positions 9-16)
     * is "MA" and 6 characters, as on codes issued since 2015, or 8 digits, as on older ones; each maps the index
     * one-to-one (a multiplier coprime with the base), and the two never meet (M is no digit), so no two enterprises
     * below 100,000,000 share a code.
     */
    static String creditCode(String division, long index, SplittableRandom rnd) {
        StringBuilder code = new StringBuilder("91").append(division);
        if (rnd.nextBoolean()) {
            long body = scramble(index, 887_503_681L); // 31^6
            char[] chars = new char[6];
            for (int i = 5; i >= 0; i--) {
                chars[i] = ALPHABET.charAt((int) (body % 31));
                body /= 31;
            }
            code.append("MA").append(chars);
        } else {
            long body = scramble(index, 100_000_000L);
            code.append(String.format(Locale.ROOT, "%08d", body));
        }
        code.append(CreditCode.organisationCheckCharacter(code.substring(8)));
        return code.append(CreditCode.checkCharacter(code.toString())).toString();
    }

    /**
     * A unit without a credit code holds a pseudo-code: H9, the issuing division (the unit's), then either 0000, a
     * 5-digit sequence and a letter, or the unit's 8-digit organisation code with its GB 11714 check and a letter, the
     * letter lower case (a-z but i and o). The index maps one-to-one onto (sequence, letter) below 2,400,000 and onto
     * the organisation code's body below 99,990,000 (bodies start at 00010000, so the forms never meet).
     */
    static String pseudoCreditCode(String division, long index, SplittableRandom rnd) {
        final String letters = "abcdefghjklmnpqrstuvwxyz";
        final long sequences = 100_000L * letters.length();
        StringBuilder code = new StringBuilder("H9").append(division);
        if (index < sequences && rnd.nextBoolean()) {
            long n = scramble(index, sequences);
            return code.append("0000").append(String.format(Locale.ROOT, "%05d", n / letters.length()))
                    .append(letters.charAt((int) (n % letters.length()))).toString();
        }
        long body = 10_000L + scramble(index, 99_990_000L);
        code.append(String.format(Locale.ROOT, "%08d", body));
        code.append(CreditCode.organisationCheckCharacter(code.substring(8)));
        return code.append(letters.charAt(rnd.nextInt(letters.length()))).toString();
    }

    /** The enterprise index spread over [0, modulus), one-to-one below the modulus. */
    private static long scramble(long index, long modulus) {
        return Math.floorMod(index * INDEX_MULTIPLIER + 7_777_777L, modulus);
    }

    private String placeName(Region r) {
        Region city = reference.regions().get(cityOf(r));
        Region place = city.nameZh().equals("市辖区") || city.nameZh().equals("县")
                ? reference.regions().get(r.province() + "0000") : city;
        String name = place.nameZh();
        for (String suffix : List.of("特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州", "地区", "盟", "省", "市")) {
            if (name.endsWith(suffix) && name.length() > suffix.length() + 1) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }

    private String fullPlace(Region r) {
        StringBuilder s = new StringBuilder(reference.regions().get(r.province() + "0000").nameZh());
        Region city = reference.regions().get(cityOf(r));
        if (city != null && city.level() == 2 && !city.nameZh().equals("市辖区") && !city.nameZh().equals("县")) {
            s.append(city.nameZh());
        }
        if (r.level() == 3) {
            s.append(r.nameZh());
        }
        return s.toString();
    }

    private static String cityOf(Region r) {
        return r.code().substring(0, 4) + "00";
    }

    private static String siteSuffix(int serial) {
        return serial == 2 ? "（二厂）" : "（三厂）";
    }

    private String person(SplittableRandom rnd) {
        return pick(rnd, words.surnames()) + pick(rnd, words.givenNames());
    }

    private static String pick(SplittableRandom rnd, List<String> list) {
        return list.get(rnd.nextInt(list.size()));
    }

    private static String digits(SplittableRandom rnd, int n) {
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            s.append((char) ('0' + rnd.nextInt(10)));
        }
        return s.toString();
    }

    private static String coordinate(double value) {
        return BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_UP).toPlainString();
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
