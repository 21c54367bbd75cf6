package org.epermit.api.permit.lifecycle;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Singleton;
import org.epermit.api.gateway.write.ScheduledWrite;
import org.epermit.api.permit.PermitLifecycleConfig;

import java.time.Clock;
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
 * carries the status, is stored for the current version by the statement that changes it ({@code permit_document},
 * V13); the snapshots of superseded versions keep the status they had.
 *
 * <p>Timed by quarkus-scheduler: the first run {@code job.first-run-after} (30 s) after the start, then every
 * {@code job.every}; a run still going when the next is due is skipped.
 */
@ApplicationScoped
public class PermitLifecycleJob {

    static final String JOB = "permit-lifecycle";

    private final PermitTransitions transitions;
    private final PermitLifecycleConfig config;
    private final Clock clock;
    private final MeterRegistry registry;
    private final AtomicBoolean running = new AtomicBoolean();

    PermitLifecycleJob(PermitTransitions transitions, PermitLifecycleConfig config, Clock clock, MeterRegistry registry) {
        this.transitions = transitions;
        this.config = config;
        this.clock = clock;
        this.registry = registry;
    }

    /** How many permits a run changed. */
    public record Run(int expired, int cancelled) {
    }

    @Scheduled(identity = JOB, every = "${epermit.permit-lifecycle.job.every}", delayed = "${epermit.permit-lifecycle.job.first-run-after}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = WhenDisabled.class)
    Uni<Void> scheduled() {
        return runOnce().onFailure().invoke(failure -> Log.warnf(failure,
                "The permit lifecycle job failed; it runs again in %s", config.job().every())).onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Skips every run on an instance where {@code epermit.permit-lifecycle.job.enabled} is false. */
    @Singleton
    static class WhenDisabled implements Scheduled.SkipPredicate {

        private final PermitLifecycleConfig config;

        WhenDisabled(PermitLifecycleConfig config) {
            this.config = config;
        }

        @Override
        public boolean test(ScheduledExecution execution) {
            return !config.job().enabled();
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
