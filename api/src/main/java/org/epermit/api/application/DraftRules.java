package org.epermit.api.application;

import org.epermit.api.common.FreeText;
import org.epermit.api.permit.PermitCategory;
import org.epermit.api.permit.PublicPermit;
import org.epermit.api.permit.monitoring.MonitoringMode;
import org.epermit.api.permit.reporting.ReportType;
import org.epermit.api.problem.FieldError;
import org.epermit.api.reference.Medium;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules a permit draft must meet, checked like a filing: every failing field with its JSON pointer and
 * {@link ApplicationCode}, all at once, in English and Chinese. What is checked is what the reference data can tell
 * ({@link DraftCatalogue}): known codes, the medium of outlets, pollutants and standards, the standard's own limits, the
 * category the classification catalogue gives the industry, the report obligations the category carries, and the
 * automatic monitoring of a KEY site's main pollutants. Pure: tested without a database.
 */
final class DraftRules {

    static final int TEXT_MAX = 200;
    static final Pattern OUTLET_CODE = Pattern.compile("D[AW][0-9]{3}");
    static final Pattern INDUSTRY_CLASS = Pattern.compile("[0-9]{4}");

    private final DraftCatalogue catalogue;
    private final PermitDraft draft;
    private final List<FieldError> errors = new ArrayList<>();

    private DraftRules(DraftCatalogue catalogue, PermitDraft draft) {
        this.catalogue = catalogue;
        this.draft = draft;
    }

    /** Every error of {@code draft}, its paths under {@code /draft}. */
    static List<FieldError> check(PermitDraft draft, DraftCatalogue catalogue) {
        DraftRules rules = new DraftRules(catalogue, draft);
        rules.all();
        return List.copyOf(rules.errors);
    }

    private void all() {
        site(draft.site());
        category();
        industries();
        Set<String> licensed = outlets();
        quantities(licensed);
        obligations();
    }

    // --- site, category, industries

    private void site(PermitDraft.Site site) {
        if (site == null) {
            required("/draft/site", "the site: {name, address, regionCode, longitude, latitude}", "场所信息：{name, address, regionCode, longitude, latitude}");
            return;
        }
        text("/draft/site/name", site.name());
        text("/draft/site/address", site.address());
        String region = site.regionCode();
        if (region == null) {
            required("/draft/site/regionCode", "the site's county-level division (GB/T 2260)", "场所所在县级行政区划代码（GB/T 2260）");
        } else if (!catalogue.regions().containsKey(region)) {
            add("/draft/site/regionCode", ApplicationCode.UNKNOWN_REGION, region + " is not a division of GET /v1/reference/regions.",
                    region + "不在行政区划代码表（GET /v1/reference/regions）中。");
        } else if (!catalogue.regions().get(region).siteable()) {
            add("/draft/site/regionCode", ApplicationCode.REGION_NOT_A_SITE, region + " is a province, a city or a grouping row (市辖区, 县): "
                    + "give the county-level division the site is in.", region + "为省、市级或汇总类区划（市辖区、县），请填写场所所在的县级行政区划。");
        }
        coordinates("/draft/site", site.longitude(), site.latitude());
    }

    private void category() {
        if (draft.category() == null) {
            required("/draft/category", "KEY or SIMPLIFIED", "KEY（重点管理）或 SIMPLIFIED（简化管理）");
        } else if (draft.category() == PermitCategory.REGISTRATION) {
            add("/draft/category", ApplicationCode.REGISTRATION_SELF_SERVICE, "A REGISTRATION unit applies for no permit: it registers itself "
                    + "(登记) at POST /v1/registrations, with no decision.", "登记管理的排污单位无需申请许可证，通过 POST /v1/registrations 自行登记，无需审批。");
        }
    }

