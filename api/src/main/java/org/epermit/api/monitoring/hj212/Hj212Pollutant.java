package org.epermit.api.monitoring.hj212;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The fields one packet sends for one pollutant, e.g. {@code w01018-Avg=24.5,w01018-Flag=N}.
 *
 * @param code    the pollutant code as sent ({@code w01018}, {@code a21026}; older stations send codes like {@code 011})
 * @param values  the numeric fields by name ({@code Rtd}, {@code Avg}, {@code ZsAvg}, ...; see {@link #NUMERIC_FIELDS}),
 *                kept as sent (BigDecimal, so {@code 0.00011} stays exact)
 * @param flag    the table 8 data flag, or null when the packet sent none
 * @param texts   any other fields (e.g. {@code EFlag}, {@code SampleTime}) as text, unvalidated: the standard defines
 *                more than we use, and refusing them would refuse whole packets for fields we ignore
 */
public record Hj212Pollutant(String code, Map<String, BigDecimal> values, Hj212Flag flag, Map<String, String> texts) {

    /**
     * The fields that must be numbers: real-time, interval average, minimum, maximum, cumulative amount, and their
     * converted (折算, at reference oxygen) counterparts.
     */
    public static final Set<String> NUMERIC_FIELDS =
            Set.of("Rtd", "Avg", "Min", "Max", "Cou", "ZsRtd", "ZsAvg", "ZsMin", "ZsMax");

    public Hj212Pollutant {
        values = Map.copyOf(values);
        texts = Map.copyOf(texts);
    }

    /** A numeric field, e.g. {@code value("ZsAvg")}. */
    public Optional<BigDecimal> value(String field) {
        return Optional.ofNullable(values.get(field));
    }

    public Optional<Hj212Flag> flagIfSent() {
        return Optional.ofNullable(flag);
    }
}
