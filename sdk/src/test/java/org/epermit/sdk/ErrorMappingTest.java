package org.epermit.sdk;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import org.epermit.sdk.errors.AuthenticationException;
import org.epermit.sdk.errors.ConflictException;
import org.epermit.sdk.errors.EPermitException;
import org.epermit.sdk.errors.FieldError;
import org.epermit.sdk.errors.IdempotencyConflictException;
import org.epermit.sdk.errors.NotFoundException;
import org.epermit.sdk.errors.PermissionException;
import org.epermit.sdk.errors.RateLimitedException;
import org.epermit.sdk.errors.ServerException;
import org.epermit.sdk.errors.UnexpectedResponseException;
import org.epermit.sdk.errors.ValidationException;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ErrorMappingTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final FakeTime time = new FakeTime();

    private EPermitException failureFor(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response) {
        api.stubFor(get(urlPathEqualTo(Stubs.PERMIT_PATH)).willReturn(response));
        EPermitClient client = EPermitClient.builder().baseUrl(api.baseUrl()).clock(time).sleeper(time)
                .maxRetries(0).build();
        return catchThrowableOfType(EPermitException.class, () -> client.publicPermits().get(Stubs.PERMIT));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "400, VALIDATION_FAILED,     ValidationException",
            "400, INVALID_PERMIT_NUMBER, ValidationException",
            "400, INVALID_CREDIT_CODE,   ValidationException",
            "400, INVALID_CURSOR,        ValidationException",
            "400, MALFORMED_REQUEST,     ValidationException",
            "422, UNPROCESSABLE,         ValidationException",
            "401, UNAUTHENTICATED,       AuthenticationException",
            "403, FORBIDDEN,             PermissionException",
            "403, NOT_DELEGATED,         PermissionException",
            "404, PERMIT_NOT_FOUND,      NotFoundException",
            "404, RESOURCE_NOT_FOUND,    NotFoundException",
            "409, CONFLICT,              ConflictException",
            "409, IDEMPOTENCY_CONFLICT,  IdempotencyConflictException",
            "422, IDEMPOTENCY_CONFLICT,  IdempotencyConflictException",
            "429, RATE_LIMITED,          RateLimitedException",
            "500, INTERNAL_ERROR,        ServerException",
            "502, BAD_GATEWAY,           ServerException",
            "503, SERVICE_UNAVAILABLE,   ServerException",
            "504, GATEWAY_TIMEOUT,       ServerException",
            "405, METHOD_NOT_ALLOWED,    UnexpectedResponseException",
            "406, NOT_ACCEPTABLE,        UnexpectedResponseException",
    })
    void each_problem_becomes_its_typed_exception_with_status_code_and_request_id(int status, String code,
                                                                                  String type) {
        EPermitException e = failureFor(Stubs.problem(status, code));
        assertThat(e.getClass().getSimpleName()).isEqualTo(type);
        assertThat(e.getStatusCode()).isEqualTo(status);
        assertThat(e.getCode()).isEqualTo(code);
        assertThat(e.getRequestId()).isEqualTo("req-" + status);
        assertThat(e.getTitle()).isEqualTo("Title " + status);
        assertThat(e.getDetail()).isEqualTo("Something about " + code + ".");
        assertThat(e.getMessage()).startsWith("Something about " + code + ". [HTTP " + status + ", code " + code
                + ", request id req-" + status + "]");
        assertThat(e.getAttempts()).isEqualTo(1);
    }

    @Test
    void a_validation_failure_carries_every_field_error_and_lists_them_in_its_message() {
        ValidationException e = (ValidationException) failureFor(Stubs.problem(400, "VALIDATION_FAILED",
                "2 query parameters are invalid.", """
                        [{"path":"query.limit","code":"RANGE","message":"must be from 1 to 100, got 101"},
                         {"path":"query.regoin","code":"UNKNOWN_PARAMETER","message":"is not a parameter"}]"""));
        assertThat(e.getFieldErrors()).containsExactly(
                new FieldError("query.limit", "RANGE", "must be from 1 to 100, got 101"),
                new FieldError("query.regoin", "UNKNOWN_PARAMETER", "is not a parameter"));
        assertThat(e.getMessage())
                .contains("\n  - query.limit: must be from 1 to 100, got 101 (RANGE)")
                .contains("\n  - query.regoin: is not a parameter (UNKNOWN_PARAMETER)")
                .endsWith("Correct the input named above and send the request again; sent unchanged it will fail the same way.");
    }

    @Test
    void an_invalid_cursor_advises_starting_the_listing_again() {
        assertThat(failureFor(Stubs.problem(400, "INVALID_CURSOR")).getMessage()).contains("Start the listing again");
    }

    @Test
    void not_delegated_is_a_permission_failure_that_says_so() {
        PermissionException e = (PermissionException) failureFor(Stubs.problem(403, "NOT_DELEGATED"));
        assertThat(e.isNotDelegated()).isTrue();
        assertThat(e.getMessage()).contains("has not delegated this permit to your client");
        PermissionException other = (PermissionException) failureFor(Stubs.problem(403, "INSUFFICIENT_SCOPE"));
        assertThat(other.isNotDelegated()).isFalse();
        assertThat(other.getMessage()).contains("ask your administrator");
    }

    @Test
    void an_idempotency_conflict_is_a_conflict_that_explains_keys() {
        EPermitException e = failureFor(Stubs.problem(409, "IDEMPOTENCY_CONFLICT"));
        assertThat(e).isInstanceOf(IdempotencyConflictException.class).isInstanceOf(ConflictException.class);
        assertThat(e.getMessage()).contains("Use a new idempotency key for a new request");
    }

    @Test
    void a_rate_limit_carries_its_retry_after() {
        RateLimitedException e = (RateLimitedException) failureFor(Stubs.problem(429, "RATE_LIMITED")
                .withHeader("Retry-After", "12"));
        assertThat(e.getRetryAfter()).contains(Duration.ofSeconds(12));
    }

    @Test
    void an_authentication_failure_points_at_the_credentials() {
        AuthenticationException e = (AuthenticationException) failureFor(Stubs.problem(401, "UNAUTHENTICATED"));
        assertThat(e.getMessage()).contains("Check the credentials given to EPermitClient.builder().credentials(...)");
    }

    @Test
    void a_server_failure_asks_to_quote_the_request_id() {
        assertThat(failureFor(Stubs.problem(500, "INTERNAL_ERROR")).getMessage())
                .contains("report it with the request id req-500");
    }

    @Test
    void an_error_page_without_a_problem_document_still_maps_by_status_with_the_header_request_id() {
        EPermitException e = failureFor(aResponse().withStatus(502).withHeader("Content-Type", "text/html")
                .withHeader("X-Request-Id", "edge-1").withBody("<html>Bad gateway</html>"));
        assertThat(e).isInstanceOf(ServerException.class);
        assertThat(e.getCode()).isEqualTo("HTTP_502");
        assertThat(e.getRequestId()).isEqualTo("edge-1");
        assertThat(e.getDetail()).contains("HTTP 502 from GET").contains("without a problem document");
    }

    @Test
    void a_not_modified_answer_is_unexpected_for_this_sdk() {
        assertThat(failureFor(aResponse().withStatus(304))).isInstanceOf(UnexpectedResponseException.class);
    }

    @Test
    void a_success_whose_body_cannot_be_read_is_an_unexpected_response() {
        EPermitException e = failureFor(Stubs.json("{\"permitNumber\": [unterminated"));
        assertThat(e).isInstanceOf(UnexpectedResponseException.class);
        assertThat(e.getCode()).isEqualTo("UNREADABLE_RESPONSE");
        assertThat(e.getCause()).isNotNull();
    }

    @Test
    void a_not_found_exposes_the_problem_fields() {
        NotFoundException e = (NotFoundException) failureFor(Stubs.problem(404, "PERMIT_NOT_FOUND",
                "No permit has the number " + Stubs.PERMIT + ".", "[]"));
        assertThat(e.getDetails().type()).isEqualTo("urn:epermit:problem:x");
        assertThat(e.getFieldErrors()).isEmpty();
    }
}
