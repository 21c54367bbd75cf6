package org.epermit.api.sdk;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.epermit.api.gateway.TestClients;
import org.epermit.api.client.ClientRegistry;
import org.epermit.api.testing.Db;
import org.epermit.sdk.Credentials;
import org.epermit.sdk.EPermitClient;
import org.epermit.sdk.errors.AuthenticationException;
import org.epermit.sdk.errors.NotFoundException;
import org.epermit.sdk.errors.PermissionException;
import org.epermit.sdk.model.ApiClientChange;
import org.epermit.sdk.model.AuditEntry;
import org.epermit.sdk.model.CreatedApiClient;
import org.epermit.sdk.model.CredentialType;
import org.epermit.sdk.model.Delegation;
import org.epermit.sdk.model.DelegationStatus;
import org.epermit.sdk.model.IssuedApiKey;
import org.epermit.sdk.model.Me;
import org.epermit.sdk.model.NewApiClient;
import org.epermit.sdk.model.NewDelegation;
import org.epermit.sdk.model.PermitSummary;
import org.epermit.sdk.param.AuditSearchParams;
import org.epermit.sdk.param.PermitSearchParams;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The SDK against the running service's gateway, with API keys: /v1/me, an administrator registering a client whose
 * new key then works, delegation changing what a vendor may read, and the refusals as typed exceptions. The SDK
 * with OAuth2 client credentials: {@link SdkOAuth2EndToEndTest}, and against a real Keycloak in KeycloakIT.
 */
