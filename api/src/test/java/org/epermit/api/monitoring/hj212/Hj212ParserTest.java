package org.epermit.api.monitoring.hj212;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epermit.api.monitoring.hj212.Hj212Packets.frame;
import static org.epermit.api.monitoring.hj212.Hj212Packets.hourly;
import static org.epermit.api.monitoring.hj212.Hj212Packets.segment;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import org.epermit.api.problem.FieldError;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class Hj212ParserTest {

    private final Hj212Parser parser = new Hj212Parser();

    private Hj212Packet parsed(String packet) {
        Hj212ParseOutcome outcome = parser.parsePacket(packet);
        assertThat(outcome).isInstanceOf(Hj212ParseOutcome.Parsed.class);
        return ((Hj212ParseOutcome.Parsed) outcome).packet();
    }

    private List<Hj212Error> errors(String packet) {
        Hj212ParseOutcome outcome = parser.parsePacket(packet);
        assertThat(outcome).isInstanceOf(Hj212ParseOutcome.Rejected.class);
        return ((Hj212ParseOutcome.Rejected) outcome).errors();
    }

    private Hj212Error onlyError(String packet) {
        List<Hj212Error> errors = errors(packet);
        assertThat(errors).hasSize(1);
        return errors.get(0);
    }

    @Test
    void an_hourly_packet_gives_its_header_datatime_and_every_pollutant_field() {
        Hj212Packet packet = parsed(hourly("DataTime=20240301100000;"
                + "w01018-Avg=24.5,w01018-Min=20.1,w01018-Max=30,w01018-Cou=1.25,w01018-Flag=N;"
                + "a21026-Avg=40.2,a21026-ZsAvg=52.7,a21026-Flag=D,a21026-EFlag=A01") + "\r\n");

        assertThat(packet.qn()).isEqualTo("20240301100512345");
        assertThat(packet.st()).isEqualTo("31");
        assertThat(packet.command()).isEqualTo(Hj212Command.HOURLY);
        assertThat(packet.pw()).isEqualTo("123456");
        assertThat(packet.mn()).isEqualTo(Hj212Packets.MN);
        assertThat(packet.flag()).isEqualTo(4);
        assertThat(packet.dataTime()).isEqualTo(LocalDateTime.of(2024, 3, 1, 10, 0));
        assertThat(packet.pollutants()).extracting(Hj212Pollutant::code).containsExactly("w01018", "a21026");

        Hj212Pollutant cod = packet.pollutant("w01018").orElseThrow();
        assertThat(cod.values()).containsOnlyKeys("Avg", "Min", "Max", "Cou");
        assertThat(cod.value("Avg")).contains(new BigDecimal("24.5"));
        assertThat(cod.value("Max")).contains(new BigDecimal("30"));
        assertThat(cod.flag()).isEqualTo(Hj212Flag.N);

        Hj212Pollutant so2 = packet.pollutant("a21026").orElseThrow();
        assertThat(so2.value("ZsAvg")).contains(new BigDecimal("52.7"));
        assertThat(so2.flag()).isEqualTo(Hj212Flag.D);
        assertThat(so2.texts()).containsEntry("EFlag", "A01");
    }

    @Test
    void values_keep_their_exact_decimals() {
        Hj212Packet packet = parsed(hourly("DataTime=20240301100000;w20120-Avg=0.00011,w20120-Flag=N"));
        assertThat(packet.pollutant("w20120").orElseThrow().value("Avg")).contains(new BigDecimal("0.00011"));
    }

    @Test
    void the_password_is_kept_out_of_the_packets_string_form() {
        Hj212Packet packet = parsed(hourly("DataTime=20240301100000;w01018-Avg=1"));
        assertThat(packet.toString()).doesNotContain("123456").contains(Hj212Packets.MN);
    }

    @Nested
    class The_standards_own_example {

        @Test
        void passes_framing_and_crc_and_is_refused_only_as_a_command_we_do_not_ingest() {
            // CN=1062 sets the real-time data interval: a control command, not data.
            Hj212Error error = onlyError(Hj212Packets.STANDARD_PACKET);
            assertThat(error.code()).isEqualTo(Hj212ErrorCode.HJ212_UNSUPPORTED_COMMAND);
            assertThat(error.field()).isEqualTo("CN");
            assertThat(error.message().en()).contains("1062", "2011", "2051", "2061", "2031");
        }
    }

    @Nested
    class A_public_stations_packet {

        @Test
        void passes_framing_and_crc_but_its_hourly_datatime_is_not_on_the_hour() {
            Hj212Error error = onlyError(Hj212Packets.PUBLIC_HOURLY_PACKET);
            assertThat(error.code()).isEqualTo(Hj212ErrorCode.HJ212_MISALIGNED_DATATIME);
            assertThat(error.field()).isEqualTo("CP.DataTime");
            assertThat(error.message().en()).contains("20201129210001", "hour");
        }
    }

    @Nested
    class Framing {

        @Test
        void a_packet_without_the_double_hash_is_refused() {
            String packet = hourly("DataTime=20240301100000;w01018-Avg=1").substring(1);
            assertThat(onlyError(packet).code()).isEqualTo(Hj212ErrorCode.HJ212_MISSING_HEADER);
        }

        @Test
        void a_length_that_is_not_four_digits_is_refused() {
            String packet = "##01a1" + Hj212Packets.STANDARD_SEGMENT + "1C80";
            Hj212Error error = onlyError(packet);
            assertThat(error.code()).isEqualTo(Hj212ErrorCode.HJ212_BAD_LENGTH);
            assertThat(error.message().en()).contains("01a1");
            assertThat(onlyError("##12").code()).isEqualTo(Hj212ErrorCode.HJ212_BAD_LENGTH);
        }

        @Test
        void a_length_that_differs_from_the_segment_says_both() {
            String packet = "##0100" + Hj212Packets.STANDARD_SEGMENT + "1C80";
            Hj212Error error = onlyError(packet);
            assertThat(error.code()).isEqualTo(Hj212ErrorCode.HJ212_LENGTH_MISMATCH);
            assertThat(error.field()).isEqualTo("length");
            assertThat(error.message().en()).contains("0100", "101 characters");
            assertThat(error.message().zh()).contains("0100", "101");
        }

        @Test
        void a_missing_crc_is_a_length_mismatch() {
            assertThat(onlyError("##0101" + Hj212Packets.STANDARD_SEGMENT).code())
                    .isEqualTo(Hj212ErrorCode.HJ212_LENGTH_MISMATCH);
        }

        @Test
        void a_changed_character_in_the_segment_fails_the_crc_saying_expected_and_sent() {
            String altered = Hj212Packets.STANDARD_PACKET.replace("RtdInterval=30", "RtdInterval=31");
            Hj212Error error = onlyError(altered);
            assertThat(error.code()).isEqualTo(Hj212ErrorCode.HJ212_CRC_MISMATCH);
            assertThat(error.field()).isEqualTo("CRC");
            String expected = Hj212Crc.hex(Hj212Packets.STANDARD_SEGMENT.replace("=30", "=31"));
            assertThat(error.message().en()).isEqualTo("expected " + expected + " (CRC16 of the data segment), got 1C80");
        }

        @Test
        void a_changed_crc_fails_too() {
            Hj212Error error = onlyError(Hj212Packets.STANDARD_PACKET.replace("1C80", "1C81"));
            assertThat(error.code()).isEqualTo(Hj212ErrorCode.HJ212_CRC_MISMATCH);
            assertThat(error.message().en()).contains("expected 1C80", "got 1C81");
        }

        @Test
        void the_crc_may_be_sent_in_lower_case_hex() {
            String packet = hourly("DataTime=20240301100000;w01018-Avg=1");
            String lower = packet.substring(0, packet.length() - 4) + packet.substring(packet.length() - 4).toLowerCase();
            parsed(lower);
        }

        @Test
        void a_crc_that_is_not_hex_is_refused() {
            Hj212Error error = onlyError("##0101" + Hj212Packets.STANDARD_SEGMENT + "1CG0");
            assertThat(error.code()).isEqualTo(Hj212ErrorCode.HJ212_BAD_CRC_FORMAT);
        }

        @Test
        void characters_outside_printable_ascii_are_refused_since_the_length_counts_ascii_characters() {
            String packet = hourly("DataTime=20240301100000;w01018-Avg=1").replace(Hj212Packets.MN, "站点0000000001");
            Hj212Error error = onlyError(packet);
            assertThat(error.code()).isEqualTo(Hj212ErrorCode.HJ212_NOT_ASCII);
            assertThat(error.message().en()).contains("U+7AD9");
        }
    }

    @Nested
    class Fields {

        @Test
        void missing_qn_cn_and_mn_are_reported_together() {
            String packet = frame("ST=31;PW=123456;Flag=4;CP=&&DataTime=20240301100000;w01018-Avg=1&&");
            assertThat(errors(packet)).extracting(Hj212Error::code, Hj212Error::field).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(Hj212ErrorCode.HJ212_MISSING_FIELD, "QN"),
                    org.assertj.core.groups.Tuple.tuple(Hj212ErrorCode.HJ212_MISSING_FIELD, "CN"),
                    org.assertj.core.groups.Tuple.tuple(Hj212ErrorCode.HJ212_MISSING_FIELD, "MN"));
        }

        @Test
        void a_missing_cp_is_reported() {
            Hj212Error error = onlyError(frame("QN=20240301100512345;ST=31;CN=2061;PW=123456;MN=1;Flag=4"));
            assertThat(error.code()).isEqualTo(Hj212ErrorCode.HJ212_MISSING_FIELD);
            assertThat(error.field()).isEqualTo("CP");
        }

        @Test
        void a_missing_datatime_is_reported() {
            Hj212Error error = onlyError(hourly("w01018-Avg=1"));
            assertThat(error.code()).isEqualTo(Hj212ErrorCode.HJ212_MISSING_FIELD);
            assertThat(error.field()).isEqualTo("CP.DataTime");
        }

        @Test
        void a_cp_without_its_closing_ampersands_is_malformed() {
            Hj212Error error = onlyError(frame(segment("2061", "DataTime=20240301100000").replace("&&;", "")
                    .replaceAll("&&$", "")));
            assertThat(error.code()).isEqualTo(Hj212ErrorCode.HJ212_MALFORMED_CP);
            assertThat(error.field()).isEqualTo("CP");
        }

        @Test
        void a_cp_item_without_an_equals_sign_is_malformed() {
            Hj212Error error = onlyError(hourly("DataTime=20240301100000;w01018-Avg"));
            assertThat(error.code()).isEqualTo(Hj212ErrorCode.HJ212_MALFORMED_CP);
        }

        @Test
        void a_repeated_pollutant_field_is_malformed() {
            Hj212Error error = onlyError(hourly("DataTime=20240301100000;w01018-Avg=1;w01018-Avg=2"));
            assertThat(error.code()).isEqualTo(Hj212ErrorCode.HJ212_MALFORMED_CP);
            assertThat(error.field()).isEqualTo("CP.w01018-Avg");
        }

        @Test
        void an_unknown_header_field_is_malformed() {
            Hj212Error error = onlyError(frame("QN=20240301100512345;XX=1;CN=2061;MN=1;CP=&&DataTime=20240301100000&&"));
            assertThat(error.code()).isEqualTo(Hj212ErrorCode.HJ212_MALFORMED);
            assertThat(error.field()).isEqualTo("XX");
        }

        @Test
        void a_qn_that_is_not_a_millisecond_time_is_refused() {
            String packet = frame(segment("2061", "DataTime=20240301100000").replace("20240301100512345", "2024030110"));
            assertThat(onlyError(packet).code()).isEqualTo(Hj212ErrorCode.HJ212_BAD_QN);
        }

        @Test
        void an_impossible_or_short_datatime_is_refused() {
            assertThat(onlyError(hourly("DataTime=20240230100000;w01018-Avg=1")).code())
                    .isEqualTo(Hj212ErrorCode.HJ212_BAD_DATATIME);
            assertThat(onlyError(hourly("DataTime=2024030110;w01018-Avg=1")).code())
                    .isEqualTo(Hj212ErrorCode.HJ212_BAD_DATATIME);
            assertThat(onlyError(hourly("DataTime=20240301250000;w01018-Avg=1")).code())
                    .isEqualTo(Hj212ErrorCode.HJ212_BAD_DATATIME);
        }

        @Test
        void a_datatime_must_open_the_window_of_its_command() {
            assertThat(onlyError(hourly("DataTime=20240301103000;w01018-Avg=1")).code())
                    .isEqualTo(Hj212ErrorCode.HJ212_MISALIGNED_DATATIME);
            assertThat(onlyError(frame(segment("2031", "DataTime=20240301010000;w01018-Avg=1"))).code())
                    .isEqualTo(Hj212ErrorCode.HJ212_MISALIGNED_DATATIME);
            assertThat(onlyError(frame(segment("2051", "DataTime=20240301100530;w01018-Avg=1"))).code())
                    .isEqualTo(Hj212ErrorCode.HJ212_MISALIGNED_DATATIME);
            parsed(frame(segment("2011", "DataTime=20240301100530;w01018-Rtd=1")));
        }

        @Test
        void a_value_that_is_not_a_number_names_its_field() {
            List<Hj212Error> errors = errors(hourly("DataTime=20240301100000;w01018-Avg=abc,w01018-Max=1e3;"
                    + "a21026-ZsAvg=,a21026-Flag=N"));
            assertThat(errors).allSatisfy(e -> assertThat(e.code()).isEqualTo(Hj212ErrorCode.HJ212_NOT_A_NUMBER));
            assertThat(errors).extracting(Hj212Error::field)
                    .containsExactly("CP.w01018-Avg", "CP.w01018-Max", "CP.a21026-ZsAvg");
            assertThat(errors.get(0).message().en()).contains("abc");
        }

        @Test
        void a_flag_outside_table_8_is_refused() {
            Hj212Error error = onlyError(hourly("DataTime=20240301100000;w01018-Avg=1,w01018-Flag=X"));
            assertThat(error.code()).isEqualTo(Hj212ErrorCode.HJ212_UNKNOWN_FLAG);
            assertThat(error.field()).isEqualTo("CP.w01018-Flag");
        }

        @Test
        void an_unknown_command_is_refused_and_the_accepted_ones_parse() {
            assertThat(onlyError(frame(segment("9014", "DataTime=20240301100000"))).code())
                    .isEqualTo(Hj212ErrorCode.HJ212_UNSUPPORTED_COMMAND);
            assertThat(parsed(frame(segment("2011", "DataTime=20240301100001;w01018-Rtd=1"))).command())
                    .isEqualTo(Hj212Command.REAL_TIME);
            assertThat(parsed(frame(segment("2051", "DataTime=20240301100100;w01018-Avg=1"))).command())
                    .isEqualTo(Hj212Command.MINUTE);
            assertThat(parsed(frame(segment("2061", "DataTime=20240301100000;w01018-Avg=1"))).command())
                    .isEqualTo(Hj212Command.HOURLY);
            assertThat(parsed(frame(segment("2031", "DataTime=20240301000000;w01018-Avg=1"))).command())
                    .isEqualTo(Hj212Command.DAILY);
        }

        @Test
        void an_error_becomes_a_field_error_under_the_packets_path() {
            Hj212Error error = onlyError(Hj212Packets.STANDARD_PACKET.replace("1C80", "0000"));
            FieldError field = error.toFieldError("body.packets[3]");
            assertThat(field.path()).isEqualTo("body.packets[3].CRC");
            assertThat(field.code()).isEqualTo("HJ212_CRC_MISMATCH");
            assertThat(field.message()).isEqualTo(error.message());
        }
    }

    @Nested
    class Bodies {

        private final String first = hourly("DataTime=20240301100000;w01018-Avg=24.5,w01018-Flag=N");
        private final String third = hourly("DataTime=20240301120000;w01018-Avg=26.5,w01018-Flag=N");
        private final String badCrc = hourly("DataTime=20240301110000;w01018-Avg=25.5,w01018-Flag=N")
                .replace("Avg=25.5", "Avg=95.5");

        @Test
        void one_bad_packet_in_the_middle_is_reported_by_index_and_the_others_still_parse() {
            List<Hj212ParseOutcome> outcomes = parser.parseBody(first + "\r\n" + badCrc + "\r\n" + third + "\r\n");

            assertThat(outcomes).hasSize(3);
            assertThat(outcomes.get(0)).isInstanceOf(Hj212ParseOutcome.Parsed.class);
            assertThat(outcomes.get(2)).isInstanceOf(Hj212ParseOutcome.Parsed.class);
            var rejected = (Hj212ParseOutcome.Rejected) outcomes.get(1);
            assertThat(rejected.index()).isEqualTo(1);
            assertThat(rejected.line()).isEqualTo(2);
            assertThat(rejected.errors()).extracting(Hj212Error::code)
                    .containsExactly(Hj212ErrorCode.HJ212_CRC_MISMATCH);
            assertThat(((Hj212ParseOutcome.Parsed) outcomes.get(2)).packet().dataTime().getHour()).isEqualTo(12);
        }

        @Test
        void lines_may_end_in_lf_alone_and_blank_lines_are_not_packets() {
            List<Hj212ParseOutcome> outcomes = parser.parseBody("\n" + first + "\n\r\n" + badCrc + "\n" + third);

            assertThat(outcomes).extracting(Hj212ParseOutcome::index).containsExactly(0, 1, 2);
            assertThat(outcomes).extracting(Hj212ParseOutcome::line).containsExactly(2, 4, 5);
            assertThat(outcomes).extracting(o -> o instanceof Hj212ParseOutcome.Parsed)
                    .containsExactly(true, false, true);
        }

        @Test
        void an_empty_body_holds_no_packets() {
            assertThat(parser.parseBody("")).isEmpty();
            assertThat(parser.parseBody("\r\n\r\n")).isEmpty();
        }
    }
}
