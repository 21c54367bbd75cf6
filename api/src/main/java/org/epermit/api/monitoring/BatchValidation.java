package org.epermit.api.monitoring;

import org.epermit.api.permit.PublicPermit;
import org.epermit.api.permit.terms.PermitVersions;
import org.epermit.api.problem.ApiException;
import org.epermit.api.problem.ErrorCode;
import org.epermit.api.problem.FieldError;
import org.epermit.api.problem.Message;
import org.epermit.codes.Printable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a whole batch in memory against the permit's versions, before any transaction: each record against the
 * version in force on its day (China time), and the records against each other. One failing record refuses the batch
 * ({@code MONITORING_RECORDS_INVALID}, 422) with every failing field listed up to a limit; a valid batch comes back as
 * the records to store, each marked as an exceedance or not against the limit that applies to it.
 *
 * <p>Pure: the permit's terms, the pollutants' own units, the time now and the zone are given, so tests can check every
 * rule without a database.
 */
final class BatchValidation {

    /** pH is a dimensionless value on a 0–14 scale. */
    static final String PH = "w01001";
    private static final BigDecimal PH_MAX = BigDecimal.valueOf(14);
    /** Larger than any concentration, flow or count a station reports: a value this large is a unit or typing error. */
    private static final BigDecimal ABSURD = new BigDecimal("1E12");
    private static final Set<String> NOT_FINITE = Set.of("nan", "+nan", "-nan", "infinity", "+infinity", "-infinity",
            "inf", "+inf", "-inf");

    private final PermitVersions permit;
    private final Map<String, String> pollutantUnits;
    private final OffsetDateTime now;
    private final ZoneId zone;
    private final int maxListedErrors;
    private final RecordPaths paths;
    // A batch is mostly one permit version and a handful of outlets and pollutants: each is looked up once, not once a
    // record
    private final Map<LocalDate, Optional<PermitVersions.VersionTerms>> versionsByDay = new HashMap<>();
    private final Map<Integer, Map<String, PublicPermit.Outlet>> outlets = new HashMap<>();
    private final Map<String, Map<String, PublicPermit.OutletPollutant>> pollutants = new HashMap<>();

    /**
     * @param permit         the permit's versions and holding
     * @param pollutantUnits each pollutant's own unit (reference data), the unit of a pollutant the outlet monitors
     *                       without a limit (flow)
     * @param now            the time now: no record may end after it
     * @param zone           the zone of a record's day (Asia/Shanghai)
     */
    BatchValidation(PermitVersions permit, Map<String, String> pollutantUnits, OffsetDateTime now, ZoneId zone,
                    int maxListedErrors) {
        this(permit, pollutantUnits, now, zone, maxListedErrors, RecordPaths.LISTED);
    }

    /** @param paths how errors name a record's fields, after the body the batch came in */
    BatchValidation(PermitVersions permit, Map<String, String> pollutantUnits, OffsetDateTime now, ZoneId zone,
                    int maxListedErrors, RecordPaths paths) {
        this.paths = paths;
        this.permit = permit;
        this.pollutantUnits = pollutantUnits;
        this.now = now;
        this.zone = zone;
        this.maxListedErrors = maxListedErrors;
    }

    /** A record that passed, ready to store; {@code index} is its place in the batch. */
    record ValidRecord(int index, int permitVersion, String outletCode, String pollutantCode, RecordKind kind,
                       Averaging averaging, OffsetDateTime from, OffsetDateTime to, BigDecimal value, String unit,
                       RecordFlag flag, boolean exceedance, BigDecimal limitMin, BigDecimal limitMax, String deviceMn) {

        /** The record's identity: what the unique key of monitoring_record holds (with the permit). */
        Key key() {
            return new Key(outletCode, pollutantCode, kind, averaging, from.toInstant());
        }

        /** Whether {@code other}, with the same key, says the same: a resend, not a conflict. */
        boolean sameAs(ValidRecord other) {
            return value.compareTo(other.value) == 0 && unit.equals(other.unit) && flag == other.flag
                    && to.isEqual(other.to);
        }
    }

