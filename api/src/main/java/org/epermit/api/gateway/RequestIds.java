package org.epermit.api.gateway;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request an id, before anything else runs: the caller's {@code X-Request-Id} when it is sane,
 * otherwise a new UUID. It is echoed in the response header and in every problem body.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    private static final String KEY = "epermit.request-id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{8,64}");

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(rc -> {
            String supplied = rc.request().getHeader(HEADER);
            String id = supplied != null && SANE.matcher(supplied).matches() ? supplied : UUID.randomUUID().toString();
            rc.put(KEY, id);
            rc.response().putHeader(HEADER, id);
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
}
