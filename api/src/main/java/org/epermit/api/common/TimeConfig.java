package org.epermit.api.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.ZoneId;

/** Time settings. */
@ConfigMapping(prefix = "epermit.time")
public interface TimeConfig {

    /** The zone in which dates (expiry, deadlines, "today") are reckoned: permits are issued in China time. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();
}
