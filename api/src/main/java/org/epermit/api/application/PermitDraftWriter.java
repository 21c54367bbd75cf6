package org.epermit.api.application;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.epermit.api.gateway.TransactionSql;
import org.epermit.api.permit.PermitNumberConfig;
import org.epermit.api.permit.PublicPermit;
import org.epermit.api.permit.lifecycle.PermitWrites;
import org.epermit.api.permit.monitoring.SamplingMethod;
import org.epermit.api.reference.Medium;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Writes an approved permit draft as the permit's rows, in the caller's transaction (the regulator's decision): a new
 * permit for an INITIAL application, the new version of a permit for a REAPPLICATION. The draft is the one that passed
 * {@link DraftRules} when it was filed; the writer adds the defaults a draft may leave out (the averaging of a limit,
 * the sampling method, a report's usual deadline). The public document follows by its triggers (V13).
 */
@ApplicationScoped
public class PermitDraftWriter {

    /** Years of validity from the decision (Order 736 art. 14: 5 years). */
    static final int VALIDITY_YEARS = PermitDraft.VALIDITY_YEARS;

    static final String CREDIT_CODE = "SELECT credit_code FROM enterprise WHERE id = $1";
    static final String SITE = """
            UPDATE permit SET category = $2, site_name = $3, region_code = $4, industry_code = $5, site_address = $6,
                              longitude = CAST($7 AS numeric), latitude = CAST($8 AS numeric), issuing_authority = $9, updated_at = now()
            WHERE id = $1
            RETURNING valid_from""";
    static final String CLEAR_POLLUTANTS = "DELETE FROM permit_outlet_pollutant WHERE outlet_id IN (SELECT id FROM permit_outlet WHERE permit_id = $1)";
    static final List<String> CLEAR = List.of(CLEAR_POLLUTANTS,
            "DELETE FROM permit_outlet WHERE permit_id = $1",
            "DELETE FROM permit_annual_quantity WHERE permit_id = $1",
            "DELETE FROM permit_report_obligation WHERE permit_id = $1",
            "DELETE FROM permit_secondary_industry WHERE permit_id = $1");
    static final String SECONDARY_INDUSTRY = "INSERT INTO permit_secondary_industry (permit_id, industry_code) VALUES ($1, $2)";
    static final String OUTLET = """
            INSERT INTO permit_outlet (permit_id, code, name, medium, kind, longitude, latitude, stack_height_m, receiving_water)
            VALUES ($1, $2, $3, $4, $5, CAST($6 AS numeric), CAST($7 AS numeric), CAST($8 AS numeric), CAST($9 AS text))
            RETURNING id""";
    static final String OUTLET_POLLUTANT = """
            INSERT INTO permit_outlet_pollutant (outlet_id, pollutant_code, limit_min, limit_value, limit_unit, averaging,
                                                 reference_oxygen_pct, standard_code, standard_table, rate_limit_kg_h,
                                                 monitoring_mode, frequency_count, frequency_every, frequency_unit,
                                                 sampling_method, samples_per_event)
            VALUES ($1, $2, CAST($3 AS numeric), CAST($4 AS numeric), CAST($5 AS text), CAST($6 AS text), CAST($7 AS numeric),
                    CAST($8 AS text), CAST($9 AS text), CAST($10 AS numeric), $11, $12, $13, $14, $15, $16)""";
    static final String QUANTITY = "INSERT INTO permit_annual_quantity (permit_id, pollutant_code, year, quantity_t) VALUES ($1, $2, $3, $4)";
    /** A report's deadline: the draft's, else the category's usual one (V11), else the 15th of the month after the period. */
    static final String OBLIGATION = """
            INSERT INTO permit_report_obligation (permit_id, report_type, due_months_after, due_day)
            SELECT $1, $2, COALESCE(CAST($3 AS smallint), d.due_months_after, 1), COALESCE(CAST($4 AS smallint), d.due_day, 15)
            FROM (SELECT 1) AS one LEFT JOIN report_obligation_default d ON d.category = $5 AND d.report_type = $2""";

    private final PermitWrites permits;
    private final PermitNumberConfig numbers;

    public PermitDraftWriter(PermitWrites permits, PermitNumberConfig numbers) {
        this.permits = permits;
        this.numbers = numbers;
    }

    /**
     * Issues the permit an approved INITIAL application asked for: version 1, valid 5 years from the decision
     * ({@code decidedOn} to {@code decidedOn} + 5 years − 1 day), numbered by the unit's next site serial, with the draft's
     * content and the ISSUED event.
     */
    public Uni<PermitWrites.Inserted> issue(TransactionSql tx, long enterpriseId, PermitDraft draft, LocalDate decidedOn, String authority) {
        PermitDraft.Site site = draft.site();
        LocalDate validTo = decidedOn.plusYears(VALIDITY_YEARS).minusDays(1);
        return tx.query(CREDIT_CODE, enterpriseId).flatMap(rows -> {
            if (rows.isEmpty()) {
                throw new IllegalStateException("enterprise " + enterpriseId + " does not exist");
            }
            PermitWrites.NewPermit permit = new PermitWrites.NewPermit(enterpriseId, rows.get(0).string("credit_code"), draft.category().name(),
                    site.name(), site.regionCode(), draft.mainIndustry(), site.address(), site.longitude(), site.latitude(), authority,
                    decidedOn, decidedOn, validTo);
            return permits.insert(tx, permit, numbers.permitLetter());
        }).flatMap(inserted -> content(tx, inserted.permitId(), draft, decidedOn)
                .flatMap(done -> permits.recordEvent(tx, inserted.permitId(), "ISSUED", decidedOn, authority,
                        "首次申请，核发排污许可证 / issued on an initial application"))
                .replaceWith(inserted));
    }

    /**
     * Writes an approved REAPPLICATION: the permit's current version is frozen and version n + 1 starts on
     * {@code decidedOn} (first, so that the frozen document is the old content), then the site and every child row are
     * replaced by the draft's, and the REAPPLIED event is recorded. The validity is the permit's; the annual quantities
     * are for its years of validity. Returns the new version's number.
     */
    public Uni<Integer> reapply(TransactionSql tx, long permitId, PermitDraft draft, LocalDate decidedOn, String authority) {
        PermitDraft.Site site = draft.site();
        return permits.openVersion(tx, permitId, "REAPPLICATION", decidedOn).flatMap(version -> tx.query(SITE, permitId, draft.category().name(),
                        site.name(), site.regionCode(), draft.mainIndustry(), site.address(), site.longitude(), site.latitude(), authority)
                .flatMap(rows -> {
                    LocalDate validFrom = (LocalDate) rows.get(0).get("valid_from");
                    return clear(tx, permitId).flatMap(done -> content(tx, permitId, draft, validFrom));
                })
                .flatMap(done -> permits.recordEvent(tx, permitId, "REAPPLIED", decidedOn, authority,
                        "重新申请，许可事项变更 / reapplication: licensed content replaced"))
                .replaceWith(version));
    }

    private Uni<Void> clear(TransactionSql tx, long permitId) {
        return each(CLEAR, sql -> tx.update(sql, permitId));
    }

    /** The draft's child rows of permit {@code permitId}, whose first year of validity starts on {@code validFrom}. */
    private Uni<Void> content(TransactionSql tx, long permitId, PermitDraft draft, LocalDate validFrom) {
        List<String> industries = draft.secondaryIndustries() == null ? List.of() : draft.secondaryIndustries();
        List<Object[]> quantities = new ArrayList<>();
        for (PermitDraft.AnnualQuantity q : draft.annualQuantities() == null ? List.<PermitDraft.AnnualQuantity>of() : draft.annualQuantities()) {
            for (int n = 0; n < q.tonnes().size(); n++) {
                quantities.add(new Object[] {permitId, q.pollutantCode(), (short) (validFrom.getYear() + n), q.tonnes().get(n)});
            }
        }
        return each(industries, industry -> tx.update(SECONDARY_INDUSTRY, permitId, industry))
                .flatMap(done -> each(draft.outlets(), outlet -> outlet(tx, permitId, outlet)))
                .flatMap(done -> each(quantities, row -> tx.update(QUANTITY, row)))
                .flatMap(done -> each(draft.reportObligations(), o -> tx.update(OBLIGATION, permitId, o.type().name(),
                        o.deadline() == null ? null : (short) o.deadline().monthsAfterPeriod(),
                        o.deadline() == null ? null : (short) o.deadline().day(), draft.category().name())));
    }

    private Uni<Void> outlet(TransactionSql tx, long permitId, PermitDraft.Outlet o) {
        return tx.query(OUTLET, permitId, o.code(), o.name(), o.medium().name(), o.kind().name(), o.longitude(), o.latitude(),
                o.stackHeightMeters(), o.receivingWater()).flatMap(rows -> {
            long outletId = ((Number) rows.get(0).get("id")).longValue();
            return each(o.pollutants(), p -> pollutant(tx, outletId, o.medium(), p));
        });
    }

    /**
     * Runs {@code statement} for each item, one after the other on the transaction's connection: a flat stream rather than
     * a chain of {@code flatMap}s, whose depth would grow with the draft.
     */
    private static <T> Uni<Void> each(List<T> items, Function<T, Uni<?>> statement) {
        return Multi.createFrom().iterable(items).onItem().transformToUniAndConcatenate(statement::apply).collect().last().replaceWithVoid();
    }

    private Uni<Void> pollutant(TransactionSql tx, long outletId, Medium medium, PermitDraft.OutletPollutant p) {
        PermitDraft.Limit limit = p.limit();
        PermitDraft.Monitoring m = p.monitoring();
        SamplingMethod sampling = m.samplingMethod() != null ? m.samplingMethod() : medium == Medium.AIR ? SamplingMethod.NON_CONTINUOUS : SamplingMethod.GRAB;
        int samples = m.samplesPerEvent() != null ? m.samplesPerEvent() : medium == Medium.AIR ? 3 : 1;
        return tx.update(OUTLET_POLLUTANT, outletId, p.pollutantCode(),
                limit == null ? null : limit.min(), limit == null ? null : limit.max(), limit == null ? null : limit.unit(),
                limit == null ? null : averaging(limit, medium, p.pollutantCode()).name(), limit == null ? null : limit.referenceOxygenPercent(),
                limit == null || p.standard() == null ? null : p.standard().code(), limit == null || p.standard() == null ? null : p.standard().table(),
                p.rateLimitKgPerHour(), m.mode().name(), (short) m.frequency().count().intValue(),
                (short) (m.frequency().every() == null ? 1 : m.frequency().every()), m.frequency().unit().name(), sampling.name(), (short) samples)
                .replaceWithVoid();
    }

    /** The draft's, else the standards' usual basis: air hourly means, water daily means, pH each sample (V9, V11). */
    static PublicPermit.LimitAveraging averaging(PermitDraft.Limit limit, Medium medium, String pollutantCode) {
        if (limit.averaging() != null) {
            return limit.averaging();
        }
        if (medium == Medium.AIR) {
            return PublicPermit.LimitAveraging.HOURLY;
        }
        return "w01001".equals(pollutantCode) ? PublicPermit.LimitAveraging.SAMPLE : PublicPermit.LimitAveraging.DAILY;
    }
}