@QuarkusTest
class SdkGatewayEndToEndTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    ClientRegistry registry;

    @Inject
    Pool pool;

    private EPermitClient as(String apiKey) {
        return EPermitClient.builder().baseUrl(base.toString()).credentials(Credentials.apiKey(apiKey))
                .appInfo("sdk-e2e/1").build();
    }

    private EPermitClient admin() {
        return as(TestClients.admin(registry).apiKey());
    }

    private static NewApiClient vendor() {
        return new NewApiClient().name("SDK e2e vendor " + UUID.randomUUID()).organisation("测试环保服务有限公司")
                .roles(List.of("vendor")).scopes(List.of("permits:read")).plan("standard");
    }

    @Test
    void an_api_key_authenticates_and_me_says_who_is_calling() {
        var admin = TestClients.admin(registry);
        Me me = as(admin.apiKey()).me().get();
        assertThat(me.getClientId()).isEqualTo(admin.client().id());
        assertThat(me.getCredentialType()).isEqualTo(CredentialType.API_KEY);
        assertThat(me.getScopes()).contains("admin");
    }

    @Test
    void a_wrong_key_or_none_is_an_authentication_exception() {
        AuthenticationException wrong = catchThrowableOfType(AuthenticationException.class,
                () -> as("epk_aaaaaaaaaaaaaaaa_" + "x".repeat(43)).me().get());
        assertThat(wrong.getStatusCode()).isEqualTo(401);
        assertThat(wrong.getCode()).isEqualTo("UNAUTHENTICATED");
        assertThat(wrong.getRequestId()).isNotBlank();
        AuthenticationException none = catchThrowableOfType(AuthenticationException.class,
                () -> EPermitClient.builder().baseUrl(base.toString()).build().me().get());
        assertThat(none.getCode()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void an_admin_registers_a_client_whose_new_key_works_then_rotates_and_suspends_it() {
        EPermitClient admin = admin();
        CreatedApiClient created = admin.admin().createClient(vendor());
        UUID id = created.getClient().getId();
        EPermitClient vendor = as(created.getApiKey());
        assertThat(vendor.me().get().getClientId()).isEqualTo(id);
        assertThat(admin.admin().getClient(id).getKeys()).hasSize(1);
        assertThat(admin.admin().listClients().stream().map(c -> c.getId())).contains(id);

        IssuedApiKey rotated = admin.admin().rotateClientKey(id);
        assertThat(as(rotated.getApiKey()).me().get().getClientId()).isEqualTo(id);
        String firstKeyId = admin.admin().getClient(id).getKeys().stream().map(k -> k.getId())
                .filter(k -> !k.equals(rotated.getKeyId())).findFirst().orElseThrow();
        admin.admin().revokeClientKey(id, firstKeyId);
        assertThat(catchThrowableOfType(AuthenticationException.class, () -> vendor.me().get())).isNotNull();

        admin.admin().updateClient(id, new ApiClientChange().status("SUSPENDED"));
        assertThat(admin.admin().getClient(id).getScopes()).as("a PATCH changes only what it sets")
                .containsExactly("permits:read");
        admin.admin().updateClient(id, new ApiClientChange().contactEmail("ops@example.cn"));
        assertThat(admin.admin().updateClient(id, new ApiClientChange().contactEmail(null)).getContactEmail())
                .as("a field set to null is cleared").isNull();
        assertThat(admin.admin().getClient(id).getStatus()).isEqualTo(org.epermit.sdk.model.ClientStatus.SUSPENDED);
        assertThat(catchThrowableOfType(AuthenticationException.class, () -> as(rotated.getApiKey()).me().get()))
                .isNotNull();

        admin.admin().deleteClient(id);
        assertThat(catchThrowableOfType(NotFoundException.class, () -> admin.admin().getClient(id)).getCode())
                .isEqualTo("CLIENT_NOT_FOUND");
        assertThat(admin.admin().listClients().stream().map(c -> c.getId())).doesNotContain(id);
        NotFoundException gone = catchThrowableOfType(NotFoundException.class,
                () -> admin.admin().updateClient(id, new ApiClientChange().plan("free")));
        assertThat(gone.getCode()).isEqualTo("CLIENT_NOT_FOUND");
    }

    @Test
    void a_delegation_opens_exactly_the_enterprises_permits_to_the_vendor_until_revoked() {
        String creditCode = Db.string(pool, """
                SELECT e.credit_code FROM enterprise e JOIN permit p ON p.enterprise_id = e.id
                WHERE NOT e.pseudo_credit_code GROUP BY e.credit_code HAVING count(*) >= 2 ORDER BY 1 OFFSET 7 LIMIT 1""");
        List<String> permits = Db.strings(pool, "SELECT p.permit_number FROM permit p JOIN enterprise e "
                + "ON e.id = p.enterprise_id WHERE e.credit_code = $1 ORDER BY 1", creditCode);
        EPermitClient admin = admin();
        CreatedApiClient created = admin.admin().createClient(vendor());
        EPermitClient vendor = as(created.getApiKey());

        PermissionException before = catchThrowableOfType(PermissionException.class,
                () -> vendor.permits().get(permits.get(0)));
        assertThat(before.isNotDelegated()).isTrue();
        assertThat(before.getMessage()).contains("has not delegated this permit to your client");
        assertThat(vendor.permits().search(PermitSearchParams.all())).isEmpty();

        Delegation delegation = admin.delegations().create(new NewDelegation().enterpriseCreditCode(creditCode)
                .vendorClientId(created.getClient().getId().toString()).scopes(List.of("permits:read"))
                .validTo(OffsetDateTime.now().plusYears(1)));
        assertThat(delegation.getStatus()).isEqualTo(DelegationStatus.ACTIVE);
        assertThat(vendor.delegations().get(delegation.getId()).getEnterpriseCreditCode()).isEqualTo(creditCode);
        assertThat(vendor.delegations().list().stream().map(Delegation::getId)).containsExactly(delegation.getId());

        List<String> seen = new ArrayList<>();
        vendor.permits().search(PermitSearchParams.builder().limit(1).build()).forEach(p -> seen.add(p.getPermitNumber()));
        assertThat(seen).as("auto-paging one permit per page").containsExactlyElementsOf(permits);
        assertThat(vendor.permits().get(permits.get(0)).getPermit().getPermitNumber()).isEqualTo(permits.get(0));

        admin.delegations().revoke(delegation.getId());
        assertThat(catchThrowableOfType(PermissionException.class, () -> vendor.permits().get(permits.get(0)))
                .isNotDelegated()).isTrue();
        assertThat(vendor.permits().search(PermitSearchParams.all()).stream().map(PermitSummary::getPermitNumber)).isEmpty();
    }

    @Test
    void a_caller_without_the_scope_gets_a_permission_exception() {
        EPermitClient vendor = as(admin().admin().createClient(vendor()).getApiKey());
        PermissionException e = catchThrowableOfType(PermissionException.class, () -> vendor.admin().listClients()
                .firstPage());
        assertThat(e.getStatusCode()).isEqualTo(403);
        assertThat(e.getCode()).isEqualTo("INSUFFICIENT_SCOPE");
        assertThat(e.isNotDelegated()).isFalse();
    }

    @Test
    void the_audit_log_records_the_sdks_calls() throws InterruptedException {
        var adminClient = TestClients.admin(registry);
        EPermitClient admin = as(adminClient.apiKey());
        admin.me().get();
        List<AuditEntry> entries = List.of();
        for (int i = 0; i < 50 && entries.isEmpty(); i++) { // rows are written in batches every 250 ms
            Thread.sleep(100);
            entries = admin.admin().listAuditEntries(AuditSearchParams.builder().client(adminClient.client().id())
                    .path("/v1/me").build()).stream().toList();
        }
        assertThat(entries).isNotEmpty().allSatisfy(e -> assertThat(e.getStatus()).isEqualTo(200));
    }

    @Test
    void a_call_repeated_with_the_same_idempotency_key_is_done_once_and_another_request_with_it_is_an_idempotency_conflict() {
        EPermitClient admin = admin();
        CreatedApiClient vendor = admin.admin().createClient(vendor());
        String creditCode = Db.string(pool, "SELECT credit_code FROM enterprise WHERE NOT pseudo_credit_code ORDER BY credit_code LIMIT 1");
        var options = org.epermit.sdk.RequestOptions.builder().idempotencyKey("sdk-e2e-" + UUID.randomUUID()).build();
        NewDelegation request = new NewDelegation().enterpriseCreditCode(creditCode)
                .vendorClientId(vendor.getClient().getId().toString()).scopes(List.of("permits:read"))
                .validTo(OffsetDateTime.now().plusYears(1));

        Delegation first = admin.delegations().create(request, options);
        Delegation again = admin.delegations().create(request, options);

        assertThat(again.getId()).isEqualTo(first.getId());
        assertThat(Db.count(pool, "SELECT count(*) FROM delegation WHERE vendor_client_id = $1", vendor.getClient().getId())).isEqualTo(1);
        var conflict = catchThrowableOfType(org.epermit.sdk.errors.IdempotencyConflictException.class,
                () -> admin.delegations().create(request.validTo(OffsetDateTime.now().plusYears(2)), options));
        assertThat(conflict.getCode()).isEqualTo("IDEMPOTENCY_CONFLICT");
    }
}
