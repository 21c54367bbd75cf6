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
import org.epermit.api.common.RequestIds;
import org.epermit.api.gateway.auth.ApiKeyAuthenticationMechanism;
import org.epermit.api.gateway.auth.CredentialHeaders;
import org.epermit.api.problem.ErrorCode;
import org.epermit.api.problem.ProblemRenderer;

import java.net.InetAddress;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Puts rate limits on every request, as Vert.x route handlers around Quarkus's (proactive) authentication:
 * <ol>
 *     <li>before it, credentials from an address that has failed to authenticate too often are refused unread;</li>
 *     <li>when it fails, or a credential is refused before it ({@link CredentialHeaders}), the failure is counted
 *     toward the address's lockout;</li>
 *     <li>after it, the request is counted against the caller's plan, or refused with a 429 problem.</li>
 * </ol>
 * A request refused before it could be counted against a client (a lockout, a refused or failed credential, any
 * other failure before authentication completes) is counted against the anonymous plan of its address before the
 * refusal is sent: no answer is free, so sending garbage is limited like any other traffic.
 *
 * <p>The exempt paths ({@code epermit.rate-limit.exempt-paths}, exact paths: the health probes) are neither counted
 * nor authenticated: credentials sent to them are removed unread, so that they cannot tell a valid key from a bad
 * one. Every other path reads credentials, so the lockout applies there.
 *
 * <p>Every counted response carries {@code RateLimit-Policy} and {@code RateLimit} (draft-ietf-httpapi-ratelimit-headers),
 * with the address's {@code auth-failures} policy first where a credential failed; every refusal {@code Retry-After}.
 */
@ApplicationScoped
public class RateLimitRoutes {

    public static final String POLICY = "RateLimit-Policy";
    public static final String LIMIT = "RateLimit";
    public static final String RETRY_AFTER = "Retry-After";

    /** Quarkus installs its authentication handler at order -AUTHENTICATION (-200). */
    static final int BEFORE_AUTHENTICATION = -SecurityHandlerPriorities.AUTHENTICATION - 10;
    static final int AFTER_AUTHENTICATION = -SecurityHandlerPriorities.AUTHENTICATION + 10;

    private static final String EXEMPT = "epermit.rate-limit.exempt";

    private final RateLimiter limiter;
    private final FailedAuthentications failedAuthentications;
    private final CallerAddresses addresses;
    private final ProblemRenderer problems;
    private final Set<String> exemptPaths;
    private final MeterRegistry registry;

    public RateLimitRoutes(RateLimiter limiter, FailedAuthentications failedAuthentications, CallerAddresses addresses,
                           ProblemRenderer problems, RateLimitConfig config, MeterRegistry registry) {
        this.limiter = limiter;
        this.failedAuthentications = failedAuthentications;
        this.addresses = addresses;
        this.problems = problems;
        this.exemptPaths = Set.copyOf(config.exemptPaths());
        this.registry = registry;
    }

    void install(@Observes Router router) {
        router.route().order(BEFORE_AUTHENTICATION).handler(this::beforeAuthentication);
        router.route().order(BEFORE_AUTHENTICATION).failureHandler(this::countRefusalBeforeAuthentication);
        router.route().order(AFTER_AUTHENTICATION).handler(this::countAgainstPlan);
    }

    /** Whether the request went to an exempt path, whose credentials were removed unread. */
    public static boolean exempt(RoutingContext rc) {
        return rc.get(EXEMPT) != null;
    }

    private void beforeAuthentication(RoutingContext rc) {
        if (exemptPaths.contains(rc.normalizedPath())) {
            rc.put(EXEMPT, Boolean.TRUE);
            rc.request().headers().remove(ApiKeyAuthenticationMechanism.HEADER).remove(CredentialHeaders.AUTHORIZATION);
            rc.next();
            return;
        }
        long refusedFor = CredentialHeaders.presented(rc.request()) ? failedAuthentications.secondsRefused(addresses.of(rc)) : 0;
        if (refusedFor == 0) {
            rc.next();  // counted after authentication, or by the failure handler if something refuses it first
            return;
        }
        FailedAuthentications.Status lockout = failedAuthentications.refused(refusedFor);
        onRequestContext(limiter.anonymous(addresses.of(rc)), rc, plan -> {
            plan.attachTo(rc);
            putFields(rc, lockout, plan);
            if (!plan.admitted() && plan.retryAfterSeconds() > refusedFor) {
                refuse(rc, plan);  // the plan refuses for longer than the lockout (the day's quota is spent): say so
                return;
            }
            rc.response().putHeader(RETRY_AFTER, Long.toString(refusedFor));
            refused(ErrorCode.RATE_LIMITED, "auth-failures").increment();
            problems.respond(rc, ErrorCode.RATE_LIMITED, lockout.refusalDetail());
        });
    }

    /**
     * A request that fails before it was counted (its credential refused or failed, or anything else before
     * authentication completed) is counted against its address's plan; a refused credential also toward the
     * address's lockout. Then the failure goes on to be answered, unless the plan refuses the request first.
     */
    private void countRefusalBeforeAuthentication(RoutingContext rc) {
        if (exempt(rc) || RateLimitStatus.of(rc).isPresent() || rc.response().headWritten()) {
            rc.next();
            return;
        }
        InetAddress address = addresses.of(rc);
        boolean credentialRefused = CredentialHeaders.presented(rc.request())
                && (rc.failure() instanceof AuthenticationFailedException || CredentialHeaders.refusedHere(rc));
        CompletableFuture<FailedAuthentications.Status> failures = credentialRefused
                ? failedAuthentications.record(address) : CompletableFuture.completedFuture(null);
        CompletableFuture<RateLimitStatus> counted = limiter.anonymous(address);
        onRequestContext(counted.thenCombine(failures, Counted::new), rc, both -> {
            both.plan().attachTo(rc);
            putFields(rc, both.failures(), both.plan());
            if (both.plan().admitted()) {
                rc.next();
            } else {
                refuse(rc, both.plan());
            }
        });
    }

    private record Counted(RateLimitStatus plan, FailedAuthentications.Status failures) {
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
            putFields(rc, null, status);
            if (status.admitted()) {
                rc.next();
                return;
            }
            refuse(rc, status);
        });
    }

    /** The rate-limit fields of a response: the address's failed authentications (when one counted), then the plan. */
    private static void putFields(RoutingContext rc, FailedAuthentications.Status failures, RateLimitStatus plan) {
        String policy = plan.policyField();
        String limit = plan.limitField();
        if (failures != null) {
            policy = failures.policyField() + ", " + policy;
            limit = failures.limitField() + ", " + limit;
        }
        rc.response().putHeader(POLICY, policy).putHeader(LIMIT, limit);
    }

    /** Answers a request its plan refused: 429 with Retry-After. */
    private void refuse(RoutingContext rc, RateLimitStatus plan) {
        rc.response().putHeader(RETRY_AFTER, Long.toString(plan.retryAfterSeconds()));
        refused(plan.refusal(), plan.anonymous() ? "anonymous" : "client").increment();
        problems.respond(rc, plan.refusal(), plan.refusalDetail());
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

    private Counter refused(ErrorCode code, String caller) {
        return Counter.builder("epermit.rate_limit.refusals").description("Requests refused by rate limits and quotas")
                .tag("code", code.name()).tag("caller", caller).register(registry);
    }
}
