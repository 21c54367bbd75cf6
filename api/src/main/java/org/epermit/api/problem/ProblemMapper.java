package org.epermit.api.problem;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.logging.Log;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.epermit.api.common.RequestIds;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.ConnectException;
import java.util.List;

/**
 * Turns every failure into an RFC 9457 problem: the expected ones ({@link ApiException}), the framework's (unknown
 * path, wrong method or media type, unreadable body) and the unexpected ones, which are logged with the request id
 * and answered without any internal detail.
 */
@ApplicationScoped
public class ProblemMapper {

    private final ProblemRenderer renderer;
    private final long maxBodyBytes;
    /** The challenges of a 401: API keys always, bearer tokens when a Keycloak is configured. */
    private final String challenge;

    public ProblemMapper(ProblemRenderer renderer,
                         @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.http.limits.max-body-size")
                         io.quarkus.runtime.configuration.MemorySize maxBodySize,
                         @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.oidc.tenant-enabled", defaultValue = "true")
                         boolean keycloakEnabled) {
        this.renderer = renderer;
        this.maxBodyBytes = maxBodySize.asLongValue();
        this.challenge = keycloakEnabled ? "ApiKey realm=\"epermit\", Bearer realm=\"epermit\"" : "ApiKey realm=\"epermit\"";
    }

