package org.epermit.api.monitoring.hj212;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.epermit.api.monitoring.RecordFlag;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class Hj212FlagTest {

    private final Hj212Parser parser = new Hj212Parser();
    private final Hj212Measurements measurements = new Hj212Measurements(Hj212Measurements.CHINA_STANDARD_TIME);

    @ParameterizedTest(name = "{0} becomes {1}")
    @CsvSource({
        "N, VALID",
        "F, STOPPED",
        "M, MAINTENANCE",
        "S, MANUAL_SET",
        "D, FAULT",
        "C, CALIBRATION",
        "T, OVER_RANGE",
        "B, COMMUNICATION_FAULT"})
    void each_table_8_flag_becomes_its_record_flag(String letter, RecordFlag expected) {
        Hj212Flag flag = Hj212Flag.ofLetter(letter).orElseThrow();
        assertThat(flag.recordFlag()).isEqualTo(expected);
        assertThat(flag.meaning().en()).isNotBlank();
        assertThat(flag.meaning().zh()).isNotBlank();

        var outcome = parser.parsePacket(Hj212Packets.hourly(
                "DataTime=20240301100000;a21026-Avg=35.2,a21026-Flag=" + letter));
        Hj212Packet packet = ((Hj212ParseOutcome.Parsed) outcome).packet();
        Hj212Measurement m = measurements.of(packet).get(0);
        assertThat(m.sentFlag()).isEqualTo(flag);
        assertThat(m.flag()).isEqualTo(expected);
        assertThat(m.flag().countsAsValidData()).isEqualTo(letter.equals("N"));
    }

    @Test
    void only_valid_records_count_as_valid_data() {
        assertThat(Arrays.stream(RecordFlag.values()).filter(RecordFlag::countsAsValidData))
                .containsExactly(RecordFlag.VALID);
    }

    @Test
    void the_flags_and_record_flags_correspond_one_to_one() {
        List<RecordFlag> mapped = Arrays.stream(Hj212Flag.values()).map(Hj212Flag::recordFlag).toList();
        assertThat(mapped).doesNotHaveDuplicates().containsExactlyInAnyOrder(RecordFlag.values());
    }

    @Test
    void every_record_flag_says_what_it_means_in_both_languages() {
        for (RecordFlag flag : RecordFlag.values()) {
            assertThat(flag.meaning().en()).as(flag.name()).isNotBlank();
            assertThat(flag.meaning().zh()).as(flag.name()).isNotBlank();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"n", "P", "X", "NN", ""})
    void letters_outside_table_8_are_not_flags(String letter) {
        assertThat(Hj212Flag.ofLetter(letter)).isEmpty();
    }
}
