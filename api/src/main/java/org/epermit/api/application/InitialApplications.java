package org.epermit.api.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.epermit.api.access.PermitAccess;
import org.epermit.api.common.CreditCode;
import org.epermit.api.gateway.Caller;
import org.epermit.api.gateway.TransactionSql;
import org.epermit.api.gateway.audit.AuditedResource;
import org.epermit.api.gateway.write.AggregateEvent;
import org.epermit.api.gateway.write.WriteOutcome;
import org.epermit.api.problem.ApiException;
import org.epermit.api.problem.ErrorCode;
import org.epermit.api.problem.Message;
import org.epermit.codes.Strictness;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Filing INITIAL applications (首次申请) at POST /v1/applications: a permit for a site that has none, with its unit and a
 * permit draft. Who may file: the unit's own enterprise client; a vendor with a live delegation of all the unit's permits
 * carrying applications:write; or, for a unit the service does not know yet, any vendor with the scope (there is no
 * one to delegate it yet: the unit is registered with the filing, and its enterprise client can be registered after).
 * Checked outside the transaction ({@link ApplicationRules#checkInitial}); who may file is checked in the write, after its
 * idempotency record; written like every application.
 */
@ApplicationScoped
public class InitialApplications {

    private final PermitAccess access;
    private final ApplicationRules rules;
    private final ApplicantEnterprises enterprises;
    private final DraftCatalogueQueries catalogue;
    private final ApplicationRepository applications;
    private final ApplicationQueries queries;
    private final Applications common;
    private final Clock clock;

    public InitialApplications(PermitAccess access, ApplicationRules rules, ApplicantEnterprises enterprises, DraftCatalogueQueries catalogue,
                               ApplicationRepository applications, ApplicationQueries queries, Applications common, Clock clock) {
        this.access = access;
        this.rules = rules;
        this.enterprises = enterprises;
        this.catalogue = catalogue;
        this.applications = applications;
        this.queries = queries;
        this.common = common;
        this.clock = clock;
    }

    /** A checked INITIAL application: its unit's id, or its credit code when the unit is new. */
    record Prepared(Optional<Long> enterpriseId, CreditCode creditCode, ApplicationBody body, Instant at) {
    }

    /** Checks an INITIAL application: the caller's role (403), then every failing field at once (422). */
    Uni<Prepared> prepare(Caller caller, ApplicationBody body) {
        if (!caller.hasRole("enterprise") && !caller.hasRole("vendor")) {
            return Uni.createFrom().failure(new ApiException(ErrorCode.INSUFFICIENT_SCOPE, Message.of(
                    "Applications are filed by the enterprise or by a vendor acting for it; regulators and administrators decide them.",
                    "申请由排污单位或其委托的服务商提交；主管部门和管理员负责审批。")));
        }
        String raw = body.enterprise() == null ? null : body.enterprise().creditCode();
        Optional<CreditCode> code = raw != null && CreditCode.isValid(raw, Strictness.LOOKUP)
                ? Optional.of(CreditCode.parse(raw, "/enterprise/creditCode", Strictness.LOOKUP)) : Optional.empty();
        Uni<Optional<Long>> known = code.map(enterprises::find).orElse(Uni.createFrom().item(Optional.empty()));
        return known.flatMap(id -> catalogue.catalogue().map(reference -> {
                    ApplicationRules.Checked checked = rules.checkInitial(body, id.isPresent(), reference);
                    if (!checked.errors().isEmpty()) {
                        throw Applications.rejected(checked.errors());
                    }
                    return new Prepared(id, code.orElseThrow(), body, clock.instant());
                }));
    }

    /**
     * Whether {@code caller} may apply for the unit: checked in the write, after its idempotency record, because the
     * filing itself changes the answer (a new unit is known once its first application registered it, and a retry of
     * that filing must be answered as the first was, not refused).
     */
    private Uni<Void> authorize(Caller caller, Prepared p) {
        if (p.enterpriseId().isPresent()) {
            return access.requireEnterprise(caller, Applications.WRITE, p.enterpriseId().get(), p.creditCode().value());
        }
        if (caller.hasRole("vendor")) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().failure(new ApiException(ErrorCode.NOT_DELEGATED, Message.of("Unit " + p.creditCode().value()
                + " is not your enterprise: an enterprise's client applies for its own unit.",
                "单位" + p.creditCode().value() + "不是您的单位：排污单位的客户端只能为本单位申请。")));
    }

    /** Writes a checked INITIAL application (and its new unit) in the write's transaction, once the caller may file it. */
    Uni<WriteOutcome> file(TransactionSql tx, Caller caller, Prepared p) {
        Uni<Long> unit = authorize(caller, p).flatMap(allowed -> p.enterpriseId().map(id -> Uni.createFrom().item(id))
                .orElseGet(() -> enterprises.register(tx, p.creditCode(), p.body().enterprise(), p.body().draft())
                        .map(id -> id.orElseThrow(() -> new ApiException(ErrorCode.CONFLICT, Message.of("Unit " + p.creditCode().value()
                                        + " was registered by another filing meanwhile; file again (as it now exists, its delegation applies).",
                                "单位" + p.creditCode().value() + "刚由另一申请登记，请重新提交（单位已存在，须按委托办理）。"))))));
        return unit.flatMap(enterpriseId -> {
            OffsetDateTime at = OffsetDateTime.ofInstant(p.at(), clock.getZone());
            Application a = new Application();
            a.type = ApplicationType.INITIAL.name();
            a.permitId = null;
            a.enterpriseId = enterpriseId;
            // who reviews it and how long they have: the draft site's region and category (there is no permit yet)
            a.regionCode = p.body().draft().site().regionCode();
            a.category = p.body().draft().category().name();
            a.status = ApplicationStatus.SUBMITTED.name();
            a.body = common.write(p.body());
            a.findings = common.write(List.of());
            a.filedAt = at;
            a.filedBy = caller.clientId();
            a.updatedAt = at;
            return applications.persist(a).flatMap(done -> applications.flush())
                    .flatMap(done -> Applications.history(tx, a, caller, at, null, null))
                    .flatMap(done -> queries.view(tx, a.id))
                    .map(view -> WriteOutcome.created(AuditedResource.created(Applications.AGGREGATE, a.id), URI.create("/v1/applications/" + a.id), view)
                            .announcing(new AggregateEvent("application.submitted", Applications.AGGREGATE, a.id.toString(), a.eventSequence(), view)));
        });
    }
}
