package org.epermit.api.common;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request an id of our own, before anything else runs: a new UUID, echoed in {@code X-Request-Id} and in
 * every problem body, unique because we made it. A caller's own id for the request (its {@code X-Correlation-Id}, or
 * the {@code X-Request-Id} it sent), when sane, is kept beside it as the correlation id and echoed in
 * {@code X-Correlation-Id}: a caller chooses it, so it is never taken for ours (two callers may send the same one).
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String CORRELATION_HEADER = "X-Correlation-Id";
    private static final String KEY = "epermit.request-id";
    private static final String CORRELATION_KEY = "epermit.correlation-id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{8,64}");

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(rc -> {
            String id = UUID.randomUUID().toString();
            rc.put(KEY, id);
            rc.response().putHeader(HEADER, id);
            String supplied = rc.request().getHeader(CORRELATION_HEADER);
            if (supplied == null) {
                supplied = rc.request().getHeader(HEADER);
            }
            if (supplied != null && SANE.matcher(supplied).matches()) {
                rc.put(CORRELATION_KEY, supplied);
                rc.response().putHeader(CORRELATION_HEADER, supplied);
            }
            rc.next();
        });
    }

    public static String of(RoutingContext rc) {
        String id = rc == null ? null : rc.get(KEY);
        return id != null ? id : UUID.randomUUID().toString();
    }

    public static String of(HttpServerRequest request) {
        return request == null ? UUID.randomUUID().toString() : request.response().headers().get(HEADER);
    }

    /** The caller's own id for the request, if it sent a sane one. */
    public static Optional<String> correlationOf(RoutingContext rc) {
        return Optional.ofNullable(rc == null ? null : rc.get(CORRELATION_KEY));
    }
}
