package org.epermit.api.permit.lifecycle;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.epermit.api.gateway.write.ScheduledWrite;
import org.epermit.api.permit.PermitLifecycleConfig;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Moves permits through the statuses time brings ({@link Transition}): VALID → EXPIRED the day after the validity ends,
 * EXPIRED → CANCELLED {@code epermit.permit-lifecycle.cancel-expired-after} later. Runs every
 * {@code epermit.permit-lifecycle.job.every} on each instance where {@code job.enabled}; the batches claim permits with
 * {@code SKIP LOCKED}, so instances running at once share the work and never change a permit twice, and a run that
 * finds nothing due costs two indexed reads.
 *
 * <p>A status change creates no new permit version: the version's content is unchanged, and its public document, which
 * carries the status, is what the database renders for the current version ({@code permit_public_document}); the
 * snapshots of superseded versions keep the status they had.
 *
 * <p>It is timed by a Vert.x periodic timer: quarkus-scheduler, the natural choice, is not yet among the build's
 * dependencies; its {@code @Scheduled(every = "${epermit.permit-lifecycle.job.every}")} on {@link #runOnce()} would
 * replace {@link #start} and {@link #stop}.
 */
@ApplicationScoped
public class PermitLifecycleJob {

    static final String JOB = "permit-lifecycle";

    private final PermitTransitions transitions;
    private final PermitLifecycleConfig config;
    private final Clock clock;
    private final Vertx vertx;
    private final MeterRegistry registry;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile long timer = -1;

    PermitLifecycleJob(PermitTransitions transitions, PermitLifecycleConfig config, Clock clock, Vertx vertx,
                       MeterRegistry registry) {
        this.transitions = transitions;
        this.config = config;
        this.clock = clock;
        this.vertx = vertx;
        this.registry = registry;
    }

    /** How many permits a run changed. */
    public record Run(int expired, int cancelled) {
    }

    void start(@Observes StartupEvent started) {
        if (!config.job().enabled()) {
            return;
        }
        long every = Math.max(1, config.job().every().toMillis());
        // the first run soon after the start (a restart must not leave a day's expiries waiting a whole period)
        long first = Math.min(every, Duration.ofSeconds(30).toMillis());
        timer = vertx.setPeriodic(first, every, id -> runOnce().subscribe().with(
                run -> { },
                failure -> Log.warnf(failure, "The permit lifecycle job failed; it runs again in %s", config.job().every())));
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /**
     * One run, for today in the service's zone: every permit due to expire, then every one due to be cancelled (so a
     * permit 60 days past its validity is expired and cancelled in one run). A run while another of this instance's is
     * still going does nothing and reports nothing changed.
     */
    public Uni<Run> runOnce() {
        if (!running.compareAndSet(false, true)) {
            return Uni.createFrom().item(new Run(0, 0));
        }
        LocalDate today = LocalDate.now(clock);
        String runId = ScheduledWrite.runId(JOB);
        return all(Transition.EXPIRE, today, runId)
                .flatMap(expired -> all(Transition.CANCEL, today, runId).map(cancelled -> new Run(expired, cancelled)))
                .invoke(run -> {
                    if (run.expired() + run.cancelled() > 0) {
                        Log.infof("Permit lifecycle on %s: %d expired, %d cancelled (%s)", today, run.expired(), run.cancelled(), runId);
                    }
                })
                .eventually(() -> running.set(false));
    }

    /** Batch after batch until one comes back short. */
    private Uni<Integer> all(Transition transition, LocalDate today, String runId) {
        int size = config.job().batchSize();
        return transitions.batch(transition, today, size, runId).flatMap(n -> {
            if (n > 0) {
                Counter.builder("epermit.permit.lifecycle.transitions")
                        .description("Permits the lifecycle job moved, by the status they moved to")
                        .tag("to", transition.to.name()).register(registry).increment(n);
            }
            return n < size ? Uni.createFrom().item(n) : all(transition, today, runId).map(more -> n + more);
        });
    }
}
