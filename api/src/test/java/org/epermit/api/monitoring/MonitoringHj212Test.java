package org.epermit.api.monitoring;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import org.epermit.api.client.ClientRegistry;
import org.epermit.api.gateway.TestClients;
import org.epermit.api.monitoring.MonitoringTestData.Target;
import org.epermit.api.monitoring.hj212.Hj212Crc;
import org.epermit.api.testing.Db;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.epermit.api.monitoring.MonitoringTestData.hour;
import static org.epermit.api.monitoring.MonitoringTestData.stored;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

/**
 * HJ 212-2017 packets posted as text/plain, one per line, become monitoring records: each packet's frame checked, its
 * device number (MN) routed to the outlet it is registered to, each pollutant's value recorded with its flag, checked
 * against the permit like any record. A packet that cannot be read or routed refuses the batch, named by its index.
 */
@QuarkusTest
class MonitoringHj212Test {

    private static final DateTimeFormatter DATA_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    @Inject
    Pool pool;

    @Inject
    ClientRegistry registry;

    /** A correctly framed packet (without the line end) of command {@code cn} from device {@code mn}. */
    static String packet(String cn, String mn, OffsetDateTime dataTime, String values) {
        String segment = "QN=20261120090000123;ST=31;CN=" + cn + ";PW=123456;MN=" + mn + ";Flag=4;CP=&&DataTime="
                + DATA_TIME.format(dataTime.atZoneSameInstant(MonitoringTestData.CHINA)) + ";" + values + "&&";
        return "##" + String.format("%04d", segment.length()) + segment + Hj212Crc.hex(segment);
    }

    private static String body(List<String> packets) {
        return String.join("\r\n", packets) + "\r\n";
    }

    private static String newMn() {
        return "MN" + UUID.randomUUID().toString().replace("-", "").substring(0, 22).toUpperCase();
    }

    /** A demo permit's station: the enterprise's key, and a device registered to the permit's outlet. */
    private record Station(Target t, String key, String mn) {
    }

    private Station station(int nth) {
        Target t = MonitoringTestData.hourlyAir(pool, nth);
        String key = TestClients.enterprise(registry, t.creditCode()).apiKey();
        String mn = newMn();
        given().header("X-API-Key", key).contentType("application/json")
                .body("{\"mn\": \"" + mn + "\", \"outletCode\": \"" + t.outlet() + "\"}")
                .post("/v1/permits/{n}/monitoring-devices", t.permitNumber()).then().statusCode(201);
        return new Station(t, key, mn);
    }

    private static ValidatableResponse send(String key, Target t, String body) {
        return given().header("X-API-Key", key).contentType("text/plain; charset=UTF-8").body(body)
                .post("/v1/permits/{n}/monitoring-records", t.permitNumber()).then();
    }

