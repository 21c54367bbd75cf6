package org.epermit.api.gateway;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

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
}