    private void industries() {
        String main = draft.mainIndustry();
        if (main == null) {
            required("/draft/mainIndustry", "the main industry class (4 digits, GB/T 4754-2017)", "主行业类别（4位，GB/T 4754-2017）");
        } else if (industryClass("/draft/mainIndustry", main) && draft.category() != null && draft.category() != PermitCategory.REGISTRATION) {
            Set<PermitCategory> listed = catalogue.industryCategories().getOrDefault(main, Set.of());
            if (!listed.isEmpty() && !listed.contains(draft.category())) {
                add("/draft/category", ApplicationCode.CATEGORY_NOT_FOR_INDUSTRY, "The classification catalogue puts class " + main + " under "
                        + listed + ", not " + draft.category() + ".", "分类管理名录将行业类别" + main + "列为" + listed + "，而非"
                        + draft.category() + "。");
            }
        }
        List<String> secondary = draft.secondaryIndustries() == null ? List.of() : draft.secondaryIndustries();
        Set<String> seen = new HashSet<>();
        if (main != null) {
            seen.add(main);
        }
        for (int i = 0; i < secondary.size(); i++) {
            String path = "/draft/secondaryIndustries/" + i;
            if (industryClass(path, secondary.get(i)) && !seen.add(secondary.get(i))) {
                add(path, ApplicationCode.DUPLICATE_INDUSTRY, secondary.get(i) + " is named twice (or is the main class).",
                        secondary.get(i) + "重复填写（或与主行业类别相同）。");
            }
        }
    }

    private boolean industryClass(String path, String code) {
        if (!catalogue.industries().contains(code)) {
            add(path, ApplicationCode.UNKNOWN_INDUSTRY, code + " is not an industry of GET /v1/reference/industries.",
                    code + "不在行业分类代码表（GET /v1/reference/industries）中。");
            return false;
        }
        if (!INDUSTRY_CLASS.matcher(code).matches()) {
            add(path, ApplicationCode.INDUSTRY_NOT_A_CLASS, code + " is a division or group: give the 4-digit class.",
                    code + "为行业大类或中类，请填写4位行业小类代码。");
            return false;
        }
        return true;
    }

    // --- outlets and their pollutants

    /** Checks the outlets; returns the codes of the pollutants they license with a limit or monitoring. */
    private Set<String> outlets() {
        Set<String> licensed = new HashSet<>();
        List<PermitDraft.Outlet> outlets = draft.outlets();
        if (outlets == null || outlets.isEmpty()) {
            required("/draft/outlets", "at least one outlet", "至少一个排放口");
            return licensed;
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < outlets.size(); i++) {
            outlet("/draft/outlets/" + i, outlets.get(i), codes, licensed);
        }
        return licensed;
    }

