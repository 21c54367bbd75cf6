package org.epermit.api.operations;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Singleton;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Set;
import java.util.TreeSet;

/**
 * Keeps the {@code uri} tag of the HTTP server metrics to the service's route templates. Quarkus tags a request that
 * JAX-RS did not route to a method (a wrong method, an unknown path, a refusal before routing, a reset connection)
 * with the path the caller sent ({@code uri="/v1/public/permits/%00"}): anyone could put what they like into a label
 * and add series at will, one per path. Any value that is not a route template becomes {@code UNKNOWN}.
 */
@Singleton
public class MetricsUriTags {

    public static final String UNKNOWN = "UNKNOWN";

    private final Set<String> templates;

    public MetricsUriTags(BeanManager beans) {
        Set<String> found = new TreeSet<>();
        for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
            found.addAll(templates(bean.getBeanClass()));
        }
        this.templates = Set.copyOf(found);
    }

    /** The route templates of the service's JAX-RS resource methods, written as Quarkus writes them in the tag. */
    public Set<String> templates() {
        return templates;
    }

    @Produces
    @Singleton
    MeterFilter onlyRouteTemplates() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                String uri = id.getName().startsWith("http.server") ? id.getTag("uri") : null;
                return uri == null || templates.contains(uri) ? id : id.replaceTags(Tags.of(id.getTags()).and("uri", UNKNOWN));
            }
        };
    }

    static Set<String> templates(Class<?> resource) {
        Path root = resource.getAnnotation(Path.class);
        Set<String> found = new TreeSet<>();
        if (root == null) {
            return found;
        }
        for (Method method : resource.getMethods()) {
            if (isResourceMethod(method)) {
                Path path = method.getAnnotation(Path.class);
                found.add(join(root.value(), path == null ? "" : path.value()));
            }
        }
        return found;
    }

    private static boolean isResourceMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            if (annotation.annotationType().isAnnotationPresent(HttpMethod.class)) {
                return true;
            }
        }
        return false;
    }

    /** {@code /v1/public/permits} and {@code /{permitNumber}}: one slash between, none at the end. */
    static String join(String classPath, String methodPath) {
        String joined = ("/" + classPath + "/" + methodPath).replaceAll("/{2,}", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }
}
