package org.epermit.api.monitoring.hj212;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * One well-formed HJ 212-2017 data packet (its CRC and length checked), as sent.
 *
 * @param qn         request code QN, the sender's time of the request ({@code yyyyMMddHHmmssSSS}), kept as text
 * @param st         system code ST (e.g. 31 flue gas, 32 surface water), or null when not sent
 * @param command    command CN
 * @param pw         access password PW, or null when not sent; never log it
 * @param mn         device number MN, identifying the station's data logger
 * @param flag       the packet flag (protocol version and ack/split bits), or null when not sent
 * @param dataTime   CP's DataTime in the station's local clock (no zone: the zone is the reader's choice, see
 *                   {@link Hj212Measurements})
 * @param pollutants per pollutant, in the order the packet sent them
 */
public record Hj212Packet(
        String qn,
        String st,
        Hj212Command command,
        String pw,
        String mn,
        Integer flag,
        LocalDateTime dataTime,
        List<Hj212Pollutant> pollutants) {

    public Hj212Packet {
        pollutants = List.copyOf(pollutants);
    }

    /** The pollutant with this code, if the packet sent it. */
    public Optional<Hj212Pollutant> pollutant(String code) {
        return pollutants.stream().filter(p -> p.code().equals(code)).findFirst();
    }

    @Override
    public String toString() {
        // PW is a credential: keep it out of logs and assertion messages.
        return "Hj212Packet[qn=" + qn + ", st=" + st + ", command=" + command + ", mn=" + mn + ", flag=" + flag
                + ", dataTime=" + dataTime + ", pollutants=" + pollutants + "]";
    }
}