    record Key(String outletCode, String pollutantCode, RecordKind kind, Averaging averaging, java.time.Instant from) {
    }

    /**
     * The records to store, in batch order, without the in-batch repeats of an identical record (counted in
     * {@code repeats}).
     */
    record Valid(List<ValidRecord> records, int repeats) {
    }

    /** The path of field {@code field} of record {@code index} of a listed batch, as every other body error names it. */
    static String path(int index, String field) {
        return RecordPaths.LISTED.of(index, field);
    }

    /** Checks {@code records}; throws {@code MONITORING_RECORDS_INVALID} listing what fails. */
    Valid check(List<RawRecord> records) {
        return check(records, Map.of());
    }

    /**
     * As {@link #check(List)}, where the records at the keys of {@code unreadable} could not be read at all (a CSV row
     * with the wrong number of cells) and fail with that error.
     */
    Valid check(List<RawRecord> records, Map<Integer, FieldError> unreadable) {
        Errors errors = new Errors();
        List<ValidRecord> valid = new ArrayList<>(records.size());
        Map<Key, ValidRecord> seen = new HashMap<>();
        int repeats = 0;
        for (int i = 0; i < records.size(); i++) {
            if (unreadable.containsKey(i)) {
                errors.add(unreadable.get(i));
                errors.failedRecords++;
                continue;
            }
            int before = errors.total;
            ValidRecord record = check(i, records.get(i), errors);
            if (record == null) {
                errors.failedRecords++;
                continue;
            }
            ValidRecord first = seen.putIfAbsent(record.key(), record);
            if (first == null) {
                valid.add(record);
            } else if (first.sameAs(record)) {
                repeats++;
            } else {
                errors.add(new FieldError(paths.of(i, null), "DUPLICATE_KEY", Message.of(
                        "has the same outletCode, pollutantCode, kind, averaging and from as record " + first.index()
                                + " but another value, unit, flag or to; a window has one value",
                        "与第" + first.index() + "条记录的排放口、污染物、监测方式、均值类型和开始时间相同，但数值、单位、标记或结束时间不同；同一时段只能有一个数值")));
            }
            if (errors.total > before && record != null) {
                errors.failedRecords++;
            }
        }
        if (errors.total > 0) {
            throw errors.refusal(records.size());
        }
        return new Valid(List.copyOf(valid), repeats);
    }

