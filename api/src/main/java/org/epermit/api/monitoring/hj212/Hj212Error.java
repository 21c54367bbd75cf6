package org.epermit.api.monitoring.hj212;

import org.epermit.api.problem.FieldError;
import org.epermit.api.problem.Message;

/**
 * One reason a packet was refused. {@code field} names the part of the packet at fault the way the packet spells
 * it: {@code header}, {@code length}, {@code CRC}, {@code QN}, {@code CP}, {@code CP.DataTime}, {@code CP.w01018-Avg}.
 */
public record Hj212Error(Hj212ErrorCode code, String field, Message message) {

    /** As a field error of a request, e.g. {@code toFieldError("body.packets[3]")} gives {@code body.packets[3].CRC}. */
    public FieldError toFieldError(String packetPath) {
        return new FieldError(packetPath + "." + field, code.name(), message);
    }
}
