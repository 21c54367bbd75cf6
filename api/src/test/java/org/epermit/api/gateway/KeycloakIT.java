package org.epermit.api.gateway;

import org.epermit.api.testing.DelegationTimes;
import io.restassured.path.json.JsonPath;
import org.epermit.api.testing.PackagedApp;
import org.epermit.sdk.Credentials;
import org.epermit.sdk.EPermitClient;
import org.epermit.sdk.errors.PermissionException;
import org.epermit.sdk.model.CredentialType;
import org.epermit.sdk.model.Me;
import org.epermit.sdk.model.PermitSummary;
import org.epermit.sdk.param.PermitSearchParams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Against a real Keycloak with {@code keycloak/realm-epermit.json} imported ({@code keycloak/run.sh start}); runs only
 * when {@code EPERMIT_KEYCLOAK_URL} is set (e.g. {@code http://127.0.0.1:18080}). The packaged service is started
 * against the realm; the demo administrator registers the realm's clients through the admin API, as an operator
 * would (docs/keycloak.md). The Java SDK authenticates here too, with the vendor's client credentials.
 */
@EnabledIfEnvironmentVariable(named = "EPERMIT_KEYCLOAK_URL", matches = ".+")
class KeycloakIT {

    // Clients and secrets of keycloak/realm-epermit.json (a development realm: its secrets are not secret).
    private static final String VENDOR = "epermit-demo-vendor";
    private static final String VENDOR_SECRET = "demo-vendor-secret-change-me";
    private static final String SHORT_LIVED = "epermit-test-short-lived";
    private static final String SHORT_LIVED_SECRET = "test-short-lived-secret-change-me";

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static String realm;
    private static PackagedApp app;
    private static String adminKey;
    private static String vendorClientId;

    @BeforeAll
    static void startTheServiceAgainstKeycloak() throws Exception {
        realm = System.getenv("EPERMIT_KEYCLOAK_URL").replaceAll("/+$", "") + "/realms/epermit";
        app = PackagedApp.start(Files.createTempDirectory("epermit-kc-it").resolve("postgres"), PackagedApp.freePort(),
                Map.of("QUARKUS_OIDC_AUTH_SERVER_URL", realm));
        app.awaitLine("ePermit Open API is ready");
        adminKey = app.demoKey("administrator");
        vendorClientId = register(VENDOR, "[\"permits:read\", \"filings:write\"]");
        // The demo delegation's enterprise also delegates to the Keycloak vendor, so it has permits to read.
        Matcher enterprise = Pattern.compile("delegated by the enterprise (\\S+)").matcher(app.output());
        assertThat(enterprise.find()).isTrue();
        var delegation = app.send("POST", "/v1/delegations", """
                {"enterpriseCreditCode": "%s", "vendorClientId": "%s", "scopes": ["permits:read"], "validTo": "%s"}"""
                .formatted(enterprise.group(1), vendorClientId, DelegationTimes.inAYear()), "X-API-Key", adminKey);
        assertThat(delegation.statusCode()).as(delegation.body()).isEqualTo(201);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (app != null) {
            app.stop();
        }
    }

    @Test
    void a_client_credentials_token_calls_the_api_with_its_scopes_and_roles() throws Exception {
        String token = token(VENDOR, VENDOR_SECRET, null);
        JsonPath me = ok(app.get("/v1/me", "Authorization", "Bearer " + token));
        assertThat(me.getString("clientId")).isEqualTo(vendorClientId);
        assertThat(me.getString("credentialType")).isEqualTo("OAUTH2");
        assertThat(me.getString("subject")).isEqualTo(claims(token).getString("sub"));
        assertThat(me.getList("scopes", String.class)).containsExactly("permits:read");   // the default scope only
        assertThat(me.getList("roles", String.class)).containsExactly("vendor");
        assertThat(ok(app.get("/v1/permits?limit=5", "Authorization", "Bearer " + token)).getList("items")).isNotEmpty();

        // the optional scope, when asked for
        String withFilings = token(VENDOR, VENDOR_SECRET, "filings:write");
        assertThat(ok(app.get("/v1/me", "Authorization", "Bearer " + withFilings)).getList("scopes", String.class))
                .containsExactlyInAnyOrder("permits:read", "filings:write");
    }

    @Test
    void a_token_without_the_needed_scope_is_refused() throws Exception {
        String token = token(VENDOR, VENDOR_SECRET, null);
        var admin = app.get("/v1/admin/clients", "Authorization", "Bearer " + token);
        assertThat(admin.statusCode()).isEqualTo(403);
        assertThat(admin.body()).contains("\"code\":\"INSUFFICIENT_SCOPE\"");
        // and Keycloak itself will not put a scope the client is not allowed into a token
        var refused = tokenResponse(VENDOR, VENDOR_SECRET, "admin");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("invalid_scope");
    }

    @Test
    void an_unregistered_client_is_refused_and_an_expired_token_stops_working() throws Exception {
        // A valid token of a Keycloak client that is not (yet) registered as an API client.
        String token = token(SHORT_LIVED, SHORT_LIVED_SECRET, null);
        assertUnauthenticated(app.get("/v1/me", "Authorization", "Bearer " + token));

        register(SHORT_LIVED, "[\"permits:read\"]");
        String fresh = token(SHORT_LIVED, SHORT_LIVED_SECRET, null);
        long expiresAt = claims(fresh).getLong("exp");
        assertThat(expiresAt - claims(fresh).getLong("iat")).as("the client's tokens live 5 s").isLessThanOrEqualTo(10);
        ok(app.get("/v1/me", "Authorization", "Bearer " + fresh));

        // After its expiry (plus whatever clock skew the service allows), the same token is refused.
        Instant deadline = Instant.ofEpochSecond(expiresAt).plusSeconds(90);
        HttpResponse<String> response;
        do {
            Thread.sleep(1000);
            response = app.get("/v1/me", "Authorization", "Bearer " + fresh);
        } while (response.statusCode() == 200 && Instant.now().isBefore(deadline));
        assertThat(Instant.now().getEpochSecond()).as("refused only after it expired").isGreaterThanOrEqualTo(expiresAt);
        assertUnauthenticated(response);
    }

    @Test
    void the_sdk_with_client_credentials_is_the_vendor_and_reads_only_what_was_delegated_to_it() {
        // What a vendor's integration configures: the realm's token endpoint, its Keycloak client and secret, and
        // no scopes (the client's defaults).
        EPermitClient sdk = EPermitClient.builder().baseUrl("http://127.0.0.1:" + app.port).appInfo("keycloak-it/1")
                .credentials(Credentials.clientCredentials(URI.create(realm + "/protocol/openid-connect/token"),
                        VENDOR, VENDOR_SECRET))
                .build();

        Me me = sdk.me().get();
        assertThat(me.getClientId()).hasToString(vendorClientId);
        assertThat(me.getName()).isEqualTo(VENDOR + " (Keycloak)");
        assertThat(me.getCredentialType()).isEqualTo(CredentialType.OAUTH2);
        assertThat(me.getRoles()).containsExactly("vendor");
        assertThat(me.getScopes()).containsExactly("permits:read");

        List<String> delegated = sdk.permits().search(PermitSearchParams.all()).stream()
                .map(PermitSummary::getPermitNumber).toList();
        assertThat(delegated).as("the enterprise delegated to this vendor in @BeforeAll").isNotEmpty();
        assertThat(sdk.permits().get(delegated.get(0)).getPermit().getPermitNumber()).isEqualTo(delegated.get(0));

        String notDelegated = sdk.publicPermits().search(PermitSearchParams.builder().limit(100).build()).stream()
                .map(PermitSummary::getPermitNumber).filter(n -> !delegated.contains(n)).findFirst().orElseThrow();
        PermissionException refused = catchThrowableOfType(PermissionException.class,
                () -> sdk.permits().get(notDelegated));
        assertThat(refused.getStatusCode()).isEqualTo(403);
        assertThat(refused.getCode()).isEqualTo(PermissionException.NOT_DELEGATED);
        assertThat(refused.isNotDelegated()).isTrue();
        assertThat(refused.getRequestId()).isNotBlank();
    }

    private static String register(String oidcClientId, String scopes) throws Exception {
        var created = app.send("POST", "/v1/admin/clients", """
                {"name": "%s (Keycloak)", "organisation": "ePermit Keycloak suite", "roles": ["vendor"], "scopes": %s,
                 "plan": "standard", "oidcClientId": "%s"}""".formatted(oidcClientId, scopes, oidcClientId),
                "X-API-Key", adminKey);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JsonPath.from(created.body()).getString("client.id");
    }

    private static JsonPath ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonPath.from(response.body());
    }

    private static void assertUnauthenticated(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(response.body()).contains("\"code\":\"UNAUTHENTICATED\"");
    }

    private static String token(String clientId, String secret, String scope) throws Exception {
        HttpResponse<String> response = tokenResponse(clientId, secret, scope);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonPath.from(response.body()).getString("access_token");
    }

    private static HttpResponse<String> tokenResponse(String clientId, String secret, String scope) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", clientId);
        form.put("client_secret", secret);
        if (scope != null) {
            form.put("scope", scope);
        }
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HTTP.send(HttpRequest.newBuilder(URI.create(realm + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonPath claims(String token) {
        return JsonPath.from(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
    }
}