    private void outlet(String at, PermitDraft.Outlet o, Set<String> codes, Set<String> licensed) {
        Medium medium = o.medium();
        if (medium == null) {
            required(at + "/medium", "AIR or WATER", "AIR（废气）或 WATER（废水）");
        }
        if (o.code() == null) {
            required(at + "/code", "the outlet's code: DA### for air, DW### for water", "排放口编号：废气 DA###，废水 DW###");
        } else if (!OUTLET_CODE.matcher(o.code()).matches()) {
            add(at + "/code", ApplicationCode.OUTLET_CODE_INVALID, o.code() + " is not an outlet code: DA### for air, DW### for water (HJ 608-2017).",
                    o.code() + "不是排放口编号：废气为 DA###，废水为 DW###（HJ 608-2017）。");
        } else {
            if (medium != null && (medium == Medium.AIR) != o.code().startsWith("DA")) {
                add(at + "/code", ApplicationCode.OUTLET_CODE_MEDIUM_MISMATCH, o.code() + " is the code of " + (medium == Medium.AIR ? "a water" : "an air")
                        + " outlet; a " + medium + " outlet's code starts with " + (medium == Medium.AIR ? "DA" : "DW") + ".",
                        o.code() + "为" + (medium == Medium.AIR ? "废水" : "废气") + "排放口编号；" + (medium == Medium.AIR ? "废气排放口编号以 DA" : "废水排放口编号以 DW") + " 开头。");
            }
            if (!codes.add(o.code())) {
                add(at + "/code", ApplicationCode.DUPLICATE_OUTLET, o.code() + " is given to two outlets.", o.code() + "被两个排放口使用。");
            }
        }
        text(at + "/name", o.name());
        if (o.kind() == null) {
            required(at + "/kind", "MAIN or GENERAL", "MAIN（主要排放口）或 GENERAL（一般排放口）");
        } else if (o.kind() == PublicPermit.OutletKind.MAIN && draft.category() == PermitCategory.SIMPLIFIED) {
            add(at + "/kind", ApplicationCode.MAIN_OUTLET_FOR_SIMPLIFIED, "A SIMPLIFIED permit's outlets are GENERAL outlets (HJ 942-2018).",
                    "简化管理的排污许可证只有一般排放口（HJ 942-2018）。");
        }
        coordinates(at, o.longitude(), o.latitude());
        if (medium == Medium.AIR) {
            if (o.stackHeightMeters() == null) {
                required(at + "/stackHeightMeters", "the stack's height in metres", "排气筒高度（米）");
            } else {
                number(at + "/stackHeightMeters", o.stackHeightMeters(), new BigDecimal("0.1"), new BigDecimal("99999.9"), 1);
            }
            notForMedium(at + "/receivingWater", o.receivingWater() != null, medium);
        } else if (medium == Medium.WATER) {
            if (o.receivingWater() == null) {
                required(at + "/receivingWater", "the receiving water body", "受纳水体");
            } else {
                text(at + "/receivingWater", o.receivingWater());
            }
            notForMedium(at + "/stackHeightMeters", o.stackHeightMeters() != null, medium);
        }
        List<PermitDraft.OutletPollutant> pollutants = o.pollutants();
        if (pollutants == null || pollutants.isEmpty()) {
            required(at + "/pollutants", "at least one pollutant licensed or monitored at the outlet", "该排放口至少一项许可或监测的污染物");
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int j = 0; j < pollutants.size(); j++) {
            String pAt = at + "/pollutants/" + j;
            PermitDraft.OutletPollutant p = pollutants.get(j);
            Optional<DraftCatalogue.Pollutant> known = pollutant(pAt + "/pollutantCode", p.pollutantCode());
            if (p.pollutantCode() != null && !seen.add(p.pollutantCode())) {
                add(pAt + "/pollutantCode", ApplicationCode.DUPLICATE_POLLUTANT, p.pollutantCode() + " is listed twice at " + o.code() + ".",
                        p.pollutantCode() + "在排放口" + o.code() + "重复填写。");
            }
            if (known.isPresent() && medium != null && known.get().medium() != medium) {
                add(pAt + "/pollutantCode", ApplicationCode.POLLUTANT_MEDIUM_MISMATCH, p.pollutantCode() + " is " + (known.get().medium() == Medium.AIR
                                ? "an air" : "a water") + " pollutant: a " + medium + " outlet does not discharge it.",
                        p.pollutantCode() + "为" + (known.get().medium() == Medium.AIR ? "大气" : "水") + "污染物，" + (medium == Medium.AIR ? "废气" : "废水")
                                + "排放口不排放该污染物。");
                continue; // its limit and monitoring are meaningless here
            }
            known.ifPresent(k -> licensed.add(k.code()));
            limit(pAt, p, known.orElse(null), medium);
            monitoring(pAt + "/monitoring", p.monitoring(), o, known.orElse(null));
        }
    }

    private void limit(String at, PermitDraft.OutletPollutant p, DraftCatalogue.Pollutant pollutant, Medium medium) {
        if (p.rateLimitKgPerHour() != null) {
            number(at + "/rateLimitKgPerHour", p.rateLimitKgPerHour(), BigDecimal.ZERO, new BigDecimal("99999999.9999"), 4);
        }
        PermitDraft.Limit limit = p.limit();
        if (limit == null) {
            return;
        }
        if (pollutant != null && pollutant.flow()) {
            add(at + "/limit", ApplicationCode.LIMIT_ON_FLOW, p.pollutantCode() + " is a flow parameter: it is monitored, not limited.",
                    p.pollutantCode() + "为流量参数，只监测，不设限值。");
            return;
        }
        if (limit.min() == null && limit.max() == null) {
            required(at + "/limit/max", "the upper bound (and the lower one of a range)", "限值上限（范围限值另填下限）");
        }
        boolean bounds = true;
        if (limit.min() != null) {
            bounds &= number(at + "/limit/min", limit.min(), BigDecimal.ZERO, new BigDecimal("99999999.9999"), 4);
        }
        if (limit.max() != null) {
            bounds &= number(at + "/limit/max", limit.max(), BigDecimal.ZERO, new BigDecimal("99999999.9999"), 4);
        }
        if (bounds && limit.min() != null && limit.max() != null && limit.min().compareTo(limit.max()) > 0) {
            add(at + "/limit/min", ApplicationCode.INVALID_VALUE, "The lower bound " + limit.min() + " is above the upper bound " + limit.max() + ".",
                    "下限" + limit.min() + "高于上限" + limit.max() + "。");
            bounds = false;
        }
        if (limit.unit() == null) {
            required(at + "/limit/unit", "the unit of the bounds", "限值单位");
        } else if (pollutant != null && !pollutant.unit().equals(limit.unit())) {
            add(at + "/limit/unit", ApplicationCode.LIMIT_UNIT_MISMATCH, p.pollutantCode() + " is limited in " + pollutant.unit() + ", not " + limit.unit() + ".",
                    p.pollutantCode() + "的限值单位为" + pollutant.unit() + "，而非" + limit.unit() + "。");
        }
        if (limit.referenceOxygenPercent() != null) {
            if (medium == Medium.WATER) {
                notForMedium(at + "/limit/referenceOxygenPercent", true, medium);
            } else {
                number(at + "/limit/referenceOxygenPercent", limit.referenceOxygenPercent(), new BigDecimal("0.1"), new BigDecimal("20.9"), 1);
            }
        }
        standard(at, p, pollutant, limit, bounds);
    }

