package org.epermit.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.epermit.sdk.model.ApiClientChange;
import org.epermit.sdk.model.AcceptanceOutcome;
import org.epermit.sdk.model.ApplicationAcceptance;
import org.epermit.sdk.model.ApplicationBody;
import org.epermit.sdk.model.ApplicationEnterprise;
import org.epermit.sdk.model.ApplicationCorrection;
import org.epermit.sdk.model.ApplicationDecision;
import org.epermit.sdk.model.DecisionOutcome;
import org.epermit.sdk.model.ExecutionReportReviewRequest;
import org.epermit.sdk.model.ReviewKind;
import org.epermit.sdk.model.ReviewOutcome;
import org.epermit.sdk.model.ApplicationStatus;
import org.epermit.sdk.model.ApplicationType;
import org.epermit.sdk.model.RegistrationBody;
import org.epermit.sdk.model.RegistrationChange;
import org.epermit.sdk.model.CalendarDay;
import org.epermit.sdk.model.CalendarDayKind;
import org.epermit.sdk.model.CalendarYearChange;
import org.epermit.sdk.model.ExecutionReportContent;
import org.epermit.sdk.model.NewApiClient;
import org.epermit.sdk.model.NewMonitoringDevice;
import org.epermit.sdk.model.ReportType;
import org.epermit.sdk.model.NewDelegation;
import org.epermit.sdk.model.PermitCategory;
import org.epermit.sdk.model.PermitStatus;
import org.epermit.sdk.param.ApplicationSearchParams;
import org.epermit.sdk.param.ReviewQueueParams;
import org.epermit.sdk.param.AuditSearchParams;
import org.epermit.sdk.param.ExecutionReportSearchParams;
import org.epermit.sdk.param.ListParams;
import org.epermit.sdk.param.MonitoringRecordSearchParams;
import org.epermit.sdk.param.PermitSearchParams;
import org.epermit.sdk.param.StatsParams;
import org.epermit.sdk.model.IndustryLevel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every SDK method sends what the contract describes for its operation: the method, a path that matches the
 * operation's template, only the query parameters the operation declares (all of them, when all are given), and a body
 * in one of the operation's media types. The services write each request by hand, so this is what keeps them equal to
 * {@code openapi/openapi.yaml}: a path or a parameter name mistyped, or changed in the contract, fails here.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ContractRequestsTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static final UUID ID = UUID.fromString("0b7e4c1a-2f3d-4e5a-9b6c-7d8e9f0a1b2c");

    /** One call of each operation, every parameter given. An operation added to the contract needs a line here. */
    private static final Map<String, Consumer<EPermitClient>> CALLS = Map.ofEntries(
            entry("searchPublicPermits", c -> c.publicPermits().searchPage(search(), "c1")),
            entry("exportPublicPermits", c -> c.publicPermits().export(search(), Stubs.PERMIT, RequestOptions.none())),
            entry("getPublicPermit", c -> c.publicPermits().get(Stubs.PERMIT)),
            entry("getPublicPermitHistory", c -> c.publicPermits().history(Stubs.PERMIT)),
            entry("getPublicPermitVersion", c -> c.publicPermits().getVersion(Stubs.PERMIT, 2)),
            entry("getPublicEnterprise", c -> c.publicEnterprises().get("91130200699229617X")),
            entry("listPollutants", c -> c.reference().pollutants()),
            entry("getCalendarYear", c -> c.calendar().get(2026)),
            entry("setCalendarYear", c -> c.calendar().set(2027, new CalendarYearChange().source("通知")
                    .addDaysItem(new CalendarDay().date(LocalDate.of(2027, 1, 1)).kind(CalendarDayKind.HOLIDAY)
                            .nameZh("元旦").nameEn("New Year's Day")))),
            entry("listIndustries", c -> c.reference().industries()),
            entry("listRegions", c -> c.reference().regions()),
            entry("listReceiptKeys", c -> c.receipts().keys()),
            entry("getMe", c -> c.me().get()),
            entry("searchPermits", c -> c.permits().searchPage(search(), "c1")),
            entry("getPermit", c -> c.permits().get(Stubs.PERMIT)),
            entry("listDelegations", c -> c.delegations().listPage(page(), "c1", RequestOptions.none())),
            entry("createDelegation", c -> c.delegations().create(new NewDelegation().vendorClientId(ID.toString()))),
            entry("getDelegation", c -> c.delegations().get(ID)),
            entry("revokeDelegation", c -> c.delegations().revoke(ID)),
            entry("listClients", c -> c.admin().listClientsPage(page(), "c1", RequestOptions.none())),
            entry("createClient", c -> c.admin().createClient(new NewApiClient().name("绿源环保"))),
            entry("getClient", c -> c.admin().getClient(ID)),
            entry("updateClient", c -> c.admin().updateClient(ID, new ApiClientChange().name("绿源"))),
            entry("deleteClient", c -> c.admin().deleteClient(ID)),
            entry("rotateClientKey", c -> c.admin().rotateClientKey(ID)),
            entry("revokeClientKey", c -> c.admin().revokeClientKey(ID, "k7Hq2")),
            entry("getPermitObligations", c -> c.filings().obligations(Stubs.PERMIT, 2025)),
            entry("getPermitCompliance", c -> c.filings().compliance(Stubs.PERMIT, 2025)),
            entry("getBlankExecutionReport", c -> c.filings().blank(Stubs.PERMIT, ReportType.QUARTERLY, "2025-Q3")),
            entry("validateExecutionReport", c -> c.filings().validate(Stubs.PERMIT, report())),
            entry("submitExecutionReport", c -> c.filings().submit(Stubs.PERMIT, report())),
            entry("correctExecutionReport", c -> c.filings().correct(1042, report())),
            entry("validateExecutionReportCorrection", c -> c.filings().validateCorrection(1042, report())),
            entry("getExecutionReport", c -> c.filings().get(1042)),
            entry("getApplicationRequirements", c -> c.applications().requirements(Stubs.PERMIT, ApplicationType.RENEWAL)),
            entry("fileApplication", c -> c.applications().file(Stubs.PERMIT,
                    new ApplicationBody().type(ApplicationType.RENEWAL).truthful(true))),
            entry("getInitialApplicationRequirements", c -> c.applications().initialRequirements(PermitCategory.KEY)),
            entry("fileInitialApplication", c -> c.applications().fileInitial(new ApplicationEnterprise().creditCode("91130200699229617X"),
                    ApplicationServiceTest.draft(), true, "新建项目")),
            entry("getApplication", c -> c.applications().get(1042)),
            entry("withdrawApplication", c -> c.applications().withdraw(1042)),
            entry("listApplications", c -> c.applications().listPage(ApplicationSearchParams.builder()
                    .type(ApplicationType.CHANGE).status(ApplicationStatus.SUBMITTED).permitNumber(Stubs.PERMIT).limit(5)
                    .build(), "c1", RequestOptions.none())),
            entry("resubmitApplication", c -> c.applications().resubmit(1042,
                    new ApplicationBody().type(ApplicationType.RENEWAL).truthful(true).statement("补正后重新提交"))),
            entry("getReviewQueue", c -> c.review().queuePage(ReviewQueueParams.builder().kind(ReviewKind.APPLICATION)
                    .applicationType(ApplicationType.RENEWAL).category("KEY").region("1302").overdue(true).limit(5).build(),
                    "c1", RequestOptions.none())),
            entry("acceptApplication", c -> c.review().accept(1042, new ApplicationAcceptance().outcome(AcceptanceOutcome.RETURNED)
                    .addCorrectionsItem(new ApplicationCorrection().path("/statement").comment("补充说明")).comment("一次性告知"))),
            entry("decideApplication", c -> c.review().decide(1042, new ApplicationDecision().decision(DecisionOutcome.REJECTED)
                    .addReasonsItem("材料不全"))),
            entry("reviewExecutionReport", c -> c.review().reviewReport(1042, new ExecutionReportReviewRequest()
                    .outcome(ReviewOutcome.RETURNED).reportVersion(1).comment("请补充停产说明"))),
            entry("getPermitStatistics", c -> c.stats().permits(StatsParams.builder().groupByIndustry(IndustryLevel.GROUP)
                    .region("13").industry("44").category(PermitCategory.KEY).status(PermitStatus.VALID).build())),
            entry("getEmissionStatistics", c -> c.stats().emissions(2025, StatsParams.builder().groupByIndustry(IndustryLevel.DIVISION)
                    .region("1302").industry("4").category(PermitCategory.KEY).pollutant("a21026").build())),
            entry("register", c -> c.registrations().register(new RegistrationBody().industryCode("4430").truthful(true))),
            entry("renewRegistration", c -> c.registrations().renew(Stubs.PERMIT)),
            entry("changeRegistration", c -> c.registrations().change(Stubs.PERMIT,
                    new RegistrationChange().changedOn(java.time.LocalDate.of(2026, 11, 20)).truthful(true))),
            entry("listPermitExecutionReports", c -> c.filings().listPage(Stubs.PERMIT, reports(), "c1",
                    RequestOptions.none())),
            entry("sendMonitoringRecords", c -> c.monitoring().sendCsv(Stubs.PERMIT,
                    "outletCode,pollutantCode,kind,averaging,from,value,unit\n"
                            + "DA001,a21026,AUTOMATIC,HOURLY,2026-11-20T08:00:00+08:00,24.5,mg/m3\n")),
            entry("listMonitoringRecords", c -> c.monitoring().listPage(Stubs.PERMIT, records(), "c1",
                    RequestOptions.none())),
            entry("registerMonitoringDevice", c -> c.monitoring().registerDevice(Stubs.PERMIT,
                    new NewMonitoringDevice().mn("010000A8900016F000169DC0").outletCode("DA001"))),
            entry("listMonitoringDevices", c -> c.monitoring().devices(Stubs.PERMIT)),
            entry("deleteMonitoringDevice", c -> c.monitoring().deleteDevice(Stubs.PERMIT, "010000A8900016F000169DC0")),
            entry("listPublicExecutionReports", c -> c.publicPermits().executionReportsPage(Stubs.PERMIT, reports(),
                    "c1", RequestOptions.none())),
            entry("listPublicMonitoringRecords", c -> c.publicPermits().monitoringRecordsPage(Stubs.PERMIT, records(),
                    "c1", RequestOptions.none())),
            entry("listAuditEntries", c -> c.admin().listAuditEntriesPage(AuditSearchParams.builder().client(ID)
                    .from(OffsetDateTime.parse("2026-01-01T00:00:00+08:00"))
                    .to(OffsetDateTime.parse("2026-02-01T00:00:00+08:00")).path("/v1/permits").status(200)
                    .correlationId("corr-1").resourceType("delegation").resourceId(ID.toString()).limit(10).build(),
                    "c1", RequestOptions.none())));

    private static final Map<String, Operation> OPERATIONS = new LinkedHashMap<>();

    record Operation(String id, String method, String path, Set<String> query, Set<String> mediaTypes, int status) {
    }

    private static PermitSearchParams search() {
        return PermitSearchParams.builder().q("热电").region("13").industry("4411").category(PermitCategory.KEY)
                .status(PermitStatus.VALID).expiringBefore(LocalDate.of(2027, 3, 31)).dueForRenewal(false).limit(5).build();
    }

    private static ExecutionReportContent report() {
        return new ExecutionReportContent().type(ReportType.QUARTERLY).period("2025-Q3");
    }

    private static ExecutionReportSearchParams reports() {
        return ExecutionReportSearchParams.builder().type(ReportType.ANNUAL).year(2025).status("SUBMITTED").limit(5)
                .build();
    }

    private static MonitoringRecordSearchParams records() {
        return MonitoringRecordSearchParams.builder().outlet("DA001").pollutant("a21026")
                .from(OffsetDateTime.parse("2025-11-01T00:00:00+08:00")).to(OffsetDateTime.parse("2025-12-01T00:00:00+08:00"))
                .exceedancesOnly(true).limit(5).build();
    }

    private static ListParams page() {
        return ListParams.builder().limit(5).build();
    }

    @BeforeAll
    static void readContract() throws Exception {
        JsonNode doc = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(
                Path.of(System.getProperty("epermit.contract", "../openapi/openapi.yaml"))));
        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (!METHODS.contains(op.getKey())) {
                return;
            }
            JsonNode o = op.getValue();
            Set<String> query = new TreeSet<>();
            for (JsonNode p : o.path("parameters")) {
                JsonNode parameter = p.has("$ref") ? resolve(doc, p.get("$ref").asText()) : p;
                if ("query".equals(parameter.path("in").asText())) {
                    query.add(parameter.path("name").asText());
                }
            }
            Set<String> mediaTypes = new TreeSet<>();
            o.path("requestBody").path("content").fieldNames().forEachRemaining(mediaTypes::add);
            int status = 0;
            for (var codes = o.path("responses").fieldNames(); codes.hasNext(); ) {
                String code = codes.next();
                if (code.startsWith("2")) {
                    status = Integer.parseInt(code);
                }
            }
            String id = o.path("operationId").asText();
            OPERATIONS.put(id, new Operation(id, op.getKey().toUpperCase(), path.getKey(), query, mediaTypes, status));
        }));
    }

    private static JsonNode resolve(JsonNode doc, String ref) {
        return doc.at(ref.substring(1));
    }

    @Test
    void there_is_a_call_here_for_every_operation_of_the_contract() {
        assertThat(CALLS.keySet()).as("operations in CALLS; add one line per new operation")
                .containsExactlyInAnyOrderElementsOf(OPERATIONS.keySet());
    }

    @Test
    void every_method_sends_the_request_its_operation_describes() {
        EPermitClient client = EPermitClient.builder().baseUrl(api.baseUrl())
                .credentials(Credentials.apiKey("epk_test.secret")).maxRetries(0).build();
        List<String> wrong = new ArrayList<>();
        for (Operation op : OPERATIONS.values()) {
            Consumer<EPermitClient> call = CALLS.get(op.id());
            if (call == null) {
                continue; // reported by the test above
            }
            api.resetAll();
            api.stubFor(any(anyUrl()).willReturn(op.status() == 204 ? aResponse().withStatus(204)
                    : aResponse().withStatus(op.status()).withHeader("Content-Type", "application/json").withBody("{}")));
            call.accept(client);
            List<LoggedRequest> sent = api.getAllServeEvents().stream().map(e -> e.getRequest()).toList();
            assertThat(sent).as(op.id()).hasSize(1);
            LoggedRequest r = sent.get(0);
            String path = r.getUrl().replaceFirst("\\?.*", "");
            Pattern template = Pattern.compile(op.path().replaceAll("\\{[^}]+}", "[^/]+"));
            if (!r.getMethod().getName().equals(op.method()) || !template.matcher(path).matches()) {
                wrong.add(op.id() + " sent " + r.getMethod() + " " + path + ", the contract says " + op.method() + " "
                        + op.path());
            }
            Set<String> query = new TreeSet<>(r.getQueryParams().keySet());
            if (!query.equals(op.query())) {
                wrong.add(op.id() + " sent the query parameters " + query + ", the contract has " + op.query());
            }
            String contentType = r.getHeader("Content-Type");
            if (op.mediaTypes().isEmpty() ? r.getBody().length > 0
                    : contentType == null || !op.mediaTypes().contains(contentType.replaceFirst(";.*", ""))) {
                wrong.add(op.id() + " sent a body as " + contentType + ", the contract takes " + op.mediaTypes());
            }
        }
        assertThat(wrong).isEmpty();
    }
}
