package org.epermit.sdk;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.util.List;
import org.epermit.sdk.errors.ConflictException;
import org.epermit.sdk.errors.FieldError;
import org.epermit.sdk.errors.ReportExistsException;
import org.epermit.sdk.errors.ValidationException;
import org.epermit.sdk.filing.Findings;
import org.epermit.sdk.model.Acknowledgement;
import org.epermit.sdk.model.ExecutionReport;
import org.epermit.sdk.model.ExecutionReportContent;
import org.epermit.sdk.model.FilingCode;
import org.epermit.sdk.model.ObligationStatus;
import org.epermit.sdk.model.ReportEvaluation;
import org.epermit.sdk.model.ReportFinding;
import org.epermit.sdk.model.ReportType;
import org.epermit.sdk.param.ExecutionReportSearchParams;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Filing execution reports: what is sent, idempotent submissions, refusals as typed errors, findings acknowledged. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FilingServiceTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String REPORTS = "/v1/permits/" + Stubs.PERMIT + "/execution-reports";

    private final FakeTime time = new FakeTime();

    private EPermitClient client() {
        return EPermitClient.builder().baseUrl(api.baseUrl()).credentials(Credentials.apiKey("epk_test.secret"))
                .clock(time).sleeper(time).build();
    }

    private static ExecutionReportContent content() {
        return new ExecutionReportContent().type(ReportType.QUARTERLY).period("2025-Q3");
    }

    @Test
    void obligations_are_read_for_a_year_with_their_statuses() {
        api.stubFor(get(urlPathEqualTo("/v1/permits/" + Stubs.PERMIT + "/obligations")).willReturn(Stubs.json("""
                {"permitNumber":"%s","year":2025,"reports":[{"type":"QUARTERLY","period":"2025-Q3","dueDate":"2025-10-15",
                 "status":"OVERDUE","daysLate":3}],"monitoring":[{"outletCode":"DA001","pollutantCode":"a21026",
                 "mode":"AUTOMATIC","requiredSamples":8760,"receivedSamples":700}]}""".formatted(Stubs.PERMIT))));
        var obligations = client().filings().obligations(Stubs.PERMIT, 2025);
        assertThat(obligations.getReports()).singleElement().satisfies(r -> {
            assertThat(r.getStatus()).isEqualTo(ObligationStatus.OVERDUE);
            assertThat(r.getDaysLate()).isEqualTo(3);
        });
        api.verify(getRequestedFor(urlPathEqualTo("/v1/permits/" + Stubs.PERMIT + "/obligations"))
                .withQueryParam("year", equalTo("2025")));
    }

    @Test
    void a_submission_carries_one_idempotency_key_reused_by_its_retry() {
        api.stubFor(post(urlPathEqualTo(REPORTS)).inScenario("s").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("up").willReturn(aResponse().withStatus(503)));
        api.stubFor(post(urlPathEqualTo(REPORTS)).inScenario("s").whenScenarioStateIs("up")
                .willReturn(Stubs.json("{\"id\":1042,\"period\":\"2025-Q3\",\"currentVersion\":1}").withStatus(201)));
        ExecutionReport report = client().filings().submit(Stubs.PERMIT, content());
        assertThat(report.getId()).isEqualTo(1042);
        var attempts = api.findAll(postRequestedFor(urlPathEqualTo(REPORTS)));
        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(0).getHeader("Idempotency-Key")).isNotBlank()
                .isEqualTo(attempts.get(1).getHeader("Idempotency-Key"));
        assertThat(attempts.get(0).getBodyAsString()).isEqualTo("{\"type\":\"QUARTERLY\",\"period\":\"2025-Q3\"}");
    }

    @Test
    void a_rejected_filing_is_a_validation_exception_with_every_field_error() {
        api.stubFor(post(urlPathEqualTo(REPORTS)).willReturn(Stubs.problem(422, "FILING_REJECTED", "2 error(s) refuse this filing.", """
                [{"path":"/actualEmissions/0/tonnes","code":"VALUE_NEGATIVE","message":"must not be negative"},
                 {"path":"/actualEmissions","code":"POLLUTANT_MISSING","message":"a21002 is licensed; report it"}]""")));
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> client().filings().submit(Stubs.PERMIT, content()));
        assertThat(e.getCode()).isEqualTo("FILING_REJECTED");
        assertThat(e.getFieldErrors()).containsExactly(
                new FieldError("/actualEmissions/0/tonnes", "VALUE_NEGATIVE", "must not be negative"),
                new FieldError("/actualEmissions", "POLLUTANT_MISSING", "a21002 is licensed; report it"));
    }

    @Test
    void a_second_report_of_a_period_is_a_report_exists_conflict_naming_the_report_to_correct() {
        api.stubFor(post(urlPathEqualTo(REPORTS)).willReturn(Stubs.problem(409, "REPORT_EXISTS", "A report exists.", """
                [{"path":"/period","code":"REPORT_EXISTS","message":"Permit %s already has a QUARTERLY report of 2025-Q3: /v1/execution-reports/1042; correct it (POST /v1/execution-reports/1042/corrections)."}]"""
                .formatted(Stubs.PERMIT))));
        ReportExistsException e = catchThrowableOfType(ReportExistsException.class,
                () -> client().filings().submit(Stubs.PERMIT, content()));
        assertThat(e).isInstanceOf(ConflictException.class);
        assertThat(e.getExistingReportId()).hasValue(1042);
        assertThat(e.getMessage()).contains("FilingService.correct");
        assertThat(api.findAll(postRequestedFor(urlPathEqualTo(REPORTS)))).as("not retried").hasSize(1);
    }

    @Test
    void corrections_and_reads_go_to_the_report_and_a_report_id_below_1_fails_before_any_call() {
        api.stubFor(post(urlPathEqualTo("/v1/execution-reports/1042/corrections"))
                .willReturn(Stubs.json("{\"id\":1042,\"currentVersion\":2}").withStatus(201)));
        assertThat(client().filings().correct(1042, new ExecutionReportContent()).getCurrentVersion()).isEqualTo(2);
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> client().filings().get(0));
        assertThat(e.getAttempts()).isZero();
        assertThat(e.getFieldErrors()).extracting(FieldError::path).containsExactly("path.id");
    }

    @Test
    void a_listing_pages_with_its_filters() {
        api.stubFor(get(urlPathEqualTo(REPORTS)).withQueryParam("cursor", com.github.tomakehurst.wiremock.client.WireMock.absent())
                .willReturn(Stubs.json("{\"items\":[{\"id\":1}],\"nextCursor\":\"c2\"}")));
        api.stubFor(get(urlPathEqualTo(REPORTS)).withQueryParam("cursor", equalTo("c2"))
                .willReturn(Stubs.json("{\"items\":[{\"id\":2}],\"nextCursor\":null}")));
        var params = ExecutionReportSearchParams.builder().type(ReportType.ANNUAL).year(2025).build();
        assertThat(client().filings().list(Stubs.PERMIT, params)).extracting(ExecutionReport::getId).containsExactly(1L, 2L);
        api.verify(2, getRequestedFor(urlPathEqualTo(REPORTS)).withQueryParam("type", equalTo("ANNUAL"))
                .withQueryParam("year", equalTo("2025")));
    }

    @Test
    void the_findings_that_need_an_explanation_become_acknowledgements_of_their_code_and_path() {
        ReportFinding above = new ReportFinding().code(FilingCode.EMISSIONS_ABOVE_LICENSED)
                .path("/actualEmissions/0/tonnes").needsExplanation(true);
        ReportFinding late = new ReportFinding().code(FilingCode.LATE).path("/period").needsExplanation(false);
        ReportFinding undeclared = new ReportFinding().code(FilingCode.UNDECLARED_EXCEEDANCE).path("/exceedances");
        ReportEvaluation evaluation = new ReportEvaluation().acceptable(false).findings(List.of(above, late, undeclared))
                .explanationsRequired(List.of(above, undeclared));

        assertThat(Findings.needingExplanation(evaluation.getFindings())).containsExactly(above, undeclared);
        ExecutionReportContent report = content().acknowledgements(List.of(Findings.acknowledge(above, "检修期间旁路")));
        List<Acknowledgement> added = Findings.acknowledgeAll(report, evaluation, f -> "说明 " + f.getCode());

        assertThat(added).singleElement().satisfies(a -> {
            assertThat(a.getCode()).isEqualTo("UNDECLARED_EXCEEDANCE");
            assertThat(a.getPath()).isEqualTo("/exceedances");
            assertThat(a.getExplanation()).isEqualTo("说明 UNDECLARED_EXCEEDANCE");
        });
        assertThat(report.getAcknowledgements()).extracting(Acknowledgement::getCode)
                .containsExactly("EMISSIONS_ABOVE_LICENSED", "UNDECLARED_EXCEEDANCE");
        assertThat(catchThrowableOfType(IllegalArgumentException.class,
                () -> Findings.acknowledge(new ReportFinding().code(FilingCode.UNKNOWN).path("/x"), "because")))
                .hasMessageContaining("update the SDK");
    }
}