    private void standard(String at, PermitDraft.OutletPollutant p, DraftCatalogue.Pollutant pollutant, PermitDraft.Limit limit, boolean bounds) {
        PermitDraft.Standard cited = p.standard();
        if (cited == null || cited.code() == null) {
            required(at + (cited == null ? "/standard" : "/standard/code"), "the emission standard the limit comes from", "限值所依据的排放标准");
            return;
        }
        DraftCatalogue.Standard standard = catalogue.standards().get(cited.code());
        if (standard == null) {
            add(at + "/standard/code", ApplicationCode.UNKNOWN_STANDARD, cited.code() + " is not an emission standard the service knows.",
                    cited.code() + "不是本系统收录的排放标准。");
            return;
        }
        if (cited.table() != null && !standard.tables().containsKey(cited.table())) {
            add(at + "/standard/table", ApplicationCode.UNKNOWN_STANDARD, cited.code() + " has no table " + cited.table() + " (it has "
                    + standard.tables().keySet().stream().sorted().toList() + ").", cited.code() + "没有" + cited.table() + "（其表为"
                    + standard.tables().keySet().stream().sorted().toList() + "）。");
            return;
        }
        if (pollutant == null) {
            return;
        }
        Medium medium = pollutant.medium();
        boolean covers = cited.table() == null ? standard.covers(medium) : standard.tables().get(cited.table()) == medium;
        if (!covers) {
            add(at + "/standard", ApplicationCode.STANDARD_MEDIUM_MISMATCH, cited.code() + (cited.table() == null ? "" : " " + cited.table())
                    + " sets no " + medium + " limits, and " + p.pollutantCode() + " is a " + medium + " pollutant.",
                    cited.code() + (cited.table() == null ? "" : cited.table()) + "不规定" + (medium == Medium.AIR ? "大气" : "水") + "污染物限值，而"
                            + p.pollutantCode() + "为" + (medium == Medium.AIR ? "大气" : "水") + "污染物。");
            return;
        }
        List<DraftCatalogue.ReferenceLimit> allowed = new ArrayList<>();
        boolean tabulated = false;
        for (Map.Entry<String, Medium> table : standard.tables().entrySet()) {
            if (table.getValue() == medium && (cited.table() == null || cited.table().equals(table.getKey()))) {
                allowed.addAll(catalogue.limits().getOrDefault(new DraftCatalogue.LimitKey(cited.code(), table.getKey(), p.pollutantCode()), List.of()));
                tabulated |= catalogue.limits().keySet().stream().anyMatch(k -> k.standard().equals(cited.code()) && k.table().equals(table.getKey()));
            }
        }
        if (!tabulated) {
            return; // the reference data holds no limits of this standard: nothing to compare with
        }
        String cites = cited.code() + (cited.table() == null ? "" : " " + cited.table());
        if (allowed.isEmpty()) {
            add(at + "/standard", ApplicationCode.LIMIT_NOT_IN_STANDARD, cites + " sets no limit for " + p.pollutantCode() + ": cite the standard that does.",
                    cites + "未规定" + p.pollutantCode() + "的限值，请引用规定该污染物限值的标准。");
            return;
        }
        if (!bounds) {
            return;
        }
        BigDecimal loosestMax = allowed.stream().map(DraftCatalogue.ReferenceLimit::max).max(BigDecimal::compareTo).orElseThrow();
        Optional<BigDecimal> loosestMin = allowed.stream().map(DraftCatalogue.ReferenceLimit::min)
                .filter(java.util.Objects::nonNull).min(BigDecimal::compareTo);
        boolean looserMax = limit.max() == null || limit.max().compareTo(loosestMax) > 0;
        boolean looserMin = loosestMin.isPresent() && (limit.min() == null || limit.min().compareTo(loosestMin.get()) < 0);
        if (looserMax || looserMin) {
            String range = loosestMin.map(min -> min.stripTrailingZeros().toPlainString() + "–").orElse("≤ ") + loosestMax.stripTrailingZeros().toPlainString();
            add(at + "/limit", ApplicationCode.LIMIT_LOOSER_THAN_STANDARD, "The limit is looser than " + cites + " allows for "
                    + p.pollutantCode() + " (" + range + " " + pollutant.unit() + "): a permit may be stricter than its standard, never looser.",
                    "该限值宽于" + cites + "对" + p.pollutantCode() + "的规定（" + range + " " + pollutant.unit() + "）：许可限值可严于标准，不得宽于标准。");
            return;
        }
        special(at, p, pollutant, limit, standard, cited);
    }

