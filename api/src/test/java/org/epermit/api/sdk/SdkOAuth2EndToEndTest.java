package org.epermit.api.sdk;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.epermit.api.gateway.TestClients;
import org.epermit.api.gateway.TestTokens;
import org.epermit.api.client.ClientRegistry;
import org.epermit.api.client.ClientRequests.CreatedClient;
import org.epermit.api.testing.Db;
import org.epermit.sdk.Credentials;
import org.epermit.sdk.EPermitClient;
import org.epermit.sdk.errors.PermissionException;
import org.epermit.sdk.model.CredentialType;
import org.epermit.sdk.model.Me;
import org.epermit.sdk.model.NewDelegation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The SDK with OAuth2 client credentials against the mock Keycloak the service trusts in tests, and the service
 * checking every token for real (signature against the mock's published keys, issuer, audience, expiry, and the
 * token's client registered as an API client).
 * <p>
 * The mock's own client-credentials answer is one fixed token for the user "alice", made at start-up, without an
 * {@code azp}, an {@code expires_in} or a check of the client's secret: no registered client could be identified by
 * it, and it could not expire during a test. So each test adds its own answers at the discovery document's token
 * endpoint (in the mock's WireMock, at a higher priority), which require the client's id and secret in HTTP Basic, as
 * Keycloak does, and return tokens shaped like Keycloak's, signed with the key the mock publishes
 * ({@link TestTokens}).
 */
@QuarkusTest
class SdkOAuth2EndToEndTest {

    private static final String SECRET = "sdk-e2e-secret";

    @OidcWireMock
    WireMockServer keycloak;

    @TestHTTPResource("/")
    URL base;

    @Inject
    ClientRegistry registry;

    @Inject
    Pool pool;

    private final List<StubMapping> stubs = new ArrayList<>();

    @AfterEach
    void removeTokenAnswers() {
        stubs.forEach(keycloak::removeStub);
    }

    /** The token endpoint the mock's discovery document names, as a client configured from it would find it. */
    private static URI tokenEndpoint() {
        String realm = ConfigProvider.getConfig().getValue("keycloak.url", String.class) + "/realms/quarkus";
        return URI.create(given().get(realm + "/.well-known/openid-configuration").then().statusCode(200)
                .extract().jsonPath().getString("token_endpoint"));
    }

    private static String basic(String clientId) {
        return "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Answers the client's token requests with {@code tokens}, one after another (a WireMock scenario), each with its
     * {@code expires_in}; only a request with the client's id and secret and the grant and scope the SDK must send
     * matches.
     */
    private void tokenEndpointIssues(URI endpoint, String clientId, List<IssuedToken> tokens) {
        String scenario = "tokens of " + clientId;
        for (int i = 0; i < tokens.size(); i++) {
            IssuedToken t = tokens.get(i);
            stubs.add(keycloak.stubFor(post(urlPathEqualTo(endpoint.getPath()))
                    .atPriority(1)
                    .inScenario(scenario)
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "token " + i)
                    .withHeader("Authorization", equalTo(basic(clientId)))
                    .withRequestBody(containing("grant_type=client_credentials"))
                    .withRequestBody(containing("scope=permits%3Aread"))
                    .willReturn(okJson("""
                            {"access_token": "%s", "token_type": "Bearer", "expires_in": %d, "scope": "permits:read"}"""
                            .formatted(t.jwt(), t.expiresIn().toSeconds())))
                    .willSetStateTo("token " + (i + 1))));
        }
    }

    private record IssuedToken(String jwt, String subject, Duration expiresIn) {
        static IssuedToken of(String clientId, Duration lifetime) {
            TestTokens.Token token = TestTokens.of(clientId).scope("permits:read").realmRoles("vendor")
                    .claim("exp", Instant.now().plus(lifetime).getEpochSecond());
            return new IssuedToken(token.sign(), token.subject(), lifetime);
        }
    }

    private EPermitClient sdk(URI endpoint, String clientId) {
        return EPermitClient.builder().baseUrl(base.toString()).appInfo("sdk-e2e/1")
                .credentials(Credentials.clientCredentials(endpoint, clientId, SECRET, "permits:read")).build();
    }

    private long tokenRequests(URI endpoint, String clientId) {
        return keycloak.countRequestsMatching(postRequestedFor(urlPathEqualTo(endpoint.getPath()))
                .withHeader("Authorization", equalTo(basic(clientId))).build()).getCount();
    }

    @Test
    void the_sdk_fetches_a_token_and_is_the_registered_client_on_me_and_on_permit_reads() {
        String creditCode = Db.string(pool, """
                SELECT e.credit_code FROM enterprise e JOIN permit p ON p.enterprise_id = e.id
                WHERE NOT e.pseudo_credit_code GROUP BY e.credit_code ORDER BY 1 OFFSET 11 LIMIT 1""");
        String delegated = Db.string(pool, "SELECT p.permit_number FROM permit p JOIN enterprise e "
                + "ON e.id = p.enterprise_id WHERE e.credit_code = $1 ORDER BY 1 LIMIT 1", creditCode);
        String notDelegated = Db.string(pool, "SELECT p.permit_number FROM permit p JOIN enterprise e "
                + "ON e.id = p.enterprise_id WHERE e.credit_code <> $1 ORDER BY 1 LIMIT 1", creditCode);
        String kc = TestTokens.newClientId();
        CreatedClient registered = TestClients.keycloakClient(registry, kc, List.of("vendor"), List.of("permits:read"), null);
        EPermitClient admin = EPermitClient.builder().baseUrl(base.toString())
                .credentials(Credentials.apiKey(TestClients.admin(registry).apiKey())).build();
        admin.delegations().create(new NewDelegation().enterpriseCreditCode(creditCode)
                .vendorClientId(registered.client().id().toString()).scopes(List.of("permits:read"))
                .validTo(OffsetDateTime.now().plusYears(1)));
        URI endpoint = tokenEndpoint();
        IssuedToken token = IssuedToken.of(kc, Duration.ofMinutes(5));
        tokenEndpointIssues(endpoint, kc, List.of(token));
        EPermitClient vendor = sdk(endpoint, kc);

        Me me = vendor.me().get();
        assertThat(me.getClientId()).isEqualTo(registered.client().id());
        assertThat(me.getCredentialType()).isEqualTo(CredentialType.OAUTH2);
        assertThat(me.getSubject()).as("the token the SDK fetched").isEqualTo(token.subject());
        assertThat(me.getScopes()).containsExactly("permits:read");
        assertThat(vendor.permits().get(delegated).getPermit().getPermitNumber()).isEqualTo(delegated);
        PermissionException refused = catchThrowableOfType(PermissionException.class,
                () -> vendor.permits().get(notDelegated));
        assertThat(refused.getCode()).isEqualTo(PermissionException.NOT_DELEGATED);

        assertThat(tokenRequests(endpoint, kc)).as("one token, cached for all three calls").isEqualTo(1);
    }

    @Test
    void a_short_lived_token_is_replaced_before_it_expires() throws InterruptedException {
        String kc = TestTokens.newClientId();
        CreatedClient registered = TestClients.keycloakClient(registry, kc, List.of("vendor"), List.of("permits:read"), null);
        URI endpoint = tokenEndpoint();
        // The SDK renews a token at half its lifetime when that is under a minute: this one at 5 s, while the
        // service would still take it until 10 s.
        IssuedToken shortLived = IssuedToken.of(kc, Duration.ofSeconds(10));
        Instant firstExpires = Instant.now().plusSeconds(10).minusSeconds(1);   // exp is whole seconds
        IssuedToken next = IssuedToken.of(kc, Duration.ofMinutes(5));
        tokenEndpointIssues(endpoint, kc, List.of(shortLived, next));
        EPermitClient vendor = sdk(endpoint, kc);

        assertThat(vendor.me().get().getSubject()).isEqualTo(shortLived.subject());
        Instant fetched = Instant.now();
        assertThat(vendor.me().get().getSubject()).as("reused while fresh").isEqualTo(shortLived.subject());
        assertThat(tokenRequests(endpoint, kc)).isEqualTo(1);

        Thread.sleep(Duration.between(Instant.now(), fetched.plusMillis(5_500)).toMillis());
        Me me = vendor.me().get();
        Instant answered = Instant.now();
        assertThat(answered).as("the call ran while the first token was still valid (a slow machine invalidates "
                + "this test)").isBefore(firstExpires);
        // The service would still have taken the first token, so it was not refused and retried: the SDK
        // fetched the next one before calling.
        assertThat(me.getSubject()).isEqualTo(next.subject());
        assertThat(me.getClientId()).isEqualTo(registered.client().id());
        assertThat(tokenRequests(endpoint, kc)).isEqualTo(2);
    }
}
