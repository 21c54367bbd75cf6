package org.epermit.api.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.epermit.api.access.PermitAccess;
import org.epermit.api.gateway.Caller;
import org.epermit.api.gateway.TransactionSql;
import org.epermit.api.gateway.audit.AuditedResource;
import org.epermit.api.gateway.write.AggregateEvent;
import org.epermit.api.gateway.write.WriteOutcome;
import org.epermit.api.problem.ApiException;
import org.epermit.api.problem.ErrorCode;
import org.epermit.api.problem.FieldError;
import org.epermit.api.problem.Message;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Filing, reading and withdrawing applications. A filing is checked ({@link ApplicationRules}) outside any transaction;
 * one that passes is written in one transaction ({@link org.epermit.api.gateway.write.WriteTransaction#runOnEntities})
 * with its history row, audit row and outbox event.
 */
@ApplicationScoped
public class Applications {

    static final String WRITE = "applications:write";
    static final String READ = "permits:read";
    static final String AGGREGATE = "application";

    private final PermitAccess access;
    private final ApplicationRules rules;
    private final ApplicationQueries queries;
    private final ApplicationRepository applications;
    private final DraftCatalogueQueries catalogue;
    private final ObjectMapper json;
    private final Clock clock;

    public Applications(PermitAccess access, ApplicationRules rules, ApplicationQueries queries, ApplicationRepository applications,
                        DraftCatalogueQueries catalogue, ObjectMapper json, Clock clock) {
        this.access = access;
        this.rules = rules;
        this.queries = queries;
        this.applications = applications;
        this.catalogue = catalogue;
        this.json = json;
        this.clock = clock;
    }

    /** An application checked and ready to write. */
    record Prepared(PermitFacts permit, ApplicationBody body, List<ApplicationFinding> findings, Instant at) {
    }

    /** The permit {@code permitNumber}, when {@code caller} (its enterprise or a vendor it delegated) may apply on it. */
    Uni<PermitFacts> applicablePermit(Caller caller, String permitNumber) {
        if (!caller.hasRole("enterprise") && !caller.hasRole("vendor")) {
            return Uni.createFrom().failure(new ApiException(ErrorCode.INSUFFICIENT_SCOPE, Message.of(
                    "Applications are filed by the enterprise that holds the permit or by a vendor it delegated; regulators "
                            + "and administrators decide them.", "申请由持证排污单位或其委托的服务商提交；主管部门和管理员负责审批。")));
        }
        return access.require(caller, WRITE, permitNumber).flatMap(id -> queries.permit(permitNumber))
                .map(p -> p.orElseThrow(() -> PermitAccess.notFound(permitNumber)));
    }

    /** Checks an application on permit {@code permitNumber}: every failing field at once (422). */
    Uni<Prepared> prepare(Caller caller, String permitNumber, ApplicationBody body) {
        return applicablePermit(caller, permitNumber).flatMap(permit -> catalogue.catalogue().map(reference -> {
            Instant at = clock.instant();
            ApplicationRules.Checked checked = rules.check(permit, body, LocalDate.ofInstant(at, clock.getZone()), reference);
            if (!checked.errors().isEmpty()) {
                throw rejected(checked.errors());
            }
            // The open application of its type is looked for in the write's transaction, after its idempotency record:
            // a retry of a filing that went through is answered with the filing, not refused as a second one.
            return new Prepared(permit, body, checked.findings(), at);
        }));
    }

    /** Writes a checked application, in the write's session; one of its type filed meanwhile is a 409. */
    Uni<WriteOutcome> file(TransactionSql tx, Caller caller, Prepared p) {
        // Two filings of one type at once: the lock makes the second wait, then find the first.
        return tx.lock("application|" + p.permit().permitId() + "|" + p.body().type())
                .flatMap(locked -> queries.open(tx, p.permit().permitId(), p.body().type()))
                .flatMap(open -> {
                    open.ifPresent(id -> {
                        throw alreadyOpen(p.permit(), p.body().type(), id);
                    });
                    OffsetDateTime at = OffsetDateTime.ofInstant(p.at(), clock.getZone());
                    Application a = new Application();
                    a.type = p.body().type().name();
                    a.permitId = p.permit().permitId();
                    a.enterpriseId = p.permit().enterpriseId();
                    a.regionCode = p.permit().regionCode();
                    a.category = p.permit().category();
                    a.status = ApplicationStatus.SUBMITTED.name();
                    a.body = write(p.body());
                    a.findings = write(p.findings());
                    a.filedAt = at;
                    a.filedBy = caller.clientId();
                    a.updatedAt = at;
                    return applications.persist(a).flatMap(done -> applications.flush())
                            .flatMap(done -> history(tx, a, caller, at, null, null))
                            .flatMap(done -> queries.view(tx, a.id))
                            .map(view -> WriteOutcome.created(AuditedResource.created(AGGREGATE, a.id), URI.create("/v1/applications/" + a.id), view)
                                    .announcing(new AggregateEvent("application.submitted", AGGREGATE, a.id.toString(), a.eventSequence(), view)));
                });
    }

    /** Withdraws an open application of the caller's; a decided or withdrawn one is a 409. */
    Uni<WriteOutcome> withdraw(TransactionSql tx, Caller caller, long id) {
        return applications.findById(id).flatMap(a -> {
            if (a == null || !isApplicant(caller, a.filedBy, a.enterpriseId)) {
                throw notFound(id);
            }
            ApplicationStatus status = ApplicationStatus.valueOf(a.status);
            if (!status.open()) {
                throw new ApiException(ErrorCode.APPLICATION_NOT_OPEN, Message.of("Application " + id + " is " + status
                        + ": only a SUBMITTED, ACCEPTED or RETURNED application can be withdrawn.",
                        "申请" + id + "状态为" + status + "：仅已提交、已受理或已退回补正的申请可以撤回。"));
            }
            OffsetDateTime at = OffsetDateTime.now(clock);
            a.status = ApplicationStatus.WITHDRAWN.name();
            a.updatedAt = at;
            return applications.flush().flatMap(done -> history(tx, a, caller, at, null, null))
                    .flatMap(done -> queries.view(tx, id))
                    .map(view -> WriteOutcome.ok(AuditedResource.changed(AGGREGATE, id, List.of("status")), view)
                            .announcing(new AggregateEvent("application.withdrawn", AGGREGATE, a.id.toString(), a.eventSequence(), view)));
        });
    }

    /**
     * The history row of the status {@code a} now has, numbered by its event sequence: with the regulator's comment and
     * the details of a return or rejection ({@code detailsJson}: its corrections or reasons), when there are any.
     */
    static Uni<Integer> history(TransactionSql tx, Application a, Caller caller, OffsetDateTime at, String comment, String detailsJson) {
        return tx.update("INSERT INTO application_event (application_id, sequence, status, at, by_client, comment, details) "
                        + "VALUES ($1, $2, $3, $4, $5, $6, CAST(CAST($7 AS text) AS jsonb))",
                a.id, (int) a.eventSequence(), a.status, at, caller.clientId(), comment, detailsJson);
    }

    /**
     * Application {@code id}, when {@code caller} may read it: its filer, its enterprise, an administrator, or a
     * regulator of its permit's region (elsewhere: OUTSIDE_REGION). To anyone else it does not exist.
     */
    Uni<ApplicationView> read(Caller caller, long id) {
        return queries.stored(id).map(found -> {
            ApplicationQueries.Stored s = found.orElseThrow(() -> notFound(id));
            if (isApplicant(caller, s.filedBy(), s.enterpriseId()) || caller.hasRole("admin")) {
                return s.view();
            }
            if (caller.hasRole("regulator") && caller.hasScope(READ)) {
                if (PermitAccess.inRegion(caller, s.regionCode())) {
                    return s.view();
                }
                throw new ApiException(ErrorCode.OUTSIDE_REGION, Message.of("Application " + id + " is on a permit outside your region.",
                        "申请" + id + "所涉许可证不在您的管辖区域内。"));
            }
            throw notFound(id);
        });
    }

    static boolean isApplicant(Caller caller, java.util.UUID filedBy, long enterpriseId) {
        return caller.clientId().equals(filedBy)
                || (caller.hasRole("enterprise") && caller.enterpriseId().map(e -> e == enterpriseId).orElse(false));
    }

    static ApiException rejected(List<FieldError> errors) {
        return new ApiException(ErrorCode.APPLICATION_REJECTED, Message.of(errors.size() + " error(s) refuse this application; each is "
                        + "listed with its JSON pointer and code (docs/applications.md says how to fix each).",
                "该申请存在" + errors.size() + "处错误，已逐项列出其位置和代码（修正方法见 docs/applications.md）。"), errors);
    }

    static ApiException alreadyOpen(PermitFacts permit, ApplicationType type, long id) {
        FieldError error = ApplicationRules.error("/type", ApplicationCode.APPLICATION_OPEN, "Permit " + permit.permitNumber()
                        + " already has an open " + type + " application: /v1/applications/" + id + ".",
                "许可证" + permit.permitNumber() + "已有办理中的" + type + "申请：/v1/applications/" + id + "。");
        return new ApiException(ErrorCode.APPLICATION_OPEN, error.message(), List.of(error));
    }

    static ApiException notFound(long id) {
        return new ApiException(ErrorCode.APPLICATION_NOT_FOUND, Message.of("No application of yours has the id " + id + ".",
                "没有编号为" + id + "的申请。"));
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an application could not be serialised", e);
        }
    }

}
