package org.epermit.api.permit.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Manual monitoring while an automatic monitor is out of service: at least {@code perDay} times a day, no more than
 * {@code maxInterval} apart ({@link #STANDARD}: 4 times a day, 6 hours apart, as the industries' permit technical
 * specifications write it and domain.md records). Counted in sampling events (次), as the rule is; {@link MonitoringRequirement} multiplies by
 * the samples each event takes.
 *
 * <p>An outage of {@code d} requires {@code max(⌈d / maxInterval⌉, ⌈d × perDay / 24 h⌉)} events: four for a day, two
 * for ten hours, one for any outage up to six hours. The check also asks that no stretch of the outage goes longer
 * than {@code maxInterval} without a sample: from the failure to the first sample, between samples, and from the last
 * sample to the monitor's return. With both, every calendar day that lies wholly in an outage gets at least four.
 *
 * @param perDay      events a full day requires
 * @param maxInterval the longest stretch without one
 */
public record OutageSampling(int perDay, Duration maxInterval) {

    /** 4 times a day, no more than 6 hours apart. */
    public static final OutageSampling STANDARD = new OutageSampling(4, Duration.ofHours(6));

    private static final long DAY_SECONDS = Duration.ofDays(1).toSeconds();

    public OutageSampling {
        Objects.requireNonNull(maxInterval, "maxInterval");
        if (perDay < 1 || maxInterval.isNegative() || maxInterval.isZero()) {
            throw new IllegalArgumentException("outage sampling needs at least one event a day and a positive interval");
        }
    }

    /** The sampling events an outage lasting {@code outage} requires. */
    public long requiredEvents(TimeWindow outage) {
        long seconds = outage.length().toSeconds() + (outage.length().toNanosPart() > 0 ? 1 : 0);
        long byInterval = ceilDiv(seconds, maxInterval.toSeconds());
        long byDay = ceilDiv(Math.multiplyExact(seconds, (long) perDay), DAY_SECONDS);
        return Math.max(byInterval, byDay);
    }

    /** Checks the times of the manual samples taken during {@code outage}; times outside it do not count. */
    public Check check(TimeWindow outage, Collection<Instant> sampleTimes) {
        List<Instant> inside = sampleTimes.stream().filter(outage::contains).sorted().toList();
        List<TimeWindow> gaps = new ArrayList<>();
        Instant last = outage.from();
        for (Instant t : inside) {
            addIfGap(gaps, last, t, outage);
            last = t;
        }
        addIfGap(gaps, last, outage.to(), outage);
        return new Check(outage, requiredEvents(outage), inside.size(), gaps);
    }

    private void addIfGap(List<TimeWindow> gaps, Instant from, Instant to, TimeWindow outage) {
        if (Duration.between(from, to).compareTo(maxInterval) > 0) {
            gaps.add(new TimeWindow(from, to, outage.zone()));
        }
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    /**
     * How the samples of an outage measure up.
     *
     * @param outage   the outage
     * @param required the events it requires ({@link #requiredEvents})
     * @param taken    the samples taken in it
     * @param gaps     the stretches longer than the longest interval without a sample, in order
     */
    public record Check(TimeWindow outage, long required, int taken, List<TimeWindow> gaps) {

        public Check {
            gaps = List.copyOf(gaps);
        }

        /** Enough samples and no gap. */
        public boolean complete() {
            return taken >= required && gaps.isEmpty();
        }

        /** How many more samples the outage required. */
        public long missing() {
            return Math.max(0, required - taken);
        }
    }
}
