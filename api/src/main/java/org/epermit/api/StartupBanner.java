package org.epermit.api;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/** Tells a newcomer, once the service is up, where it listens, where its reference is and where its data lives. */
@ApplicationScoped
public class StartupBanner {

    @ConfigProperty(name = "quarkus.http.host", defaultValue = "0.0.0.0")
    String host;

    @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080")
    int port;

    @ConfigProperty(name = "epermit.embedded.data-directory")
    Optional<String> embeddedData;

    void onStart(@Observes @Priority(Integer.MAX_VALUE) StartupEvent event) {
        String base = "http://" + ("0.0.0.0".equals(host) ? "localhost" : host) + ":" + port;
        StringBuilder banner = new StringBuilder("\n\n  ePermit Open API is ready\n")
                .append("  API:            ").append(base).append("/v1/public/permits\n")
                .append("  API reference:  ").append(base).append("/q/swagger-ui\n")
                .append("  Contract:       ").append(base).append("/q/openapi\n")
                .append("  Health:         ").append(base).append("/q/health\n");
        embeddedData.ifPresent(dir -> banner.append("  Database:       embedded PostgreSQL, data in ").append(dir)
                .append(" (set EPERMIT_DATA_DIR to move it, QUARKUS_DATASOURCE_REACTIVE_URL to use your own server)\n"));
        Log.info(banner);
    }
}
