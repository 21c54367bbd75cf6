package org.epermit.sdk;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.epermit.sdk.errors.AuthenticationException;
import org.epermit.sdk.errors.ConnectionException;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class OAuth2Test {

    private static final String TOKEN_PATH = "/realms/epermit/protocol/openid-connect/token";

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final FakeTime time = new FakeTime();

    private EPermitClient client(String... scopes) {
        return EPermitClient.builder().baseUrl(api.baseUrl()).clock(time).sleeper(time)
                .credentials(Credentials.clientCredentials(URI.create(api.baseUrl() + TOKEN_PATH), "vendor-app",
                        "s3cret:&", scopes))
                .build();
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder token(String value, int expiresIn) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(
                "{\"access_token\":\"" + value + "\",\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn + "}");
    }

    /** The token endpoint hands out tok-1, tok-2, ... in turn. */
    private void tokensInTurn(int count, int expiresIn) {
        String state = Scenario.STARTED;
        for (int i = 1; i <= count; i++) {
            String next = "t" + (i + 1);
            api.stubFor(post(urlPathEqualTo(TOKEN_PATH)).inScenario("tokens").whenScenarioStateIs(state)
                    .willSetStateTo(next).willReturn(token("tok-" + i, expiresIn)));
            state = next;
        }
    }

    private int tokenRequests() {
        return api.findAll(postRequestedFor(urlPathEqualTo(TOKEN_PATH))).size();
    }

    @Test
    void a_token_is_fetched_with_basic_auth_and_scopes_then_sent_as_bearer() {
        tokensInTurn(1, 300);
        api.stubFor(get(urlPathEqualTo(Stubs.PERMIT_PATH)).willReturn(Stubs.permit()));
        client("permits:read", "filings:write").publicPermits().get(Stubs.PERMIT);
        String basic = Base64.getEncoder().encodeToString("vendor-app:s3cret%3A%26".getBytes(StandardCharsets.UTF_8));
        api.verify(postRequestedFor(urlPathEqualTo(TOKEN_PATH))
                .withHeader("Authorization", equalTo("Basic " + basic))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withRequestBody(equalTo("grant_type=client_credentials&scope=permits%3Aread+filings%3Awrite")));
        api.verify(getRequestedFor(urlPathEqualTo(Stubs.PERMIT_PATH)).withHeader("Authorization", equalTo("Bearer tok-1")));
    }

    @Test
    void the_token_is_cached_and_refreshed_shortly_before_it_expires() {
        tokensInTurn(3, 300);
        api.stubFor(get(urlPathEqualTo(Stubs.PERMIT_PATH)).willReturn(Stubs.permit()));
        EPermitClient client = client();
        client.publicPermits().get(Stubs.PERMIT);
        client.publicPermits().get(Stubs.PERMIT);
        time.advance(Duration.ofSeconds(260));
        client.publicPermits().get(Stubs.PERMIT);
        assertThat(tokenRequests()).as("reused while fresh").isEqualTo(1);
        time.advance(Duration.ofSeconds(15)); // 275 s: inside the 30 s margin before expiry at 300 s
        client.publicPermits().get(Stubs.PERMIT);
        assertThat(tokenRequests()).as("refreshed before expiry").isEqualTo(2);
        api.verify(1, getRequestedFor(urlPathEqualTo(Stubs.PERMIT_PATH)).withHeader("Authorization", equalTo("Bearer tok-2")));
    }

    @Test
    void a_short_lived_token_is_refreshed_at_half_its_life() {
        tokensInTurn(2, 20);
        api.stubFor(get(urlPathEqualTo(Stubs.PERMIT_PATH)).willReturn(Stubs.permit()));
        EPermitClient client = client();
        client.publicPermits().get(Stubs.PERMIT);
        time.advance(Duration.ofSeconds(9));
        client.publicPermits().get(Stubs.PERMIT);
        assertThat(tokenRequests()).isEqualTo(1);
        time.advance(Duration.ofSeconds(2));
        client.publicPermits().get(Stubs.PERMIT);
        assertThat(tokenRequests()).isEqualTo(2);
    }

    @Test
    void a_cached_token_the_api_refuses_is_replaced_once_and_the_call_retried() {
        tokensInTurn(2, 300);
        api.stubFor(get(urlPathEqualTo(Stubs.PERMIT_PATH)).withHeader("Authorization", equalTo("Bearer tok-1"))
                .willReturn(Stubs.problem(401, "UNAUTHENTICATED")));
        api.stubFor(get(urlPathEqualTo(Stubs.PERMIT_PATH)).withHeader("Authorization", equalTo("Bearer tok-2"))
                .willReturn(Stubs.permit()));
        EPermitClient client = client();
        // first call: tok-1 is fresh from the endpoint, so its 401 is final
        catchThrowableOfType(AuthenticationException.class, () -> client.publicPermits().get(Stubs.PERMIT));
        assertThat(tokenRequests()).isEqualTo(1);
        // second call: tok-1 is now a cached token; its 401 makes the client fetch tok-2 and retry
        assertThat(client.publicPermits().get(Stubs.PERMIT).getPermitNumber()).isEqualTo(Stubs.PERMIT);
        assertThat(tokenRequests()).isEqualTo(2);
    }

    @Test
    void concurrent_calls_share_one_token_fetch() throws Exception {
        tokensInTurn(5, 300);
        api.stubFor(get(urlPathEqualTo(Stubs.PERMIT_PATH)).willReturn(Stubs.permit()));
        api.stubFor(post(urlPathEqualTo(TOKEN_PATH)).inScenario("tokens").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("t2").willReturn(token("tok-1", 300).withFixedDelay(200)));
        EPermitClient client = client();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit((Callable<String>) () -> client.publicPermits().get(Stubs.PERMIT).getPermitNumber()));
            }
            for (Future<String> r : results) {
                assertThat(r.get()).isEqualTo(Stubs.PERMIT);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(tokenRequests()).isEqualTo(1);
        api.verify(8, getRequestedFor(urlPathEqualTo(Stubs.PERMIT_PATH)).withHeader("Authorization", equalTo("Bearer tok-1")));
    }

    @Test
    void refused_client_credentials_fail_with_the_oauth_error_as_code_and_are_not_retried() {
        api.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_client\",\"error_description\":\"Invalid client credentials\"}")));
        AuthenticationException e = catchThrowableOfType(AuthenticationException.class,
                () -> client().publicPermits().get(Stubs.PERMIT));
        assertThat(e.getCode()).isEqualTo("INVALID_CLIENT");
        assertThat(e.getMessage()).contains("refused client 'vendor-app'").contains("Invalid client credentials")
                .contains("Check the credentials").doesNotContain("s3cret");
        assertThat(tokenRequests()).isEqualTo(1);
        assertThat(api.findAll(getRequestedFor(urlPathEqualTo(Stubs.PERMIT_PATH)))).isEmpty();
    }

    @Test
    void a_token_endpoint_that_is_down_is_retried_like_the_api() {
        api.stubFor(post(urlPathEqualTo(TOKEN_PATH)).inScenario("down").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("up").willReturn(aResponse().withStatus(503)));
        api.stubFor(post(urlPathEqualTo(TOKEN_PATH)).inScenario("down").whenScenarioStateIs("up")
                .willReturn(token("tok-1", 300)));
        api.stubFor(get(urlPathEqualTo(Stubs.PERMIT_PATH)).willReturn(Stubs.permit()));
        client().publicPermits().get(Stubs.PERMIT);
        assertThat(tokenRequests()).isEqualTo(2);
        assertThat(time.sleeps()).hasSize(1);
    }

    @Test
    void an_unreachable_token_endpoint_is_a_connection_failure() {
        api.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse()
                .withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));
        ConnectionException e = catchThrowableOfType(ConnectionException.class,
                () -> client().publicPermits().get(Stubs.PERMIT));
        assertThat(e.getMessage()).contains("token endpoint");
        assertThat(tokenRequests()).isEqualTo(3);
    }

    @Test
    void credentials_never_show_the_secret() {
        assertThat(Credentials.clientCredentials(URI.create("https://sso/token"), "id", "s3cret").toString())
                .doesNotContain("s3cret");
        assertThat(client().toString()).doesNotContain("s3cret");
    }

    @Test
    void the_body_of_the_token_request_is_form_encoded() {
        tokensInTurn(1, 300);
        api.stubFor(get(urlPathEqualTo(Stubs.PERMIT_PATH)).willReturn(Stubs.permit()));
        client().publicPermits().get(Stubs.PERMIT);
        api.verify(postRequestedFor(urlPathEqualTo(TOKEN_PATH)).withRequestBody(containing("grant_type=client_credentials"))
                .withRequestBody(equalTo("grant_type=client_credentials")));
    }
}
