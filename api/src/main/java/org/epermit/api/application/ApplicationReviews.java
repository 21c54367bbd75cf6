package org.epermit.api.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.epermit.api.access.PermitAccess;
import org.epermit.api.calendar.StatutoryDeadlines;
import org.epermit.api.gateway.Caller;
import org.epermit.api.gateway.TransactionSql;
import org.epermit.api.gateway.audit.AuditedResource;
import org.epermit.api.gateway.write.AggregateEvent;
import org.epermit.api.gateway.write.WriteOutcome;
import org.epermit.api.problem.ApiException;
import org.epermit.api.problem.ErrorCode;
import org.epermit.api.problem.FieldError;
import org.epermit.api.problem.Message;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The regulator's side of an application: acceptance (受理, or a return with one notice of everything to correct),
 * the decision and its effect on the permit, and the applicant's resubmission of a returned application. Each is one
 * transaction with its history row, audit row and outbox events; the application's optimistic lock makes exactly one
 * of two concurrent acts stand (the other is a 409).
 */
@ApplicationScoped
public class ApplicationReviews {

    static final String REVIEW = "reviews:write";

    private final ApplicationRepository applications;
    private final ApplicationQueries queries;
    private final ApplicationRules rules;
    private final ReviewBodyRules bodies;
    private final ApprovalEffects effects;
    private final DraftCatalogueQueries catalogue;
    private final StatutoryDeadlines deadlines;
    private final ObjectMapper json;
    private final Clock clock;

    public ApplicationReviews(ApplicationRepository applications, ApplicationQueries queries, ApplicationRules rules,
                              ReviewBodyRules bodies, ApprovalEffects effects, DraftCatalogueQueries catalogue, StatutoryDeadlines deadlines,
                              ObjectMapper json, Clock clock) {
        this.applications = applications;
        this.queries = queries;
        this.rules = rules;
        this.bodies = bodies;
        this.effects = effects;
        this.catalogue = catalogue;
        this.deadlines = deadlines;
        this.json = json;
        this.clock = clock;
    }

    /** Accepts a submitted application, or returns it with everything to correct; see {@link ReviewStage}. */
    Uni<WriteOutcome> accept(TransactionSql tx, Caller caller, long id, AcceptanceBody body) {
        List<FieldError> invalid = bodies.acceptance(body);
        if (!invalid.isEmpty()) {
            return Uni.createFrom().failure(ApiException.validation(invalid));
        }
        return reviewable(caller, id).flatMap(a -> deadlines.reckoning().flatMap(r -> {
            ApplicationStatus status = ApplicationStatus.valueOf(a.status);
            if (status != ApplicationStatus.SUBMITTED) {
                throw notPending(a, "accepted or returned at acceptance", "受理或退回补正", "SUBMITTED");
            }
            ApplicationType type = ApplicationType.valueOf(a.type);
            if (Boolean.TRUE.equals(body.siteInspection()) && !inspectable(type, a.category)) {
                throw ApiException.validation(List.of(new FieldError("/siteInspection", "NOT_ALLOWED", Message.of(
                        "a site inspection lengthens only the period of an INITIAL or REAPPLICATION under key management; this is a "
                                + a.category + " " + type, "现场核查仅适用于重点管理的首次申请或重新申请，本申请为" + a.category + " " + type))));
            }
            ReviewStage stage = ReviewStage.of(r, type, a.category, a.siteInspection, status, filedOn(a), null);
            if (body.outcome() == AcceptanceOutcome.RETURNED && stage.deemedAccepted()) {
                LocalDate deemed = stage.acceptedOn().orElseThrow();
                throw new ApiException(ErrorCode.ACCEPTANCE_PERIOD_PASSED, Message.of("Application " + id + " counts as accepted on "
                        + deemed + ": the acceptance period ended with no notice to correct. Decide it, or return it with the "
                        + "decision (POST /v1/applications/" + id + "/decision, RETURNED).",
                        "申请" + id + "已于" + deemed + "视为受理：受理期限内未一次性告知补正。请作出决定，或在决定中退回补正（POST /v1/applications/" + id + "/decision，RETURNED）。"));
            }
            OffsetDateTime at = OffsetDateTime.now(clock);
            boolean accepted = body.outcome() == AcceptanceOutcome.ACCEPTED;
            a.status = (accepted ? ApplicationStatus.ACCEPTED : ApplicationStatus.RETURNED).name();
            if (accepted) {
                // deemed accepted already: the clock started then, not now
                a.acceptedOn = stage.acceptedOn().orElse(r.today());
                a.siteInspection = Boolean.TRUE.equals(body.siteInspection());
            }
            a.updatedAt = at;
            Map<String, Object> details = accepted ? null : Map.of("corrections", body.corrections());
            return applications.flush()
                    .flatMap(done -> Applications.history(tx, a, caller, at, body.comment(), details == null ? null : write(details)))
                    .flatMap(done -> queries.view(tx, id))
                    .map(view -> WriteOutcome.ok(AuditedResource.changed(Applications.AGGREGATE, id,
                                    accepted ? List.of("status", "acceptedOn", "siteInspection") : List.of("status")), view)
                            .announcing(new AggregateEvent(accepted ? "application.accepted" : "application.returned",
                                    Applications.AGGREGATE, a.id.toString(), a.eventSequence(), view)));
        }));
    }

