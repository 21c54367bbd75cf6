package org.epermit.api.registration;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.epermit.api.access.PermitAccess;
import org.epermit.api.common.CreditCode;
import org.epermit.api.gateway.Caller;
import org.epermit.api.gateway.TransactionSql;
import org.epermit.api.gateway.audit.AuditedResource;
import org.epermit.api.gateway.write.WriteOutcome;
import org.epermit.api.permit.PermitNumberConfig;
import org.epermit.api.permit.lifecycle.PermitWrites;
import org.epermit.api.problem.ApiException;
import org.epermit.api.problem.ErrorCode;
import org.epermit.api.problem.FieldError;
import org.epermit.api.problem.Message;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Registration (排污登记), self-filed by the unit or a vendor it delegated: registering a site (the receipt is issued
 * at once, no authority decides it), renewing a receipt and registering a change. What a request says is checked
 * ({@link RegistrationRules}) before any transaction; what depends on the receipt as it stands (its status, its
 * renewal window, what a change changes) is checked in the write's own transaction under the receipt's row lock,
 * after its idempotency record, so a retry of a request that went through is answered with its outcome, not
 * refused. Each write is one transaction ({@link org.epermit.api.gateway.write.WriteTransaction#run}) with the
 * permit's version and history ({@link PermitWrites}), its audit row and its outbox event.
 */
@ApplicationScoped
public class Registrations {

    static final String WRITE = "applications:write";
    static final String AGGREGATE = "permit";
    static final String CATEGORY = "REGISTRATION";

    static final String SET_LEGAL_REPRESENTATIVE = """
            UPDATE enterprise SET legal_representative = $2, updated_at = now() WHERE id = $1 AND legal_representative IS NULL""";
    static final String OUTLETS = """
            INSERT INTO permit_outlet (permit_id, code, name, medium, kind, receiving_water)
            SELECT $1, o.code, o.name, o.medium, 'GENERAL', o.destination
            FROM unnest(CAST($2 AS text[]), CAST($3 AS text[]), CAST($4 AS text[]), CAST($5 AS text[])) AS o (code, name, medium, destination)""";
    static final String RENEW = "UPDATE permit SET valid_to = $2, updated_at = now() WHERE id = $1";
    static final String CHANGE_UNIT = """
            UPDATE enterprise SET name = COALESCE($2, name), address = COALESCE($3, address),
                   legal_representative = COALESCE($4, legal_representative), updated_at = now()
            WHERE id = $1""";
    static final String CHANGE_SITE = """
            UPDATE permit SET site_name = COALESCE($2, site_name), site_address = COALESCE($3, site_address),
                   longitude = COALESCE($4, longitude), latitude = COALESCE($5, latitude), updated_at = now()
            WHERE id = $1""";
    static final String RECEIPT = """
            SELECT permit_number, status, issue_date, valid_from, valid_to, version FROM permit WHERE id = $1""";

    /** A registration checked and ready to write: the unit it is for, and the day. */
    record PreparedRegistration(RegistrationBody body, RegistrationQueries.KnownUnit unit, LocalDate today) {
    }

    /** A receipt the caller may renew or change (its id), and the day. */
    record Target(long permitId, String permitNumber, LocalDate today) {
    }

    private final PermitAccess access;
    private final RegistrationRules rules;
    private final RegistrationQueries queries;
    private final PermitWrites permits;
    private final PermitNumberConfig numbers;
    private final Clock clock;

    public Registrations(PermitAccess access, RegistrationRules rules, RegistrationQueries queries, PermitWrites permits,
                         PermitNumberConfig numbers, Clock clock) {
        this.access = access;
        this.rules = rules;
        this.queries = queries;
        this.permits = permits;
        this.numbers = numbers;
        this.clock = clock;
    }

    // ------------------------------------------------------------------------------------------------ registering

    /**
     * Checks a registration: the form, then what it refers to, the caller's right to act for its unit (403 before any
     * 422 about the unit), and every failing field at once (422).
     */
    Uni<PreparedRegistration> prepare(Caller caller, RegistrationBody body) {
        requireFiler(caller);
        LocalDate today = LocalDate.now(clock);
        List<FieldError> errors = new ArrayList<>(rules.form(body));
        String creditCode = passed(errors, "/unit/creditCode") && body.unit() != null && body.unit().creditCode() != null
                ? CreditCode.normalize(body.unit().creditCode()) : null;
        String region = passed(errors, "/site/regionCode") && body.site() != null ? body.site().regionCode() : null;
        String industry = passed(errors, "/industryCode") ? body.industryCode() : null;
        Uni<Optional<RegistrationQueries.KnownUnit>> unit = creditCode == null ? Uni.createFrom().item(Optional.empty()) : queries.unit(creditCode);
        return unit.flatMap(u -> (u.isPresent() ? authorize(caller, u.get()) : Uni.createFrom().voidItem())
                .flatMap(ok -> region == null ? Uni.createFrom().item(Optional.<RegistrationQueries.Region>empty()) : queries.region(region))
                .flatMap(r -> (industry == null ? Uni.createFrom().item(Optional.<RegistrationQueries.Industry>empty()) : queries.industry(industry))
                        .map(i -> {
                            errors.addAll(rules.references(body, creditCode != null, u, region != null, r, industry != null, i));
                            if (!errors.isEmpty()) {
                                throw rejected(errors);
                            }
                            return new PreparedRegistration(body, u.get(), today);
                        })));
    }

    /** Writes a checked registration: the receipt with the unit's next site serial, its outlets, its REGISTERED event. */
    Uni<WriteOutcome> register(TransactionSql tx, PreparedRegistration p) {
        RegistrationBody.Site site = p.body().site();
        LocalDate today = p.today();
        PermitWrites.NewPermit receipt = new PermitWrites.NewPermit(p.unit().id(), p.unit().creditCode(), CATEGORY, site.name().strip(),
                site.regionCode(), p.body().industryCode(), site.address().strip(), site.longitude(), site.latitude(), null,
                today, today, rules.validTo(today));
        return tx.update(SET_LEGAL_REPRESENTATIVE, p.unit().id(), p.body().unit().legalRepresentative().strip())
                .flatMap(done -> permits.insert(tx, receipt, Character.toUpperCase(numbers.registrationLetter())))
                .flatMap(inserted -> outlets(tx, inserted.permitId(), p.body().outlets())
                        .flatMap(done -> permits.recordEvent(tx, inserted.permitId(), "REGISTERED", today, null, "排污登记 / registration filed"))
                        .flatMap(done -> outcome(tx, inserted.permitId(), List.of(), "permit.registered",
                                view -> WriteOutcome.created(AuditedResource.created(AGGREGATE, view.permitNumber()),
                                        URI.create("/v1/permits/" + view.permitNumber()), view))));
    }

    private static Uni<Integer> outlets(TransactionSql tx, long permitId, List<RegistrationBody.Outlet> outlets) {
        if (outlets == null || outlets.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return tx.update(OUTLETS, permitId, outlets.stream().map(RegistrationBody.Outlet::code).toArray(String[]::new),
                outlets.stream().map(o -> o.name().strip()).toArray(String[]::new),
                outlets.stream().map(o -> o.medium().name()).toArray(String[]::new),
                outlets.stream().map(o -> o.destination() == null ? null : o.destination().strip()).toArray(String[]::new));
    }

    private Uni<Void> authorize(Caller caller, RegistrationQueries.KnownUnit unit) {
        if (caller.hasRole("enterprise") && caller.enterpriseId().map(id -> id == unit.id()).orElse(false)) {
            return Uni.createFrom().voidItem();
        }
        if (!caller.hasRole("vendor")) {
            return Uni.createFrom().failure(new ApiException(ErrorCode.NOT_DELEGATED, Message.of("Unit " + unit.creditCode()
                    + " is not your enterprise's unit, and nothing delegates it to you.", "单位" + unit.creditCode() + "不是您的单位，也没有委托给您。")));
        }
        return queries.delegation(unit.id(), caller.clientId(), WRITE).map(d -> {
            if (d.coversRegistration()) {
                return null;
            }
            if (d.delegatedOtherwise()) {
                throw new ApiException(ErrorCode.INSUFFICIENT_SCOPE, Message.of("Your delegation from unit " + unit.creditCode()
                        + " does not cover registering a site: that takes a delegation of all its permits with the " + WRITE + " scope.",
                        "单位" + unit.creditCode() + "对您的委托不包含登记新场所：须委托其全部许可证并包含" + WRITE + "权限。"));
            }
            throw new ApiException(ErrorCode.NOT_DELEGATED, Message.of("No live delegation lets you register for unit " + unit.creditCode()
                    + ". Ask the unit to delegate all its permits to you with the " + WRITE + " scope.",
                    "您没有代单位" + unit.creditCode() + "登记的有效委托，请联系该单位委托其全部许可证并包含" + WRITE + "权限。"));
        });
    }

    // ------------------------------------------------------------------------------------------------ renewing and changing

    /**
     * The receipt {@code permitNumber}, when {@code caller} may act on it (as {@link PermitAccess} decides for
     * permits) and it is a registration receipt: a permit's number is a 409 pointing to applications.
     */
    Uni<Target> target(Caller caller, String permitNumber) {
        requireFiler(caller);
        LocalDate today = LocalDate.now(clock);
        return access.require(caller, WRITE, permitNumber).flatMap(id -> queries.category(permitNumber).map(category -> {
            if (!CATEGORY.equals(category.orElse(null))) {
                throw new ApiException(ErrorCode.NOT_A_REGISTRATION, Message.of(permitNumber + " is a " + category.orElse("?")
                        + " permit, not a registration receipt: its renewal and changes are applications "
                        + "(POST /v1/permits/" + permitNumber + "/applications, docs/applications.md).",
                        permitNumber + "为排污许可证（" + category.orElse("?") + "），不是登记回执：其延续和变更须提交申请（POST /v1/permits/"
                                + permitNumber + "/applications，见 docs/applications.md）。"));
            }
            return new Target(id, permitNumber, today);
        }));
    }

    /** Renews the receipt, if it is live and in its window: a RENEWAL version from the old expiry, valid 5 more years. */
    Uni<WriteOutcome> renew(TransactionSql tx, Target t) {
        return queries.lockedReceipt(tx, t.permitId()).flatMap(r -> {
            List<FieldError> errors = rules.renewal(r, t.today());
            if (!errors.isEmpty()) {
                throw rejected(errors);
            }
            LocalDate renewedTo = rules.renewedTo(r.validTo());
            return permits.openVersion(tx, r.id(), "RENEWAL", r.validTo().plusDays(1))
                    .flatMap(version -> tx.update(RENEW, r.id(), renewedTo))
                    .flatMap(done -> permits.recordEvent(tx, r.id(), "RENEWED", t.today(), null,
                            "排污登记延续至" + renewedTo + " / registration renewed to " + renewedTo))
                    .flatMap(done -> outcome(tx, r.id(), List.of(), "permit.renewed",
                            view -> WriteOutcome.ok(AuditedResource.changed(AGGREGATE, view.permitNumber(), List.of("validTo", "version")), view)));
        });
    }

    /** Checks a renewal's own fields (422). */
    void checkRenewal(RegistrationRenewal body) {
        List<FieldError> errors = rules.renewalForm(body);
        if (!errors.isEmpty()) {
            throw rejected(errors);
        }
    }

    /** Checks a change's own fields (422) and finds whether it is late. */
    RegistrationRules.Checked checkChange(RegistrationChange body, LocalDate today) {
        RegistrationRules.Checked checked = rules.changeForm(body, today);
        if (!checked.errors().isEmpty()) {
            throw rejected(checked.errors());
        }
        return checked;
    }

    /**
     * Registers a change of the receipt. The public history dates it as it happened: a new CHANGE version starts on
     * the day of the change, the one before it closing the day before. When the current version starts on that day
     * or later (a renewal registered since, whose term has not begun; a change older than the current version; a
     * change on the day the receipt was issued), the current version is changed in place instead: it holds the new
     * details from its first day. A change dated before the receipt was issued is refused.
     */
    Uni<WriteOutcome> change(TransactionSql tx, Target t, RegistrationChange body, List<RegistrationFinding> findings) {
        return queries.lockedReceipt(tx, t.permitId()).flatMap(r -> {
            RegistrationRules.Changes changes = RegistrationRules.changes(body, r);
            Uni<List<String>> others = changes.unit() ? queries.otherPermits(tx, r.enterpriseId()) : Uni.createFrom().item(List.of());
            return others.flatMap(otherPermits -> {
                LocalDate on = body.changedOn();
                List<FieldError> errors = rules.change(r, on, changes, otherPermits, t.today());
                if (!errors.isEmpty()) {
                    throw rejected(errors);
                }
                Uni<Integer> version = r.versionFrom() != null && on.isAfter(r.versionFrom())
                        ? permits.openVersion(tx, r.id(), "CHANGE", on) : Uni.createFrom().item(r.version());
                return version
                        .flatMap(v -> changes.unit() ? tx.update(CHANGE_UNIT, r.enterpriseId(), changes.unitName(), changes.unitAddress(),
                                changes.legalRepresentative()) : Uni.createFrom().item(0))
                        .flatMap(done -> changes.site() ? tx.update(CHANGE_SITE, r.id(), changes.siteName(), changes.siteAddress(),
                                changes.longitude(), changes.latitude()) : Uni.createFrom().item(0))
                        .flatMap(done -> permits.recordEvent(tx, r.id(), "CHANGED", on, null, describe(changes, findings)))
                        .flatMap(done -> outcome(tx, r.id(), findings, "permit.changed",
                                view -> WriteOutcome.ok(AuditedResource.changed(AGGREGATE, view.permitNumber(), changedFields(changes)), view)));
            });
        });
    }

    /** The history's words for a change: what changed (never the legal representative's name, which is not public), and if it was late. */
    static String describe(RegistrationRules.Changes c, List<RegistrationFinding> findings) {
        List<String> zh = new ArrayList<>();
        List<String> en = new ArrayList<>();
        if (c.unitName() != null) {
            zh.add("单位名称");
            en.add("unit name");
        }
        if (c.unitAddress() != null) {
            zh.add("单位地址");
            en.add("unit address");
        }
        if (c.legalRepresentative() != null) {
            zh.add("法定代表人");
            en.add("legal representative");
        }
        if (c.siteName() != null) {
            zh.add("场所名称");
            en.add("site name");
        }
        if (c.siteAddress() != null) {
            zh.add("场所地址");
            en.add("site address");
        }
        if (c.longitude() != null) {
            zh.add("场所坐标");
            en.add("site coordinates");
        }
        String late = findings.isEmpty() ? "" : "（逾期登记）";
        String lateEn = findings.isEmpty() ? "" : " (registered late)";
        return "登记事项变更：" + String.join("、", zh) + late + " / registration changed: " + String.join(", ", en) + lateEn;
    }

    private static List<String> changedFields(RegistrationRules.Changes c) {
        List<String> fields = new ArrayList<>();
        if (c.unitName() != null) {
            fields.add("unit.name");
        }
        if (c.unitAddress() != null) {
            fields.add("unit.address");
        }
        if (c.legalRepresentative() != null) {
            fields.add("unit.legalRepresentative");
        }
        if (c.siteName() != null) {
            fields.add("site.name");
        }
        if (c.siteAddress() != null) {
            fields.add("site.address");
        }
        if (c.longitude() != null) {
            fields.add("site.coordinates");
        }
        return fields;
    }

    // ------------------------------------------------------------------------------------------------ shared

    /** The receipt as the write left it, and the outcome {@code outcome} makes of it, announcing {@code event}. */
    private Uni<WriteOutcome> outcome(TransactionSql tx, long permitId, List<RegistrationFinding> findings, String event,
                                      java.util.function.Function<RegistrationReceipt, WriteOutcome> outcome) {
        return tx.query(RECEIPT, permitId).flatMap(rows -> {
            TransactionSql.SqlRow row = rows.get(0);
            LocalDate validTo = (LocalDate) row.get("valid_to");
            RegistrationReceipt view = new RegistrationReceipt(row.string("permit_number"), row.string("status"),
                    (LocalDate) row.get("issue_date"), (LocalDate) row.get("valid_from"), validTo, rules.renewableFrom(validTo),
                    row.integer("version"), findings);
            return permits.announce(tx, permitId, event).map(announced -> outcome.apply(view).announcing(announced));
        });
    }

    /** Registrations are the unit's own act: its enterprise client or a vendor it delegated; regulators and administrators do not register. */
    private static void requireFiler(Caller caller) {
        if (!caller.hasRole("enterprise") && !caller.hasRole("vendor")) {
            throw new ApiException(ErrorCode.INSUFFICIENT_SCOPE, Message.of("Registration is filed by the unit itself or by a vendor it "
                    + "delegated; regulators and administrators do not register.", "排污登记由排污单位自行或委托服务商办理；主管部门和管理员不办理登记。"));
        }
    }

    private static boolean passed(List<FieldError> errors, String path) {
        return errors.stream().noneMatch(e -> e.path().equals(path));
    }

    static ApiException rejected(List<FieldError> errors) {
        return new ApiException(ErrorCode.REGISTRATION_REJECTED, Message.of(errors.size() + " error(s) refuse this registration; each is "
                        + "listed with its JSON pointer and code (docs/registration.md says how to fix each).",
                "该登记存在" + errors.size() + "处错误，已逐项列出其位置和代码（修正方法见 docs/registration.md）。"), errors);
    }
}
