package org.epermit.api.permit.monitoring;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * How one pollutant is monitored at one outlet, as the permit's self-monitoring table writes it (HJ 819-2017), and
 * what that requires of any period: the columns {@code monitoring_mode}, {@code frequency_*}, {@code sampling_method}
 * and {@code samples_per_event} of {@code permit_outlet_pollutant}.
 *
 * <p>MANUAL monitoring requires {@code frequency.requiredEvents(window) × samplesPerEvent} samples of any window.
 * AUTOMATIC monitoring requires no manual sample while the monitor runs (its hourly data is what counts); while it is
 * out of service, {@code frequency} is the manual fallback the permit sets, and at least {@link OutageSampling} asks:
 * {@code max(frequency, outage rule)} events, each of {@code samplesPerEvent} samples.
 *
 * @param mode            automatic or manual
 * @param frequency       manual: the frequency; automatic: the manual fallback during outages
 * @param samplingMethod  how a manual sample is taken
 * @param samplesPerEvent how many samples one event takes (1 to 32767; 3 for non-continuous stack sampling)
 * @param outageSampling  the rule for outages of an automatic monitor ({@link OutageSampling#STANDARD})
 */
public record MonitoringRequirement(MonitoringMode mode, MonitoringFrequency frequency, SamplingMethod samplingMethod,
                                    int samplesPerEvent, OutageSampling outageSampling) {

    public MonitoringRequirement {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(frequency, "frequency");
        Objects.requireNonNull(samplingMethod, "samplingMethod");
        Objects.requireNonNull(outageSampling, "outageSampling");
        if (samplesPerEvent < 1 || samplesPerEvent > MonitoringFrequency.MAX_NUMBER) {
            throw new IllegalArgumentException("samples per event are 1 to " + MonitoringFrequency.MAX_NUMBER + ", got " + samplesPerEvent);
        }
    }

    /** With the standard outage rule. */
    public MonitoringRequirement(MonitoringMode mode, MonitoringFrequency frequency, SamplingMethod samplingMethod,
                                 int samplesPerEvent) {
        this(mode, frequency, samplingMethod, samplesPerEvent, OutageSampling.STANDARD);
    }

    /** The manual sampling events {@code window} requires while no automatic monitor is out of service. */
    public long requiredEvents(TimeWindow window) {
        return mode == MonitoringMode.MANUAL ? frequency.requiredEvents(window) : 0;
    }

    /** The manual samples {@code window} requires while no automatic monitor is out of service. */
    public long requiredSamples(TimeWindow window) {
        return Math.multiplyExact(requiredEvents(window), (long) samplesPerEvent);
    }

    /**
     * The manual sampling events one outage of the automatic monitor requires: the fallback frequency's events in it,
     * at least what {@link OutageSampling} asks. For MANUAL monitoring, what the window requires anyway.
     */
    public long requiredEventsDuringOutage(TimeWindow outage) {
        if (mode == MonitoringMode.MANUAL) {
            return requiredEvents(outage);
        }
        return Math.max(frequency.requiredEvents(outage), outageSampling.requiredEvents(outage));
    }

    /**
     * The manual samples {@code window} requires given the outages of the automatic monitor in it (any order; they may
     * overlap each other or reach beyond the window: they are merged, then cut to the window). Each outage counts as
     * a whole within the window, so an outage that a window boundary splits is rounded up on both sides.
     */
    public long requiredSamples(TimeWindow window, Collection<TimeWindow> outages) {
        if (mode == MonitoringMode.MANUAL) {
            return requiredSamples(window);
        }
        long events = 0;
        for (TimeWindow outage : merged(outages)) {
            TimeWindow inside = outage.intersection(window);
            if (!inside.isEmpty()) {
                events += requiredEventsDuringOutage(new TimeWindow(inside.from(), inside.to(), window.zone()));
            }
        }
        return Math.multiplyExact(events, (long) samplesPerEvent);
    }

    /** Overlapping or touching outages as one. */
    static List<TimeWindow> merged(Collection<TimeWindow> outages) {
        List<TimeWindow> sorted = outages.stream().filter(o -> !o.isEmpty())
                .sorted(Comparator.comparing(TimeWindow::from)).toList();
        List<TimeWindow> merged = new ArrayList<>();
        for (TimeWindow o : sorted) {
            TimeWindow last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && !o.from().isAfter(last.to())) {
                if (o.to().isAfter(last.to())) {
                    merged.set(merged.size() - 1, new TimeWindow(last.from(), o.to(), last.zone()));
                }
            } else {
                merged.add(o);
            }
        }
        return merged;
    }
}
