package org.epermit.api.filing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.epermit.api.filing.MonitoringEvidence.OutletPollutant;
import org.epermit.api.filing.PermitObligations.Status;
import org.epermit.api.permit.reporting.ReportType;
import org.epermit.api.permit.terms.PermitVersions;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The compliance view: obligations, completeness, exceedances, emissions against the licence and findings of a year. */
@ApplicationScoped
public class Compliance {

    static final String RECORDED_EXCEEDANCES = """
            SELECT outlet_code, pollutant_code, count(*) AS n FROM monitoring_record
            WHERE permit_id = $1 AND measured_from >= $2 AND measured_from < $3 AND exceedance AND flag = 'VALID'
            GROUP BY outlet_code, pollutant_code""";
    static final String DECLARED_EXCEEDANCES = """
            SELECT x ->> 'outletCode' AS outlet_code, x ->> 'pollutantCode' AS pollutant_code, count(*) AS n
            FROM execution_report r
            JOIN execution_report_version v ON v.report_id = r.id AND v.number = r.current_version
            CROSS JOIN LATERAL jsonb_array_elements(v.content -> 'exceedances') AS x
            WHERE r.permit_id = $1 AND r.covers_to BETWEEN $2 AND $3
            GROUP BY 1, 2""";
    static final String EMISSIONS = """
            SELECT r.report_type, e.pollutant_code, sum(e.actual_t) AS actual, count(e.actual_t) AS given
            FROM execution_report r JOIN execution_report_emission e ON e.report_id = r.id
            WHERE r.permit_id = $1 AND r.covers_to BETWEEN $2 AND $3 AND r.report_type IN ('ANNUAL', 'QUARTERLY')
            GROUP BY r.report_type, e.pollutant_code""";
    static final String FINDINGS = """
            SELECT r.id, r.report_type, r.period, v.number, v.findings::text AS findings
            FROM execution_report r JOIN execution_report_version v ON v.report_id = r.id AND v.number = r.current_version
            WHERE r.permit_id = $1 AND r.covers_to BETWEEN $2 AND $3 AND jsonb_array_length(v.findings) > 0
            ORDER BY r.covers_to, r.id""";

    private final Obligations obligations;
    private final Pool pool;
    private final ObjectMapper json;

    public Compliance(Obligations obligations, Pool pool, ObjectMapper json) {
        this.obligations = obligations;
        this.pool = pool;
        this.json = json;
    }

