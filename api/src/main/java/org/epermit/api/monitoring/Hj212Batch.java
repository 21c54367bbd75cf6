package org.epermit.api.monitoring;

import org.epermit.api.monitoring.hj212.Hj212Command;
import org.epermit.api.monitoring.hj212.Hj212Measurement;
import org.epermit.api.monitoring.hj212.Hj212Measurements;
import org.epermit.api.monitoring.hj212.Hj212ParseOutcome;
import org.epermit.api.monitoring.hj212.Hj212Parser;
import org.epermit.api.problem.ApiException;
import org.epermit.api.problem.ErrorCode;
import org.epermit.api.problem.FieldError;
import org.epermit.api.problem.Message;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An HJ 212-2017 body ({@code text/plain}, one packet per line) as a batch of records for one permit: each packet's
 * frame and fields checked ({@link Hj212Parser}), its device number routed to the outlet it is registered to, and each
 * pollutant value it carries made a record of the kind {@code AUTOMATIC}, in the unit HJ 212 fixes for its code.
 *
 * <p>The packets are checked first, all of them: a packet that cannot be read or routed refuses the batch with every
 * such packet listed ({@code body.packets[p]...}), before any record is checked against the permit. Records from sound
 * packets are then checked like any others, their errors named after the packet field they came from.
 */
final class Hj212Batch {

    private static final Hj212Parser PARSER = new Hj212Parser();
    /** DataTimes are China Standard Time: the clock of the stations that report to Chinese permits. */
    private static final Hj212Measurements MEASUREMENTS = new Hj212Measurements(Hj212Measurements.CHINA_STANDARD_TIME);

    private Hj212Batch() {
    }

    /**
     * @param outletsByDevice the outlet each device number (MN) registered to the permit reports for
     * @param pollutantUnits  each pollutant's unit (reference data: HJ 212-2017's table of codes)
     */
    static MonitoringIntake.Parsed read(String body, Map<String, String> outletsByDevice, Map<String, String> pollutantUnits,
                                        int maxRecords, int maxListedErrors) {
        List<Hj212ParseOutcome> outcomes = PARSER.parseBody(body == null ? "" : body);
        if (outcomes.isEmpty()) {
            throw ApiException.validation(List.of(new FieldError("body.packets", "REQUIRED", Message.of(
                    "must hold at least one HJ 212 packet, one per line", "至少应包含一个HJ 212数据包（每行一个）"))));
        }
        List<FieldError> errors = new ArrayList<>();
        int refused = 0;
        List<RawRecord> records = new ArrayList<>();
        List<Source> sources = new ArrayList<>();
        for (Hj212ParseOutcome outcome : outcomes) {
            String packetPath = packetPath(outcome.index());
            if (outcome instanceof Hj212ParseOutcome.Rejected rejected) {
                refused++;
                rejected.errors().forEach(e -> errors.add(e.toFieldError(packetPath)));
            } else if (outcome instanceof Hj212ParseOutcome.Parsed parsed) {
                String outlet = outletsByDevice.get(parsed.packet().mn());
                List<Hj212Measurement> measurements = MEASUREMENTS.of(parsed.packet());
                int before = errors.size();
                if (outlet == null) {
                    errors.add(new FieldError(packetPath + ".MN", "HJ212_UNREGISTERED_DEVICE", Message.of(
                            "names device " + parsed.packet().mn() + ", which is not registered to this permit; "
                                    + "register it to its outlet (POST …/monitoring-devices) first",
                            "设备编号" + parsed.packet().mn() + "未登记到该许可证；请先将其登记到所属排放口（POST …/monitoring-devices）")));
                }
                if (measurements.isEmpty()) {
                    errors.add(new FieldError(packetPath + ".CP", "HJ212_NO_VALUES", Message.of(
                            "carries no pollutant values", "不含任何污染物数据")));
                }
                for (Hj212Measurement m : measurements) {
                    if (!pollutantUnits.containsKey(m.pollutantCode())) {
                        errors.add(new FieldError(packetPath + ".CP." + m.pollutantCode(), "HJ212_UNKNOWN_POLLUTANT", Message.of(
                                "is not a pollutant code of HJ 212-2017 (GET /v1/reference/pollutants lists them)",
                                "不是HJ 212-2017的污染物编码（GET /v1/reference/pollutants 列出全部编码）")));
                    } else if (m.value() == null) {
                        errors.add(new FieldError(packetPath + ".CP." + m.pollutantCode(), "HJ212_NO_VALUE", Message.of(
                                "sends no value to record (" + valueFields(m.command()) + "); a cumulative amount "
                                        + "alone (-Cou) is not a monitoring value",
                                "没有可记录的数值（" + valueFields(m.command()) + "）；仅有累计值（-Cou）不构成监测数据")));
                    }
                }
                if (errors.size() > before) {
                    refused++;
                    continue;
                }
                for (Hj212Measurement m : measurements) {
                    records.add(record(m, outlet, pollutantUnits.get(m.pollutantCode())));
                    sources.add(new Source(outcome.index(), m.pollutantCode(), m.valueField()));
                }
            }
        }
        if (!errors.isEmpty()) {
            List<FieldError> listed = errors.size() > maxListedErrors ? errors.subList(0, maxListedErrors) : errors;
            String shown = listed.size() < errors.size() ? "; the first " + listed.size() + " are listed" : "";
            String shownZh = listed.size() < errors.size() ? "；以下列出前" + listed.size() + "个" : "";
            throw new ApiException(ErrorCode.MONITORING_RECORDS_INVALID, Message.of(
                    refused + " of the " + outcomes.size() + " HJ 212 packets cannot be read or routed (" + errors.size()
                            + " failing field" + (errors.size() == 1 ? "" : "s") + shown + "). Nothing of the batch was "
                            + "stored: correct them and send the batch again.",
                    outcomes.size() + "个HJ 212数据包中有" + refused + "个无法读取或无法对应排放口（共" + errors.size() + "处错误"
                            + shownZh + "）。整批数据均未保存，请更正后重新报送。"),
                    List.copyOf(listed));
        }
        if (records.size() > maxRecords) {
            throw ApiException.validation(List.of(new FieldError("body.packets", "TOO_MANY", Message.of(
                    "carry " + records.size() + " pollutant values, more than the " + maxRecords + " records a batch may "
                            + "hold; split the upload into batches of fewer packets",
                    "共含" + records.size() + "个污染物数值，超过每批最多" + maxRecords + "条记录的限制；请分批报送"))));
        }
        return new MonitoringIntake.Parsed(records, Map.of(), paths(sources));
    }

