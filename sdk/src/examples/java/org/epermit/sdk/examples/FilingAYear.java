package org.epermit.sdk.examples;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.HashMap;
import org.epermit.sdk.Credentials;
import org.epermit.sdk.EPermitClient;
import org.epermit.sdk.errors.ReportExistsException;
import org.epermit.sdk.errors.ValidationException;
import org.epermit.sdk.filing.Findings;
import org.epermit.sdk.model.ActualEmission;
import org.epermit.sdk.model.EmissionMethod;
import org.epermit.sdk.model.ExecutionReport;
import org.epermit.sdk.model.ExecutionReportContent;
import org.epermit.sdk.model.MonitoringAveraging;
import org.epermit.sdk.model.MonitoringCompleteness;
import org.epermit.sdk.model.MonitoringMode;
import org.epermit.sdk.model.MonitoringObligation;
import org.epermit.sdk.model.MonitoringRecordKind;
import org.epermit.sdk.model.NewMonitoringRecord;
import org.epermit.sdk.model.ObligationStatus;
import org.epermit.sdk.model.Outlet;
import org.epermit.sdk.model.OutletPollutant;
import org.epermit.sdk.model.PermitCategory;
import org.epermit.sdk.model.PermitObligations;
import org.epermit.sdk.model.PermitStatus;
import org.epermit.sdk.model.ReportEvaluation;
import org.epermit.sdk.model.ReportObligationStatus;
import org.epermit.sdk.model.ReportStatements;
import org.epermit.sdk.model.Signatory;
import org.epermit.sdk.monitoring.MonitoringUploader;
import org.epermit.sdk.monitoring.UploadResult;
import org.epermit.sdk.param.PermitSearchParams;
import org.epermit.sdk.receipt.ReceiptClaims;
import org.epermit.sdk.receipt.ReceiptVerifier;

/**
 * A vendor's year of filings for one delegated permit, end to end: what is due, a month of monitoring data in
 * batches, then each due report: its blank, the figures filled in, a validation, explanations of the findings that
 * need one, the submission, and the receipt verified offline.
 *
 * <p>Run it against the embedded service with the demo vendor's key, which the service prints at start:
 * {@code FilingAYear http://localhost:8080 <vendor key> [year]}, or with {@code EPERMIT_API_KEY} set.
 */
public final class FilingAYear {

    private FilingAYear() {
    }

    /**
     * Runs the example.
     *
     * @param args the API's base URL, the vendor's API key (else {@code EPERMIT_API_KEY}), the year (else last year)
     */
    public static void main(String[] args) {
        String baseUrl = args.length > 0 ? args[0] : "http://localhost:8080";
        String apiKey = args.length > 1 ? args[1] : System.getenv("EPERMIT_API_KEY");
        int year = args.length > 2 ? Integer.parseInt(args[2]) : Year.now(ZoneOffset.ofHours(8)).getValue() - 1;
        if (apiKey == null) {
            System.err.println("Give the demo vendor's API key (printed by the embedded service at start).");
            return;
        }
        EPermitClient client = EPermitClient.builder().baseUrl(baseUrl).credentials(Credentials.apiKey(apiKey))
                .appInfo("filing-a-year/1.0").build();
        run(client, year, System.out);
    }

