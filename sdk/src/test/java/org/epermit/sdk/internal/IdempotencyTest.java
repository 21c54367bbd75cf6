package org.epermit.sdk.internal;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.epermit.sdk.FakeTime;
import org.epermit.sdk.RequestOptions;
import org.epermit.sdk.errors.IdempotencyConflictException;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The idempotency behaviour, tested on the transport itself, which every POST of the services goes through (the end-to-end
 * tests in the service module show it against the real service).
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class IdempotencyTest {

    private static final String FILINGS = "/v1/filings";

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final FakeTime time = new FakeTime();
    private final AtomicInteger keys = new AtomicInteger();

    private Transport transport() {
        return new Transport(HttpClient.newHttpClient(), Json.newMapper(), Authenticator.NONE,
                new Transport.Settings(URI.create(api.baseUrl()), Map.of("User-Agent", "epermit-java/test"), Duration.ofSeconds(30),
                        Duration.ofSeconds(10), RetryPolicy.defaults(3), time, time,
                        () -> "key-" + keys.incrementAndGet()));
    }

    private HttpRequest filing(String body) {
        return HttpRequest.newBuilder(URI.create(api.baseUrl() + FILINGS))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private void failTwiceThenCreate() {
        api.stubFor(post(urlPathEqualTo(FILINGS)).inScenario("s").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("2").willReturn(aResponse().withStatus(503)));
        api.stubFor(post(urlPathEqualTo(FILINGS)).inScenario("s").whenScenarioStateIs("2")
                .willSetStateTo("3").willReturn(aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));
        api.stubFor(post(urlPathEqualTo(FILINGS)).inScenario("s").whenScenarioStateIs("3")
                .willReturn(aResponse().withStatus(201).withBody("{\"id\":\"f-1\"}")));
    }

    @Test
    void a_post_carries_one_generated_key_reused_by_every_retry_with_the_same_body() {
        failTwiceThenCreate();
        HttpResponse<byte[]> response = transport().execute(filing("{\"period\":\"2026-Q3\"}"), RequestOptions.none());
        assertThat(response.statusCode()).isEqualTo(201);
        List<LoggedRequest> attempts = api.findAll(postRequestedFor(urlPathEqualTo(FILINGS)));
        assertThat(attempts).hasSize(3).allSatisfy(r -> {
            assertThat(r.getHeader("Idempotency-Key")).isEqualTo("key-1");
            assertThat(r.getBodyAsString()).isEqualTo("{\"period\":\"2026-Q3\"}");
        });
    }

    @Test
    void each_call_gets_its_own_key() {
        api.stubFor(post(urlPathEqualTo(FILINGS)).willReturn(aResponse().withStatus(201)));
        Transport transport = transport();
        transport.execute(filing("{}"), RequestOptions.none());
        transport.execute(filing("{}"), RequestOptions.none());
        assertThat(api.findAll(postRequestedFor(urlPathEqualTo(FILINGS))))
                .extracting(r -> r.getHeader("Idempotency-Key")).containsExactly("key-1", "key-2");
    }

    @Test
    void the_callers_key_is_used_for_every_attempt() {
        failTwiceThenCreate();
        transport().execute(filing("{}"), RequestOptions.builder().idempotencyKey("filing-2026-Q3-0042").build());
        assertThat(api.findAll(postRequestedFor(urlPathEqualTo(FILINGS))))
                .extracting(r -> r.getHeader("Idempotency-Key")).containsOnly("filing-2026-Q3-0042").hasSize(3);
        assertThat(keys.get()).as("no key generated").isZero();
    }

    @Test
    void the_default_uuid_keys_are_unique() {
        var make = Transport.Settings.randomKeys();
        assertThat(make.get()).hasSize(36).isNotEqualTo(make.get());
    }

    @Test
    void a_get_carries_no_key_unless_given_one() {
        api.stubFor(get(urlPathEqualTo(FILINGS)).willReturn(aResponse().withStatus(200)));
        Transport transport = transport();
        transport.execute(HttpRequest.newBuilder(URI.create(api.baseUrl() + FILINGS)).GET().build(), RequestOptions.none());
        transport.execute(HttpRequest.newBuilder(URI.create(api.baseUrl() + FILINGS)).GET().build(),
                RequestOptions.builder().idempotencyKey("k").build());
        assertThat(api.findAll(getRequestedFor(urlPathEqualTo(FILINGS))))
                .extracting(r -> r.getHeader("Idempotency-Key")).containsExactly(null, "k");
    }

    @Test
    void a_key_reused_for_another_request_is_an_idempotency_conflict() {
        api.stubFor(post(urlPathEqualTo(FILINGS)).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":422,\"code\":\"IDEMPOTENCY_CONFLICT\",\"detail\":\"The key was used with another body.\",\"requestId\":\"r-9\"}")));
        IdempotencyConflictException e = catchThrowableOfType(IdempotencyConflictException.class,
                () -> transport().execute(filing("{}"), RequestOptions.builder().idempotencyKey("k1").build()));
        assertThat(e.getRequestId()).isEqualTo("r-9");
        assertThat(api.findAll(postRequestedFor(urlPathEqualTo(FILINGS)))).hasSize(1);
    }

    @Test
    void a_write_still_running_under_the_same_key_is_asked_again_after_retry_after_and_its_answer_returned() {
        api.stubFor(post(urlPathEqualTo(FILINGS)).inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("done").willReturn(aResponse().withStatus(409).withHeader("Retry-After", "2")
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":409,\"code\":\"IDEMPOTENCY_IN_PROGRESS\",\"requestId\":\"r-1\"}")));
        api.stubFor(post(urlPathEqualTo(FILINGS)).inScenario("busy").whenScenarioStateIs("done")
                .willReturn(aResponse().withStatus(201).withHeader("Idempotency-Replayed", "true").withBody("{\"id\":\"f-1\"}")));

        HttpResponse<byte[]> response = transport().execute(filing("{}"), RequestOptions.builder().idempotencyKey("k1").build());

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(api.findAll(postRequestedFor(urlPathEqualTo(FILINGS))))
                .extracting(r -> r.getHeader("Idempotency-Key")).containsExactly("k1", "k1");
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void any_other_conflict_is_not_retried() {
        api.stubFor(post(urlPathEqualTo(FILINGS)).willReturn(aResponse().withStatus(409).withHeader("Retry-After", "1")
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":409,\"code\":\"SECRET_ALREADY_SHOWN\",\"requestId\":\"r-2\"}")));
        catchThrowableOfType(org.epermit.sdk.errors.ConflictException.class,
                () -> transport().execute(filing("{}"), RequestOptions.none()));
        assertThat(api.findAll(postRequestedFor(urlPathEqualTo(FILINGS)))).hasSize(1);
    }

    @Test
    void extra_query_parameters_are_appended_encoded() {
        URI uri = Transport.withQuery(URI.create("http://h/v1/x?a=1"), List.of(Map.entry("b c", "中&=")));
        assertThat(uri.toString()).isEqualTo("http://h/v1/x?a=1&b%20c=%E4%B8%AD%26%3D");
        assertThat(Transport.withQuery(URI.create("http://h/v1/x"), List.of(Map.entry("limit", "101"))).toString())
                .isEqualTo("http://h/v1/x?limit=101");
    }
}
