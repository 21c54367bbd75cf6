package org.epermit.sdk;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.epermit.sdk.errors.ConflictException;
import org.epermit.sdk.errors.FieldError;
import org.epermit.sdk.errors.ValidationException;
import org.epermit.sdk.model.Application;
import org.epermit.sdk.model.ApplicationBody;
import org.epermit.sdk.model.ApplicationChange;
import org.epermit.sdk.model.ApplicationChangedItem;
import org.epermit.sdk.model.ApplicationEnterprise;
import org.epermit.sdk.model.DraftAnnualQuantity;
import org.epermit.sdk.model.DraftFrequency;
import org.epermit.sdk.model.DraftLimit;
import org.epermit.sdk.model.DraftMonitoring;
import org.epermit.sdk.model.DraftOutlet;
import org.epermit.sdk.model.DraftOutletPollutant;
import org.epermit.sdk.model.DraftReportObligation;
import org.epermit.sdk.model.DraftSite;
import org.epermit.sdk.model.DraftStandard;
import org.epermit.sdk.model.FrequencyUnit;
import org.epermit.sdk.model.Medium;
import org.epermit.sdk.model.MonitoringMode;
import org.epermit.sdk.model.OutletKind;
import org.epermit.sdk.model.PermitCategory;
import org.epermit.sdk.model.PermitDraft;
import org.epermit.sdk.model.ReportType;
import org.epermit.sdk.model.ApplicationStatus;
import org.epermit.sdk.model.ApplicationType;
import org.epermit.sdk.model.ChangedField;
import org.epermit.sdk.param.ApplicationSearchParams;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Applications: what is sent, idempotent filings, refusals as typed errors, requirements, paging, withdrawal. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ApplicationServiceTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String FILE = "/v1/permits/" + Stubs.PERMIT + "/applications";

    private final FakeTime time = new FakeTime();

    private EPermitClient client() {
        return EPermitClient.builder().baseUrl(api.baseUrl()).credentials(Credentials.apiKey("epk_test.secret"))
                .clock(time).sleeper(time).build();
    }

    private static ApplicationBody change() {
        return new ApplicationBody().type(ApplicationType.CHANGE).truthful(true).change(new ApplicationChange()
                .changedOn(LocalDate.of(2026, 11, 1)).items(List.of(new ApplicationChangedItem()
                        .field(ChangedField.LEGAL_REPRESENTATIVE).value("李明"))));
    }

    @Test
    void a_filing_sends_the_body_with_one_idempotency_key_reused_by_its_retry() {
        api.stubFor(post(urlPathEqualTo(FILE)).inScenario("s").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("up").willReturn(aResponse().withStatus(503)));
        api.stubFor(post(urlPathEqualTo(FILE)).inScenario("s").whenScenarioStateIs("up").willReturn(Stubs.json("""
                {"id":1042,"type":"CHANGE","status":"SUBMITTED","permitNumber":"%s","findings":[{"code":"CHANGE_FILED_LATE",
                 "path":"/change/changedOn","message":"Filed 45 days after the change","messageZh":"逾期"}],
                 "history":[{"status":"SUBMITTED","at":"2026-12-03T10:00:00+08:00","by":"0b7e4c1a-2f3d-4e5a-9b6c-7d8e9f0a1b2c"}]}"""
                .formatted(Stubs.PERMIT)).withStatus(201)));
        Application filed = client().applications().file(Stubs.PERMIT, change());
        assertThat(filed.getId()).isEqualTo(1042);
        assertThat(filed.getStatus()).isEqualTo(ApplicationStatus.SUBMITTED);
        assertThat(filed.getFindings()).singleElement().satisfies(f -> assertThat(f.getPath()).isEqualTo("/change/changedOn"));
        var attempts = api.findAll(postRequestedFor(urlPathEqualTo(FILE)));
        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(0).getHeader("Idempotency-Key")).isNotBlank().isEqualTo(attempts.get(1).getHeader("Idempotency-Key"));
        api.verify(postRequestedFor(urlPathEqualTo(FILE)).withRequestBody(equalToJson("""
                {"type":"CHANGE","truthful":true,"change":{"changedOn":"2026-11-01",
                 "items":[{"field":"LEGAL_REPRESENTATIVE","value":"李明"}]}}""", true, true)));
    }

    @Test
    void a_refused_application_lists_every_field_and_an_open_one_is_a_conflict() {
        api.stubFor(post(urlPathEqualTo(FILE)).inScenario("r").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("open")
                .willReturn(Stubs.problem(422, "APPLICATION_REJECTED", "2 error(s) refuse this application.", """
                        [{"path":"/truthful","code":"COMMITMENT_REQUIRED","message":"truthful must be true."},
                         {"path":"/change/items/0/field","code":"CHANGE_NEEDS_REAPPLICATION","message":"file a REAPPLICATION"}]""")));
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> client().applications().file(Stubs.PERMIT, change()));
        assertThat(e.getCode()).isEqualTo("APPLICATION_REJECTED");
        assertThat(e.getFieldErrors()).containsExactly(new FieldError("/truthful", "COMMITMENT_REQUIRED", "truthful must be true."),
                new FieldError("/change/items/0/field", "CHANGE_NEEDS_REAPPLICATION", "file a REAPPLICATION"));

        api.stubFor(post(urlPathEqualTo(FILE)).inScenario("r").whenScenarioStateIs("open")
                .willReturn(Stubs.problem(409, "APPLICATION_OPEN", "An open CHANGE application exists.", "[]")));
        ConflictException c = catchThrowableOfType(ConflictException.class, () -> client().applications().file(Stubs.PERMIT, change()));
        assertThat(c.getCode()).isEqualTo("APPLICATION_OPEN");
    }

    @Test
    void requirements_reads_and_withdrawal_go_to_their_paths_and_an_id_below_1_fails_before_any_call() {
        api.stubFor(get(urlPathEqualTo(FILE + "/requirements")).willReturn(Stubs.json("""
                {"type":"RENEWAL","permitNumber":"%s","allowed":true,"refusals":[],"fields":[],"attachments":[],
                 "filingDeadline":{"date":"2027-03-01","passed":false,"rule":"r","ruleZh":"r","lateFinding":"RENEWAL_FILED_LATE"},
                 "decisionPeriod":{"days":20,"dayCount":"WORKING","countsFrom":"ACCEPTANCE"}}""".formatted(Stubs.PERMIT))));
        var requirements = client().applications().requirements(Stubs.PERMIT, ApplicationType.RENEWAL);
        assertThat(requirements.getFilingDeadline().getDate()).isEqualTo(LocalDate.of(2027, 3, 1));
        assertThat(requirements.getDecisionPeriod().getDays()).isEqualTo(20);
        assertThat(requirements.getDecisionPeriod().getDayCount()).isEqualTo(org.epermit.sdk.model.DayCount.WORKING);
        api.verify(getRequestedFor(urlPathEqualTo(FILE + "/requirements")).withQueryParam("type", equalTo("RENEWAL")));

        api.stubFor(get(urlPathEqualTo("/v1/applications/1042")).willReturn(Stubs.json("{\"id\":1042,\"status\":\"SUBMITTED\"}")));
        api.stubFor(post(urlPathEqualTo("/v1/applications/1042/withdrawal")).willReturn(Stubs.json("{\"id\":1042,\"status\":\"WITHDRAWN\"}")));
        assertThat(client().applications().get(1042).getStatus()).isEqualTo(ApplicationStatus.SUBMITTED);
        assertThat(client().applications().withdraw(1042).getStatus()).isEqualTo(ApplicationStatus.WITHDRAWN);
        assertThat(api.findAll(postRequestedFor(urlPathEqualTo("/v1/applications/1042/withdrawal"))).get(0)
                .getHeader("Idempotency-Key")).isNotBlank();
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> client().applications().withdraw(0));
        assertThat(e.getFieldErrors()).extracting(FieldError::path).containsExactly("path.id");
    }

    @Test
    void the_listing_pages_lazily_with_its_filters() {
        api.stubFor(get(urlPathEqualTo("/v1/applications")).withQueryParam("cursor", equalTo("c2"))
                .willReturn(Stubs.json("{\"items\":[{\"id\":1}],\"nextCursor\":null}")));
        api.stubFor(get(urlPathEqualTo("/v1/applications")).withQueryParam("type", equalTo("RENEWAL"))
                .withQueryParam("cursor", com.github.tomakehurst.wiremock.client.WireMock.absent())
                .willReturn(Stubs.json("{\"items\":[{\"id\":3},{\"id\":2}],\"nextCursor\":\"c2\"}")));
        var ids = new java.util.ArrayList<Long>();
        client().applications().list(ApplicationSearchParams.builder().type(ApplicationType.RENEWAL).limit(2).build())
                .forEach(a -> ids.add(a.getId()));
        assertThat(ids).containsExactly(3L, 2L, 1L);
        api.verify(getRequestedFor(urlPathEqualTo("/v1/applications")).withQueryParam("limit", equalTo("2"))
                .withQueryParam("type", equalTo("RENEWAL")).withQueryParam("cursor", equalTo("c2")));
    }

    /** A KEY thermal power plant's draft with one main stack, as a vendor would build it. */
    static PermitDraft draft() {
        return new PermitDraft()
                .site(new DraftSite().name("唐山新能热电厂").address("河北省唐山市路北区热电路1号").regionCode("130203"))
                .category(PermitCategory.KEY).mainIndustry("4411")
                .outlets(List.of(new DraftOutlet().code("DA001").name("1#锅炉烟囱").medium(Medium.AIR).kind(OutletKind.MAIN)
                        .stackHeightMeters(new BigDecimal("180"))
                        .pollutants(List.of(new DraftOutletPollutant().pollutantCode("a21026")
                                .limit(new DraftLimit().max(new BigDecimal("35")).unit("mg/m3"))
                                .standard(new DraftStandard().code("GB 13223-2011").table("表1"))
                                .monitoring(new DraftMonitoring().mode(MonitoringMode.AUTOMATIC)
                                        .frequency(new DraftFrequency().count(4).unit(FrequencyUnit.DAY)))))))
                .annualQuantities(List.of(new DraftAnnualQuantity().pollutantCode("a21026").tonnes(List.of(new BigDecimal("120.5"),
                        new BigDecimal("120.5"), new BigDecimal("120"), new BigDecimal("120"), new BigDecimal("115")))))
                .reportObligations(List.of(new DraftReportObligation().type(ReportType.ANNUAL),
                        new DraftReportObligation().type(ReportType.QUARTERLY)));
    }

    @Test
    void an_initial_application_goes_to_v1_applications_with_the_unit_and_the_draft_and_one_idempotency_key() {
        api.stubFor(post(urlPathEqualTo("/v1/applications")).inScenario("i").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("up").willReturn(aResponse().withStatus(503)));
        api.stubFor(post(urlPathEqualTo("/v1/applications")).inScenario("i").whenScenarioStateIs("up").willReturn(Stubs.json("""
                {"id":2001,"type":"INITIAL","status":"SUBMITTED","permitNumber":null,"enterpriseCreditCode":"91130200699229617X",
                 "findings":[],"history":[]}""").withStatus(201)));
        Application filed = client().applications().fileInitial(new ApplicationEnterprise().creditCode("91130200699229617X")
                .name("唐山新能热电有限公司").address("河北省唐山市路北区新华道8号").legalRepresentative("赵六"), draft(), true, "新建热电项目");
        assertThat(filed.getType()).isEqualTo(ApplicationType.INITIAL);
        assertThat(filed.getPermitNumber()).isNull();
        var attempts = api.findAll(postRequestedFor(urlPathEqualTo("/v1/applications")));
        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(0).getHeader("Idempotency-Key")).isNotBlank().isEqualTo(attempts.get(1).getHeader("Idempotency-Key"));
        api.verify(postRequestedFor(urlPathEqualTo("/v1/applications")).withRequestBody(equalToJson("""
                {"type":"INITIAL","truthful":true,"statement":"新建热电项目",
                 "enterprise":{"creditCode":"91130200699229617X","name":"唐山新能热电有限公司","address":"河北省唐山市路北区新华道8号","legalRepresentative":"赵六"},
                 "draft":{"site":{"name":"唐山新能热电厂","address":"河北省唐山市路北区热电路1号","regionCode":"130203"},"category":"KEY",
                          "mainIndustry":"4411","outlets":[{"code":"DA001","name":"1#锅炉烟囱","medium":"AIR","kind":"MAIN","stackHeightMeters":180,
                          "pollutants":[{"pollutantCode":"a21026","limit":{"max":35,"unit":"mg/m3"},"standard":{"code":"GB 13223-2011","table":"表1"},
                          "monitoring":{"mode":"AUTOMATIC","frequency":{"count":4,"unit":"DAY"}}}]}],
                          "annualQuantities":[{"pollutantCode":"a21026","tonnes":[120.5,120.5,120,120,115]}],
                          "reportObligations":[{"type":"ANNUAL"},{"type":"QUARTERLY"}]}}""", true, true)));

        assertThatThrownBy(() -> client().applications().fileInitial(new ApplicationBody().type(ApplicationType.RENEWAL).truthful(true),
                RequestOptions.none())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("on its permit");
    }

    @Test
    void a_reapplication_is_filed_on_its_permit_with_the_draft_and_initial_requirements_name_the_category() {
        api.stubFor(post(urlPathEqualTo(FILE)).willReturn(Stubs.json("{\"id\":2002,\"type\":\"REAPPLICATION\",\"status\":\"SUBMITTED\"}").withStatus(201)));
        assertThat(client().applications().reapply(Stubs.PERMIT, draft(), true, "扩建").getType()).isEqualTo(ApplicationType.REAPPLICATION);
        api.verify(postRequestedFor(urlPathEqualTo(FILE)).withRequestBody(equalToJson("""
                {"type":"REAPPLICATION","truthful":true,"statement":"扩建","draft":{"category":"KEY","mainIndustry":"4411"}}""", true, true)));

        api.stubFor(get(urlPathEqualTo("/v1/applications/requirements")).willReturn(Stubs.json("""
                {"type":"INITIAL","permitNumber":null,"allowed":true,"refusals":[],"fields":[],"attachments":[],"filingDeadline":null,
                 "decisionPeriod":{"days":30,"dayCount":"WORKING","countsFrom":"ACCEPTANCE","daysWithSiteInspection":45}}""")));
        var requirements = client().applications().initialRequirements(PermitCategory.KEY);
        assertThat(requirements.getDecisionPeriod().getDays()).isEqualTo(30);
        assertThat(requirements.getDecisionPeriod().getDaysWithSiteInspection()).isEqualTo(45);
        api.verify(getRequestedFor(urlPathEqualTo("/v1/applications/requirements")).withQueryParam("type", equalTo("INITIAL"))
                .withQueryParam("category", equalTo("KEY")));
    }
}
