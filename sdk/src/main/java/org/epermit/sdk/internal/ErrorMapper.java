package org.epermit.sdk.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.epermit.sdk.errors.AuthenticationException;
import org.epermit.sdk.errors.ConflictException;
import org.epermit.sdk.errors.EPermitException;
import org.epermit.sdk.errors.ErrorDetails;
import org.epermit.sdk.errors.FieldError;
import org.epermit.sdk.errors.IdempotencyConflictException;
import org.epermit.sdk.errors.NotFoundException;
import org.epermit.sdk.errors.PermissionException;
import org.epermit.sdk.errors.RateLimitedException;
import org.epermit.sdk.errors.ReportExistsException;
import org.epermit.sdk.errors.ServerException;
import org.epermit.sdk.errors.UnexpectedResponseException;
import org.epermit.sdk.errors.ValidationException;
import org.epermit.sdk.model.Problem;

/**
 * The one place that turns a failed response into a typed exception: reads the RFC 9457 problem (the generated
 * {@link Problem} model), then chooses the exception by the stable code first and the HTTP status second.
 */
public final class ErrorMapper {

    /** The header the API echoes the request id in. */
    public static final String REQUEST_ID_HEADER = "X-Request-Id";

    /** Codes that mean "your input is wrong", whatever the status. */
    static final Set<String> VALIDATION_CODES = Set.of("VALIDATION_FAILED", "INVALID_PERMIT_NUMBER",
            "INVALID_CREDIT_CODE", "INVALID_CURSOR", "MALFORMED_REQUEST");

    private final ObjectMapper json;

    /**
     * Creates the mapper.
     *
     * @param json the client's object mapper
     */
    public ErrorMapper(ObjectMapper json) {
        this.json = json;
    }

    /**
     * The exception for a response that is not a success.
     *
     * @param response   the response
     * @param attempts   the attempts made so far, this one included
     * @param retryAfter the response's {@code Retry-After}, or {@code null}
     * @return the exception to throw
     */
    public EPermitException fromResponse(HttpResponse<byte[]> response, int attempts, Duration retryAfter) {
        int status = response.statusCode();
        Problem problem = readProblem(response);
        String requestId = response.headers().firstValue(REQUEST_ID_HEADER).orElse(null);
        ErrorDetails details;
        if (problem != null) {
            List<FieldError> errors = problem.getErrors() == null ? List.of() : problem.getErrors().stream()
                    .map(e -> new FieldError(e.getPath(), e.getCode(), e.getMessage())).toList();
            details = new ErrorDetails(status, problem.getCode() != null ? problem.getCode() : "HTTP_" + status,
                    problem.getType(), problem.getTitle(), problem.getDetail(),
                    problem.getRequestId() != null ? problem.getRequestId() : requestId, errors, attempts);
        } else {
            details = new ErrorDetails(status, "HTTP_" + status, null, null,
                    "HTTP " + status + " from " + response.request().method() + " " + response.uri()
                            + " without a problem document", requestId, List.of(), attempts);
        }
        return toException(details, retryAfter);
    }

    /**
     * Chooses the exception type for failure details.
     *
     * @param details    the failure
     * @param retryAfter the {@code Retry-After} of the response, or {@code null}
     * @return the exception
     */
    public static EPermitException toException(ErrorDetails details, Duration retryAfter) {
        String code = details.code();
        if (IdempotencyConflictException.CODE.equals(code)) {
            return new IdempotencyConflictException(details);
        }
        if (ReportExistsException.CODE.equals(code)) {
            return new ReportExistsException(details);
        }
        if (PermissionException.NOT_DELEGATED.equals(code)) {
            return new PermissionException(details);
        }
        if (VALIDATION_CODES.contains(code)) {
            return new ValidationException(details);
        }
        int status = details.statusCode();
        return switch (status) {
            case 400, 422 -> new ValidationException(details);
            case 401 -> new AuthenticationException(details);
            case 403 -> new PermissionException(details);
            case 404 -> new NotFoundException(details);
            case 409 -> new ConflictException(details);
            case 429 -> new RateLimitedException(details, retryAfter);
            default -> status >= 500 ? new ServerException(details) : new UnexpectedResponseException(details, null);
        };
    }

    private Problem readProblem(HttpResponse<byte[]> response) {
        String type = response.headers().firstValue("Content-Type").orElse("");
        byte[] body = response.body();
        if (!type.contains("json") || body == null || body.length == 0) {
            return null;
        }
        try {
            return json.readValue(body, Problem.class);
        } catch (java.io.IOException | RuntimeException unreadable) {
            return null; // a proxy's error page, or a truncated body: report the status instead
        }
    }
}
