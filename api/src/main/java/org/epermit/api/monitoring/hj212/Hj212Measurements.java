package org.epermit.api.monitoring.hj212;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import org.epermit.api.monitoring.RecordFlag;

/**
 * Turns a parsed packet into measurements placed on the time line. HJ 212 DataTimes carry no zone: they are the
 * station's clock, which for Chinese stations is China Standard Time. The zone is given to the constructor (from
 * configuration or per station), never assumed here, so a station abroad or a test can use another.
 *
 * <p>A pollutant sent without a {@code -Flag} is recorded as {@link RecordFlag#VALID}: the flag is how a station
 * disowns a value, and stations that send none report normal operation (this is an assumption about practice, not a
 * rule of the standard's text; the measurement keeps {@code sentFlag == null} so the choice stays visible).
 */
public final class Hj212Measurements {

    /** The offset of China Standard Time (UTC+8, no daylight saving since 1991): the usual station zone. */
    public static final ZoneId CHINA_STANDARD_TIME = ZoneOffset.ofHours(8);

    private final ZoneId stationZone;

    /** @param stationZone the zone the stations' clocks keep, usually {@link #CHINA_STANDARD_TIME} */
    public Hj212Measurements(ZoneId stationZone) {
        this.stationZone = Objects.requireNonNull(stationZone, "stationZone");
    }

    /** One measurement per pollutant of the packet, in the packet's order. */
    public List<Hj212Measurement> of(Hj212Packet packet) {
        Hj212Command command = packet.command();
        LocalDateTime start = packet.dataTime();
        var from = start.atZone(stationZone).toInstant();
        var to = command.windowEnd(start).atZone(stationZone).toInstant();
        boolean realTime = command == Hj212Command.REAL_TIME;
        String measuredField = realTime ? "Rtd" : "Avg";
        String convertedField = realTime ? "ZsRtd" : "ZsAvg";
        return packet.pollutants().stream().map(p -> {
            BigDecimal converted = p.values().get(convertedField);
            BigDecimal measured = p.values().get(measuredField);
            String valueField = converted != null ? convertedField : measured != null ? measuredField : null;
            Hj212Flag sent = p.flag();
            return new Hj212Measurement(packet.mn(), p.code(), command, from, to,
                    converted != null ? converted : measured, valueField, measured,
                    p.values().get("Min"), p.values().get("Max"), p.values().get("Cou"),
                    sent == null ? RecordFlag.VALID : sent.recordFlag(), sent);
        }).toList();
    }
}
