package org.epermit.api.filing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What our own monitoring records say about a report's period: the cross-checks compare the report with it.
 *
 * @param anyRecords   whether we hold any record of the permit in the period (the blank report then pre-fills the
 *                     samples performed from them)
 * @param samples      valid records per outlet and pollutant: manual samples for a manual requirement, valid hourly
 *                     means for an automatic one
 * @param exceedances  records marked as exceedances, oldest first
 * @param estimates    actual emissions the records imply, per pollutant, where they cover enough of the period
 */
public record MonitoringEvidence(boolean anyRecords, Map<OutletPollutant, Long> samples,
                                 List<RecordedExceedance> exceedances, Map<String, BigDecimal> estimates) {

    public MonitoringEvidence {
        samples = Map.copyOf(samples);
        exceedances = List.copyOf(exceedances);
        estimates = Map.copyOf(estimates);
    }

    public static final MonitoringEvidence NONE = new MonitoringEvidence(false, Map.of(), List.of(), Map.of());

    public long samples(OutletPollutant at) {
        return samples.getOrDefault(at, 0L);
    }

    public Optional<BigDecimal> estimate(String pollutantCode) {
        return Optional.ofNullable(estimates.get(pollutantCode));
    }

    /** An outlet and a pollutant. */
    public record OutletPollutant(String outletCode, String pollutantCode) {
        @Override
        public String toString() {
            return outletCode + "/" + pollutantCode;
        }
    }

    /** One record over its limit. */
    public record RecordedExceedance(String outletCode, String pollutantCode, Instant from, Instant to, BigDecimal value,
                                     BigDecimal limitMax) {
    }
}
