package org.epermit.api.permit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Period;

/** When a permit is due for renewal and when an expired one is cancelled (排污许可管理条例, MEE Order 32). */
@ConfigMapping(prefix = "epermit.permit-lifecycle")
public interface PermitLifecycleConfig {

    /**
     * How long before the end of its validity a permit is shown as due for renewal. A renewal must be filed at
     * least 60 days before expiry, so the signal starts earlier than that deadline, not inside it.
     */
    @WithDefault("P90D")
    Period renewalLead();

    /** How long after its validity ended an expired permit that was not renewed is cancelled (注销). */
    @WithDefault("P60D")
    Period cancelExpiredAfter();
}
