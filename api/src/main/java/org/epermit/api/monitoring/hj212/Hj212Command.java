package org.epermit.api.monitoring.hj212;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Optional;

/**
 * The HJ 212-2017 commands (CN) we ingest: the four data uploads. Each says what window its DataTime opens, and
 * which DataTimes are well-formed for it (an hourly packet must name the start of a clock hour, and so on), so that
 * an hourly mean can never be filed against a window it does not cover.
 */
public enum Hj212Command {
    /** 2011 实时数据: a value at an instant; DataTime is that instant. */
    REAL_TIME("2011"),
    /** 2051 分钟数据: the minute starting at DataTime (seconds 00). */
    MINUTE("2051"),
    /** 2061 小时数据: the clock hour starting at DataTime (minutes and seconds 00). */
    HOURLY("2061"),
    /** 2031 日数据: the day starting at DataTime (00:00:00). */
    DAILY("2031");

    private final String code;

    Hj212Command(String code) {
        this.code = code;
    }

    /** The CN value as it appears in a packet. */
    public String code() {
        return code;
    }

    public static Optional<Hj212Command> ofCode(String cn) {
        return Arrays.stream(values()).filter(c -> c.code.equals(cn)).findFirst();
    }

    /** Whether DataTime is a valid start for this command's window. */
    public boolean isAligned(LocalDateTime dataTime) {
        return switch (this) {
            case REAL_TIME -> true;
            case MINUTE -> dataTime.getSecond() == 0 && dataTime.getNano() == 0;
            case HOURLY -> dataTime.getMinute() == 0 && dataTime.getSecond() == 0 && dataTime.getNano() == 0;
            case DAILY -> dataTime.toLocalTime().toSecondOfDay() == 0 && dataTime.getNano() == 0;
        };
    }

    /** The (exclusive) end of the window that DataTime opens, in station-local time; equal to it for real-time data. */
    public LocalDateTime windowEnd(LocalDateTime dataTime) {
        return switch (this) {
            case REAL_TIME -> dataTime;
            case MINUTE -> dataTime.plusMinutes(1);
            case HOURLY -> dataTime.plusHours(1);
            case DAILY -> dataTime.plusDays(1);
        };
    }
}
