package org.epermit.api.monitoring.hj212;

import java.util.Arrays;
import java.util.Optional;
import org.epermit.api.monitoring.RecordFlag;
import org.epermit.api.problem.Message;

/**
 * The data flags of HJ 212-2017 table 8 (数据标记), sent per pollutant as {@code <code>-Flag=<letter>}, and the
 * {@link RecordFlag} each becomes in our records. The Chinese meanings follow the table's wording.
 */
public enum Hj212Flag {
    N('N', RecordFlag.VALID, Message.of("instrument working normally", "在线监控（监测）仪器仪表工作正常")),
    F('F', RecordFlag.STOPPED, Message.of("instrument stopped", "在线监控（监测）仪器仪表停运")),
    M('M', RecordFlag.MAINTENANCE, Message.of("data produced during instrument maintenance", "在线监控（监测）仪器仪表处于维护期间产生的数据")),
    S('S', RecordFlag.MANUAL_SET, Message.of("value set by hand", "手工输入的设定值")),
    D('D', RecordFlag.FAULT, Message.of("instrument fault", "在线监控（监测）仪器仪表故障")),
    C('C', RecordFlag.CALIBRATION, Message.of("instrument in calibration", "在线监控（监测）仪器仪表处于校准状态")),
    T('T', RecordFlag.OVER_RANGE, Message.of("sampled value above the measuring range", "在线监控（监测）仪器仪表采样数值超过测量上限")),
    B('B', RecordFlag.COMMUNICATION_FAULT, Message.of("communication fault between instrument and data logger", "在线监控（监测）仪器仪表与数采仪通讯异常"));

    private final char letter;
    private final RecordFlag recordFlag;
    private final Message meaning;

    Hj212Flag(char letter, RecordFlag recordFlag, Message meaning) {
        this.letter = letter;
        this.recordFlag = recordFlag;
        this.meaning = meaning;
    }

    /** The letter as sent in a packet. */
    public char letter() {
        return letter;
    }

    /** The flag our monitoring records carry for data sent with this flag. */
    public RecordFlag recordFlag() {
        return recordFlag;
    }

    /** What table 8 says the flag means. */
    public Message meaning() {
        return meaning;
    }

    /** The flag for a value as sent; letters are case-sensitive, as in the standard (an unknown one is empty). */
    public static Optional<Hj212Flag> ofLetter(String value) {
        if (value == null || value.length() != 1) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(f -> f.letter == value.charAt(0)).findFirst();
    }
}