    /**
     * Files a year for the first key permit delegated to the caller.
     *
     * @param client a client with a vendor's credentials ({@code filings:write})
     * @param year   the year
     * @param out    where the summary goes
     */
    public static void run(EPermitClient client, int year, PrintStream out) {
        String permit = client.permits().search(PermitSearchParams.builder().category(PermitCategory.KEY)
                .status(PermitStatus.VALID).build()).stream().findFirst().orElseThrow(
                        () -> new IllegalStateException("no key permit is delegated to this client")).getPermitNumber();
        out.println("Permit " + permit + ", year " + year);

        // 1. What is due
        PermitObligations obligations = client.filings().obligations(permit, year);
        obligations.getReports().forEach(r -> out.println("  " + r.getType() + " " + r.getPeriod() + " due "
                + r.getDueDate() + ": " + r.getStatus()));

        // 2. A month of hourly averages for the automatic monitoring, in batches with stable keys
        List<NewMonitoringRecord> december = december(client, permit, year, obligations.getMonitoring());
        UploadResult upload = MonitoringUploader.builder(client.monitoring(), permit)
                .uploadId("filing-a-year-" + permit + "-" + year + "-12").batchSize(1_000).build().upload(december);
        out.println("Monitoring: " + upload.batches().size() + " batches, " + upload.inserted() + " new records, "
                + upload.duplicates() + " already stored, " + upload.exceedances() + " exceedances");

        // 3. Every due report: blank, fill, validate, explain, submit, verify the receipt
        ReceiptVerifier verifier = ReceiptVerifier.fromService(client);   // reads the keys once; then offline
        int filed = 0;
        for (ReportObligationStatus due : obligations.getReports()) {
            if (due.getStatus() != ObligationStatus.DUE && due.getStatus() != ObligationStatus.OVERDUE) {
                continue;
            }
            ExecutionReportContent report = client.filings().blank(permit, due.getType(), due.getPeriod());
            fill(report);
            ReportEvaluation evaluation = client.filings().validate(permit, report);
            // a finding that needs an explanation is an error until the body carries one: explain, then check again
            var explained = Findings.acknowledgeAll(report, evaluation,
                    f -> "Demo explanation of " + f.getCode() + ": " + f.getMessage());
            if (!explained.isEmpty()) {
                evaluation = client.filings().validate(permit, report);
            }
            if (!Boolean.TRUE.equals(evaluation.getAcceptable())) {
                evaluation.getErrors().forEach(e -> out.println("  " + due.getPeriod() + " " + e.getPath() + ": "
                        + e.getMessage() + " [" + e.getCode() + "]"));
                continue;
            }
            try {
                ExecutionReport accepted = client.filings().submit(permit, report);
                ReceiptClaims receipt = verifier.verifyCurrent(accepted);   // signature, report and content digest
                filed++;
                out.println("  filed " + due.getType() + " " + due.getPeriod() + " as report " + accepted.getId()
                        + (Boolean.TRUE.equals(accepted.getLate()) ? ", " + accepted.getDaysLate() + " days late" : "")
                        + "; " + explained.size() + " finding(s) explained; receipt " + receipt.receiptId()
                        + " verified, accepted at " + receipt.acceptedAt());
            } catch (ReportExistsException e) {
                out.println("  " + due.getPeriod() + " was filed meanwhile as report "
                        + e.getExistingReportId().orElse(-1));
            } catch (ValidationException e) {
                e.getFieldErrors().forEach(f -> out.println("  " + due.getPeriod() + " " + f));
            }
        }
        out.println("Filed " + filed + " report(s) for " + permit + " in " + year + ".");
    }

    /** Hourly values at half the limit for each automatic requirement with a limit, December of the year. */
    private static List<NewMonitoringRecord> december(EPermitClient client, String permit, int year,
                                                      List<MonitoringObligation> monitoring) {
        Set<String> automatic = new java.util.HashSet<>();
        for (MonitoringObligation m : monitoring) {
            if (m.getMode() == MonitoringMode.AUTOMATIC) {
                automatic.add(m.getOutletCode() + "/" + m.getPollutantCode());
            }
        }
        Map<String, OutletPollutant> limited = new HashMap<>();
        for (Outlet outlet : client.permits().get(permit).getPermit().getOutlets()) {
            for (OutletPollutant p : outlet.getPollutants()) {
                String key = outlet.getCode() + "/" + p.getPollutantCode();
                if (automatic.contains(key) && p.getLimit() != null && p.getLimit().getMax() != null
                        && p.getLimit().getUnit() != null) {
                    limited.put(key, p);
                }
            }
        }
        List<NewMonitoringRecord> records = new ArrayList<>();
        OffsetDateTime start = OffsetDateTime.of(year, 12, 1, 0, 0, 0, 0, ZoneOffset.ofHours(8));
        for (OffsetDateTime hour = start; hour.isBefore(start.plusMonths(1)); hour = hour.plusHours(1)) {
            for (Map.Entry<String, OutletPollutant> e : limited.entrySet()) {
                records.add(new NewMonitoringRecord().outletCode(e.getKey().split("/")[0])
                        .pollutantCode(e.getValue().getPollutantCode()).kind(MonitoringRecordKind.AUTOMATIC)
                        .averaging(MonitoringAveraging.HOURLY).from(hour)
                        .value(e.getValue().getLimit().getMax().divide(BigDecimal.valueOf(2), 3, RoundingMode.HALF_UP))
                        .unit(e.getValue().getLimit().getUnit()));
            }
        }
        return records;
    }

    /** The figures a unit would give: 80 % of the licensed quantity, the required samples performed, statements. */
    private static void fill(ExecutionReportContent report) {
        if (report.getActualEmissions() != null) {
            for (ActualEmission e : report.getActualEmissions()) {
                BigDecimal licensed = e.getLicensedTonnes();
                e.tonnes(licensed == null ? BigDecimal.ZERO : licensed.multiply(new BigDecimal("0.8"))
                        .setScale(3, RoundingMode.HALF_UP)).method(EmissionMethod.CALCULATED);
            }
        }
        if (report.getMonitoring() != null) {
            for (MonitoringCompleteness m : report.getMonitoring()) {
                m.performedSamples(m.getRequiredSamples() == null ? 0L : m.getRequiredSamples());
            }
        }
        report.statements(new ReportStatements().ledgerKept(true).disclosed(true).truthful(true))
                .signatory(new Signatory().name("王建国").role("环保负责人"));
    }
}
