package org.epermit.api.gateway.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The service's one bucket store, closed (and its Redis connection with it) at shutdown. */
@ApplicationScoped
class BucketStores {

    @Produces
    @Singleton
    BucketStore store(RateLimitConfig config, Clock clock, MeterRegistry registry) {
        return BucketStore.create(config, clock, registry);
    }

    void close(@Disposes BucketStore store) {
        store.close();
    }
}
