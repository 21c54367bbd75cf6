package org.epermit.api.gateway.idempotency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Idempotency keys (docs/idempotency.md). */
@ConfigMapping(prefix = "epermit.idempotency")
public interface IdempotencyConfig {

    /** How long a key's outcome is kept and replayed; after it the key is forgotten and may be used afresh. */
    @WithDefault("PT24H")
    Duration retention();

    /** How often expired keys are deleted. */
    @WithDefault("PT1H")
    Duration purgeInterval();
}
