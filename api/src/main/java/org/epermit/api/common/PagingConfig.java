package org.epermit.api.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Cursor pagination. */
@ConfigMapping(prefix = "epermit.paging")
public interface PagingConfig {

    /** Page size when the caller gives no {@code limit}. */
    @WithDefault("20")
    int defaultLimit();

    /** The largest {@code limit} accepted; a larger one is a 400, never silently clamped. */
    @WithDefault("100")
    int maxLimit();

    /**
     * The key cursors are signed with (at least 32 characters). Set the same value on every instance behind one
     * address; when unset, each process makes a random key and its cursors do not survive a restart.
     */
    Optional<String> cursorSecret();

    /** How long a cursor stays usable; an older one is refused as stale. */
    @WithDefault("PT24H")
    Duration cursorTtl();
}
