package org.epermit.api.gateway.audit;

import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Tells the audit log who called and what JAX-RS matched: the caller, the route template, the permit number. */
public class AuditRouteFilter {

    private final io.quarkus.security.identity.CurrentIdentityAssociation identities;

    public AuditRouteFilter(io.quarkus.security.identity.CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    private static final Map<Method, String> TEMPLATES = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void beforeMethod(ResourceInfo resource, UriInfo uri, RoutingContext context) {
        var identity = identities.getIdentity();
        if (identity != null && !identity.isAnonymous()) {
            context.put(AuditRecorder.CALLER, identity.getAttribute(org.epermit.api.gateway.Caller.ATTRIBUTE));
        }
        matched(resource, uri, context);
    }

    /** Also after the response: security may refuse a request before the request filters run. */
    @ServerResponseFilter
    public void matched(ResourceInfo resource, UriInfo uri, RoutingContext context) {
        if (context.get(AuditRecorder.ROUTE) != null) {
            return;
        }
        if (resource.getResourceMethod() != null) {
            context.put(AuditRecorder.ROUTE, TEMPLATES.computeIfAbsent(resource.getResourceMethod(),
                    m -> template(resource.getResourceClass(), m)));
        }
        // As sent, before any validation: an invalid one is worth recording too. AuditRow makes it fit the column.
        String permitNumber = uri.getPathParameters().getFirst("permitNumber");
        if (permitNumber != null) {
            // in the case the lookup uses: a pseudo-code holder's number keeps its lower-case letter
            context.put(AuditRecorder.PERMIT_NUMBER, org.epermit.api.common.CreditCode.normalize(permitNumber));
        }
    }

    private static String template(Class<?> type, Method method) {
        Path classPath = type.getAnnotation(Path.class);
        Path methodPath = method.getAnnotation(Path.class);
        String path = (classPath == null ? "" : classPath.value()) + (methodPath == null ? "" : methodPath.value());
        return path.replace("//", "/");
    }
}
