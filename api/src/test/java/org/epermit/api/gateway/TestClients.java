package org.epermit.api.gateway;

import org.epermit.api.client.ClientRegistry;
import org.epermit.api.client.ClientRequests.CreatedClient;
import org.epermit.api.client.ClientRequests.NewClient;
import org.epermit.api.gateway.auth.ApiKeyFormat;
import org.epermit.api.testing.DelegationTimes;

import java.util.List;
import java.util.UUID;

/** Registers clients straight through the registry, for tests that need a caller. */
public final class TestClients {

    private TestClients() {
    }

    public static CreatedClient admin(ClientRegistry registry) {
        return registry.create(new NewClient("Test admin " + UUID.randomUUID(), "ePermit tests", null, List.of("admin"),
                List.of("admin", "permits:read"), null, null, "partner", null)).await().indefinitely();
    }

    public static CreatedClient regulator(ClientRegistry registry, String region) {
        return registry.create(new NewClient("Test regulator " + UUID.randomUUID(), "生态环境局", null, List.of("regulator"),
                List.of("permits:read", "stats:read"), region, null, "standard", null)).await().indefinitely();
    }

    /** A client of no region that reads statistics at every level (scope stats:read): a research partner. */
    public static CreatedClient statisticsReader(ClientRegistry registry) {
        return registry.create(new NewClient("Test statistics reader " + UUID.randomUUID(), "环境研究院", null, List.of("vendor"),
                List.of("stats:read"), null, null, "standard", null)).await().indefinitely();
    }

    /** A regulator of {@code region} that reviews: it reads permits and holds reviews:write. */
    public static CreatedClient reviewer(ClientRegistry registry, String region) {
        return registry.create(new NewClient("Test reviewer " + UUID.randomUUID(), "生态环境局审批科", null, List.of("regulator"),
                List.of("permits:read", "reviews:write"), region, null, "standard", null)).await().indefinitely();
    }

    public static CreatedClient enterprise(ClientRegistry registry, String creditCode) {
        return registry.create(new NewClient("Test enterprise " + UUID.randomUUID(), "排污单位", null, List.of("enterprise"),
                List.of("permits:read", "filings:write"), null, creditCode, "free", null)).await().indefinitely();
    }

    /** A client whose Keycloak client is {@code oidcClientId}: its tokens act as this client. */
    public static CreatedClient keycloakClient(ClientRegistry registry, String oidcClientId, List<String> roles,
                                               List<String> scopes, String region) {
        return registry.create(new NewClient("Test Keycloak client " + UUID.randomUUID(), "测试单位", null, roles, scopes,
                region, null, "standard", oidcClientId)).await().indefinitely();
    }

    /** A vendor on the given rate-limit plan. */
    public static CreatedClient onPlan(ClientRegistry registry, String plan) {
        return registry.create(new NewClient("Test client on " + plan + " " + UUID.randomUUID(), "测试环保服务有限公司", null,
                List.of("vendor"), List.of("permits:read"), null, null, plan, null)).await().indefinitely();
    }

    public static CreatedClient vendor(ClientRegistry registry) {
        return registry.create(new NewClient("Test vendor " + UUID.randomUUID(), "测试环保服务有限公司", "ops@example.cn",
                List.of("vendor"), List.of("permits:read", "filings:write"), null, null, "standard", null)).await().indefinitely();
    }

    /**
     * A new vendor delegated permit {@code permitNumber} of the enterprise {@code creditCode} with permits:read and
     * filings:write for a year, through the API (an administrator's delegation): a vendor as it files in production.
     */
    public static CreatedClient filingVendor(ClientRegistry registry, String creditCode, String permitNumber) {
        CreatedClient vendor = vendor(registry);
        io.restassured.RestAssured.given().header("X-API-Key", admin(registry).apiKey()).contentType("application/json")
                .body("""
                        {"enterpriseCreditCode": "%s", "vendorClientId": "%s", "permitNumbers": ["%s"],                         "scopes": ["permits:read", "filings:write"], "validTo": "%s"}"""
                        .formatted(creditCode, vendor.client().id(), permitNumber, DelegationTimes.inAYear()))
                .post("/v1/delegations").then().statusCode(201);
        return vendor;
    }

    /**
     * A new vendor delegated permit {@code permitNumber} of the enterprise {@code creditCode} with permits:read and
     * applications:write for a year, through the API: a vendor as it files applications in production.
     */
    public static CreatedClient applicationsVendor(ClientRegistry registry, String creditCode, String permitNumber) {
        CreatedClient vendor = registry.create(new NewClient("Test applications vendor " + UUID.randomUUID(), "测试环保服务有限公司",
                null, List.of("vendor"), List.of("permits:read", "applications:write"), null, null, "standard", null))
                .await().indefinitely();
        io.restassured.RestAssured.given().header("X-API-Key", admin(registry).apiKey()).contentType("application/json")
                .body("""
                        {"enterpriseCreditCode": "%s", "vendorClientId": "%s", "permitNumbers": ["%s"], "scopes": ["permits:read", "applications:write"], "validTo": "%s"}"""
                        .formatted(creditCode, vendor.client().id(), permitNumber, DelegationTimes.inAYear()))
                .post("/v1/delegations").then().statusCode(201);
        return vendor;
    }

    /**
     * The secret part of an API key ({@code epk_<16-char id>_<secret>}). The secret is base64url and may itself hold
     * an underscore, so it is found by the id's fixed length, not by the last underscore.
     */
    public static String secretOf(String apiKey) {
        return apiKey.substring(ApiKeyFormat.PREFIX.length() + 17);
    }
}
