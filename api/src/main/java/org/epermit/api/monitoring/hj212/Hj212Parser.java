package org.epermit.api.monitoring.hj212;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.epermit.api.problem.Message;

/**
 * Parses HJ 212-2017 data packets: {@code ##} + 4-digit length + data segment + 4-hex-digit CRC16 + CRLF.
 *
 * <p>The length is the number of characters of the data segment. The standard (6.1.1) defines it as the segment's
 * count of ASCII characters; since we refuse anything outside printable ASCII first, characters, bytes and the
 * standard's count are the same number. The CRC is {@link Hj212Crc} over the data segment only.
 *
 * <p>Pure and stateless: safe to share. A body holds one packet per line (CRLF or LF); blank lines are skipped.
 */
public final class Hj212Parser {

    private static final Pattern FOUR_DIGITS = Pattern.compile("\\d{4}");
    private static final Pattern FOUR_HEX = Pattern.compile("[0-9A-Fa-f]{4}");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern FLAG = Pattern.compile("\\d{1,3}");
    private static final Pattern POLLUTANT_CODE = Pattern.compile("[A-Za-z0-9]+");
    private static final DateTimeFormatter DATA_TIME =
            DateTimeFormatter.ofPattern("uuuuMMddHHmmss", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter QN_TIME =
            DateTimeFormatter.ofPattern("uuuuMMddHHmmssSSS", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    /**
     * The header fields of 6.3.2. PNUM and PNO number the pieces of a split packet; each piece carries its own CP,
     * so a piece is parsed like any packet and those two are accepted and not kept.
     */
    private static final Set<String> HEADER_FIELDS = Set.of("QN", "ST", "CN", "PW", "MN", "Flag", "PNUM", "PNO");
    private static final String ACCEPTED_COMMANDS = Arrays.stream(Hj212Command.values())
            .map(Hj212Command::code).collect(Collectors.joining(", "));

    /** Every packet of a body, in order, each parsed or rejected; one bad packet never hides the others. */
    public List<Hj212ParseOutcome> parseBody(String body) {
        List<Hj212ParseOutcome> outcomes = new ArrayList<>();
        String[] lines = body.split("\n", -1);
        int index = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            if (line.isBlank()) {
                continue;
            }
            outcomes.add(parsePacket(line, index++, i + 1));
        }
        return outcomes;
    }

    /** One packet, with or without its trailing CRLF. */
    public Hj212ParseOutcome parsePacket(String packet) {
        String text = packet.endsWith("\r\n") ? packet.substring(0, packet.length() - 2)
                : packet.endsWith("\n") ? packet.substring(0, packet.length() - 1) : packet;
        return parsePacket(text, 0, 1);
    }

    private Hj212ParseOutcome parsePacket(String text, int index, int line) {
        Object framed = frame(text);
        if (framed instanceof Hj212Error error) {
            return new Hj212ParseOutcome.Rejected(index, line, List.of(error));
        }
        List<Hj212Error> errors = new ArrayList<>();
        Hj212Packet packet = fields((String) framed, errors);
        return errors.isEmpty()
                ? new Hj212ParseOutcome.Parsed(index, line, packet)
                : new Hj212ParseOutcome.Rejected(index, line, errors);
    }

    /** The checked data segment, or the first framing error. */
    private static Object frame(String text) {
        if (!text.startsWith("##")) {
            return error(Hj212ErrorCode.HJ212_MISSING_HEADER, "header",
                    "must start with ##", "必须以##开头");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                String at = "U+" + String.format(Locale.ROOT, "%04X", (int) c) + " at character " + (i + 1);
                return error(Hj212ErrorCode.HJ212_NOT_ASCII, "segment",
                        "holds " + at + "; HJ 212 packets are printable ASCII",
                        "第" + (i + 1) + "个字符为U+" + String.format(Locale.ROOT, "%04X", (int) c) + "；HJ 212报文只能包含可打印ASCII字符");
            }
        }
        String length = text.length() >= 6 ? text.substring(2, 6) : text.substring(2);
        if (!FOUR_DIGITS.matcher(length).matches()) {
            return error(Hj212ErrorCode.HJ212_BAD_LENGTH, "length",
                    "must be 4 decimal digits after ##, got '" + length + "'",
                    "##后应为4位十进制数据段长度，实际为“" + length + "”");
        }
        int declared = Integer.parseInt(length);
        String rest = text.substring(6);
        int actual = Math.max(0, rest.length() - 4);
        if (rest.length() != declared + 4) {
            return error(Hj212ErrorCode.HJ212_LENGTH_MISMATCH, "length",
                    "declares " + length + " but the data segment before the 4-digit CRC has " + actual + " characters",
                    "声明长度为" + length + "，但CRC前的数据段有" + actual + "个字符");
        }
        String segment = rest.substring(0, declared);
        String sent = rest.substring(declared);
        if (!FOUR_HEX.matcher(sent).matches()) {
            return error(Hj212ErrorCode.HJ212_BAD_CRC_FORMAT, "CRC",
                    "must be 4 hex digits, got '" + sent + "'", "应为4位十六进制数，实际为“" + sent + "”");
        }
        String expected = Hj212Crc.hex(segment);
        if (!expected.equalsIgnoreCase(sent)) {
            return error(Hj212ErrorCode.HJ212_CRC_MISMATCH, "CRC",
                    "expected " + expected + " (CRC16 of the data segment), got " + sent,
                    "应为" + expected + "（数据段的CRC16），实际为" + sent);
        }
        return segment;
    }

