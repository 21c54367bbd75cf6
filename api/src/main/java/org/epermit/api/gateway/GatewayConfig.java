package org.epermit.api.gateway;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Callers and credentials. */
@ConfigMapping(prefix = "epermit.gateway")
public interface GatewayConfig {

    /** How long a key replaced by a rotation keeps working, so callers can roll the new one out. */
    @WithDefault("PT24H")
    Duration keyRotationOverlap();

    /** The plan given to a new client when none is named. */
    @WithDefault("free")
    String defaultPlan();

    /**
     * The bearer-token claim that narrows a regulator's region (e.g. {@code 4403} from a Keycloak user attribute);
     * it must lie within the region its API client is registered for. Without it the client's region applies.
     */
    @WithDefault("region")
    String regionClaim();

    /**
     * Addresses or CIDR ranges of the reverse proxies in front of the service (e.g. {@code 10.0.0.0/8,::1}). Only
     * when the TCP peer is one of them is {@code X-Forwarded-For} read to find the caller's address; absent, it is
     * never read.
     */
    Optional<List<String>> trustedProxies();
}
