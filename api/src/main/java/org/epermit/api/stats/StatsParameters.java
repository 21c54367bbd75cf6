package org.epermit.api.stats;

import jakarta.ws.rs.core.MultivaluedMap;
import org.epermit.api.common.CodePrefix;
import org.epermit.api.common.QueryParameters;
import org.epermit.api.permit.PermitCategory;
import org.epermit.api.permit.PermitStatus;
import org.epermit.api.problem.FieldError;
import org.epermit.api.problem.Message;
import org.epermit.codes.Printable;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a statistics query: every parameter checked, every failure reported in one {@code VALIDATION_FAILED}
 * (unknown or repeated parameters, an unknown grouping or level, a malformed prefix, a bad year).
 */
final class StatsParameters {

    private static final Set<String> COMMON = Set.of("groupBy", "industryLevel", "region", "industry", "category");

    private StatsParameters() {
    }

    /** The permit counts' parameters: the common ones and {@code status}; every grouping. */
    static StatsQuery permits(MultivaluedMap<String, String> raw) {
        return read(raw, EnumSet.allOf(Grouping.class), Set.of("status"), false);
    }

    /** The emissions' parameters: the common ones, {@code year} (required) and {@code pollutant}; no status grouping. */
    static StatsQuery emissions(MultivaluedMap<String, String> raw) {
        return read(raw, EnumSet.complementOf(EnumSet.of(Grouping.STATUS)), Set.of("year", "pollutant"), true);
    }

    private static StatsQuery read(MultivaluedMap<String, String> raw, Set<Grouping> groupings, Set<String> more,
                                   boolean yearRequired) {
        Set<String> allowed = new HashSet<>(COMMON);
        allowed.addAll(more);
        QueryParameters params = QueryParameters.of(raw, allowed);
        Optional<String> groupText = params.text("groupBy");
        Optional<Grouping> grouping = groupText.flatMap(Grouping::parse).filter(groupings::contains);
        groupText.filter(g -> grouping.isEmpty()).ifPresent(g -> {
            String names = groupings.stream().map(Grouping::wire).collect(Collectors.joining(", "));
            params.check(Optional.of(new FieldError("query.groupBy", "UNKNOWN_VALUE", Message.of(
                    "'" + Printable.of(g) + "' is not one of " + names, "'" + Printable.of(g) + "'不是允许的取值（" + names + "）"))));
        });
        Grouping groupBy = grouping.orElse(Grouping.PROVINCE);
        Optional<String> levelText = params.text("industryLevel");
        IndustryLevel level = levelText.map(l -> IndustryLevel.parse(l).orElseGet(() -> {
            String names = Arrays.stream(IndustryLevel.values()).map(IndustryLevel::wire).collect(Collectors.joining(", "));
            params.check(Optional.of(new FieldError("query.industryLevel", "UNKNOWN_VALUE", Message.of(
                    "'" + Printable.of(l) + "' is not one of " + names, "'" + Printable.of(l) + "'不是允许的取值（" + names + "）"))));
            return IndustryLevel.DIVISION;
        })).orElse(IndustryLevel.DIVISION);
        if (levelText.isPresent() && groupBy != Grouping.INDUSTRY && (groupText.isEmpty() || grouping.isPresent())) {
            params.check(Optional.of(new FieldError("query.industryLevel", "NOT_APPLICABLE", Message.of(
                    "applies only with groupBy=industry", "仅在 groupBy=industry 时适用"))));
        }
        Optional<String> region = params.text("region");
        region.ifPresent(r -> params.check(CodePrefix.checkRegion(r, "query.region")));
        Optional<String> industry = params.text("industry");
        industry.ifPresent(i -> params.check(CodePrefix.checkIndustry(i, "query.industry")));
        Optional<PermitCategory> category = params.enumValue("category", PermitCategory.class);
        Optional<PermitStatus> status = more.contains("status") ? params.enumValue("status", PermitStatus.class) : Optional.empty();
        Optional<Integer> year = more.contains("year") ? params.year("year", yearRequired) : Optional.empty();
        Optional<String> pollutant = more.contains("pollutant") ? params.text("pollutant") : Optional.empty();
        pollutant.filter(p -> !p.matches("[aw][0-9]{5}")).ifPresent(p -> params.check(Optional.of(new FieldError(
                "query.pollutant", "FORMAT", Message.of("must be an HJ 212-2017 pollutant code such as a21026",
                "应为HJ 212-2017污染物编码，如 a21026")))));
        params.throwIfInvalid();
        return new StatsQuery(groupBy, level, region, industry, category, status, year, pollutant);
    }
}
