package org.epermit.api.gateway.auth;

import io.quarkus.security.AuthenticationFailedException;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.epermit.api.problem.ApiException;
import org.epermit.api.problem.ErrorCode;
import org.epermit.api.problem.Message;

/**
 * Looks at the credential headers before any authentication runs.
 * <ul>
 * <li>An API key and a bearer token on one request: 400 {@code MALFORMED_REQUEST}. Which one should count is
 * ambiguous, and picking one silently would let a request run with other rights than its sender expects (RFC 6750
 * §2: one method per request). Neither credential is checked, so the answer tells nothing about them.</li>
 * <li>A bearer token where no Keycloak is configured ({@code quarkus.oidc.tenant-enabled=false}): 401
 * {@code UNAUTHENTICATED}, like a bad API key, on every operation (public ones too), rather than a silent
 * anonymous call.</li>
 * </ul>
 */
@ApplicationScoped
public class CredentialHeaders {

    public static final String AUTHORIZATION = "Authorization";

    private final boolean keycloakEnabled;

    public CredentialHeaders(@ConfigProperty(name = "quarkus.oidc.tenant-enabled", defaultValue = "true") boolean keycloakEnabled) {
        this.keycloakEnabled = keycloakEnabled;
    }

    /** Whether the request carries {@code Authorization: Bearer …}. */
    public static boolean hasBearerToken(io.vertx.core.http.HttpServerRequest request) {
        String authorization = request.getHeader(AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    void install(@Observes Router router) {
        // After the audit (MIN_VALUE + 1) and body-size (MIN_VALUE + 2) handlers, before authentication.
        router.route().order(Integer.MIN_VALUE + 3).handler(rc -> {
            boolean bearer = hasBearerToken(rc.request());
            if (bearer && rc.request().getHeader(ApiKeyAuthenticationMechanism.HEADER) != null) {
                rc.fail(new ApiException(ErrorCode.MALFORMED_REQUEST, Message.of(
                        "Send one credential: an API key in X-API-Key or a bearer token in Authorization, not both.",
                        "只能提供一种凭证：X-API-Key 中的接口密钥或 Authorization 中的 Bearer 令牌，不能同时提供。")));
            } else if (bearer && !keycloakEnabled) {
                rc.fail(new AuthenticationFailedException());
            } else {
                rc.next();
            }
        });
    }
}