    public Uni<PermitCompliance> of(PermitVersions permit, int year, ZoneId zone) {
        java.time.LocalDate first = java.time.LocalDate.of(year, 1, 1);
        java.time.LocalDate last = java.time.LocalDate.of(year, 12, 31);
        Tuple days = Tuple.of(permit.permitId(), first, last);
        Tuple instants = Tuple.of(permit.permitId(), OffsetDateTime.of(first.atStartOfDay(), zone.getRules().getOffset(first.atStartOfDay())),
                OffsetDateTime.of(last.plusDays(1).atStartOfDay(), zone.getRules().getOffset(last.plusDays(1).atStartOfDay())));
        Uni<PermitObligations> due = obligations.of(permit, year);
        Uni<Map<OutletPollutant, long[]>> exceedances = pool.preparedQuery(RECORDED_EXCEEDANCES).execute(instants)
                .flatMap(recorded -> pool.preparedQuery(DECLARED_EXCEEDANCES).execute(days).map(declared -> {
                    Map<OutletPollutant, long[]> counts = new TreeMap<>(java.util.Comparator.comparing(OutletPollutant::toString));
                    for (Row r : recorded) {
                        counts.computeIfAbsent(new OutletPollutant(r.getString("outlet_code"), r.getString("pollutant_code")), k -> new long[2])[0] = r.getLong("n");
                    }
                    for (Row r : declared) {
                        if (r.getString("outlet_code") != null && r.getString("pollutant_code") != null) {
                            counts.computeIfAbsent(new OutletPollutant(r.getString("outlet_code"), r.getString("pollutant_code")), k -> new long[2])[1] = r.getLong("n");
                        }
                    }
                    return counts;
                }));
        Uni<Map<String, Map<ReportType, BigDecimal>>> actual = pool.preparedQuery(EMISSIONS).execute(days).map(rows -> {
            Map<String, Map<ReportType, BigDecimal>> byPollutant = new HashMap<>();
            for (Row r : rows) {
                if (r.getLong("given") > 0) {
                    byPollutant.computeIfAbsent(r.getString("pollutant_code"), k -> new HashMap<>())
                            .put(ReportType.valueOf(r.getString("report_type")), r.getBigDecimal("actual"));
                }
            }
            return byPollutant;
        });
        Uni<List<PermitCompliance.OpenFinding>> findings = pool.preparedQuery(FINDINGS).execute(days).map(rows -> {
            List<PermitCompliance.OpenFinding> list = new ArrayList<>();
            for (Row r : rows) {
                for (Finding f : findings(r.getString("findings"))) {
                    list.add(new PermitCompliance.OpenFinding(r.getLong("id"), ReportType.valueOf(r.getString("report_type")),
                            r.getString("period"), r.getInteger("number"), f));
                }
            }
            return list;
        });
        return Uni.combine().all().unis(due, exceedances, actual, findings).asTuple().map(t -> {
            PermitObligations o = t.getItem1();
            List<PermitCompliance.Completeness> completeness = o.monitoring().stream().map(m -> {
                long required = m.requiredToDate();
                BigDecimal ratio = required == 0 ? null
                        : BigDecimal.valueOf(Math.min(m.receivedSamples(), required)).divide(BigDecimal.valueOf(required), 4, RoundingMode.HALF_UP);
                return new PermitCompliance.Completeness(m.outletCode(), m.pollutantCode(), m.mode(), required, m.receivedSamples(), ratio);
            }).toList();
            List<PermitCompliance.ExceedanceCount> counts = t.getItem2().entrySet().stream()
                    .map(e -> new PermitCompliance.ExceedanceCount(e.getKey().outletCode(), e.getKey().pollutantCode(), e.getValue()[0], e.getValue()[1]))
                    .toList();
            Map<String, BigDecimal> licensed = obligations.heldTerms(permit, year).map(PeriodTerms::licensed).orElse(Map.of());
            List<PermitCompliance.EmissionsAgainstLicence> emissions = new ArrayList<>();
            licensed.forEach((code, tonnes) -> {
                Map<ReportType, BigDecimal> reported = t.getItem3().getOrDefault(code, Map.of());
                PermitCompliance.Source source = reported.containsKey(ReportType.ANNUAL) ? PermitCompliance.Source.ANNUAL_REPORT
                        : reported.containsKey(ReportType.QUARTERLY) ? PermitCompliance.Source.QUARTERLY_REPORTS : PermitCompliance.Source.NONE;
                BigDecimal value = switch (source) {
                    case ANNUAL_REPORT -> reported.get(ReportType.ANNUAL);
                    case QUARTERLY_REPORTS -> reported.get(ReportType.QUARTERLY);
                    case NONE -> null;
                };
                BigDecimal ratio = value == null || tonnes.signum() == 0 ? null : value.divide(tonnes, MathContext.DECIMAL64).setScale(4, RoundingMode.HALF_UP);
                emissions.add(new PermitCompliance.EmissionsAgainstLicence(code, tonnes, value, source, ratio));
            });
            int required = 0, dueSoFar = 0, submitted = 0, onTime = 0, late = 0, missing = 0, notYet = 0;
            for (PermitObligations.ReportObligationStatus s : o.reports()) {
                if (s.status() == Status.NOT_REQUIRED) {
                    continue;
                }
                required++;
                switch (s.status()) {
                    case SUBMITTED_ON_TIME -> { submitted++; onTime++; dueSoFar++; }
                    case SUBMITTED_LATE -> { submitted++; late++; dueSoFar++; }
                    case OVERDUE -> { missing++; dueSoFar++; }
                    default -> notYet++;
                }
            }
            return new PermitCompliance(permit.permitNumber(), year, o.asOf(),
                    new PermitCompliance.ReportCounts(required, dueSoFar, submitted, onTime, late, missing, notYet),
                    o.reports(), completeness, counts, emissions, t.getItem4());
        });
    }

    private List<Finding> findings(String text) {
        try {
            return List.of(json.readValue(text, Finding[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report version's findings do not read as findings", e);
        }
    }
}
