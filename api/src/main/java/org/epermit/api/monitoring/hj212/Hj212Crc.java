package org.epermit.api.monitoring.hj212;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The check code of HJ 212-2017 (appendix A): a CRC16 over the data segment only, i.e. the characters between the
 * 4-digit length and the 4-hex-digit CRC; the {@code ##}, the length and the CRLF are not covered.
 *
 * <p>It is not one of the catalogued CRC-16s: the register starts at 0xFFFF, and before each byte the register is
 * <em>shifted right by 8</em> and then XORed with the byte (the well-known Modbus CRC XORs the byte into the low
 * byte without that shift), then eight reflected steps with polynomial 0xA001; no final XOR. The result is written
 * as four upper-case hex digits. Verified against the standard's own example (CRC {@code 1C80}), see the test.
 */
public final class Hj212Crc {

    private Hj212Crc() {
    }

    /** The CRC of a data segment. The segment must be ASCII (the standard's packets are); other characters are refused. */
    public static int of(String segment) {
        int register = 0xFFFF;
        byte[] bytes = segment.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < bytes.length; i++) {
            if (segment.charAt(i) > 0x7F) {
                // US_ASCII encoding turns a non-ASCII character into '?', which would silently hash the wrong text.
                throw new IllegalArgumentException("HJ 212 data segments are ASCII; found U+"
                        + Integer.toHexString(segment.charAt(i)).toUpperCase(Locale.ROOT) + " at " + i);
            }
            register = (register >> 8) ^ (bytes[i] & 0xFF);
            for (int bit = 0; bit < 8; bit++) {
                boolean lowBit = (register & 1) == 1;
                register >>= 1;
                if (lowBit) {
                    register ^= 0xA001;
                }
            }
        }
        return register & 0xFFFF;
    }

    /** The CRC as it is written in a packet: four upper-case hex digits. */
    public static String hex(String segment) {
        return String.format(Locale.ROOT, "%04X", of(segment));
    }
}
