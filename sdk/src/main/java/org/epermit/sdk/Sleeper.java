package org.epermit.sdk;

import java.time.Duration;

/**
 * Waits between retries. The default sleeps the calling thread; tests give the client one that records the waits and
 * moves a test clock instead ({@link EPermitClient.Builder#sleeper}).
 */
@FunctionalInterface
public interface Sleeper {

    /** The default: {@link Thread#sleep(long, int)}. */
    Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis(), (int) (duration.toNanosPart() % 1_000_000));

    /**
     * Waits for the duration.
     *
     * @param duration how long to wait, never negative
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    void sleep(Duration duration) throws InterruptedException;
}