    /**
     * Where special emission limits (特别排放限值) apply to the site's division for the medium, a limit under a general
     * table of a standard that has a special table for the pollutant may be no looser than the special table's.
     */
    private void special(String at, PermitDraft.OutletPollutant p, DraftCatalogue.Pollutant pollutant, PermitDraft.Limit limit,
                         DraftCatalogue.Standard standard, PermitDraft.Standard cited) {
        Medium medium = pollutant.medium();
        if (draft.site() == null || !catalogue.specialLimitsApply(draft.site().regionCode(), medium)
                || (cited.table() != null && standard.specialTables().contains(cited.table()))) {
            return;
        }
        for (String table : standard.specialTables().stream().sorted().toList()) {
            if (standard.tables().get(table) != medium) {
                continue;
            }
            Optional<BigDecimal> specialMax = catalogue.limits().getOrDefault(new DraftCatalogue.LimitKey(cited.code(), table, p.pollutantCode()), List.of())
                    .stream().map(DraftCatalogue.ReferenceLimit::max).max(BigDecimal::compareTo);
            if (specialMax.isPresent() && (limit.max() == null || limit.max().compareTo(specialMax.get()) > 0)) {
                String value = specialMax.get().stripTrailingZeros().toPlainString() + " " + pollutant.unit();
                add(at + "/limit", ApplicationCode.SPECIAL_LIMIT_APPLIES, "Special emission limits apply to " + medium + " in "
                        + draft.site().regionCode() + ": " + cited.code() + " " + table + " allows at most " + value + " for " + p.pollutantCode() + ".",
                        draft.site().regionCode() + "执行" + (medium == Medium.AIR ? "大气" : "水") + "污染物特别排放限值：" + cited.code() + table
                                + "对" + p.pollutantCode() + "的限值为" + value + "。");
                return;
            }
        }
    }

    private void monitoring(String at, PermitDraft.Monitoring m, PermitDraft.Outlet outlet, DraftCatalogue.Pollutant pollutant) {
        if (m == null) {
            required(at, "how the pollutant is monitored: {mode, frequency}", "监测要求：{mode, frequency}");
            return;
        }
        if (m.mode() == null) {
            required(at + "/mode", "AUTOMATIC or MANUAL", "AUTOMATIC（自动监测）或 MANUAL（手工监测）");
        } else if (m.mode() == MonitoringMode.MANUAL && pollutant != null && draft.category() == PermitCategory.KEY
                && outlet.kind() == PublicPermit.OutletKind.MAIN && outlet.medium() != null
                && catalogue.automaticAtMainOutlet(draft.mainIndustry(), outlet.medium()).contains(pollutant.code())) {
            add(at + "/mode", ApplicationCode.MAIN_POLLUTANT_NOT_AUTOMATIC, "A KEY unit monitors " + pollutant.code() + " at its main outlet "
                    + outlet.code() + " automatically (HJ 819-2017 and the industry's guide).", "重点管理排污单位应在主要排放口" + outlet.code()
                    + "对" + pollutant.code() + "开展自动监测（HJ 819-2017 及行业自行监测指南）。");
        }
        PermitDraft.Frequency f = m.frequency();
        if (f == null) {
            required(at + "/frequency", "the frequency, a count per period {count, every, unit}", "监测频次，每周期次数 {count, every, unit}");
        } else {
            if (f.count() == null) {
                required(at + "/frequency/count", "samples (events) per period", "每周期监测次数");
            } else {
                whole(at + "/frequency/count", f.count(), 1, 1000);
            }
            if (f.every() != null) {
                whole(at + "/frequency/every", f.every(), 1, 1000);
            }
            if (f.unit() == null) {
                required(at + "/frequency/unit", "HOUR, DAY, WEEK, MONTH, QUARTER, HALF_YEAR or YEAR", "HOUR、DAY、WEEK、MONTH、QUARTER、HALF_YEAR 或 YEAR");
            }
        }
        if (m.samplesPerEvent() != null) {
            whole(at + "/samplesPerEvent", m.samplesPerEvent(), 1, 24);
        }
    }

