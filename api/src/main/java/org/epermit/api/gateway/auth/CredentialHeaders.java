package org.epermit.api.gateway.auth;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.epermit.api.problem.ApiException;
import org.epermit.api.problem.ErrorCode;
import org.epermit.api.problem.Message;

import java.util.regex.Pattern;

/**
 * Looks at the credential headers before any authentication runs.
 * <ul>
 * <li>An API key and a bearer token on one request: 400 {@code MALFORMED_REQUEST}. Which one should count is
 * ambiguous, and picking one silently would let a request run with other rights than its sender expects (RFC 6750
 * §2: one method per request). Neither credential is checked, so the answer tells nothing about them.</li>
 * <li>A bearer token where no Keycloak is configured ({@code quarkus.oidc.tenant-enabled=false}): 401
 * {@code UNAUTHENTICATED}, like a bad API key, on every operation (public ones too), rather than a silent
 * anonymous call.</li>
 * <li>A bearer token that is not a JWT (three base64url segments): the same 401, decided here. quarkus-oidc would
 * take it for an opaque token and ask Keycloak to introspect it: a network call per request that anyone can trigger
 * with garbage, for a token Keycloak never issues to us (we accept only JWT access tokens, see
 * {@link BearerTokenAugmentor}), and a 503 rather than a 401 while Keycloak is down.</li>
 * </ul>
 * Each refusal is a failed authentication like a bad key: it counts toward the lockout of the sender's address
 * ({@link #refusedHere}, read by the rate limiter), so that sending garbage is no cheaper than guessing keys.
 */
@ApplicationScoped
public class CredentialHeaders {

    public static final String AUTHORIZATION = "Authorization";

    private static final String REFUSED = "epermit.credentials.refused";

    /** The compact serialisation of a signed JWT (RFC 7515 §7.1): header, payload and signature, base64url. */
    private static final Pattern JWT = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");

    private final boolean keycloakEnabled;

    public CredentialHeaders(@ConfigProperty(name = "quarkus.oidc.tenant-enabled", defaultValue = "true") boolean keycloakEnabled) {
        this.keycloakEnabled = keycloakEnabled;
    }

    /** Whether the request presents a credential: an {@code X-API-Key}, or an {@code Authorization} of any scheme. */
    public static boolean presented(io.vertx.core.http.HttpServerRequest request) {
        return request.getHeader(ApiKeyAuthenticationMechanism.HEADER) != null || request.getHeader(AUTHORIZATION) != null;
    }

    /** Whether this handler refused the request's credentials (both at once, or a bearer token that cannot be ours). */
    public static boolean refusedHere(io.vertx.ext.web.RoutingContext rc) {
        return rc.get(REFUSED) != null;
    }

    /** Whether the request carries {@code Authorization: Bearer …}. */
    public static boolean hasBearerToken(io.vertx.core.http.HttpServerRequest request) {
        String authorization = request.getHeader(AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    /** Whether a bearer token has the shape of a JWT; anything else cannot be one of ours. */
    static boolean jwtShaped(String authorization) {
        return JWT.matcher(authorization.substring(7).strip()).matches();
    }

    void install(@Observes Router router) {
        // After the audit (MIN_VALUE + 1) and body-size (MIN_VALUE + 2) handlers and after the refusal of addresses
        // that failed to authenticate too often (-AUTHENTICATION - 10: RateLimitRoutes), so that such an address gets
        // its 429 whatever it sends; before authentication (-AUTHENTICATION). A refusal here is counted by
        // RateLimitRoutes' failure handler, against the address's plan and toward its lockout.
        router.route().order(-SecurityHandlerPriorities.AUTHENTICATION - 5).handler(rc -> {
            boolean bearer = hasBearerToken(rc.request());
            if (bearer && rc.request().getHeader(ApiKeyAuthenticationMechanism.HEADER) != null) {
                rc.put(REFUSED, Boolean.TRUE);
                rc.fail(new ApiException(ErrorCode.MALFORMED_REQUEST, Message.of(
                        "Send one credential: an API key in X-API-Key or a bearer token in Authorization, not both.",
                        "只能提供一种凭证：X-API-Key 中的接口密钥或 Authorization 中的 Bearer 令牌，不能同时提供。")));
            } else if (bearer && (!keycloakEnabled || !jwtShaped(rc.request().getHeader(AUTHORIZATION)))) {
                rc.put(REFUSED, Boolean.TRUE);
                rc.fail(new AuthenticationFailedException());
            } else {
                rc.next();
            }
        });
    }
}
