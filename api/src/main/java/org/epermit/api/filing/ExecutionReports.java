package org.epermit.api.filing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.epermit.api.access.PermitAccess;
import org.epermit.api.gateway.Caller;
import org.epermit.api.gateway.TransactionSql;
import org.epermit.api.gateway.audit.AuditedResource;
import org.epermit.api.gateway.write.AggregateEvent;
import org.epermit.api.gateway.write.WriteOutcome;
import org.epermit.api.permit.terms.PermitVersionQueries;
import org.epermit.api.permit.terms.PermitVersions;
import org.epermit.api.problem.ApiException;
import org.epermit.api.problem.ErrorCode;
import org.epermit.api.problem.FieldError;
import org.epermit.api.problem.Message;
import org.epermit.api.receipt.ContentDigest;
import org.epermit.api.receipt.Receipt;
import org.epermit.api.receipt.ReceiptClaims;
import org.epermit.api.receipt.ReceiptSigner;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Filing execution reports: evaluating, submitting and correcting them. Each runs the same rules ({@link ReportCheck})
 * against the permit version(s) in force in the report's days and our monitoring evidence, outside any transaction;
 * a submission or correction that passes is then written in one transaction ({@link
 * org.epermit.api.gateway.write.WriteTransaction#runOnEntities}) with its receipt, audit row and outbox event.
 */
@ApplicationScoped
public class ExecutionReports {

    static final String WRITE = "filings:write";
    static final String AGGREGATE = "execution_report";

    private final PermitAccess access;
    private final PermitVersionQueries versions;
    private final ReportCheck check;
    private final MonitoringEvidenceQueries evidence;
    private final ExecutionReportQueries queries;
    private final ExecutionReportRepository reports;
    private final ExecutionReportVersionRepository reportVersions;
    private final ReceiptSigner signer;
    private final ObjectMapper json;
    private final Clock clock;

    public ExecutionReports(PermitAccess access, PermitVersionQueries versions, ReportCheck check, MonitoringEvidenceQueries evidence,
                            ExecutionReportQueries queries, ExecutionReportRepository reports,
                            ExecutionReportVersionRepository reportVersions, ReceiptSigner signer, ObjectMapper json, Clock clock) {
        this.access = access;
        this.versions = versions;
        this.check = check;
        this.evidence = evidence;
        this.queries = queries;
        this.reports = reports;
        this.reportVersions = reportVersions;
        this.signer = signer;
        this.json = json;
        this.clock = clock;
    }

    /** A filing checked and ready to write (or refused: {@link #errors}). */
    public record Prepared(PermitVersions permit, Optional<PeriodTerms> terms, ReportContent content, List<FieldError> errors,
                           List<Finding> findings, Instant at, Optional<ExecutionReportQueries.StoredReport> existing) {

        ReportEvaluation evaluation() {
            return ReportEvaluation.of(errors, findings);
        }
    }

    /** Checks a new report for permit {@code permitNumber}; a report already filed for its period is an error. */
    public Uni<Prepared> prepareSubmission(Caller caller, String permitNumber, ReportContent content) {
        return access.require(caller, WRITE, permitNumber).flatMap(permitId -> load(permitId, permitNumber))
                .flatMap(permit -> queries.find(permit.permitId(), content.type(), content.period())
                        .flatMap(existing -> prepare(permit, content, Optional.empty(), existing)));
    }

    /** Checks a correction of report {@code reportId} (its type and period are the report's). */
    public Uni<Prepared> prepareCorrection(Caller caller, long reportId, ReportContent content) {
        return queries.stored(reportId).flatMap(found -> {
            ExecutionReportQueries.StoredReport report = found.orElseThrow(() -> notFound(reportId));
            return access.require(caller, WRITE, report.permitNumber()).flatMap(permitId -> load(permitId, report.permitNumber()))
                    .flatMap(permit -> {
                        List<FieldError> mismatch = new ArrayList<>();
                        if (content.type() != null && content.type() != report.type()) {
                            mismatch.add(ReportCheck.error("/type", FilingCode.REPORT_MISMATCH, "Report " + reportId + " is a "
                                    + report.type() + " report, not " + content.type() + ".", "报告" + reportId + "为" + report.type() + "报告，而非" + content.type() + "。"));
                        }
                        if (content.period() != null && !content.period().equals(report.period())) {
                            mismatch.add(ReportCheck.error("/period", FilingCode.REPORT_MISMATCH, "Report " + reportId + " is of "
                                    + report.period() + ", not " + content.period() + ".", "报告" + reportId + "的报告期为" + report.period() + "，而非" + content.period() + "。"));
                        }
                        ReportContent own = content.of(report.type(), report.period());
                        if (!mismatch.isEmpty()) {
                            return Uni.createFrom().item(new Prepared(permit, Optional.empty(), own, mismatch, List.of(), clock.instant(), Optional.of(report)));
                        }
                        return prepare(permit, own, Optional.of(report), Optional.empty());
                    });
        });
    }

    private Uni<PermitVersions> load(long permitId, String permitNumber) {
        return versions.load(permitId).map(v -> v.orElseThrow(() -> PermitAccess.notFound(permitNumber)));
    }

    private Uni<Prepared> prepare(PermitVersions permit, ReportContent content, Optional<ExecutionReportQueries.StoredReport> correcting,
                                  Optional<ExecutionReportQueries.StoredReport> clash) {
        Instant at = clock.instant();
        LocalDate today = LocalDate.ofInstant(at, clock.getZone());
        ReportCheck.Resolution resolution = check.resolve(permit, content.type(), content.period(), today);
        List<FieldError> errors = new ArrayList<>(resolution.errors());
        clash.ifPresent(existing -> errors.add(ReportCheck.error("/period", FilingCode.REPORT_EXISTS, "Permit " + permit.permitNumber()
                        + " already has a " + existing.type() + " report of " + existing.period() + ": /v1/execution-reports/" + existing.id()
                        + "; correct it (POST /v1/execution-reports/" + existing.id() + "/corrections).",
                "许可证" + permit.permitNumber() + "已有" + existing.period() + "的" + existing.type() + "报告：/v1/execution-reports/"
                        + existing.id() + "，请提交更正（POST /v1/execution-reports/" + existing.id() + "/corrections）。")));
        if (resolution.terms().isEmpty()) {
            return Uni.createFrom().item(new Prepared(permit, Optional.empty(), content, errors, List.of(), at, correcting));
        }
        PeriodTerms terms = resolution.terms().get();
        return evidence.of(permit.permitId(), terms).map(ev -> {
            ReportCheck.Checked checked = check.check(terms, content, ev, today, correcting.isPresent());
            errors.addAll(checked.errors());
            return new Prepared(permit, Optional.of(terms), content, errors, checked.findings(), at, correcting);
        });
    }

    /** The blank report of one period: what the permit and our records already know, for the filer to complete. */
    public Uni<ReportContent> blank(Caller caller, String permitNumber, org.epermit.api.permit.reporting.ReportType type, String period) {
        return access.require(caller, WRITE, permitNumber).flatMap(permitId -> load(permitId, permitNumber)).flatMap(permit -> {
            LocalDate today = LocalDate.now(clock);
            ReportCheck.Resolution resolution = check.resolve(permit, type, period, today);
            if (resolution.terms().isEmpty()) {
                throw rejected(resolution.errors());
            }
            PeriodTerms terms = resolution.terms().get();
            return evidence.of(permit.permitId(), terms).map(ev -> check.blank(terms, ev));
        });
    }

    /** The problem that refuses a filing: a report for the period exists (409), or the errors (422). */
    static ApiException refusal(Prepared prepared) {
        Optional<FieldError> exists = prepared.errors().stream().filter(e -> e.code().equals(FilingCode.REPORT_EXISTS.name())).findFirst();
        if (exists.isPresent()) {
            return new ApiException(ErrorCode.REPORT_EXISTS, exists.get().message(), List.of(exists.get()));
        }
        return rejected(prepared.errors());
    }

    static ApiException rejected(List<FieldError> errors) {
        return new ApiException(ErrorCode.FILING_REJECTED, Message.of(errors.size() + " error(s) refuse this filing; each is "
                        + "listed with its JSON pointer and code (docs/filing.md says how to fix each).",
                "该填报存在" + errors.size() + "处错误，已逐项列出其位置和代码（修正方法见 docs/filing.md）。"), errors);
    }

    static ApiException notFound(long reportId) {
        return new ApiException(ErrorCode.REPORT_NOT_FOUND, Message.of("No execution report has the id " + reportId + ".",
                "没有编号为" + reportId + "的执行报告。"));
    }

    /** Writes a checked new report, in the write's session; a report filed meanwhile for the period is a 409. */
    public Uni<WriteOutcome> submit(TransactionSql tx, Caller caller, Prepared p) {
        PeriodTerms terms = p.terms().orElseThrow();
        // Two submissions of one period at once: the lock makes the second wait, then find the first.
        return tx.lock("execution_report|" + p.permit().permitId() + "|" + terms.owed().type() + "|" + terms.owed().period().key())
                .flatMap(locked -> queries.find(tx, p.permit().permitId(), terms.owed().type(), terms.owed().period().key()))
                .flatMap(existing -> {
                    if (existing.isPresent()) {
                        throw refusal(new Prepared(p.permit(), p.terms(), p.content(), List.of(ReportCheck.error("/period",
                                FilingCode.REPORT_EXISTS, "A " + terms.owed().type() + " report of " + terms.owed().period().key()
                                        + " was filed meanwhile: /v1/execution-reports/" + existing.get() + ".",
                                "同一报告期的报告已先行提交：/v1/execution-reports/" + existing.get() + "。")), List.of(), p.at(), Optional.empty()));
                    }
                    ExecutionReport report = new ExecutionReport();
                    OffsetDateTime at = OffsetDateTime.ofInstant(p.at(), clock.getZone());
                    report.permitId = p.permit().permitId();
                    report.reportType = terms.owed().type().name();
                    report.period = terms.owed().period().key();
                    report.coversFrom = terms.owed().covers().first();
                    report.coversTo = terms.owed().covers().last();
                    report.dueDate = terms.owed().due();
                    report.status = "SUBMITTED";
                    report.firstSubmittedAt = at;
                    report.submittedAt = at;
                    report.daysLate = (int) Math.max(0, ChronoUnit.DAYS.between(terms.owed().due(), at.toLocalDate()));
                    report.currentVersion = 1;
                    report.stoppage = p.content().isStoppage();
                    report.exceedanceCount = p.content().exceedances().size();
                    return reports.persist(report).flatMap(done -> reports.flush())
                            .flatMap(done -> addVersion(tx, caller, report, p, at))
                            .map(view -> WriteOutcome.created(AuditedResource.created(AGGREGATE, report.id),
                                    URI.create("/v1/execution-reports/" + report.id), view)
                                    .announcing(new AggregateEvent("execution_report.submitted", AGGREGATE, report.id.toString(),
                                            report.eventSequence(), view)));
                });
    }

    /** Writes a checked correction: a new version of the report; a correction committed meanwhile is a 409. */
    public Uni<WriteOutcome> correct(TransactionSql tx, Caller caller, long reportId, Prepared p) {
        ExecutionReportQueries.StoredReport stored = p.existing().orElseThrow();
        return reports.findById(reportId).flatMap(report -> {
            if (report == null) {
                throw notFound(reportId);
            }
            if (report.version != stored.entityVersion()) {
                // another correction committed between the check and this write: this one was checked against an older report
                throw new ApiException(ErrorCode.CONCURRENT_MODIFICATION, Message.of("Report " + reportId + " was corrected by "
                        + "another request meanwhile. Read it again and send the correction again if it still applies.",
                        "报告" + reportId + "已被另一请求更正，请重新读取后如仍需更正再提交。"));
            }
            OffsetDateTime at = OffsetDateTime.ofInstant(p.at(), clock.getZone());
            report.currentVersion = report.currentVersion + 1;
            report.stoppage = p.content().isStoppage();
            report.exceedanceCount = p.content().exceedances().size();
            report.status = "SUBMITTED";
            report.submittedAt = at;
            return reports.flush().flatMap(done -> addVersion(tx, caller, report, p, at))
                    .map(view -> WriteOutcome.created(AuditedResource.changed(AGGREGATE, report.id, List.of("versions")),
                                    URI.create("/v1/execution-reports/" + report.id + "/versions/" + report.currentVersion), view)
                            .announcing(new AggregateEvent("execution_report.corrected", AGGREGATE, report.id.toString(),
                                    report.eventSequence(), view)));
        });
    }

    private Uni<ExecutionReportView> addVersion(TransactionSql tx, Caller caller, ExecutionReport report, Prepared p, OffsetDateTime at) {
        PeriodTerms terms = p.terms().orElseThrow();
        JsonNode content = json.valueToTree(p.content());
        String digest = ContentDigest.sha256Hex(content);
        List<Integer> permitVersions = terms.parts().stream().map(part -> part.terms().version()).distinct().toList();
        int governing = permitVersions.get(permitVersions.size() - 1);
        boolean afterDeadline = at.toLocalDate().isAfter(terms.owed().due());
        Receipt receipt = signer.sign(new ReceiptClaims(UUID.randomUUID().toString(), report.id, report.currentVersion,
                p.permit().permitNumber(), governing, report.reportType, report.period, p.at(), digest, afterDeadline));
        ExecutionReportVersion version = new ExecutionReportVersion();
        version.reportId = report.id;
        version.number = report.currentVersion;
        version.content = write(content);
        version.contentSha256 = digest;
        version.findings = write(json.valueToTree(p.findings()));
        version.permitVersions = permitVersions.toArray(Integer[]::new);
        version.submittedAt = at;
        version.submittedBy = caller.clientId();
        version.afterDeadline = afterDeadline;
        version.receipt = receipt.jws();
        return reportVersions.persist(version).flatMap(done -> reportVersions.flush())
                .flatMap(done -> emissions(tx, report, terms, p.content()))
                .flatMap(done -> queries.view(tx, report.id))
                .map(view -> view.orElseThrow(() -> new IllegalStateException("report " + report.id + " vanished in its own write")));
    }

    /** The current version's actual emissions beside the licensed quantities of its days (execution_report_emission). */
    private Uni<Integer> emissions(TransactionSql tx, ExecutionReport report, PeriodTerms terms, ReportContent content) {
        List<String> codes = new ArrayList<>(terms.licensed().keySet());
        String[] actual = new String[codes.size()];
        String[] licensed = new String[codes.size()];
        String[] methods = new String[codes.size()];
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            licensed[i] = terms.licensed().get(code).toPlainString();
            content.actualEmissions().stream().filter(e -> code.equals(e.pollutantCode())).findFirst().ifPresent(e -> {
                int j = codes.indexOf(e.pollutantCode());
                actual[j] = e.tonnes() == null ? null : e.tonnes().toPlainString();
                methods[j] = e.method() == null ? null : e.method().name();
            });
        }
        return tx.update("DELETE FROM execution_report_emission WHERE report_id = $1", report.id)
                .flatMap(done -> tx.update("""
                        INSERT INTO execution_report_emission (report_id, pollutant_code, actual_t, licensed_t, method)
                        SELECT $1, c, CAST(a AS numeric), CAST(l AS numeric), m
                        FROM unnest(CAST($2 AS text[]), CAST($3 AS text[]), CAST($4 AS text[]), CAST($5 AS text[])) AS u (c, a, l, m)""",
                        report.id, codes.toArray(String[]::new), actual, licensed, methods));
    }

    private String write(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report's content could not be serialised", e);
        }
    }

    /** A caller may read a permit's filings with either scope: its own filings (filings:write) or the permit (permits:read). */
    public Uni<Long> readable(Caller c, String permitNumber) {
        if (c.hasScope("filings:write")) {
            return access.require(c, "filings:write", permitNumber)
                    .onFailure(e -> e instanceof ApiException a && a.code() != ErrorCode.PERMIT_NOT_FOUND && c.hasScope(ExecutionReportResource.READ))
                    .recoverWithUni(() -> access.require(c, ExecutionReportResource.READ, permitNumber));
        }
        return access.require(c, ExecutionReportResource.READ, permitNumber);
    }

}
