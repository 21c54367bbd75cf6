package org.epermit.sdk.filing;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.epermit.sdk.model.Acknowledgement;
import org.epermit.sdk.model.ExecutionReportContent;
import org.epermit.sdk.model.FilingCode;
import org.epermit.sdk.model.ReportEvaluation;
import org.epermit.sdk.model.ReportFinding;

/**
 * The findings (soft errors) of an execution report: which need an explanation, and the
 * {@link Acknowledgement acknowledgements} that give one. A report is accepted with its findings, but only when each
 * finding that needs an explanation (emissions above the licensed quantity, monitoring below the required count, an
 * exceedance in the monitoring records the report does not declare, more samples than the records hold) is
 * acknowledged by its code and path in the submission.
 *
 * <pre>{@code
 * ReportEvaluation evaluation = client.filings().validate(permitNumber, report);
 * Findings.acknowledgeAll(report, evaluation, f -> explanations.get(f.getCode()));
 * client.filings().submit(permitNumber, report);
 * }</pre>
 */
public final class Findings {

    /**
     * The finding codes that need an explanation today. The service says so per finding
     * ({@link ReportFinding#getNeedsExplanation()}), which {@link #needsExplanation} prefers; this set is for a
     * finding that does not say.
     */
    public static final Set<FilingCode> EXPLANATION_REQUIRED = Set.copyOf(EnumSet.of(FilingCode.EMISSIONS_ABOVE_LICENSED,
            FilingCode.MONITORING_BELOW_REQUIRED, FilingCode.UNDECLARED_EXCEEDANCE, FilingCode.SAMPLES_ABOVE_RECORDS));

    private Findings() {
    }

    /**
     * Whether a finding is accepted only with an explanation.
     *
     * @param finding a finding of a {@link ReportEvaluation} or a stored report version
     * @return the service's own answer when it gives one, else whether its code is in {@link #EXPLANATION_REQUIRED}
     */
    public static boolean needsExplanation(ReportFinding finding) {
        Objects.requireNonNull(finding, "finding");
        return finding.getNeedsExplanation() != null ? finding.getNeedsExplanation()
                : EXPLANATION_REQUIRED.contains(finding.getCode());
    }

    /**
     * The findings that need an explanation.
     *
     * @param findings findings, e.g. {@link ReportEvaluation#getFindings()} ({@code null} for none)
     * @return those that need an explanation, in order
     */
    public static List<ReportFinding> needingExplanation(List<ReportFinding> findings) {
        return findings == null ? List.of() : findings.stream().filter(Findings::needsExplanation).toList();
    }

    /**
     * The acknowledgement that explains a finding: its code and path, and the explanation.
     *
     * @param finding     the finding
     * @param explanation why it is so and what was done, in the unit's words (stored with the report)
     * @return the acknowledgement to add to the report's {@code acknowledgements}
     * @throws IllegalArgumentException when the explanation is blank, or the finding's code is one this SDK version
     *                                  does not know ({@link FilingCode#UNKNOWN}: the code the service sent is lost,
     *                                  so no acknowledgement can name it; update the SDK)
     */
    public static Acknowledgement acknowledge(ReportFinding finding, String explanation) {
        Objects.requireNonNull(finding, "finding");
        if (explanation == null || explanation.isBlank()) {
            throw new IllegalArgumentException("an explanation of " + finding.getCode() + " at " + finding.getPath()
                    + " must say something");
        }
        if (finding.getCode() == null || finding.getCode() == FilingCode.UNKNOWN) {
            throw new IllegalArgumentException("the finding at " + finding.getPath() + " has a code this SDK version "
                    + "does not know, so it cannot be acknowledged by code; update the SDK");
        }
        return new Acknowledgement().code(finding.getCode().getValue()).path(finding.getPath()).explanation(explanation);
    }

    /**
     * Adds to a report an acknowledgement of every finding the evaluation says still needs an explanation
     * ({@link ReportEvaluation#getExplanationsRequired()}), keeping those the report has; a finding already
     * acknowledged (same code and path) is not acknowledged twice.
     *
     * @param report     the report that was validated; changed in place
     * @param evaluation its evaluation
     * @param explainer  the explanation of each finding; must not return a blank text
     * @return the acknowledgements added
     * @throws IllegalArgumentException as {@link #acknowledge} does
     */
    public static List<Acknowledgement> acknowledgeAll(ExecutionReportContent report, ReportEvaluation evaluation,
                                                       Function<ReportFinding, String> explainer) {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(evaluation, "evaluation");
        Objects.requireNonNull(explainer, "explainer");
        List<Acknowledgement> all = report.getAcknowledgements() == null ? new ArrayList<>()
                : new ArrayList<>(report.getAcknowledgements());
        List<Acknowledgement> added = new ArrayList<>();
        List<ReportFinding> required = evaluation.getExplanationsRequired() != null ? evaluation.getExplanationsRequired()
                : needingExplanation(evaluation.getFindings());
        for (ReportFinding finding : required) {
            boolean known = all.stream().anyMatch(a -> finding.getCode() != null
                    && finding.getCode().getValue().equals(a.getCode()) && Objects.equals(finding.getPath(), a.getPath()));
            if (!known) {
                Acknowledgement a = acknowledge(finding, explainer.apply(finding));
                all.add(a);
                added.add(a);
            }
        }
        report.setAcknowledgements(all);
        return added;
    }
}
