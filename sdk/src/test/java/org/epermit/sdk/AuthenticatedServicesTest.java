package org.epermit.sdk;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.epermit.sdk.errors.PermissionException;
import org.epermit.sdk.errors.RateLimitedException;
import org.epermit.sdk.model.ApiClientChange;
import org.epermit.sdk.model.AuditEntry;
import org.epermit.sdk.model.ClientStatus;
import org.epermit.sdk.model.CreatedApiClient;
import org.epermit.sdk.model.Delegation;
import org.epermit.sdk.model.DelegationStatus;
import org.epermit.sdk.model.NewApiClient;
import org.epermit.sdk.model.NewDelegation;
import org.epermit.sdk.param.AuditSearchParams;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The services of the authenticated tags, against WireMock. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AuthenticatedServicesTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final UUID ID = UUID.fromString("0b6f4c1e-7a39-4a51-9d7e-2f1c3b5a6d80");
    private final FakeTime time = new FakeTime();

    private EPermitClient client() {
        return EPermitClient.builder().baseUrl(api.baseUrl()).credentials(Credentials.apiKey("epk_admin"))
                .clock(time).sleeper(time).build();
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder created(String body) {
        return aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody(body);
    }

    @Test
    void creating_a_client_posts_the_model_as_json_with_one_idempotency_key_across_retries() {
        api.stubFor(post(urlPathEqualTo("/v1/admin/clients")).inScenario("s").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("up").willReturn(aResponse().withStatus(503)));
        api.stubFor(post(urlPathEqualTo("/v1/admin/clients")).inScenario("s").whenScenarioStateIs("up")
                .willReturn(created("""
                        {"client":{"id":"%s","name":"绿源环保监测平台","status":"ACTIVE","keys":[]},"apiKey":"epk_new"}"""
                        .formatted(ID))));
        CreatedApiClient created = client().admin().createClient(new NewApiClient().name("绿源环保监测平台")
                .organisation("绿源环境科技有限公司").roles(List.of("vendor")).scopes(List.of("permits:read")));
        assertThat(created.getApiKey()).isEqualTo("epk_new");
        assertThat(created.getClient().getId()).isEqualTo(ID);
        assertThat(created.getClient().getStatus()).isEqualTo(ClientStatus.ACTIVE);
        var attempts = api.findAll(postRequestedFor(urlPathEqualTo("/v1/admin/clients")));
        assertThat(attempts).hasSize(2);
        String key = attempts.get(0).getHeader("Idempotency-Key");
        assertThat(key).matches("[0-9a-f-]{36}");
        assertThat(attempts.get(1).getHeader("Idempotency-Key")).isEqualTo(key);
        api.verify(2, postRequestedFor(urlPathEqualTo("/v1/admin/clients"))
                .withHeader("X-API-Key", equalTo("epk_admin"))
                .withHeader("Content-Type", matching("application/json.*"))
                .withRequestBody(equalToJson("""
                        {"name":"绿源环保监测平台","organisation":"绿源环境科技有限公司","roles":["vendor"],
                         "scopes":["permits:read"]}""")));
    }

    @Test
    void a_patch_sends_only_the_fields_set_and_deletes_return_nothing() {
        api.stubFor(patch(urlPathEqualTo("/v1/admin/clients/" + ID)).willReturn(Stubs.json("""
                {"id":"%s","status":"SUSPENDED"}""".formatted(ID))));
        api.stubFor(delete(urlPathEqualTo("/v1/admin/clients/" + ID + "/keys/k3v9x0q2m7c4b8n1")).willReturn(aResponse().withStatus(204)));
        api.stubFor(delete(urlPathEqualTo("/v1/delegations/" + ID)).willReturn(aResponse().withStatus(204)));
        var updated = client().admin().updateClient(ID, new ApiClientChange().status("SUSPENDED"));
        assertThat(updated.getStatus()).isEqualTo(ClientStatus.SUSPENDED);
        api.verify(patchRequestedFor(urlPathEqualTo("/v1/admin/clients/" + ID))
                .withRequestBody(equalToJson("{\"status\":\"SUSPENDED\"}"))
                .withHeader("Idempotency-Key", com.github.tomakehurst.wiremock.client.WireMock.absent()));
        client().admin().revokeClientKey(ID, "k3v9x0q2m7c4b8n1");
        client().delegations().revoke(ID);
        api.verify(deleteRequestedFor(urlPathEqualTo("/v1/delegations/" + ID))
                .withHeader("Accept", equalTo("application/json, application/problem+json")));
    }

    @Test
    void a_patch_sends_a_field_set_to_null_as_null_to_clear_it_as_a_merge_patch() {
        api.stubFor(patch(urlPathEqualTo("/v1/admin/clients/" + ID)).willReturn(Stubs.json("""
                {"id":"%s","status":"ACTIVE","oidcClientId":null,"contactEmail":"ops@example.cn"}""".formatted(ID))));
        var updated = client().admin().updateClient(ID, new ApiClientChange().oidcClientId(null).name("绿源"));
        assertThat(updated.getOidcClientId()).isNull();
        assertThat(updated.getContactEmail()).isEqualTo("ops@example.cn");
        api.verify(patchRequestedFor(urlPathEqualTo("/v1/admin/clients/" + ID))
                .withHeader("Content-Type", equalTo("application/merge-patch+json"))
                .withRequestBody(equalToJson("{\"oidcClientId\":null,\"name\":\"绿源\"}")));
    }

    @Test
    void a_delegation_is_created_and_read_back_with_its_dates_and_status() {
        api.stubFor(post(urlPathEqualTo("/v1/delegations")).willReturn(created("""
                {"id":"%s","vendorClientId":"%s","scopes":["permits:read"],"allPermits":true,
                 "validTo":"2099-01-01T00:00:00+08:00","status":"ACTIVE"}""".formatted(ID, ID))));
        Delegation d = client().delegations().create(new NewDelegation().vendorClientId(ID.toString())
                .scopes(List.of("permits:read")).validTo(OffsetDateTime.parse("2099-01-01T00:00:00+08:00")),
                RequestOptions.builder().idempotencyKey("delegation-42").build());
        assertThat(d.getStatus()).isEqualTo(DelegationStatus.ACTIVE);
        assertThat(d.getValidTo()).isEqualTo(OffsetDateTime.parse("2099-01-01T00:00:00+08:00"));
        api.verify(postRequestedFor(urlPathEqualTo("/v1/delegations")).withHeader("Idempotency-Key", equalTo("delegation-42"))
                .withRequestBody(matching(".*\"validTo\":\"2099-01-01T00:00:00\\+08:00\".*")));
    }

    @Test
    void the_audit_log_pages_with_its_filters() {
        api.stubFor(get(urlPathEqualTo("/v1/admin/audit")).withQueryParam("cursor", com.github.tomakehurst.wiremock.client.WireMock.absent())
                .willReturn(Stubs.json("{\"items\":[{\"status\":200},{\"status\":403}],\"nextCursor\":\"n2\"}")));
        api.stubFor(get(urlPathEqualTo("/v1/admin/audit")).withQueryParam("cursor", equalTo("n2"))
                .willReturn(Stubs.json("{\"items\":[{\"status\":401}],\"nextCursor\":null}")));
        List<AuditEntry> entries = client().admin().listAuditEntries(AuditSearchParams.builder().client(ID)
                .from(OffsetDateTime.parse("2026-11-01T00:00:00Z")).path("/v1/permits/{permitNumber}")
                .resourceType("delegation").resourceId("d-1").limit(2).build())
                .stream().toList();
        assertThat(entries).extracting(AuditEntry::getStatus).containsExactly(200, 403, 401);
        api.verify(2, getRequestedFor(urlPathEqualTo("/v1/admin/audit")).withQueryParam("client", equalTo(ID.toString()))
                .withQueryParam("from", equalTo("2026-11-01T00:00:00Z"))
                .withQueryParam("path", equalTo("/v1/permits/{permitNumber}")).withQueryParam("limit", equalTo("2"))
                .withQueryParam("resourceType", equalTo("delegation")).withQueryParam("resourceId", equalTo("d-1")));
    }

    @Test
    void a_missing_delegation_is_a_permission_exception_that_says_so() {
        api.stubFor(get(urlPathEqualTo("/v1/permits/" + Stubs.PERMIT)).willReturn(Stubs.problem(403, "NOT_DELEGATED")));
        PermissionException e = catchThrowableOfType(PermissionException.class, () -> client().permits().get(Stubs.PERMIT));
        assertThat(e.isNotDelegated()).isTrue();
    }

    @Test
    void an_exhausted_daily_quota_is_not_retried() {
        api.stubFor(get(urlPathEqualTo("/v1/me")).willReturn(Stubs.problem(429, "QUOTA_EXCEEDED").withHeader("Retry-After", "5")));
        RateLimitedException e = catchThrowableOfType(RateLimitedException.class, () -> client().me().get());
        assertThat(e.isQuotaExceeded()).isTrue();
        assertThat(e.getMessage()).contains("daily quota is used up");
        api.verify(1, getRequestedFor(urlPathEqualTo("/v1/me")));
        assertThat(time.sleeps()).isEmpty();
    }
}
