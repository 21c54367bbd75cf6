package org.epermit.api.testing;

import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * A clock that stands still until a test moves it. A test profile that lists it in {@code getEnabledAlternatives()}
 * makes it the service's one clock; by default it reads noon, 2026-11-28, China time.
 */
@Alternative
@Singleton
public class MovableClock extends Clock {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    public static final ZonedDateTime NOON = ZonedDateTime.of(2026, 11, 28, 12, 0, 0, 0, CHINA);

    private volatile Instant now;
    private final ZoneId zone;

    public MovableClock() {
        this(NOON.toInstant(), CHINA);
    }

    public MovableClock(Instant now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    public void advance(Duration by) {
        now = now.plus(by);
    }

    public void set(Instant instant) {
        now = instant;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new MovableClock(now, other);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