    private ValidRecord check(int i, RawRecord raw, Errors errors) {
        int before = errors.total;
        String outletCode = required(i, "outletCode", raw.outletCode(), errors);
        String pollutantCode = required(i, "pollutantCode", raw.pollutantCode(), errors);
        RecordKind kind = enumValue(i, "kind", raw.kind(), RecordKind.class, errors);
        Averaging averaging = enumValue(i, "averaging", raw.averaging(), Averaging.class, errors);
        RecordFlag flag = raw.flag() == null || raw.flag().isEmpty() ? RecordFlag.VALID
                : enumValue(i, "flag", raw.flag(), RecordFlag.class, errors);
        OffsetDateTime from = time(i, "from", required(i, "from", raw.from(), errors), errors);
        OffsetDateTime to = raw.to() == null || raw.to().isEmpty() ? null : time(i, "to", raw.to(), errors);
        BigDecimal value = number(i, required(i, "value", raw.value(), errors), errors);
        String unit = required(i, "unit", raw.unit(), errors);

        if (kind == RecordKind.MANUAL && averaging != null && averaging != Averaging.SAMPLE) {
            errors.add(new FieldError(paths.of(i, "averaging"), "AVERAGING_FOR_KIND", Message.of(
                    "must be SAMPLE for a MANUAL record: a manual sample is one sample, not a " + averaging + " mean",
                    "手工监测记录应为SAMPLE：手工采样是单次样品，不是" + averaging + "均值")));
        }
        if (from != null && averaging != null && !averaging.startsAt(from, zone)) {
            errors.add(new FieldError(paths.of(i, "from"), "NOT_ALIGNED", Message.of(switch (averaging) {
                case MINUTE -> "must be a whole minute for a MINUTE mean";
                case HOURLY -> "must be the start of a clock hour (China time) for an HOURLY mean";
                default -> "must be 00:00 China time (+08:00) for a DAILY mean";
            }, switch (averaging) {
                case MINUTE -> "分钟均值的开始时间应为整分";
                case HOURLY -> "小时均值的开始时间应为整点（北京时间）";
                default -> "日均值的开始时间应为北京时间0时（+08:00）";
            })));
        }
        OffsetDateTime end = to;
        if (from != null && to != null && to.isBefore(from)) {
            errors.add(new FieldError(paths.of(i, "to"), "WINDOW_INVERTED", Message.of(
                    "must not be before from (" + from + ")", "不能早于开始时间（" + from + "）")));
        } else if (from != null && to != null && averaging != null && averaging.startsAt(from, zone)
                && !averaging.endsAt(from, to, zone)) {
            errors.add(new FieldError(paths.of(i, "to"), "WINDOW_LENGTH", Message.of(
                    "does not end a " + averaging + " window starting at " + from + ": expected "
                            + (averaging == Averaging.MINUTE ? "1 to 60 whole minutes later" : averaging.defaultEnd(from, zone).toString())
                            + " (or leave it out)",
                    "与开始时间" + from + "不构成" + averaging + "时段：应为"
                            + (averaging == Averaging.MINUTE ? "其后1至60整分钟" : averaging.defaultEnd(from, zone).toString()) + "（或不填）")));
        } else if (from != null && to == null && averaging != null) {
            end = averaging.defaultEnd(from, zone);
        }
        if (from != null && from.isAfter(now)) {
            errors.add(new FieldError(paths.of(i, "from"), "IN_FUTURE", Message.of(
                    "lies in the future (now is " + now + ")", "晚于当前时间（" + now + "）")));
        } else if (end != null && end.isAfter(now)) {
            errors.add(new FieldError(paths.of(i, to == null ? "from" : "to"), "IN_FUTURE", Message.of(
                    "the window ends in the future (" + end + "; now is " + now + "): send a mean once its window is over",
                    "时段结束时间晚于当前时间（" + end + "，当前" + now + "）：请在时段结束后再报送均值")));
        }
        if (value != null) {
            if (value.signum() < 0) {
                errors.add(new FieldError(paths.of(i, "value"), "NEGATIVE", Message.of(
                        "must not be negative, got " + value.toPlainString(), "不能为负数，实际为" + value.toPlainString())));
            } else if (value.compareTo(ABSURD) >= 0) {
                errors.add(new FieldError(paths.of(i, "value"), "RANGE", Message.of(
                        "is implausibly large (" + value.toEngineeringString() + "); check the unit",
                        "数值过大（" + value.toEngineeringString() + "），请检查单位")));
            } else if (PH.equals(pollutantCode) && value.compareTo(PH_MAX) > 0) {
                errors.add(new FieldError(paths.of(i, "value"), "RANGE", Message.of(
                        "must be from 0 to 14 for pH, got " + value.toPlainString(),
                        "pH值应在0至14之间，实际为" + value.toPlainString())));
            }
        }
        if (errors.total > before || from == null) {
            // the permit's terms are checked only on a record whose own fields hold: an unknown outlet on a record
            // whose time does not parse says nothing useful
            return null;
        }

        LocalDate day = from.atZoneSameInstant(zone).toLocalDate();
        Optional<PermitVersions.VersionTerms> version = versionsByDay.computeIfAbsent(day,
                d -> held(d) ? permit.at(d) : Optional.empty());
        if (version.isEmpty()) {
            errors.add(new FieldError(paths.of(i, "from"), "OUTSIDE_HOLDING", Message.of(
                    "falls on " + day + ", when permit " + permit.permitNumber() + " was not held (held "
                            + holdingText() + ")",
                    "所在日期" + day + "不在许可证" + permit.permitNumber() + "的持证期间内（持证期间" + holdingText() + "）")));
            return null;
        }
        PublicPermit document = version.get().document();
        int versionNumber = version.get().version();
        Optional<PublicPermit.Outlet> outlet = Optional.ofNullable(outlets.computeIfAbsent(versionNumber,
                v -> document.outlets().stream().collect(Collectors.toMap(PublicPermit.Outlet::code, o -> o, (a, b) -> a)))
                .get(outletCode));
        if (outlet.isEmpty()) {
            String outlets = document.outlets().stream().map(PublicPermit.Outlet::code).collect(Collectors.joining(", "));
            errors.add(new FieldError(paths.of(i, "outletCode"), "UNKNOWN_OUTLET", Message.of(
                    "'" + Printable.of(outletCode) + "' is not an outlet of version " + versionNumber + " of permit "
                            + permit.permitNumber() + " (in force on " + day + "); its outlets: " + outlets,
                    "'" + Printable.of(outletCode) + "'不是许可证" + permit.permitNumber() + "第" + versionNumber + "版（"
                            + day + "有效）的排放口；其排放口为：" + outlets)));
            return null;
        }
        Optional<PublicPermit.OutletPollutant> licensed = Optional.ofNullable(pollutants.computeIfAbsent(
                versionNumber + "|" + outletCode, k -> outlet.get().pollutants().stream().collect(
                        Collectors.toMap(PublicPermit.OutletPollutant::pollutantCode, p -> p, (a, b) -> a)))
                .get(pollutantCode));
        if (licensed.isEmpty()) {
            String pollutants = outlet.get().pollutants().stream()
                    .map(p -> p.pollutantCode() + " " + p.pollutantName()).collect(Collectors.joining(", "));
            errors.add(new FieldError(paths.of(i, "pollutantCode"), "POLLUTANT_NOT_AT_OUTLET", Message.of(
                    "'" + Printable.of(pollutantCode) + "' is neither licensed nor monitored at outlet " + outletCode
                            + " (version " + versionNumber + "); the outlet's pollutants: " + pollutants,
                    "'" + Printable.of(pollutantCode) + "'不是排放口" + outletCode + "（第" + versionNumber
                            + "版）许可或监测的污染物；该排放口的污染物为：" + pollutants)));
            return null;
        }
        PublicPermit.Limit limit = licensed.get().limit();
        String expectedUnit = limit != null && limit.unit() != null ? limit.unit() : pollutantUnits.get(pollutantCode);
        if (expectedUnit != null && !expectedUnit.equals(unit)) {
            errors.add(new FieldError(paths.of(i, "unit"), "WRONG_UNIT", Message.of(
                    "must be " + expectedUnit + (limit != null && limit.unit() != null ? ", the unit of the limit" : ", the pollutant's unit")
                            + ", got '" + Printable.of(unit) + "'; convert the value",
                    "应为" + expectedUnit + (limit != null && limit.unit() != null ? "（限值的单位）" : "（该污染物的单位）")
                            + "，实际为'" + Printable.of(unit) + "'；请换算数值")));
            return null;
        }
        boolean compared = flag == RecordFlag.VALID && limit != null && (limit.min() != null || limit.max() != null)
                && applies(limit.averaging(), kind, averaging);
        boolean exceedance = compared && ((limit.max() != null && value.compareTo(limit.max()) > 0)
                || (limit.min() != null && value.compareTo(limit.min()) < 0));
        return new ValidRecord(i, versionNumber, outletCode, pollutantCode, kind, averaging, from, end, value, unit, flag,
                exceedance, compared ? limit.min() : null, compared ? limit.max() : null, raw.deviceMn());
    }