    @Test
    void packets_of_every_data_command_become_records_of_the_registered_outlet_with_exceedances_marked() {
        Station station = station(50);
        Target t = station.t();
        String key = station.key();
        String mn = station.mn();
        String p = t.pollutant();
        String above = t.max().add(BigDecimal.TEN).toPlainString();
        String within = t.max().divide(BigDecimal.valueOf(2)).toPlainString();
        String body = body(List.of(
                // hourly: the converted value (ZsAvg) is the one compared with the limit, not the measured one
                packet("2061", mn, hour(3, 8), p + "-Avg=" + above + "," + p + "-ZsAvg=" + within + "," + p + "-Flag=N"),
                packet("2061", mn, hour(3, 9), p + "-Min=1.0," + p + "-Avg=" + above + "," + p + "-Max=" + above + "," + p + "-Flag=N"),
                packet("2031", mn, hour(4, 0), p + "-Avg=" + above + "," + p + "-Flag=N"),
                packet("2051", mn, hour(3, 10).plusMinutes(20), p + "-Avg=" + within),
                packet("2011", mn, hour(3, 11).plusMinutes(5).plusSeconds(30), p + "-Rtd=" + within + "," + p + "-Flag=N")));

        send(key, t, body).statusCode(201)
                .body("received", equalTo(5)).body("inserted", equalTo(5)).body("exceedances", equalTo(1));

        List<Row> rows = Db.rows(pool, """
                SELECT outlet_code, pollutant_code, kind, averaging, measured_from, measured_to, value, flag, exceedance,
                       source, device_mn
                FROM monitoring_record WHERE permit_id = $1 ORDER BY measured_from""", t.permitId());
        assertThat(rows).extracting(r -> r.getString("averaging")).containsExactly("DAILY", "HOURLY", "HOURLY", "MINUTE", "SAMPLE");
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.getString("outlet_code")).isEqualTo(t.outlet());
            assertThat(r.getString("pollutant_code")).isEqualTo(p);
            assertThat(r.getString("kind")).isEqualTo("AUTOMATIC");
            assertThat(r.getString("source")).isEqualTo("HJ212");
            assertThat(r.getString("device_mn")).isEqualTo(mn);
            assertThat(r.getString("flag")).isEqualTo("VALID");
        });
        assertThat(rows.get(1).getBigDecimal("value")).isEqualByComparingTo(within);
        assertThat(rows.get(1).getBoolean("exceedance")).isFalse();
        assertThat(rows.get(2).getBoolean("exceedance")).as("the hourly mean above the hourly limit").isTrue();
        assertThat(rows.get(2).getOffsetDateTime("measured_to").toInstant()).isEqualTo(hour(3, 10).toInstant());
        assertThat(rows.get(3).getOffsetDateTime("measured_to").toInstant()).isEqualTo(hour(3, 10).plusMinutes(21).toInstant());
        assertThat(rows.get(4).getOffsetDateTime("measured_to")).isEqualTo(rows.get(4).getOffsetDateTime("measured_from"));

        // a station resends what it sent: nothing new
        send(key, t, body).statusCode(200).body("inserted", equalTo(0)).body("duplicates", equalTo(5));
        assertThat(stored(pool, t.permitId())).isEqualTo(5);
    }

    @Test
    void each_flag_of_table_8_is_stored_as_its_record_flag_and_only_valid_data_can_exceed() {
        Station station = station(51);
        Target t = station.t();
        String key = station.key();
        String mn = station.mn();
        String p = t.pollutant();
        String above = t.max().add(BigDecimal.TEN).toPlainString();
        List<String> flags = List.of("N", "F", "M", "S", "D", "C", "T", "B");
        List<String> packets = new ArrayList<>();
        for (int i = 0; i < flags.size(); i++) {
            packets.add(packet("2061", mn, hour(5, i), p + "-Avg=" + above + "," + p + "-Flag=" + flags.get(i)));
        }
        send(key, t, body(packets)).statusCode(201).body("inserted", equalTo(8)).body("exceedances", equalTo(1));
        assertThat(Db.strings(pool, "SELECT flag FROM monitoring_record WHERE permit_id = $1 ORDER BY measured_from", t.permitId()))
                .containsExactly("VALID", "STOPPED", "MAINTENANCE", "MANUAL_SET", "FAULT", "CALIBRATION", "OVER_RANGE",
                        "COMMUNICATION_FAULT");
    }

    @Test
    void a_packet_that_fails_its_crc_or_names_an_unregistered_device_refuses_the_batch_by_its_index() {
        Station station = station(52);
        Target t = station.t();
        String key = station.key();
        String mn = station.mn();
        String p = t.pollutant();
        String good = packet("2061", mn, hour(3, 8), p + "-Avg=1.5," + p + "-Flag=N");
        String damaged = packet("2061", mn, hour(3, 9), p + "-Avg=1.5," + p + "-Flag=N").replace("-Avg=1.5", "-Avg=9.5");
        String stranger = packet("2061", newMn(), hour(3, 10), p + "-Avg=1.5," + p + "-Flag=N");
        // HJ 212-2017's own example packet: framed correctly, but a command (1062, set the real-time interval), not data
        String standardExample = "##0101QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;"
                + "CP=&&RtdInterval=30&&1C80";

        send(key, t, body(List.of(good, damaged, stranger, standardExample))).statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("MONITORING_RECORDS_INVALID"))
                .body("detail", containsString("3 of the 4 HJ 212 packets"))
                .body("errors.findAll { it.path == 'body.packets[1].CRC' }.code", hasItem("HJ212_CRC_MISMATCH"))
                .body("errors.findAll { it.path == 'body.packets[2].MN' }.code", hasItem("HJ212_UNREGISTERED_DEVICE"))
                .body("errors.findAll { it.path == 'body.packets[3].CN' }.code", hasItem("HJ212_UNSUPPORTED_COMMAND"))
                .body("errors.path", org.hamcrest.Matchers.not(hasItem(containsString("packets[0]"))));
        assertThat(stored(pool, t.permitId())).as("nothing of the batch").isZero();
    }

    @Test
    void a_record_from_a_sound_packet_that_fails_the_permit_is_named_by_the_packet_field_it_came_from() {
        Station station = station(53);
        Target t = station.t();
        String key = station.key();
        String mn = station.mn();
        String p = t.pollutant();
        String notHere = Db.strings(pool, "SELECT code FROM pollutant WHERE code LIKE 'a%' AND NOT is_flow ORDER BY code").stream()
                .filter(c -> !t.pollutantsAtOutlet().contains(c)).findFirst().orElseThrow();
        send(key, t, body(List.of(
                packet("2061", mn, hour(3, 8), p + "-Avg=1.5," + p + "-Flag=N"),
                packet("2061", mn, hour(3, 9), p + "-ZsAvg=-2," + p + "-Flag=N;" + notHere + "-Avg=3," + notHere + "-Flag=N"),
                packet("2061", mn, hour(3, 10), "x99999-Avg=1"))))
                .statusCode(422)
                .body("code", equalTo("MONITORING_RECORDS_INVALID"))
                .body("errors.path", hasItems("body.packets[2].CP.x99999"))
                .body("errors.code", hasItem("HJ212_UNKNOWN_POLLUTANT"));
        // once every packet can be read and routed, the records are checked against the permit
        send(key, t, body(List.of(
                packet("2061", mn, hour(3, 8), p + "-Avg=1.5," + p + "-Flag=N"),
                packet("2061", mn, hour(3, 9), p + "-ZsAvg=-2," + p + "-Flag=N;" + notHere + "-Avg=3," + notHere + "-Flag=N"))))
                .statusCode(422)
                .body("errors.findAll { it.path == 'body.packets[1].CP." + p + "-ZsAvg' }.code", hasItem("NEGATIVE"))
                .body("errors.findAll { it.path == 'body.packets[1].CP." + notHere + "' }.code", hasItem("POLLUTANT_NOT_AT_OUTLET"));
        assertThat(stored(pool, t.permitId())).isZero();
    }

    @Test
    void an_empty_body_is_refused_and_the_batch_needs_the_filing_scope() {
        Target t = MonitoringTestData.hourlyAir(pool, 54);
        String key = TestClients.enterprise(registry, t.creditCode()).apiKey();
        send(key, t, "\r\n\r\n").statusCode(400).body("errors.path", hasItem("body.packets"));
        send(TestClients.onPlan(registry, "standard").apiKey(), t, body(List.of(
                packet("2061", newMn(), hour(3, 8), t.pollutant() + "-Avg=1.5")))).statusCode(403);
    }
}