    private static Hj212Packet fields(String segment, List<Hj212Error> errors) {
        // CP is the last field and its content holds ';' of its own, so the header ends where ";CP=" starts.
        int separator = segment.indexOf(";CP=");
        int cpAt = segment.startsWith("CP=") ? 0 : separator < 0 ? -1 : separator + 1;
        String header = cpAt > 0 ? segment.substring(0, cpAt - 1) : cpAt == 0 ? "" : segment;
        Map<String, String> fields = new LinkedHashMap<>();
        for (String item : header.isEmpty() ? new String[0] : header.split(";", -1)) {
            int eq = item.indexOf('=');
            if (eq <= 0) {
                errors.add(error(Hj212ErrorCode.HJ212_MALFORMED, "segment",
                        "'" + item + "' is not key=value", "“" + item + "”不是“键=值”格式"));
                continue;
            }
            String key = item.substring(0, eq);
            if (!HEADER_FIELDS.contains(key)) {
                errors.add(error(Hj212ErrorCode.HJ212_MALFORMED, key,
                        "is not a field of the data segment (expected QN, ST, CN, PW, MN, Flag, PNUM, PNO, then CP)",
                        "不是数据段字段（应为QN、ST、CN、PW、MN、Flag、PNUM、PNO，最后为CP）"));
            } else if (fields.putIfAbsent(key, item.substring(eq + 1)) != null) {
                errors.add(error(Hj212ErrorCode.HJ212_MALFORMED, key, "is given twice", "重复出现"));
            }
        }
        for (String required : List.of("QN", "CN", "MN")) {
            if (fields.get(required) == null || fields.get(required).isEmpty()) {
                errors.add(missing(required));
            }
        }
        if (cpAt < 0) {
            errors.add(missing("CP"));
        }

        String qn = fields.get("QN");
        if (qn != null && !qn.isEmpty() && !isQn(qn)) {
            errors.add(error(Hj212ErrorCode.HJ212_BAD_QN, "QN",
                    "must be a request time yyyyMMddHHmmssSSS, got '" + qn + "'",
                    "应为请求时间yyyyMMddHHmmssSSS，实际为“" + qn + "”"));
        }
        String cn = fields.get("CN");
        Hj212Command command = cn == null ? null : Hj212Command.ofCode(cn).orElse(null);
        if (cn != null && !cn.isEmpty() && command == null) {
            errors.add(error(Hj212ErrorCode.HJ212_UNSUPPORTED_COMMAND, "CN",
                    "command " + cn + " is not a data upload we accept (" + ACCEPTED_COMMANDS + ")",
                    "命令" + cn + "不是可接收的数据上传命令（" + ACCEPTED_COMMANDS + "）"));
        }
        String flagText = fields.get("Flag");
        Integer flag = null;
        if (flagText != null) {
            if (FLAG.matcher(flagText).matches() && Integer.parseInt(flagText) <= 255) {
                flag = Integer.parseInt(flagText);
            } else {
                errors.add(error(Hj212ErrorCode.HJ212_MALFORMED, "Flag",
                        "must be a number 0-255, got '" + flagText + "'", "应为0-255的数字，实际为“" + flagText + "”"));
            }
        }

        LocalDateTime dataTime = null;
        List<Hj212Pollutant> pollutants = List.of();
        if (cpAt >= 0) {
            String cp = segment.substring(cpAt + 3);
            if (cp.length() < 4 || !cp.startsWith("&&") || !cp.endsWith("&&")) {
                errors.add(error(Hj212ErrorCode.HJ212_MALFORMED_CP, "CP",
                        "must be the last field, written CP=&&...&&", "应为最后一个字段，格式为CP=&&...&&"));
            } else if (command != null || cn == null || cn.isEmpty()) {
                // Other commands give CP other contents (1062's is RtdInterval=30): read it as data only for ours.
                CpData data = cp(cp.substring(2, cp.length() - 2), command, errors);
                dataTime = data.dataTime;
                pollutants = data.pollutants;
            }
        }
        if (!errors.isEmpty()) {
            return null;
        }
        return new Hj212Packet(qn, fields.get("ST"), command, fields.get("PW"), fields.get("MN"), flag, dataTime,
                pollutants);
    }

    private record CpData(LocalDateTime dataTime, List<Hj212Pollutant> pollutants) {
    }