    /**
     * Whether a limit applies to a record: an hourly limit to hourly means, a daily limit to daily means, a per-sample
     * limit (pH) to each single value; and every limit to a manual sample, which is compared as taken.
     */
    static boolean applies(PublicPermit.LimitAveraging limit, RecordKind kind, Averaging averaging) {
        if (kind == RecordKind.MANUAL) {
            return true;
        }
        return switch (limit) {
            case HOURLY -> averaging == Averaging.HOURLY;
            case DAILY -> averaging == Averaging.DAILY;
            case SAMPLE -> averaging == Averaging.SAMPLE;
        };
    }

    private boolean held(LocalDate day) {
        return !day.isBefore(permit.holding().first()) && permit.holding().last().map(l -> !day.isAfter(l)).orElse(true);
    }

    private String holdingText() {
        return permit.holding().first() + ".." + permit.holding().last().map(LocalDate::toString).orElse("");
    }

    private String required(int i, String field, String value, Errors errors) {
        if (value == null || value.isEmpty()) {
            errors.add(new FieldError(paths.of(i, field), "REQUIRED", Message.of("is required", "为必填项")));
            return null;
        }
        return value;
    }

    private <E extends Enum<E>> E enumValue(int i, String field, String value, Class<E> type, Errors errors) {
        if (value == null || value.isEmpty()) {
            errors.add(new FieldError(paths.of(i, field), "REQUIRED", Message.of("is required", "为必填项")));
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException unknown) {
            String allowed = java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            errors.add(new FieldError(paths.of(i, field), "UNKNOWN_VALUE", Message.of(
                    "'" + Printable.of(value) + "' is not one of " + allowed,
                    "'" + Printable.of(value) + "'不是允许的取值（" + allowed + "）")));
            return null;
        }
    }

