package org.epermit.api.common;

import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Set;

/**
 * A request body must say what it is. JAX-RS lets a request without {@code Content-Type} match any
 * {@code @Consumes}, so a body sent without one would be read as JSON whatever the client meant it to be: it is
 * refused with 415 instead, like a body of a type the operation does not take. A request without a body needs none.
 */
public class BodyMediaType {

    private static final Set<String> METHODS_WITH_BODIES = Set.of("POST", "PUT", "PATCH");

    @ServerRequestFilter
    public void requireContentTypeOfABody(ContainerRequestContext request) {
        if (METHODS_WITH_BODIES.contains(request.getMethod()) && request.getHeaderString(HttpHeaders.CONTENT_TYPE) == null
                && hasBody(request)) {
            throw new NotSupportedException();
        }
    }

    private static boolean hasBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        return request.getHeaderString("Transfer-Encoding") != null || (length != null && !length.strip().equals("0"));
    }
}
