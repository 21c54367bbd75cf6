package org.epermit.api.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The one clock of the service; tests replace it to move time (deadlines, expiry, cursor age). */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @Singleton
    Clock clock(TimeConfig config) {
        return Clock.system(config.zone());
    }
}
