package org.epermit.api.gateway.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.epermit.api.gateway.Caller;
import org.epermit.api.gateway.CallerAddresses;
import org.epermit.api.gateway.RequestIds;
import org.epermit.api.gateway.auth.ApiKeyAuthenticationMechanism;
import org.epermit.api.problem.ErrorCode;
import org.epermit.api.problem.ProblemRenderer;

import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Puts rate limits on every request, as Vert.x route handlers around Quarkus's (proactive) authentication:
 * <ol>
 *     <li>before it, credentials from an address that has failed to authenticate too often are refused unread;</li>
 *     <li>when it fails, the failure is counted against the address;</li>
 *     <li>after it, the request is counted against the caller's plan, or refused with a 429 problem.</li>
 * </ol>
 * Every counted response carries {@code RateLimit-Policy} and {@code RateLimit} (draft-ietf-httpapi-ratelimit-headers),
 * every refusal {@code Retry-After} as well.
 */
@ApplicationScoped
public class RateLimitRoutes {

    public static final String POLICY = "RateLimit-Policy";
    public static final String LIMIT = "RateLimit";
    public static final String RETRY_AFTER = "Retry-After";

    /** Quarkus installs its authentication handler at order -AUTHENTICATION (-200). */
    static final int BEFORE_AUTHENTICATION = -SecurityHandlerPriorities.AUTHENTICATION - 10;
    static final int AFTER_AUTHENTICATION = -SecurityHandlerPriorities.AUTHENTICATION + 10;

    private final RateLimiter limiter;
    private final FailedAuthentications failedAuthentications;
    private final CallerAddresses addresses;
    private final ProblemRenderer problems;
    private final List<String> exemptPaths;
    private final MeterRegistry registry;

    public RateLimitRoutes(RateLimiter limiter, FailedAuthentications failedAuthentications, CallerAddresses addresses,
                           ProblemRenderer problems, RateLimitConfig config, MeterRegistry registry) {
        this.limiter = limiter;
        this.failedAuthentications = failedAuthentications;
        this.addresses = addresses;
        this.problems = problems;
        this.exemptPaths = config.exemptPaths();
        this.registry = registry;
    }

    void install(@Observes Router router) {
        router.route().order(BEFORE_AUTHENTICATION).handler(this::refuseAddressesThatFailTooOften);
        router.route().order(BEFORE_AUTHENTICATION).failureHandler(this::countFailedAuthentication);
        router.route().order(AFTER_AUTHENTICATION).handler(this::countAgainstPlan);
    }

    private void refuseAddressesThatFailTooOften(RoutingContext rc) {
        if (exempt(rc) || !presentsCredentials(rc)) {
            rc.next();
            return;
        }
        long refusedFor = failedAuthentications.secondsRefused(addresses.of(rc));
        if (refusedFor == 0) {
            rc.next();
            return;
        }
        FailedAuthentications.Status status = failedAuthentications.refused(refusedFor);
        rc.response().putHeader(POLICY, status.policyField()).putHeader(LIMIT, status.limitField())
                .putHeader(RETRY_AFTER, Long.toString(refusedFor));
        refused(ErrorCode.RATE_LIMITED, "auth-failures").increment();
        problems.respond(rc, ErrorCode.RATE_LIMITED, status.refusalDetail());
    }

    private void countFailedAuthentication(RoutingContext rc) {
        if (!(rc.failure() instanceof AuthenticationFailedException) || exempt(rc) || !presentsCredentials(rc)) {
            rc.next();
            return;
        }
        onRequestContext(failedAuthentications.record(addresses.of(rc)), rc, status -> {
            rc.response().putHeader(POLICY, status.policyField()).putHeader(LIMIT, status.limitField());
            rc.next();
        });
    }

    private void countAgainstPlan(RoutingContext rc) {
        if (exempt(rc)) {
            rc.next();
            return;
        }
        SecurityIdentity identity = rc.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null;
        CompletableFuture<RateLimitStatus> counted;
        if (identity != null && !identity.isAnonymous()) {
            Caller caller = identity.getAttribute(Caller.ATTRIBUTE);
            counted = caller != null ? limiter.client(caller.clientId().toString(), caller.plan())
                    : limiter.client("principal:" + identity.getPrincipal().getName(), null);
        } else {
            counted = limiter.anonymous(addresses.of(rc));
        }
        onRequestContext(counted, rc, status -> {
            status.attachTo(rc);
            rc.response().putHeader(POLICY, status.policyField()).putHeader(LIMIT, status.limitField());
            if (status.admitted()) {
                rc.next();
                return;
            }
            rc.response().putHeader(RETRY_AFTER, Long.toString(status.retryAfterSeconds()));
            refused(status.refusal(), status.anonymous() ? "anonymous" : "client").increment();
            problems.respond(rc, status.refusal(), status.refusalDetail());
        });
    }

    /**
     * Continues the request on its own Vert.x context once {@code decision} is known (at once for in-process buckets;
     * on a Lettuce thread for Redis). A failure there is a bug, not an outage (the store falls back by itself): the
     * request goes through, and the error is logged.
     */
    private static <T> void onRequestContext(CompletableFuture<T> decision, RoutingContext rc, java.util.function.Consumer<T> then) {
        Context context = Vertx.currentContext();
        decision.whenComplete((value, failure) -> {
            Runnable next = () -> {
                if (failure != null) {
                    Log.errorf(failure, "request %s: rate limit could not be decided; the request is let through", RequestIds.of(rc));
                    rc.next();
                } else {
                    then.accept(value);
                }
            };
            if (context == null || Vertx.currentContext() == context) {
                next.run();
            } else {
                context.runOnContext(ignored -> next.run());
            }
        });
    }

    private boolean exempt(RoutingContext rc) {
        String path = rc.normalizedPath();
        for (String prefix : exemptPaths) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static boolean presentsCredentials(RoutingContext rc) {
        return rc.request().getHeader(ApiKeyAuthenticationMechanism.HEADER) != null
                || rc.request().getHeader("Authorization") != null;
    }

    private Counter refused(ErrorCode code, String caller) {
        return Counter.builder("epermit.rate_limit.refusals").description("Requests refused by rate limits and quotas")
                .tag("code", code.name()).tag("caller", caller).register(registry);
    }
}