    /** Decides an accepted application (or one that counts as accepted); an approval changes the permit in the same transaction. */
    Uni<WriteOutcome> decide(TransactionSql tx, Caller caller, long id, DecisionBody body) {
        List<FieldError> invalid = bodies.decision(body);
        if (!invalid.isEmpty()) {
            return Uni.createFrom().failure(ApiException.validation(invalid));
        }
        return reviewable(caller, id).flatMap(a -> deadlines.reckoning().flatMap(r -> {
            ApplicationStatus status = ApplicationStatus.valueOf(a.status);
            ApplicationType type = ApplicationType.valueOf(a.type);
            if (status == ApplicationStatus.SUBMITTED) {
                ReviewStage stage = ReviewStage.of(r, type, a.category, a.siteInspection, status, filedOn(a), null);
                if (!stage.deemedAccepted()) {
                    throw new ApiException(ErrorCode.NOT_YET_ACCEPTED, Message.of("Application " + id + " is awaiting acceptance "
                            + "until " + stage.deadline().deadline() + ": accept it or return it with everything to correct first "
                            + "(POST /v1/applications/" + id + "/acceptance).",
                            "申请" + id + "尚待受理（期限" + stage.deadline().deadline() + "）：请先受理或一次性告知补正（POST /v1/applications/" + id + "/acceptance）。"));
                }
                a.acceptedOn = stage.acceptedOn().orElseThrow();
            } else if (status != ApplicationStatus.ACCEPTED) {
                throw notPending(a, "decided", "作出决定", "ACCEPTED");
            }
            OffsetDateTime at = OffsetDateTime.now(clock);
            LocalDate today = r.today();
            DecisionOutcome decision = body.decision();
            a.status = switch (decision) {
                case APPROVED -> ApplicationStatus.APPROVED.name();
                case REJECTED -> ApplicationStatus.REJECTED.name();
                case RETURNED -> ApplicationStatus.RETURNED.name();
            };
            if (decision != DecisionOutcome.RETURNED) {
                a.decidedOn = today;
            }
            a.updatedAt = at;
            Map<String, Object> details = switch (decision) {
                case APPROVED -> null;
                case REJECTED -> Map.of("reasons", body.reasons());
                case RETURNED -> Map.of("corrections", body.corrections());
            };
            // The lock first: of two decisions at once, the second fails here, before it touches the permit.
            Uni<Optional<AggregateEvent>> effect = applications.flush().flatMap(done -> decision == DecisionOutcome.APPROVED
                    ? effects.apply(tx, a, read(a.body), today, caller.regionCode().orElseThrow()).map(Optional::of)
                    : Uni.createFrom().item(Optional.<AggregateEvent>empty()));
            return effect.flatMap(permitEvent -> Applications.history(tx, a, caller, at, body.comment(), details == null ? null : write(details))
                    .flatMap(done -> queries.view(tx, id))
                    .map(view -> {
                        WriteOutcome outcome = WriteOutcome.ok(AuditedResource.changed(Applications.AGGREGATE, id,
                                        List.of("status", "decidedOn")), view)
                                .announcing(new AggregateEvent("application." + decision.name().toLowerCase(java.util.Locale.ROOT),
                                        Applications.AGGREGATE, a.id.toString(), a.eventSequence(), view));
                        return permitEvent.map(outcome::announcing).orElse(outcome);
                    }));
        }));
    }

