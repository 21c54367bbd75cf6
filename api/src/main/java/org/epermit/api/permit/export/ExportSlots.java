package org.epermit.api.permit.export;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many exports run at once, on this instance: each holds a database connection for the whole download, so a
 * few slow downloads must not take the pool from every other request. Per instance on purpose: the bound protects
 * this instance's pool, whatever the others do.
 */
@ApplicationScoped
class ExportSlots {

    private final int max;
    private final int maxPerCaller;
    private final AtomicInteger running = new AtomicInteger();
    private final ConcurrentHashMap<String, Integer> byCaller = new ConcurrentHashMap<>();

    @Inject
    ExportSlots(ExportConfig config) {
        this(config.maxConcurrent(), config.maxConcurrentPerCaller());
    }

    ExportSlots(int max, int maxPerCaller) {
        this.max = max;
        this.maxPerCaller = maxPerCaller;
    }

    /** A slot held by one export until {@link #release()}, which may be called more than once. */
    final class Slot {
        private final String caller;
        private final AtomicBoolean released = new AtomicBoolean();

        private Slot(String caller) {
            this.caller = caller;
        }

        void release() {
            if (released.compareAndSet(false, true)) {
                byCaller.computeIfPresent(caller, (k, n) -> n <= 1 ? null : n - 1);
                running.decrementAndGet();
            }
        }
    }

    /** A slot for {@code caller}, or empty when the instance or the caller runs as many exports as allowed. */
    Optional<Slot> acquire(String caller) {
        if (running.incrementAndGet() > max) {
            running.decrementAndGet();
            return Optional.empty();
        }
        boolean[] taken = {false};
        byCaller.compute(caller, (k, n) -> {
            int now = n == null ? 0 : n;
            if (now >= maxPerCaller) {
                return n;
            }
            taken[0] = true;
            return now + 1;
        });
        if (!taken[0]) {
            running.decrementAndGet();
            return Optional.empty();
        }
        return Optional.of(new Slot(caller));
    }
}
