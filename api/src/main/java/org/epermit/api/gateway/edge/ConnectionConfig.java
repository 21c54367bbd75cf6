package org.epermit.api.gateway.edge;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * Limits on connections that the HTTP server has no setting for. Its own limits are Quarkus keys:
 * {@code quarkus.http.idle-timeout}, {@code quarkus.http.limits.max-connections} (docs/configuration.md).
 */
@ConfigMapping(prefix = "epermit.http.connection")
public interface ConnectionConfig {

    /**
     * How long a client has to send a whole request head (request line and headers), counted from the connection's
     * start or, between requests on a kept-alive connection, from the next request's first byte. A connection that
     * takes longer is closed: a client dribbling header lines never trips the idle timeout.
     */
    @WithDefault("PT10S")
    Duration headerReadTimeout();
}
