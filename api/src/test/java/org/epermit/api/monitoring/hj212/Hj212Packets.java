package org.epermit.api.monitoring.hj212;

/** Packets for tests, framed the way a station frames them. */
final class Hj212Packets {

    /** HJ 212-2017's own example (appendix A): length 0101, CRC 1C80. */
    static final String STANDARD_SEGMENT =
            "QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&";
    static final String STANDARD_PACKET = "##0101" + STANDARD_SEGMENT + "1C80\r\n";

    /**
     * A packet a station simulator sends, with its CRC as published: XwjAccout/xmmems,
     * src/main/java/com/xmmems/client/Client.java (commit 318b0377d336f7467e69bf114360b36df67dbcd4).
     * Length 0561, CRC 4C80; its DataTime 21:00:01 is one second past the hour.
     */
    static final String PUBLIC_HOURLY_PACKET = "##0561QN=20201030000000437;ST=21;CN=2061;PW=123456;MN=NM100000_0005;"
            + "Flag=9;CP=&&DataTime=20201129210001;w01010-Avg=23.1,w01010-Flag=N;w01001-Avg=7.64,w01001-Flag=N;"
            + "w01009-Avg=6.60,w01009-Flag=N;w01014-Avg=300,w01014-Flag=N;w01003-Avg=17,w01003-Flag=N;"
            + "w01019-Avg=1.4,w01019-Flag=N;w21011-Avg=0.042,w21011-Flag=N;w21001-Avg=3.04,w21001-Flag=N;"
            + "w21003-Avg=0.16,w21003-Flag=N;w20120-Avg=0.00011,w20120-Flag=N;w20119-Avg=0.00000,w20119-Flag=N;"
            + "w23002-Avg=0.0005,w23002-Flag=N;w21016-Avg=0.002,w21016-Flag=N;w20115-Avg=0.00001,w20115-Flag=N;"
            + "w20122-Avg=0.00005,w20122-Flag=N&&4C80\r\n";

    static final String MN = "88888880000001";

    private Hj212Packets() {
    }

    /** A correctly framed packet around a segment (without CRLF). */
    static String frame(String segment) {
        return "##" + String.format("%04d", segment.length()) + segment + Hj212Crc.hex(segment);
    }

    /** A data segment of a command with the given CP content (between the &&). */
    static String segment(String cn, String cp) {
        return "QN=20240301100512345;ST=31;CN=" + cn + ";PW=123456;MN=" + MN + ";Flag=4;CP=&&" + cp + "&&";
    }

    /** A framed hourly (2061) packet. */
    static String hourly(String cp) {
        return frame(segment("2061", cp));
    }
}
