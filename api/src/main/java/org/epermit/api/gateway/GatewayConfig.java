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
}
