package org.epermit.api.common;

import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
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
        if (!METHODS_WITH_BODIES.contains(request.getMethod()) || !hasBody(request)) {
            return;
        }
        String type = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (type == null || !utf8(type)) {
            throw new NotSupportedException();
        }
    }

    /**
     * Bodies are JSON in UTF-8 (RFC 8259 §8.1), and are read as such whatever the header says: a body declared in
     * another charset would be read as something its sender did not mean, so it is refused rather than misread.
     */
    private static boolean utf8(String contentType) {
        MediaType type;
        try {
            type = MediaType.valueOf(contentType);
        } catch (IllegalArgumentException unreadable) {
            return true;  // not a media type at all: JAX-RS refuses it as such
        }
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        return charset == null || charset.equalsIgnoreCase("utf-8") || charset.equalsIgnoreCase("utf8");
    }

    private static boolean hasBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        return request.getHeaderString("Transfer-Encoding") != null || (length != null && !length.strip().equals("0"));
    }
}
