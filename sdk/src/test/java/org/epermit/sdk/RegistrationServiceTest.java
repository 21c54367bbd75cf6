package org.epermit.sdk;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.epermit.sdk.errors.ConflictException;
import org.epermit.sdk.errors.FieldError;
import org.epermit.sdk.errors.ValidationException;
import org.epermit.sdk.model.Medium;
import org.epermit.sdk.model.RegistrationBody;
import org.epermit.sdk.model.RegistrationChange;
import org.epermit.sdk.model.RegistrationCode;
import org.epermit.sdk.model.RegistrationOutlet;
import org.epermit.sdk.model.RegistrationReceipt;
import org.epermit.sdk.model.RegistrationSite;
import org.epermit.sdk.model.RegistrationSiteChange;
import org.epermit.sdk.model.RegistrationUnit;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Registrations: what is sent, idempotent retries, the receipt and its findings, refusals as typed errors. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RegistrationServiceTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String RECEIPT = "91130203MA0G4XY268001W";

    private final FakeTime time = new FakeTime();

    private EPermitClient client() {
        return EPermitClient.builder().baseUrl(api.baseUrl()).credentials(Credentials.apiKey("epk_test.secret"))
                .clock(time).sleeper(time).build();
    }

    private static RegistrationBody form() {
        return new RegistrationBody()
                .unit(new RegistrationUnit().creditCode("91130203MA0G4XY268").name("唐山某供热有限公司").address("唐山市路北区建设路1号")
                        .legalRepresentative("王强"))
                .site(new RegistrationSite().name("锅炉房").address("唐山市路北区建设路1号").regionCode("130203")
                        .longitude(new BigDecimal("118.180193")).latitude(new BigDecimal("39.630867")))
                .industryCode("4430")
                .outlets(List.of(new RegistrationOutlet().code("DW001").name("生活污水排放口").medium(Medium.WATER).destination("市政污水管网")))
                .truthful(true);
    }

    @Test
    void a_registration_sends_the_form_with_one_idempotency_key_reused_by_its_retry_and_returns_the_receipt() {
        api.stubFor(post(urlPathEqualTo("/v1/registrations")).inScenario("s").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("up").willReturn(aResponse().withStatus(503)));
        api.stubFor(post(urlPathEqualTo("/v1/registrations")).inScenario("s").whenScenarioStateIs("up").willReturn(Stubs.json("""
                {"permitNumber":"%s","status":"VALID","issueDate":"2026-12-04","validFrom":"2026-12-04","validTo":"2031-12-03",
                 "renewableFrom":"2031-11-14","version":1,"findings":[]}""".formatted(RECEIPT)).withStatus(201)));
        RegistrationReceipt receipt = client().registrations().register(form());
        assertThat(receipt.getPermitNumber()).isEqualTo(RECEIPT);
        assertThat(receipt.getValidTo()).isEqualTo(LocalDate.of(2031, 12, 3));
        assertThat(receipt.getRenewableFrom()).isEqualTo(LocalDate.of(2031, 11, 14));
        var attempts = api.findAll(postRequestedFor(urlPathEqualTo("/v1/registrations")));
        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(0).getHeader("Idempotency-Key")).isNotBlank().isEqualTo(attempts.get(1).getHeader("Idempotency-Key"));
        api.verify(postRequestedFor(urlPathEqualTo("/v1/registrations")).withRequestBody(equalToJson("""
                {"unit":{"creditCode":"91130203MA0G4XY268","name":"唐山某供热有限公司","address":"唐山市路北区建设路1号","legalRepresentative":"王强"},
                 "site":{"name":"锅炉房","address":"唐山市路北区建设路1号","regionCode":"130203","longitude":118.180193,"latitude":39.630867},
                 "industryCode":"4430","outlets":[{"code":"DW001","name":"生活污水排放口","medium":"WATER","destination":"市政污水管网"}],
                 "truthful":true}""", true, true)));
    }

    @Test
    void a_renewal_commits_and_a_change_returns_its_findings() {
        api.stubFor(post(urlPathEqualTo("/v1/registrations/" + RECEIPT + "/renewal")).willReturn(Stubs.json("""
                {"permitNumber":"%s","status":"VALID","validTo":"2036-12-03","version":2,"findings":[]}""".formatted(RECEIPT))));
        assertThat(client().registrations().renew(RECEIPT).getVersion()).isEqualTo(2);
        api.verify(postRequestedFor(urlPathEqualTo("/v1/registrations/" + RECEIPT + "/renewal"))
                .withRequestBody(equalToJson("{\"truthful\":true}")));

        api.stubFor(post(urlPathEqualTo("/v1/registrations/" + RECEIPT + "/change")).willReturn(Stubs.json("""
                {"permitNumber":"%s","status":"VALID","version":3,"findings":[{"code":"CHANGE_REGISTERED_LATE","path":"/changedOn",
                 "message":"Registered 30 days after the change","messageZh":"逾期"}]}""".formatted(RECEIPT))));
        RegistrationReceipt changed = client().registrations().change(RECEIPT, new RegistrationChange().changedOn(LocalDate.of(2026, 11, 4))
                .site(new RegistrationSiteChange().name("一号锅炉房")).truthful(true));
        assertThat(changed.getFindings()).singleElement().satisfies(f -> assertThat(f.getCode()).isEqualTo(RegistrationCode.CHANGE_REGISTERED_LATE));
        api.verify(postRequestedFor(urlPathEqualTo("/v1/registrations/" + RECEIPT + "/change")).withRequestBody(equalToJson("""
                {"changedOn":"2026-11-04","site":{"name":"一号锅炉房"},"truthful":true}""", true, true)));
    }

    @Test
    void refusals_are_typed_and_a_malformed_number_fails_before_any_call() {
        api.stubFor(post(urlPathEqualTo("/v1/registrations/" + RECEIPT + "/renewal")).willReturn(Stubs.problem(422, "REGISTRATION_REJECTED",
                "1 error(s) refuse this registration.", """
                        [{"path":"","code":"RENEWAL_WINDOW_NOT_OPEN","message":"it is renewed from 2031-11-14"}]""")));
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> client().registrations().renew(RECEIPT));
        assertThat(e.getCode()).isEqualTo("REGISTRATION_REJECTED");
        assertThat(e.getFieldErrors()).containsExactly(new FieldError("", "RENEWAL_WINDOW_NOT_OPEN", "it is renewed from 2031-11-14"));

        api.stubFor(post(urlPathEqualTo("/v1/registrations/" + Stubs.PERMIT + "/change"))
                .willReturn(Stubs.problem(409, "NOT_A_REGISTRATION", "a KEY permit: file an application", "[]")));
        ConflictException c = catchThrowableOfType(ConflictException.class, () -> client().registrations().change(Stubs.PERMIT,
                new RegistrationChange().changedOn(LocalDate.of(2026, 11, 4)).truthful(true)));
        assertThat(c.getCode()).isEqualTo("NOT_A_REGISTRATION");

        int before = api.getAllServeEvents().size();
        ValidationException local = catchThrowableOfType(ValidationException.class, () -> client().registrations().renew("not-a-number"));
        assertThat(local.getCode()).isEqualTo("INVALID_PERMIT_NUMBER");
        assertThat(api.getAllServeEvents()).hasSize(before);
    }
}
