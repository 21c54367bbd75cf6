package org.epermit.sdk;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.epermit.sdk.errors.CallTimeoutException;
import org.epermit.sdk.errors.ConnectionException;
import org.epermit.sdk.errors.EPermitException;
import org.epermit.sdk.errors.NotFoundException;
import org.epermit.sdk.errors.RateLimitedException;
import org.epermit.sdk.errors.ServerException;
import org.epermit.sdk.errors.ValidationException;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RetryTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final FakeTime time = new FakeTime();

    private EPermitClient.Builder client() {
        return EPermitClient.builder().baseUrl(api.baseUrl()).clock(time).sleeper(time);
    }

    /** Answers the permit path with the given responses in turn (the last one repeats). */
    private void answerInTurn(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder... responses) {
        String state = Scenario.STARTED;
        for (int i = 0; i < responses.length; i++) {
            String next = i == responses.length - 1 ? state : "attempt-" + (i + 2);
            api.stubFor(get(urlPathEqualTo(Stubs.PERMIT_PATH)).inScenario("turns").whenScenarioStateIs(state)
                    .willSetStateTo(next).willReturn(responses[i]));
            state = next;
        }
    }

    private int attempts() {
        return api.findAll(getRequestedFor(urlPathEqualTo(Stubs.PERMIT_PATH))).size();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {429, 502, 503, 504})
    void a_retryable_status_is_retried_until_success(int status) {
        answerInTurn(Stubs.problem(status, "X"), Stubs.problem(status, "X"), Stubs.permit());
        var permit = client().build().publicPermits().get(Stubs.PERMIT);
        assertThat(permit.getPermitNumber()).isEqualTo(Stubs.PERMIT);
        assertThat(attempts()).isEqualTo(3);
        assertThat(time.sleeps()).hasSize(2);
    }

    @Test
    void backoff_is_exponential_with_full_jitter_under_its_caps() {
        api.stubFor(get(urlPathEqualTo(Stubs.PERMIT_PATH)).willReturn(Stubs.problem(503, "SERVICE_UNAVAILABLE")));
        EPermitClient client = client().maxRetries(5).retryBackoff(Duration.ofMillis(100), Duration.ofMillis(1000))
                .build();
        ServerException e = catchThrowableOfType(ServerException.class, () -> client.publicPermits().get(Stubs.PERMIT));
        assertThat(attempts()).isEqualTo(6);
        assertThat(e.getAttempts()).isEqualTo(6);
        long[] caps = {100, 200, 400, 800, 1000};
        assertThat(time.sleeps()).hasSize(5);
        for (int i = 0; i < caps.length; i++) {
            assertThat(time.sleeps().get(i)).as("wait before retry %d", i + 1)
                    .isBetween(Duration.ZERO, Duration.ofMillis(caps[i]));
        }
    }

    @Test
    void retry_after_in_seconds_is_waited_exactly() {
        answerInTurn(Stubs.problem(429, "RATE_LIMITED").withHeader("Retry-After", "3"), Stubs.permit());
        client().build().publicPermits().get(Stubs.PERMIT);
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void retry_after_as_an_http_date_is_waited_until_that_date() {
        String in7s = DateTimeFormatter.RFC_1123_DATE_TIME.format(time.instant().plusSeconds(7).atOffset(ZoneOffset.UTC));
        answerInTurn(Stubs.problem(503, "SERVICE_UNAVAILABLE").withHeader("Retry-After", in7s), Stubs.permit());
        client().build().publicPermits().get(Stubs.PERMIT);
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void a_long_retry_after_is_clamped_to_the_maximum() {
        answerInTurn(Stubs.problem(429, "RATE_LIMITED").withHeader("Retry-After", "3600"), Stubs.permit());
        client().maxRetryAfter(Duration.ofSeconds(10)).timeout(Duration.ofMinutes(5)).build().publicPermits().get(Stubs.PERMIT);
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(10));
    }

    @Test
    void a_retry_after_beyond_the_call_timeout_is_not_waited_for_and_the_429_is_thrown_with_it() {
        api.stubFor(get(urlPathEqualTo(Stubs.PERMIT_PATH))
                .willReturn(Stubs.problem(429, "RATE_LIMITED").withHeader("Retry-After", "30")));
        EPermitClient client = client().timeout(Duration.ofSeconds(10)).build();
        RateLimitedException e = catchThrowableOfType(RateLimitedException.class,
                () -> client.publicPermits().get(Stubs.PERMIT));
        assertThat(e.getRetryAfter()).contains(Duration.ofSeconds(30));
        assertThat(e.getStatusCode()).isEqualTo(429);
        assertThat(e.getMessage()).contains("wait at least 30 s");
        assertThat(attempts()).isEqualTo(1);
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void after_the_last_retry_the_last_failure_is_thrown() {
        api.stubFor(get(urlPathEqualTo(Stubs.PERMIT_PATH)).willReturn(Stubs.problem(429, "RATE_LIMITED")
                .withHeader("Retry-After", "1")));
        RateLimitedException e = catchThrowableOfType(RateLimitedException.class,
                () -> client().maxRetries(3).build().publicPermits().get(Stubs.PERMIT));
        assertThat(attempts()).isEqualTo(4);
        assertThat(e.getAttempts()).isEqualTo(4);
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    @Test
    void max_retries_of_a_call_override_the_clients() {
        api.stubFor(get(urlPathEqualTo(Stubs.PERMIT_PATH)).willReturn(Stubs.problem(503, "SERVICE_UNAVAILABLE")));
        EPermitClient client = client().maxRetries(5).build();
        catchThrowableOfType(ServerException.class, () -> client.publicPermits().get(Stubs.PERMIT,
                RequestOptions.builder().maxRetries(0).build()));
        assertThat(attempts()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {400, 401, 403, 404, 409, 422, 500})
    void other_statuses_are_not_retried(int status) {
        api.stubFor(get(urlPathEqualTo(Stubs.PERMIT_PATH)).willReturn(Stubs.problem(status, "SOME_CODE")));
        EPermitException e = catchThrowableOfType(EPermitException.class,
                () -> client().build().publicPermits().get(Stubs.PERMIT));
        assertThat(e.getStatusCode()).isEqualTo(status);
        assertThat(attempts()).isEqualTo(1);
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void a_broken_connection_is_retried_and_reported_as_a_connection_failure() {
        api.stubFor(get(urlPathEqualTo(Stubs.PERMIT_PATH))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        ConnectionException e = catchThrowableOfType(ConnectionException.class,
                () -> client().maxRetries(2).build().publicPermits().get(Stubs.PERMIT));
        assertThat(attempts()).isEqualTo(3);
        assertThat(e.getCode()).isEqualTo("CONNECTION_FAILED");
        assertThat(e.getStatusCode()).isZero();
        assertThat(e.getRequestId()).isNull();
        assertThat(e.getMessage()).contains("No response from GET " + api.baseUrl() + Stubs.PERMIT_PATH)
                .contains("3 attempts").contains("Check the base URL");
    }

    @Test
    void a_broken_connection_then_success_succeeds() {
        answerInTurn(aResponse().withFault(Fault.EMPTY_RESPONSE), Stubs.permit());
        assertThat(client().build().publicPermits().get(Stubs.PERMIT).getVersion()).isEqualTo(2);
        assertThat(attempts()).isEqualTo(2);
    }

    @Test
    void a_refused_connection_is_retried_then_reported() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        EPermitClient client = EPermitClient.builder().baseUrl("http://127.0.0.1:" + closedPort).clock(time)
                .sleeper(time).maxRetries(1).build();
        ConnectionException e = catchThrowableOfType(ConnectionException.class,
                () -> client.publicPermits().get(Stubs.PERMIT));
        assertThat(e.getAttempts()).isEqualTo(2);
        assertThat(time.sleeps()).hasSize(1);
    }

    @Test
    void a_slow_attempt_is_cut_at_the_attempt_timeout_and_retried() {
        // real time here: the attempt timeout is enforced while waiting for the response
        answerInTurn(Stubs.permit().withFixedDelay(3_000), Stubs.permit());
        EPermitClient client = EPermitClient.builder().baseUrl(api.baseUrl()).attemptTimeout(Duration.ofMillis(200))
                .retryBackoff(Duration.ZERO, Duration.ZERO).build();
        long start = System.nanoTime();
        assertThat(client.publicPermits().get(Stubs.PERMIT).getPermitNumber()).isEqualTo(Stubs.PERMIT);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2_500));
        assertThat(attempts()).isEqualTo(2);
    }

    @Test
    void a_call_that_outlasts_its_total_timeout_fails_with_a_call_timeout() {
        api.stubFor(get(urlPathEqualTo(Stubs.PERMIT_PATH)).willReturn(Stubs.permit().withFixedDelay(3_000)));
        EPermitClient client = EPermitClient.builder().baseUrl(api.baseUrl()).attemptTimeout(Duration.ofSeconds(10))
                .maxRetries(5).build();
        long start = System.nanoTime();
        CallTimeoutException e = catchThrowableOfType(CallTimeoutException.class, () -> client.publicPermits()
                .get(Stubs.PERMIT, RequestOptions.builder().timeout(Duration.ofMillis(300)).build()));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2_500));
        assertThat(e.getCode()).isEqualTo("CALL_TIMEOUT");
        assertThat(e.getMessage()).contains("within its timeout of 300 ms").contains("Give the call more time");
        assertThat(e).isInstanceOf(ConnectionException.class);
    }

    @Test
    void the_waits_never_overrun_the_call_timeout() {
        api.stubFor(get(urlPathEqualTo(Stubs.PERMIT_PATH)).willReturn(Stubs.problem(503, "SERVICE_UNAVAILABLE")));
        EPermitClient client = client().maxRetries(50).retryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(1))
                .timeout(Duration.ofSeconds(5)).build();
        Instant start = time.instant();
        EPermitException e = catchThrowableOfType(EPermitException.class, () -> client.publicPermits().get(Stubs.PERMIT));
        // the last 503, or a call timeout when the time left was too short for the last attempt
        assertThat(e).isInstanceOfAny(ServerException.class, CallTimeoutException.class);
        assertThat(Duration.between(start, time.instant())).isLessThan(Duration.ofSeconds(5));
        assertThat(attempts()).isLessThan(51);
    }

    @Test
    void a_local_validation_failure_makes_no_call_at_all() {
        catchThrowableOfType(ValidationException.class, () -> client().build().publicPermits().get("91130200699229617X001"));
        assertThat(api.getAllServeEvents()).isEmpty();
    }

    @Test
    void a_404_is_not_retried_and_says_what_to_do() {
        api.stubFor(get(urlPathEqualTo(Stubs.PERMIT_PATH)).willReturn(Stubs.problem(404, "PERMIT_NOT_FOUND")));
        NotFoundException e = catchThrowableOfType(NotFoundException.class,
                () -> client().build().publicPermits().get(Stubs.PERMIT));
        assertThat(e.getMessage()).contains("Check the identifier");
        assertThat(attempts()).isEqualTo(1);
    }
}