    @ServerExceptionMapper
    public Response apiException(ApiException e, HttpHeaders headers, RoutingContext rc) {
        return respond(e.code(), e.detail(), e.errors(), headers, rc);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, HttpHeaders headers, RoutingContext rc) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(v.getPropertyPath().toString(), "CONSTRAINT", Message.of(v.getMessage(), v.getMessage())))
                .toList();
        return respond(ErrorCode.VALIDATION_FAILED, Message.of("The request is invalid.", "请求无效。"), errors, headers, rc);
    }

    /** Named explicitly so that they win over the framework's own mappers for these exceptions. */
    @ServerExceptionMapper({com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException.class,
            com.fasterxml.jackson.databind.exc.MismatchedInputException.class,
            com.fasterxml.jackson.databind.exc.InvalidFormatException.class,
            com.fasterxml.jackson.core.JsonParseException.class})
    public Response unreadableJson(JacksonException e, HttpHeaders headers, RoutingContext rc) {
        return unreadableBody(e, headers, rc);
    }

    @ServerExceptionMapper
    public Response unreadableBody(JacksonException e, HttpHeaders headers, RoutingContext rc) {
        Message invalid = Message.of("The request body is invalid.", "请求体无效。");
        if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return respond(ErrorCode.VALIDATION_FAILED, invalid, List.of(JsonBodyErrors.of(mismatch)), headers, rc);
        }
        var duplicate = JsonBodyErrors.duplicateKey(e);
        if (duplicate.isPresent()) {
            return respond(ErrorCode.VALIDATION_FAILED, invalid, List.of(duplicate.get()), headers, rc);
        }
        return respond(ErrorCode.MALFORMED_REQUEST, JsonBodyErrors.malformed(e), List.of(), headers, rc);
    }

    @ServerExceptionMapper({io.quarkus.security.UnauthorizedException.class, io.quarkus.security.AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, HttpHeaders headers, RoutingContext rc) {
        return Response.fromResponse(respond(ErrorCode.UNAUTHENTICATED, UNAUTHENTICATED, List.of(), headers, rc))
                .header(HttpHeaders.WWW_AUTHENTICATE, challenge).build();
    }

    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e, HttpHeaders headers, RoutingContext rc) {
        return respond(ErrorCode.INSUFFICIENT_SCOPE, Message.of(
                "Your credentials do not allow this operation: it needs a scope or role your client does not have.",
                "您的凭证无权执行该操作：缺少所需的权限范围或角色。"), List.of(), headers, rc);
    }

    static final Message KEYCLOAK_UNAVAILABLE = Message.of(
            "Bearer tokens cannot be checked right now: the identity provider is unreachable. Retry shortly.",
            "身份认证服务暂时无法连接，暂不能校验 Bearer 令牌，请稍后重试。");

    /** One message for every authentication failure: it must not tell which part was wrong. */
    static final Message UNAUTHENTICATED = Message.of(
            "This operation needs valid credentials: an API key in X-API-Key or a bearer token. The credentials sent, if any, are missing, invalid, expired or revoked.",
            "该操作需要有效凭证（X-API-Key 中的接口密钥或 Bearer 令牌）。所提供的凭证缺失、无效、已过期或已吊销。");

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, HttpHeaders headers, RoutingContext rc) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JacksonException unreadable) {
            return unreadableBody(unreadable, headers, rc);
        }
        if (e instanceof NotFoundException || status == 404) {
            return respond(ErrorCode.RESOURCE_NOT_FOUND, Message.of("There is nothing at this path. The API reference is at /q/swagger-ui.",
                    "该路径下没有资源。接口文档见 /q/swagger-ui。"), List.of(), headers, rc);
        }
        if (e instanceof NotAllowedException || status == 405) {
            Response response = respond(ErrorCode.METHOD_NOT_ALLOWED, Message.of("This path does not support the "
                    + rc.request().method().name() + " method.", "该路径不支持" + rc.request().method().name() + "方法。"),
                    List.of(), headers, rc);
            String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
            return allow == null ? response : Response.fromResponse(response).header(HttpHeaders.ALLOW, allow).build();
        }
        if (e instanceof NotSupportedException || status == 415) {
            return respond(ErrorCode.UNSUPPORTED_MEDIA_TYPE, Message.of("This operation does not accept that Content-Type.",
                    "该接口不接受此Content-Type。"), List.of(), headers, rc);
        }
        if (e instanceof NotAcceptableException || status == 406) {
            return respond(ErrorCode.NOT_ACCEPTABLE, Message.of("This operation answers with application/json only.",
                    "该接口仅以application/json响应。"), List.of(), headers, rc);
        }
        if (status == 413) {
            return respond(ErrorCode.PAYLOAD_TOO_LARGE, Message.of("The request body is too large.", "请求体过大。"),
                    List.of(), headers, rc);
        }
        if (status < 500) {
            return respond(ErrorCode.MALFORMED_REQUEST, Message.of("The request could not be understood.", "无法解析该请求。"),
                    List.of(), headers, rc);
        }
        return unexpected(e, headers, rc);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpHeaders headers, RoutingContext rc) {
        if (causedByUnreachableService(e)) {
            Log.warnf("request %s: a backing service is unreachable: %s", RequestIds.of(rc), e.toString());
            return respond(ErrorCode.SERVICE_UNAVAILABLE, Message.of("A backing service is unreachable; retry shortly.",
                    "后端服务暂时无法连接，请稍后重试。"), List.of(), headers, rc);
        }
        Log.errorf(e, "request %s failed unexpectedly", RequestIds.of(rc));
        return respond(ErrorCode.INTERNAL_ERROR, Message.of("Something went wrong on our side. Quote the request id when you report it.",
                "服务器内部出错。反馈问题时请提供请求编号。"), List.of(), headers, rc);
    }

    /** Failures that happen outside JAX-RS (no route at all, a body over the size limit) get problems too. */
    void installRouterFallbacks(@Observes Router router) {
        // A declared body over the limit is refused before it is read, with a problem (the server's own refusal of
        // an undeclared, chunked one has no body).
        router.route().order(Integer.MIN_VALUE + 2).handler(rc -> {
            String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && length.length() < 19 && length.chars().allMatch(Character::isDigit)
                    && Long.parseLong(length) > maxBodyBytes) {
                rc.response().putHeader("Connection", "close");
                fromRouter(rc, ErrorCode.PAYLOAD_TOO_LARGE, Message.of(
                        "The request body is larger than " + maxBodyBytes + " bytes.", "请求体超过" + maxBodyBytes + "字节。"));
            } else {
                rc.next();
            }
        });
        // Authentication runs before JAX-RS: a rejected credential fails the route with this exception.
        router.route().failureHandler(rc -> {
            if (rc.failure() instanceof io.quarkus.security.AuthenticationFailedException) {
                rc.response().putHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
                fromRouter(rc, ErrorCode.UNAUTHENTICATED, UNAUTHENTICATED);
            } else if (rc.failure() instanceof ApiException e) {
                fromRouter(rc, e.code(), e.detail());
            } else if (rc.failure() instanceof io.quarkus.oidc.OIDCException e) {
                // A bearer token could not be checked: the configured Keycloak is unreachable (or its discovery
                // failed). The token may well be fine, so this is not a 401; API keys are unaffected.
                Log.warnf("request %s: bearer token not checked, Keycloak unavailable: %s", RequestIds.of(rc), e.getMessage());
                fromRouter(rc, ErrorCode.SERVICE_UNAVAILABLE, KEYCLOAK_UNAVAILABLE);
            } else {
                rc.next();
            }
        });
        router.errorHandler(404, rc -> fromRouter(rc, ErrorCode.RESOURCE_NOT_FOUND, Message.of(
                "There is nothing at this path. The API reference is at /q/swagger-ui.", "该路径下没有资源。接口文档见 /q/swagger-ui。")));
        router.errorHandler(405, rc -> fromRouter(rc, ErrorCode.METHOD_NOT_ALLOWED, Message.of(
                "This path does not support that method.", "该路径不支持此方法。")));
        router.errorHandler(413, rc -> fromRouter(rc, ErrorCode.PAYLOAD_TOO_LARGE, Message.of(
                "The request body is too large.", "请求体过大。")));
        router.errorHandler(500, rc -> {
            if (rc.failure() != null) {
                Log.errorf(rc.failure(), "request %s failed unexpectedly", RequestIds.of(rc));
            }
            fromRouter(rc, ErrorCode.INTERNAL_ERROR, Message.of(
                    "Something went wrong on our side. Quote the request id when you report it.", "服务器内部出错。反馈问题时请提供请求编号。"));
        });
    }

    private void fromRouter(RoutingContext rc, ErrorCode code, Message detail) {
        renderer.respond(rc, code, detail);
    }

    private Response respond(ErrorCode code, Message detail, List<FieldError> errors, HttpHeaders headers, RoutingContext rc) {
        Language language = Language.fromAcceptLanguage(headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        Problem problem = renderer.problem(code, detail, errors, language, rc == null ? null : rc.normalizedPath(),
                RequestIds.of(rc));
        return Response.status(code.status())
                .type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_LANGUAGE, language == Language.ZH ? "zh" : "en")
                .entity(renderer.json(problem))
                .build();
    }

    private static boolean causedByUnreachableService(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return true;
            }
            String message = t.getMessage();
            if (message != null && message.contains("Connection refused")) {
                return true;
            }
        }
        return false;
    }
}
