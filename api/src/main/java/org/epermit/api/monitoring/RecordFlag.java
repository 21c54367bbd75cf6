package org.epermit.api.monitoring;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.epermit.api.problem.Message;

/**
 * The condition a monitoring record was produced under. Every record carries one; only {@link #VALID} records are
 * valid data, so only they enter exceedance checks, valid hourly/daily means and their completeness counts. The
 * others are kept (they are evidence of stoppages, faults and maintenance, which execution reports must explain)
 * but never compared with a limit: a value the instrument itself disowns can neither prove nor clear an exceedance.
 *
 * <p>The values mirror the data flags of HJ 212-2017 table 8 one to one (see
 * {@code org.epermit.api.monitoring.hj212.Hj212Flag}), named in our words so that manual records can use them too.
 */
@Schema(name = "MonitoringRecordFlag", type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, description = "The data flag (HJ 212-2017 table 8): VALID (N), STOPPED (F), "
        + "MAINTENANCE (M), MANUAL_SET (S), FAULT (D), CALIBRATION (C), OVER_RANGE (T), COMMUNICATION_FAULT (B). "
        + "Only VALID data is compared with the limit")
public enum RecordFlag {
    /** HJ 212 {@code N}: the instrument worked normally; the only flag whose values are valid data. */
    VALID(true, Message.of("valid: the instrument worked normally", "有效：仪器工作正常")),
    /** HJ 212 {@code F}: the instrument was stopped; any value is not a measurement of the discharge. */
    STOPPED(false, Message.of("instrument stopped: not a measurement of the discharge", "仪器停运：不是对排放的测量")),
    /** HJ 212 {@code M}: produced during maintenance; the sample path may be open or bypassed. */
    MAINTENANCE(false, Message.of("produced during maintenance: not representative", "维护期间产生：不具代表性")),
    /** HJ 212 {@code S}: a value set by hand at the station, not measured; never evidence either way. */
    MANUAL_SET(false, Message.of("set by hand at the station, not measured", "现场手工输入的设定值，非测量值")),
    /** HJ 212 {@code D}: the instrument was faulty; its value cannot be trusted. */
    FAULT(false, Message.of("instrument fault: the value cannot be trusted", "仪器故障：数值不可信")),
    /** HJ 212 {@code C}: the instrument was measuring a calibration gas or standard solution, not the discharge. */
    CALIBRATION(false, Message.of("calibration: the instrument measured a standard, not the discharge", "校准：仪器测量的是标准物质而非排放")),
    /**
     * HJ 212 {@code T}: above the instrument's measuring range; the true value is unknown (at least the upper limit),
     * so it is not a valid mean; exceedance rules that treat it as one are a policy decision made elsewhere.
     */
    OVER_RANGE(false, Message.of("above the measuring range: the true value is unknown", "超测上限：真实值未知")),
    /** HJ 212 {@code B}: communication between instrument and data logger failed; the value may be stale or lost. */
    COMMUNICATION_FAULT(false, Message.of("communication fault between instrument and data logger", "仪器与数采仪通讯异常"));

    private final boolean validData;
    private final Message meaning;

    RecordFlag(boolean validData, Message meaning) {
        this.validData = validData;
        this.meaning = meaning;
    }

    /** Whether records with this flag count as valid data for exceedance checks and means. */
    public boolean countsAsValidData() {
        return validData;
    }

    /** What the flag means, for people. */
    public Message meaning() {
        return meaning;
    }
}