    /** Where a record came from: the packet, the pollutant, and the field its value was read from. */
    private record Source(int packet, String pollutantCode, String valueField) {
    }

    private static RecordPaths paths(List<Source> sources) {
        return (index, field) -> {
            Source s = sources.get(index);
            String packet = packetPath(s.packet());
            return switch (field == null ? "" : field) {
                case "outletCode", "deviceMn" -> packet + ".MN";
                case "kind", "averaging" -> packet + ".CN";
                case "from", "to" -> packet + ".CP.DataTime";
                case "value" -> packet + ".CP." + s.pollutantCode() + "-" + s.valueField();
                case "flag" -> packet + ".CP." + s.pollutantCode() + "-Flag";
                default -> packet + ".CP." + s.pollutantCode();
            };
        };
    }

    private static String packetPath(int index) {
        return "body.packets[" + index + "]";
    }

    private static RawRecord record(Hj212Measurement m, String outlet, String unit) {
        return new RawRecord(outlet, m.pollutantCode(), RecordKind.AUTOMATIC.name(), averaging(m.command()).name(),
                time(m.from()), time(m.to()), m.value().toPlainString(), unit, m.flag().name(), m.mn());
    }

    private static Averaging averaging(Hj212Command command) {
        return switch (command) {
            case REAL_TIME -> Averaging.SAMPLE;
            case MINUTE -> Averaging.MINUTE;
            case HOURLY -> Averaging.HOURLY;
            case DAILY -> Averaging.DAILY;
        };
    }

    private static String valueFields(Hj212Command command) {
        return command == Hj212Command.REAL_TIME ? "-ZsRtd or -Rtd" : "-ZsAvg or -Avg";
    }

    private static String time(java.time.Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atOffset(ZoneOffset.ofHours(8)));
    }
}
