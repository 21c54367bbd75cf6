package org.epermit.api.monitoring.hj212;

import java.math.BigDecimal;
import java.time.Instant;
import org.epermit.api.monitoring.RecordFlag;

/**
 * One pollutant's value from one packet, placed in time: ready to become a monitoring record.
 *
 * @param mn            the station's device number (MN), which the integrator maps to an outlet
 * @param pollutantCode the HJ 212 pollutant code, e.g. {@code a21026}
 * @param command       what kind of value it is (real-time, minute, hourly, daily)
 * @param from          start of the window (inclusive); for real-time data the instant itself
 * @param to            end of the window (exclusive); equal to {@code from} for real-time data
 * @param value         the value to compare with limits: the converted value ({@code ZsAvg}, or {@code ZsRtd} for
 *                      real-time) where the packet sent one, else the measured one; null when the packet sent
 *                      neither (e.g. a flow total with only {@code Cou})
 * @param valueField    which field {@code value} came from ({@code ZsAvg}, {@code Avg}, {@code ZsRtd}, {@code Rtd}),
 *                      or null with {@code value}
 * @param measured      the measured value as sent ({@code Avg}, or {@code Rtd} for real-time), kept beside the
 *                      converted one; null when not sent
 * @param min           {@code Min}, or null
 * @param max           {@code Max}, or null
 * @param cumulative    {@code Cou}, the cumulative amount over the window (e.g. kg, or m³ for flow), or null
 * @param flag          our record flag; {@link RecordFlag#VALID} also when the packet sent no flag (see
 *                      {@link Hj212Measurements})
 * @param sentFlag      the table 8 flag as sent, or null when none was sent
 */
public record Hj212Measurement(
        String mn,
        String pollutantCode,
        Hj212Command command,
        Instant from,
        Instant to,
        BigDecimal value,
        String valueField,
        BigDecimal measured,
        BigDecimal min,
        BigDecimal max,
        BigDecimal cumulative,
        RecordFlag flag,
        Hj212Flag sentFlag) {
}
