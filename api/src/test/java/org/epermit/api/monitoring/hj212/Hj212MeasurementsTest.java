package org.epermit.api.monitoring.hj212;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epermit.api.monitoring.hj212.Hj212Packets.frame;
import static org.epermit.api.monitoring.hj212.Hj212Packets.segment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.epermit.api.monitoring.RecordFlag;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class Hj212MeasurementsTest {

    private final Hj212Parser parser = new Hj212Parser();
    private final Hj212Measurements chinaTime = new Hj212Measurements(Hj212Measurements.CHINA_STANDARD_TIME);

    private Hj212Packet packet(String cn, String cp) {
        return ((Hj212ParseOutcome.Parsed) parser.parsePacket(frame(segment(cn, cp)))).packet();
    }

    private List<Hj212Measurement> of(String cn, String cp) {
        return chinaTime.of(packet(cn, cp));
    }

    @Test
    void an_hourly_value_covers_the_clock_hour_its_datatime_opens_in_china_standard_time() {
        Hj212Measurement m = of("2061", "DataTime=20240301100000;w01018-Avg=24.5,w01018-Flag=N").get(0);
        assertThat(m.from()).isEqualTo(Instant.parse("2024-03-01T02:00:00Z"));
        assertThat(m.to()).isEqualTo(Instant.parse("2024-03-01T03:00:00Z"));
        assertThat(m.command()).isEqualTo(Hj212Command.HOURLY);
        assertThat(m.mn()).isEqualTo(Hj212Packets.MN);
        assertThat(m.pollutantCode()).isEqualTo("w01018");
        assertThat(m.value()).isEqualByComparingTo("24.5");
        assertThat(m.valueField()).isEqualTo("Avg");
        assertThat(m.flag()).isEqualTo(RecordFlag.VALID);
    }

    @Test
    void a_daily_value_covers_the_day() {
        Hj212Measurement m = of("2031", "DataTime=20240301000000;w01018-Avg=24.5").get(0);
        assertThat(m.from()).isEqualTo(Instant.parse("2024-02-29T16:00:00Z"));
        assertThat(m.to()).isEqualTo(Instant.parse("2024-03-01T16:00:00Z"));
    }

    @Test
    void a_minute_value_covers_the_minute() {
        Hj212Measurement m = of("2051", "DataTime=20240301100500;w01018-Avg=24.5").get(0);
        assertThat(m.from()).isEqualTo(Instant.parse("2024-03-01T02:05:00Z"));
        assertThat(m.to()).isEqualTo(Instant.parse("2024-03-01T02:06:00Z"));
    }

    @Test
    void a_real_time_value_is_an_instant_and_its_value_is_rtd() {
        Hj212Measurement m = of("2011", "DataTime=20240301100517;a21026-Rtd=35.1,a21026-Flag=N").get(0);
        assertThat(m.from()).isEqualTo(Instant.parse("2024-03-01T02:05:17Z")).isEqualTo(m.to());
        assertThat(m.value()).isEqualByComparingTo("35.1");
        assertThat(m.valueField()).isEqualTo("Rtd");
        assertThat(m.measured()).isEqualByComparingTo("35.1");
    }

    @Test
    void the_converted_value_is_preferred_and_the_measured_one_kept() {
        Hj212Measurement m = of("2061", "DataTime=20240301100000;"
                + "a21026-Avg=40.2,a21026-ZsAvg=52.7,a21026-Min=30,a21026-Max=50,a21026-Cou=1.2,a21026-Flag=N").get(0);
        assertThat(m.value()).isEqualByComparingTo("52.7");
        assertThat(m.valueField()).isEqualTo("ZsAvg");
        assertThat(m.measured()).isEqualByComparingTo("40.2");
        assertThat(m.min()).isEqualByComparingTo("30");
        assertThat(m.max()).isEqualByComparingTo("50");
        assertThat(m.cumulative()).isEqualByComparingTo("1.2");
    }

    @Test
    void a_pollutant_with_only_a_cumulative_amount_has_no_value_but_keeps_the_amount() {
        Hj212Measurement m = of("2061", "DataTime=20240301100000;w00000-Cou=12.5").get(0);
        assertThat(m.value()).isNull();
        assertThat(m.valueField()).isNull();
        assertThat(m.cumulative()).isEqualTo(new BigDecimal("12.5"));
    }

    @Test
    void the_record_flag_follows_the_sent_flag_and_an_unflagged_value_counts_as_valid() {
        List<Hj212Measurement> ms = of("2061", "DataTime=20240301100000;w01018-Avg=1,w01018-Flag=C;w21003-Avg=2");
        assertThat(ms).extracting(Hj212Measurement::flag).containsExactly(RecordFlag.CALIBRATION, RecordFlag.VALID);
        assertThat(ms).extracting(Hj212Measurement::sentFlag).containsExactly(Hj212Flag.C, null);
    }

    @Test
    void the_station_zone_is_the_callers_choice() {
        Hj212Packet packet = packet("2061", "DataTime=20240301100000;w01018-Avg=1");
        Hj212Measurement utc = new Hj212Measurements(ZoneOffset.UTC).of(packet).get(0);
        assertThat(utc.from()).isEqualTo(Instant.parse("2024-03-01T10:00:00Z"));
        assertThat(utc.to()).isEqualTo(Instant.parse("2024-03-01T11:00:00Z"));
    }

    @Test
    void the_public_stations_fifteen_pollutants_become_fifteen_valid_measurements() {
        // The same content as the public station's packet, moved onto the hour so that it parses.
        String published = Hj212Packets.PUBLIC_HOURLY_PACKET;
        String seg = published.substring(6, published.length() - 6).replace("20201129210001", "20201129210000");
        Hj212Packet packet = ((Hj212ParseOutcome.Parsed) parser.parsePacket(frame(seg))).packet();
        List<Hj212Measurement> ms = chinaTime.of(packet);
        assertThat(ms).hasSize(15).allSatisfy(m -> {
            assertThat(m.flag()).isEqualTo(RecordFlag.VALID);
            assertThat(m.mn()).isEqualTo("NM100000_0005");
            assertThat(m.from()).isEqualTo(Instant.parse("2020-11-29T13:00:00Z"));
        });
    }
}