    // --- quantities and report obligations

    private void quantities(Set<String> licensed) {
        List<PermitDraft.AnnualQuantity> quantities = draft.annualQuantities() == null ? List.of() : draft.annualQuantities();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < quantities.size(); i++) {
            String at = "/draft/annualQuantities/" + i;
            PermitDraft.AnnualQuantity q = quantities.get(i);
            Optional<DraftCatalogue.Pollutant> known = pollutant(at + "/pollutantCode", q.pollutantCode());
            if (known.isPresent()) {
                if (!seen.add(q.pollutantCode())) {
                    add(at + "/pollutantCode", ApplicationCode.DUPLICATE_QUANTITY, q.pollutantCode() + " has two quantities.", q.pollutantCode() + "的许可排放量重复填写。");
                } else if (!licensed.contains(q.pollutantCode())) {
                    add(at + "/pollutantCode", ApplicationCode.QUANTITY_NOT_LICENSED, q.pollutantCode() + " is licensed at none of the draft's outlets.",
                            q.pollutantCode() + "未在草案的任何排放口许可。");
                } else if (known.get().flow()) {
                    add(at + "/pollutantCode", ApplicationCode.LIMIT_ON_FLOW, q.pollutantCode() + " is a flow parameter: no quantity is licensed for it.",
                            q.pollutantCode() + "为流量参数，不许可排放量。");
                }
            }
            if (q.tonnes() == null) {
                required(at + "/tonnes", "tonnes for each of the " + PermitDraft.VALIDITY_YEARS + " years of validity", "有效期内" + PermitDraft.VALIDITY_YEARS + "年每年的吨数");
            } else if (q.tonnes().size() != PermitDraft.VALIDITY_YEARS) {
                add(at + "/tonnes", ApplicationCode.QUANTITY_YEARS_MISMATCH, "Give " + PermitDraft.VALIDITY_YEARS + " values, one per year of validity, not "
                        + q.tonnes().size() + ".", "请填写" + PermitDraft.VALIDITY_YEARS + "个数值（有效期内每年一个），而非" + q.tonnes().size() + "个。");
            } else {
                for (int y = 0; y < q.tonnes().size(); y++) {
                    number(at + "/tonnes/" + y, q.tonnes().get(y), BigDecimal.ZERO, new BigDecimal("9999999999.9999"), 4);
                }
            }
        }
    }

    private void obligations() {
        List<PermitDraft.ReportObligation> obligations = draft.reportObligations();
        if (obligations == null) {
            required("/draft/reportObligations", "the execution reports the permit requires", "许可证要求的执行报告");
            return;
        }
        PermitCategory category = draft.category();
        Map<ReportType, DraftCatalogue.ObligationDefault> carried = category == null ? null : catalogue.reportObligations().get(category);
        EnumSet<ReportType> seen = EnumSet.noneOf(ReportType.class);
        for (int i = 0; i < obligations.size(); i++) {
            String at = "/draft/reportObligations/" + i;
            PermitDraft.ReportObligation o = obligations.get(i);
            if (o.type() == null) {
                required(at + "/type", "ANNUAL, SEMIANNUAL, QUARTERLY or MONTHLY", "ANNUAL、SEMIANNUAL、QUARTERLY 或 MONTHLY");
                continue;
            }
            if (!seen.add(o.type())) {
                add(at + "/type", ApplicationCode.DUPLICATE_REPORT_OBLIGATION, o.type() + " is listed twice.", o.type() + "重复填写。");
            } else if (carried != null && !carried.containsKey(o.type())) {
                add(at + "/type", ApplicationCode.REPORT_NOT_FOR_CATEGORY, "A " + category + " permit requires " + carried.keySet() + " reports, never "
                        + o.type() + " (HJ 944-2018).", category + "类许可证的执行报告为" + carried.keySet() + "，不含" + o.type() + "（HJ 944-2018）。");
            }
            if (o.deadline() != null) {
                whole(at + "/deadline/monthsAfterPeriod", o.deadline().monthsAfterPeriod(), 1, 12);
                whole(at + "/deadline/day", o.deadline().day(), 1, 31);
            }
        }
        if (carried != null) {
            carried.forEach((type, d) -> {
                if (d.mandatory() && !seen.contains(type)) {
                    add("/draft/reportObligations", ApplicationCode.REPORT_OBLIGATION_MISSING, "A " + category + " permit requires " + type
                            + " execution reports (HJ 944-2018).", category + "类许可证须提交" + type + "执行报告（HJ 944-2018）。");
                }
            });
        }
    }

    // --- shared checks

    private Optional<DraftCatalogue.Pollutant> pollutant(String path, String code) {
        if (code == null) {
            required(path, "the pollutant's HJ 212-2017 code", "污染物代码（HJ 212-2017）");
            return Optional.empty();
        }
        Optional<DraftCatalogue.Pollutant> known = catalogue.pollutant(code);
        if (known.isEmpty()) {
            add(path, ApplicationCode.UNKNOWN_POLLUTANT, code + " is not a pollutant of GET /v1/reference/pollutants.",
                    code + "不在污染物代码表（GET /v1/reference/pollutants）中。");
        }
        return known;
    }

    private void text(String path, String value) {
        if (value == null) {
            required(path, "a text", "文本");
            return;
        }
        FreeText.check(value, path, TEXT_MAX).ifPresent(e -> errors.add(new FieldError(path,
                "TOO_LONG".equals(e.code()) ? ApplicationCode.TOO_LONG.name() : ApplicationCode.INVALID_TEXT.name(), e.message())));
    }

    private void coordinates(String at, BigDecimal longitude, BigDecimal latitude) {
        if (longitude != null) {
            number(at + "/longitude", longitude, new BigDecimal("73"), new BigDecimal("136"), 6);
        }
        if (latitude != null) {
            number(at + "/latitude", latitude, new BigDecimal("3"), new BigDecimal("54"), 6);
        }
        if ((longitude == null) != (latitude == null)) {
            required(at + (longitude == null ? "/longitude" : "/latitude"), "both coordinates, or neither", "经纬度应同时填写或同时不填");
        }
    }

    /** Whether {@code value} is within [min, max] with at most {@code scale} decimals; an error otherwise. */
    private boolean number(String path, BigDecimal value, BigDecimal min, BigDecimal max, int scale) {
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0 || value.stripTrailingZeros().scale() > scale) {
            add(path, ApplicationCode.INVALID_VALUE, "must be between " + min.toPlainString() + " and " + max.toPlainString() + " with at most "
                    + scale + " decimals, got " + value.toPlainString(), "应在" + min.toPlainString() + "至" + max.toPlainString() + "之间，最多" + scale
                    + "位小数，实际为" + value.toPlainString());
            return false;
        }
        return true;
    }

    private void whole(String path, int value, int min, int max) {
        if (value < min || value > max) {
            add(path, ApplicationCode.INVALID_VALUE, "must be a whole number from " + min + " to " + max + ", got " + value,
                    "应为" + min + "至" + max + "之间的整数，实际为" + value);
        }
    }

    private void notForMedium(String path, boolean present, Medium medium) {
        if (present) {
            add(path, ApplicationCode.FIELD_NOT_FOR_MEDIUM, path.substring(path.lastIndexOf('/') + 1) + " does not apply to a " + medium + " outlet.",
                    path.substring(path.lastIndexOf('/') + 1) + "不适用于" + (medium == Medium.AIR ? "废气" : "废水") + "排放口。");
        }
    }

    private void required(String path, String en, String zh) {
        add(path, ApplicationCode.REQUIRED, "Give " + en + ".", "请填写" + zh + "。");
    }

    private void add(String path, ApplicationCode code, String en, String zh) {
        errors.add(ApplicationRules.error(path, code, en, zh));
    }
}