    /** The applicant's corrected application, after a return: checked again, then SUBMITTED and back in the queue. */
    Uni<WriteOutcome> resubmit(TransactionSql tx, Caller caller, long id, ApplicationBody body) {
        return applications.findById(id).flatMap(a -> {
            if (a == null || !Applications.isApplicant(caller, a.filedBy, a.enterpriseId)) {
                throw Applications.notFound(id);
            }
            if (ApplicationStatus.valueOf(a.status) != ApplicationStatus.RETURNED) {
                throw new ApiException(ErrorCode.APPLICATION_NOT_RETURNED, Message.of("Application " + id + " is " + a.status
                                + ": only a RETURNED application is corrected and resubmitted.",
                        "申请" + id + "状态为" + a.status + "：仅被退回补正的申请可以更正后重新提交。"));
            }
            if (body.type() != ApplicationType.valueOf(a.type)) {
                throw Applications.rejected(List.of(ApplicationRules.error("/type", ApplicationCode.RESUBMISSION_TYPE_CHANGED,
                        "A resubmission keeps its type, " + a.type + "; file an application of another type on its own.",
                        "重新提交须保持原申请类型" + a.type + "；其他类型的申请请另行提交。")));
            }
            if (a.permitId == null && !sameUnit(read(a.body), body)) {
                throw Applications.rejected(List.of(ApplicationRules.error("/enterprise/creditCode", ApplicationCode.RESUBMISSION_UNIT_CHANGED,
                        "A resubmission is for the unit the application was filed for; apply for another unit on its own.",
                        "重新提交的申请须为原申请单位；其他单位请另行申请。")));
            }
            // an INITIAL application has no permit yet: its unit is known since its filing registered it
            Uni<ApplicationRules.Checked> check = a.permitId == null
                    ? catalogue.catalogue().map(reference -> rules.checkInitial(body, true, reference))
                    : queries.permitById(tx, a.permitId).flatMap(permit -> catalogue.catalogue()
                            .map(reference -> rules.check(permit, body, LocalDate.now(clock), reference)));
            return check.flatMap(checked -> {
                if (!checked.errors().isEmpty()) {
                    throw Applications.rejected(checked.errors());
                }
                OffsetDateTime at = OffsetDateTime.now(clock);
                a.status = ApplicationStatus.SUBMITTED.name();
                a.body = write(body);
                a.findings = write(checked.findings());
                a.acceptedOn = null;
                a.siteInspection = false;
                a.submittedAt = at;
                a.updatedAt = at;
                return applications.flush()
                        .flatMap(done -> Applications.history(tx, a, caller, at, null, null))
                        .flatMap(done -> queries.view(tx, id))
                        .map(view -> WriteOutcome.ok(AuditedResource.changed(Applications.AGGREGATE, id,
                                        List.of("status", "body", "findings")), view)
                                .announcing(new AggregateEvent("application.resubmitted", Applications.AGGREGATE,
                                        a.id.toString(), a.eventSequence(), view)));
            });
        });
    }

    /** The application, when {@code caller} is a regulator of its region holding reviews:write. */
    private Uni<Application> reviewable(Caller caller, long id) {
        if (!caller.hasRole("regulator") || !caller.hasScope(REVIEW)) {
            return Uni.createFrom().failure(regulatorsOnly());
        }
        return applications.findById(id).map(a -> {
            if (a == null) {
                throw new ApiException(ErrorCode.APPLICATION_NOT_FOUND, Message.of("No application has the id " + id + ".",
                        "没有编号为" + id + "的申请。"));
            }
            if (!PermitAccess.inRegion(caller, a.regionCode)) {
                throw outsideRegion(id);
            }
            return a;
        });
    }

    private static boolean sameUnit(ApplicationBody filed, ApplicationBody resubmitted) {
        return resubmitted.enterprise() != null && resubmitted.enterprise().creditCode() != null
                && org.epermit.api.common.CreditCode.normalize(resubmitted.enterprise().creditCode()).equals(filed.enterprise().creditCode() == null
                ? null : org.epermit.api.common.CreditCode.normalize(filed.enterprise().creditCode()));
    }

    static ApiException regulatorsOnly() {
        return new ApiException(ErrorCode.INSUFFICIENT_SCOPE, Message.of("Applications are accepted and decided by a regulator "
                + "holding the reviews:write scope.", "申请由持有 reviews:write 权限的主管部门受理和审批。"));
    }

    static ApiException outsideRegion(long id) {
        return new ApiException(ErrorCode.OUTSIDE_REGION, Message.of("Application " + id + " is outside your region.",
                "申请" + id + "不在您的管辖区域内。"));
    }

    private static ApiException notPending(Application a, String act, String actZh, String needed) {
        return new ApiException(ErrorCode.REVIEW_NOT_PENDING, Message.of("Application " + a.id + " is " + a.status + ": only a "
                        + needed + " application can be " + act + ".",
                "申请" + a.id + "状态为" + a.status + "：仅" + needed + "状态的申请可以" + actZh + "。"));
    }

    private static boolean inspectable(ApplicationType type, String category) {
        return (type == ApplicationType.INITIAL || type == ApplicationType.REAPPLICATION) && "KEY".equals(category);
    }

    /** The day it entered the queue: the acceptance period runs from then (a resubmission starts it again). */
    private LocalDate filedOn(Application a) {
        return a.submittedAt.atZoneSameInstant(clock.getZone()).toLocalDate();
    }

    private ApplicationBody read(String body) {
        try {
            return json.readValue(body, ApplicationBody.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored application body does not read as ApplicationBody", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an application could not be serialised", e);
        }
    }
}