    /** CP's items are separated by ';', the fields of an item by ','; pollutant fields are {@code code-Field=value}. */
    private static CpData cp(String cp, Hj212Command command, List<Hj212Error> errors) {
        String dataTimeText = null;
        Map<String, Map<String, String>> byPollutant = new LinkedHashMap<>();
        String[] items = cp.split(";", -1);
        for (int i = 0; i < items.length; i++) {
            if (items[i].isEmpty() && i == items.length - 1 && i > 0) {
                continue; // a ';' before the closing && is common and harmless
            }
            for (String field : items[i].split(",", -1)) {
                int eq = field.indexOf('=');
                if (eq <= 0) {
                    errors.add(error(Hj212ErrorCode.HJ212_MALFORMED_CP, "CP",
                            "'" + field + "' is not key=value", "“" + field + "”不是“键=值”格式"));
                    continue;
                }
                String key = field.substring(0, eq);
                String value = field.substring(eq + 1);
                int dash = key.indexOf('-');
                if (key.equals("DataTime")) {
                    if (dataTimeText != null) {
                        errors.add(error(Hj212ErrorCode.HJ212_MALFORMED_CP, "CP.DataTime", "is given twice", "重复出现"));
                    }
                    dataTimeText = value;
                } else if (dash > 0 && dash < key.length() - 1
                        && POLLUTANT_CODE.matcher(key.substring(0, dash)).matches()) {
                    Map<String, String> pollutant = byPollutant.computeIfAbsent(key.substring(0, dash),
                            k -> new LinkedHashMap<>());
                    if (pollutant.putIfAbsent(key.substring(dash + 1), value) != null) {
                        errors.add(error(Hj212ErrorCode.HJ212_MALFORMED_CP, "CP." + key, "is given twice", "重复出现"));
                    }
                } else {
                    errors.add(error(Hj212ErrorCode.HJ212_MALFORMED_CP, "CP." + key,
                            "is neither DataTime nor a pollutant field <code>-<field>",
                            "既不是DataTime，也不是污染物字段“编码-字段”"));
                }
            }
        }

        LocalDateTime dataTime = null;
        if (dataTimeText == null) {
            errors.add(missing("CP.DataTime"));
        } else {
            try {
                dataTime = LocalDateTime.parse(dataTimeText, DATA_TIME);
            } catch (DateTimeParseException e) {
                errors.add(error(Hj212ErrorCode.HJ212_BAD_DATATIME, "CP.DataTime",
                        "must be a time yyyyMMddHHmmss, got '" + dataTimeText + "'",
                        "应为时间yyyyMMddHHmmss，实际为“" + dataTimeText + "”"));
            }
        }
        if (dataTime != null && command != null && !command.isAligned(dataTime)) {
            errors.add(error(Hj212ErrorCode.HJ212_MISALIGNED_DATATIME, "CP.DataTime",
                    dataTimeText + " is not the start of the " + windowName(command).en() + " that CN="
                            + command.code() + " reports",
                    dataTimeText + "不是CN=" + command.code() + "所报" + windowName(command).zh() + "的起始时间"));
        }

        List<Hj212Pollutant> pollutants = new ArrayList<>();
        byPollutant.forEach((code, fields) -> {
            Map<String, BigDecimal> values = new LinkedHashMap<>();
            Map<String, String> texts = new LinkedHashMap<>();
            Hj212Flag flag = null;
            for (Map.Entry<String, String> field : fields.entrySet()) {
                String name = field.getKey();
                String value = field.getValue();
                String path = "CP." + code + "-" + name;
                if (Hj212Pollutant.NUMERIC_FIELDS.contains(name)) {
                    if (NUMBER.matcher(value).matches()) {
                        values.put(name, new BigDecimal(value));
                    } else {
                        errors.add(error(Hj212ErrorCode.HJ212_NOT_A_NUMBER, path,
                                "must be a decimal number, got '" + value + "'", "应为十进制数，实际为“" + value + "”"));
                    }
                } else if (name.equals("Flag")) {
                    flag = Hj212Flag.ofLetter(value).orElse(null);
                    if (flag == null) {
                        errors.add(error(Hj212ErrorCode.HJ212_UNKNOWN_FLAG, path,
                                "'" + value + "' is not a data flag of HJ 212-2017 table 8 (N, F, M, S, D, C, T, B)",
                                "“" + value + "”不是HJ 212-2017表8的数据标记（N、F、M、S、D、C、T、B）"));
                    }
                } else {
                    texts.put(name, value);
                }
            }
            pollutants.add(new Hj212Pollutant(code, values, flag, texts));
        });
        return new CpData(dataTime, pollutants);
    }

    private static Message windowName(Hj212Command command) {
        return switch (command) {
            case MINUTE -> Message.of("minute", "分钟");
            case HOURLY -> Message.of("clock hour", "小时");
            case DAILY -> Message.of("day", "日");
            case REAL_TIME -> Message.of("instant", "时刻");
        };
    }

    private static boolean isQn(String qn) {
        try {
            LocalDateTime.parse(qn, QN_TIME);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static Hj212Error missing(String field) {
        return error(Hj212ErrorCode.HJ212_MISSING_FIELD, field, "is required", "为必填字段");
    }

    private static Hj212Error error(Hj212ErrorCode code, String field, String en, String zh) {
        return new Hj212Error(code, field, Message.of(en, zh));
    }
}
