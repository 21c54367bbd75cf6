package org.epermit.api.gateway.auth;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.HttpHeaders;
import org.epermit.api.gateway.ratelimit.RateLimitRoutes;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Keeps answers to callers with credentials out of shared caches. A shared cache may store a response to a request
 * that carried {@code Authorization} only when the response allows it (RFC 9111 §3.5), but the API key travels in
 * {@code X-API-Key}, which caches know nothing of: a permit with its contact details, {@code /v1/me} or a client's
 * delegations would be cacheable, and a cache keyed on the URL alone could serve them to the next caller.
 * <ul>
 * <li>Every response to a request that presented a credential (either header, whatever the outcome: errors, 304s and
 * refusals too) is {@code Cache-Control: private, no-store}; one that carries a validator ({@code ETag}: the public
 * reads) is {@code private, no-cache} instead, so that the caller's own cache (the SDK's conditional GETs) may keep it
 * and revalidate it with {@code If-None-Match} each time, credentials checked again.</li>
 * <li>Every response on a path that reads credentials (all but the health probes, which ignore them) names them in
 * {@code Vary}, after whatever it already names: the answer depends on them (a bad key is a 401 even on a public
 * read), so a cache must not give a response to one caller's request to a request with other credentials. Public
 * responses to anonymous requests keep their caching ({@code max-age}).</li>
 * </ul>
 * Decided when the headers are written, so that it holds whichever handler answers.
 */
@ApplicationScoped
public class PrivateResponses {

    static final String PRIVATE = "private, no-store";
    static final String PRIVATE_REVALIDATED = "private, no-cache";
    static final String CREDENTIAL_HEADERS = ApiKeyAuthenticationMechanism.HEADER + ", " + CredentialHeaders.AUTHORIZATION;

    void install(@Observes Router router) {
        // Next to the request id and the audit (MIN_VALUE, MIN_VALUE + 1), before any handler that can answer.
        router.route().order(Integer.MIN_VALUE + 1).handler(rc -> {
            rc.addHeadersEndHandler(ignored -> mark(rc));
            rc.next();
        });
    }

    private static void mark(RoutingContext rc) {
        if (RateLimitRoutes.exempt(rc)) {
            return;  // a health probe: its credentials were removed unread, its answer depends on none
        }
        MultiMap headers = rc.response().headers();
        headers.set(HttpHeaders.VARY, vary(headers.getAll(HttpHeaders.VARY), CREDENTIAL_HEADERS));
        if (CredentialHeaders.presented(rc.request())) {
            headers.set(HttpHeaders.CACHE_CONTROL, headers.contains(HttpHeaders.ETAG) ? PRIVATE_REVALIDATED : PRIVATE);
        }
    }

    /** The field names of the existing {@code Vary} fields, then those of {@code more} not among them; {@code *} stays. */
    static String vary(Iterable<String> existing, String more) {
        Map<String, String> names = new LinkedHashMap<>();
        for (String field : existing) {
            add(names, field);
        }
        if (names.containsKey("*")) {
            return "*";
        }
        add(names, more);
        return String.join(", ", names.values());
    }

    private static void add(Map<String, String> names, String field) {
        for (String name : field.split(",")) {
            String trimmed = name.strip();
            if (!trimmed.isEmpty()) {
                names.putIfAbsent(trimmed.toLowerCase(Locale.ROOT), trimmed);
            }
        }
    }
}
