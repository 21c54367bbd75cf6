package org.epermit.api.gateway.edge;

import io.quarkus.vertx.http.runtime.cors.CORSFilter;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.epermit.api.problem.ErrorCode;
import org.epermit.api.problem.Message;
import org.epermit.api.problem.ProblemRenderer;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Quarkus's CORS filter refuses a cross-origin call with a bare 403. This route runs just before it, decides the
 * same way from the same {@code quarkus.http.cors.*} keys, and refuses with a problem; the filter then only sees
 * calls it lets through, and still adds the CORS response headers to them.
 */
@ApplicationScoped
public class CrossOriginRefusals {

    private final ProblemRenderer renderer;
    private final boolean enabled;
    private final boolean anyOrigin;
    private final List<String> origins;
    private final List<Pattern> originPatterns;
    /** Empty: every method. */
    private final Set<HttpMethod> methods;

    public CrossOriginRefusals(ProblemRenderer renderer,
                               @ConfigProperty(name = "quarkus.http.cors.enabled", defaultValue = "false") boolean enabled,
                               @ConfigProperty(name = "quarkus.http.cors.origins") Optional<List<String>> origins,
                               @ConfigProperty(name = "quarkus.http.cors.methods") Optional<List<String>> methods) {
        this.renderer = renderer;
        this.enabled = enabled;
        Optional<List<String>> trimmedOrigins = origins.map(CrossOriginRefusals::trimmed);
        Optional<List<String>> trimmedMethods = methods.map(CrossOriginRefusals::trimmed);
        this.origins = trimmedOrigins.orElse(List.of());
        this.anyOrigin = this.origins.size() == 1 && (this.origins.get(0).equals("*") || this.origins.get(0).equals("/.*/"));
        this.originPatterns = anyOrigin ? List.of() : CORSFilter.parseAllowedOriginsRegex(trimmedOrigins);
        this.methods = CORSFilter.isConfiguredWithWildcard(trimmedMethods) ? Set.of()
                : trimmedMethods.orElseThrow().stream().map(HttpMethod::valueOf).collect(Collectors.toUnmodifiableSet());
    }

    private static List<String> trimmed(List<String> values) {
        return values.stream().map(String::trim).filter(v -> !v.isEmpty()).toList();
    }

    void install(@Observes Router router) {
        if (enabled) {
            router.route().order(-SecurityHandlerPriorities.CORS - 1).handler(this::refuseForeignOrigins);
        }
    }

    private void refuseForeignOrigins(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        String origin = request.getHeader(io.vertx.core.http.HttpHeaders.ORIGIN);
        if (origin == null) {
            rc.next();
            return;
        }
        boolean listed = anyOrigin || origins.contains(origin) || CORSFilter.isOriginAllowedByRegex(originPatterns, origin);
        boolean preflight = request.method() == HttpMethod.OPTIONS
                && (request.getHeader("Access-Control-Request-Method") != null || request.getHeader("Access-Control-Request-Headers") != null);
        if (!listed && !sameOrigin(request, origin)) {
            renderer.respond(rc, ErrorCode.CROSS_ORIGIN_REFUSED, Message.of(
                    "Browsers may call this API only from the origins it allows; " + origin + " is not one of them.",
                    "浏览器仅可从本接口允许的来源调用；" + origin + "不在其中。"));
        } else if (listed && !preflight && !methods.isEmpty() && !methods.contains(request.method())) {
            renderer.respond(rc, ErrorCode.CROSS_ORIGIN_REFUSED, Message.of(
                    "Browsers may not call this API with the " + request.method().name() + " method.",
                    "浏览器不可使用" + request.method().name() + "方法调用本接口。"));
        } else {
            rc.next();
        }
    }

    /** A page of the API's own origin (the API reference), as the CORS filter reckons it: scheme, host and port. */
    private static boolean sameOrigin(HttpServerRequest request, String origin) {
        if (origin.equals(request.scheme() + "://" + request.host())) {
            return true;
        }
        try {
            URI self = URI.create(request.absoluteURI());
            URI other = new URI(origin);
            return request.scheme().equals(other.getScheme()) && (other.getPath() == null || other.getPath().isEmpty())
                    && self.getHost() != null && self.getHost().equals(other.getHost()) && port(self) == port(other);
        } catch (Exception e) {
            return false;
        }
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    }
}
