package org.epermit.api.monitoring.hj212;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class Hj212CrcTest {

    @Test
    void the_standards_own_example_has_length_0101_and_crc_1C80() {
        assertThat(Hj212Packets.STANDARD_SEGMENT).hasSize(101);
        assertThat(Hj212Crc.of(Hj212Packets.STANDARD_SEGMENT)).isEqualTo(0x1C80);
        assertThat(Hj212Crc.hex(Hj212Packets.STANDARD_SEGMENT)).isEqualTo("1C80");
    }

    @Test
    void a_packet_published_in_public_code_checks_too() {
        // The segment of Hj212Packets.PUBLIC_HOURLY_PACKET: between "##0561" and "4C80\r\n".
        String packet = Hj212Packets.PUBLIC_HOURLY_PACKET;
        String segment = packet.substring(6, packet.length() - 6);
        assertThat(segment).hasSize(561);
        assertThat(Hj212Crc.hex(segment)).isEqualTo("4C80");
    }

    @Test
    void the_crc_covers_the_segment_only_not_the_header_or_length() {
        assertThat(Hj212Crc.hex("##0101" + Hj212Packets.STANDARD_SEGMENT)).isNotEqualTo("1C80");
    }

    @Test
    void changing_any_one_character_of_the_segment_changes_the_crc() {
        String segment = Hj212Packets.STANDARD_SEGMENT;
        for (int i = 0; i < segment.length(); i++) {
            char changed = segment.charAt(i) == '0' ? '1' : '0';
            String altered = segment.substring(0, i) + changed + segment.substring(i + 1);
            assertThat(Hj212Crc.of(altered)).as("changed at %d", i).isNotEqualTo(0x1C80);
        }
    }

    @Test
    void it_is_not_the_modbus_crc16_which_xors_without_the_shift() {
        // CRC-16/MODBUS of "123456789" is 0x4B37; HJ 212's variant shifts the register first and differs.
        assertThat(Hj212Crc.of("123456789")).isNotEqualTo(0x4B37);
    }

    @Test
    void the_empty_segment_leaves_the_initial_register() {
        assertThat(Hj212Crc.hex("")).isEqualTo("FFFF");
    }

    @Test
    void non_ascii_text_is_refused_rather_than_hashed_as_question_marks() {
        assertThatThrownBy(() -> Hj212Crc.of("MN=站点")).isInstanceOf(IllegalArgumentException.class);
    }
}