    private OffsetDateTime time(int i, String field, String value, Errors errors) {
        if (value == null) {
            return null;
        }
        try {
            OffsetDateTime time = OffsetDateTime.parse(value);
            Optional<FieldError> outside = org.epermit.api.common.TimeRange.check(time, paths.of(i, field));
            outside.ifPresent(errors::add);
            return outside.isPresent() ? null : time;
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(paths.of(i, field), "FORMAT", Message.of(
                    "must be an ISO-8601 date-time with offset such as 2026-11-20T08:00:00+08:00, got '" + Printable.of(value) + "'",
                    "应为带时区的ISO-8601时间（如 2026-11-20T08:00:00+08:00），实际为'" + Printable.of(value) + "'")));
            return null;
        }
    }

    private BigDecimal number(int i, String value, Errors errors) {
        if (value == null) {
            return null;
        }
        if (NOT_FINITE.contains(value.toLowerCase(Locale.ROOT))) {
            errors.add(new FieldError(paths.of(i, "value"), "NOT_FINITE", Message.of(
                    "must be a finite number, got '" + Printable.of(value) + "'",
                    "应为有限数值，实际为'" + Printable.of(value) + "'")));
            return null;
        }
        try {
            if (value.length() > 100) {
                throw new NumberFormatException();
            }
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            errors.add(new FieldError(paths.of(i, "value"), "FORMAT", Message.of(
                    "must be a decimal number such as 24.5, got '" + Printable.of(value) + "'",
                    "应为十进制数（如 24.5），实际为'" + Printable.of(value) + "'")));
            return null;
        }
    }

    /** The failing fields, of which the first {@code maxListedErrors} are listed. */
    private final class Errors {
        final List<FieldError> listed = new ArrayList<>();
        int total;
        int failedRecords;

        void add(FieldError error) {
            total++;
            if (listed.size() < maxListedErrors) {
                listed.add(error);
            }
        }

        ApiException refusal(int records) {
            String shown = listed.size() < total ? "; the first " + listed.size() + " are listed" : "";
            String shownZh = listed.size() < total ? "；以下列出前" + listed.size() + "个" : "";
            return new ApiException(ErrorCode.MONITORING_RECORDS_INVALID, Message.of(
                    failedRecords + " of the " + records + " records are invalid (" + total + " failing field"
                            + (total == 1 ? "" : "s") + shown + "). Nothing of the batch was stored: correct them and send the batch again.",
                    records + "条记录中有" + failedRecords + "条无效（共" + total + "处错误" + shownZh + "）。整批数据均未保存，请更正后重新报送。"),
                    listed);
        }
    }
}
