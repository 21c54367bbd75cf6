package org.epermit.api;

import io.quarkus.logging.Log;
import io.quarkus.vertx.http.HttpServerStart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * Tells a newcomer, once the HTTP server listens, where the API and its reference are, where the metrics are (the
 * management interface, a port of its own) and where the data lives.
 */
@ApplicationScoped
public class StartupBanner {

    @ConfigProperty(name = "epermit.embedded.data-directory")
    Optional<String> embeddedData;

    @ConfigProperty(name = "quarkus.management.host", defaultValue = "127.0.0.1")
    String managementHost;

    @ConfigProperty(name = "quarkus.management.port", defaultValue = "9000")
    int managementPort;

    void onListening(@ObservesAsync HttpServerStart start) {
        String host = start.options().getHost();
        String base = "http://" + ("0.0.0.0".equals(host) ? "localhost" : host) + ":" + start.options().getPort();
        StringBuilder banner = new StringBuilder("\n\n  ePermit Open API is ready\n")
                .append("  API:            ").append(base).append("/v1/public/permits\n")
                .append("  API reference:  ").append(base).append("/q/swagger-ui\n")
                .append("  Contract:       ").append(base).append("/q/openapi\n")
                .append("  Health:         ").append(base).append("/q/health\n")
                .append("  Metrics:        http://").append("0.0.0.0".equals(managementHost) ? "localhost" : managementHost)
                .append(':').append(managementPort).append("/q/metrics (management interface)\n");
        embeddedData.ifPresent(dir -> banner.append("  Database:       embedded PostgreSQL, data in ").append(dir)
                .append(" (set EPERMIT_DATA_DIR to move it, QUARKUS_DATASOURCE_REACTIVE_URL to use your own server)\n"));
        Log.info(banner);
    }
}
