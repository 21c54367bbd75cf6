package org.epermit.api.monitoring;

import org.epermit.api.permit.PermitCategory;
import org.epermit.api.permit.PermitStatus;
import org.epermit.api.permit.PublicPermit;
import org.epermit.api.permit.terms.PermitVersions;
import org.epermit.api.permit.reporting.Holding;
import org.epermit.api.problem.ApiException;
import org.epermit.api.problem.FieldError;
import org.epermit.api.reference.Medium;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Each record is checked against the version in force on its day in China time: a change of the permit at midnight
 * +08:00 changes the outlets and limits for the records from then on, even where the UTC date is still the day before.
 */
class BatchValidationTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final LocalDate CHANGE = LocalDate.of(2026, 6, 1);

    private static PublicPermit.OutletPollutant so2(String max) {
        return new PublicPermit.OutletPollutant("a21026", "二氧化硫",
                new PublicPermit.Limit(null, new BigDecimal(max), "mg/m3", PublicPermit.LimitAveraging.HOURLY, null),
                null, null, null);
    }

    private static PublicPermit.Outlet outlet(String code, PublicPermit.OutletPollutant... pollutants) {
        return new PublicPermit.Outlet(code, code, Medium.AIR, PublicPermit.OutletKind.MAIN, null, null, null, null, List.of(pollutants));
    }

    private static PublicPermit document(int version, LocalDate from, PublicPermit.Outlet... outlets) {
        return new PublicPermit("91130200699229617X001P", version, PermitCategory.KEY, PermitStatus.VALID, from, from,
                LocalDate.of(2030, 12, 31), null, null, null, List.of(outlets), List.of(), List.of());
    }

    private static final PermitVersions PERMIT = new PermitVersions(7, "91130200699229617X001P", PermitCategory.KEY,
            PermitStatus.VALID, "4411", Holding.between(LocalDate.of(2025, 1, 1), LocalDate.of(2030, 12, 31)), List.of(
            new PermitVersions.VersionTerms(1, LocalDate.of(2025, 1, 1), Optional.of(CHANGE.minusDays(1)),
                    document(1, LocalDate.of(2025, 1, 1), outlet("DA001", so2("100")))),
            new PermitVersions.VersionTerms(2, CHANGE, Optional.empty(),
                    document(2, CHANGE, outlet("DA001", so2("50")), outlet("DA002", so2("35"))))));

    private static BatchValidation validation() {
        return new BatchValidation(PERMIT, Map.of("a21026", "mg/m3"), OffsetDateTime.parse("2026-11-30T12:00:00+08:00"),
                CHINA, 100);
    }

    private static RawRecord hourly(String outlet, String from, String value) {
        return new RawRecord(outlet, "a21026", "AUTOMATIC", "HOURLY", from, null, value, "mg/m3", null, null);
    }

    @Test
    void a_record_binds_to_the_version_in_force_on_its_china_time_day() {
        var valid = validation().check(List.of(
                hourly("DA001", "2026-05-31T23:00:00+08:00", "80"),   // version 1: limit 100
                hourly("DA001", "2026-05-31T16:00:00Z", "80")));       // 00:00 on 1 June in China: version 2, limit 50
        assertThat(valid.records()).extracting(BatchValidation.ValidRecord::permitVersion).containsExactly(1, 2);
        assertThat(valid.records()).extracting(BatchValidation.ValidRecord::exceedance).containsExactly(false, true);
        assertThat(valid.records().get(1).limitMax()).isEqualByComparingTo("50");
        assertThat(valid.records().get(0).to()).isEqualTo(OffsetDateTime.parse("2026-06-01T00:00:00+08:00"));
    }

    @Test
    void an_outlet_added_by_a_later_version_is_unknown_before_it() {
        ApiException refused = catchThrowableOfType(ApiException.class, () -> validation().check(List.of(
                hourly("DA002", "2026-06-01T00:00:00+08:00", "1"),
                hourly("DA002", "2026-05-31T23:00:00+08:00", "1"))));
        assertThat(refused.errors()).extracting(FieldError::path, FieldError::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("body.records[1].outletCode", "UNKNOWN_OUTLET"));
        assertThat(refused.errors().get(0).message().en()).contains("version 1").contains("its outlets: DA001");
    }

    @Test
    void the_failing_fields_listed_stop_at_the_limit_and_the_detail_gives_the_total() {
        List<RawRecord> records = java.util.stream.IntStream.range(0, 5)
                .mapToObj(i -> hourly("DA009", "2026-11-0" + (i + 1) + "T08:00:00+08:00", "1")).toList();
        ApiException refused = catchThrowableOfType(ApiException.class, () -> new BatchValidation(PERMIT,
                Map.of("a21026", "mg/m3"), OffsetDateTime.parse("2026-11-30T12:00:00+08:00"), CHINA, 2).check(records));
        assertThat(refused.errors()).hasSize(2);
        assertThat(refused.detail().en()).startsWith("5 of the 5 records are invalid (5 failing fields; the first 2 are listed)");
    }

    @Test
    void minute_means_last_one_to_sixty_whole_minutes_and_a_daily_mean_starts_at_china_midnight() {
        var valid = validation().check(List.of(
                new RawRecord("DA001", "a21026", "AUTOMATIC", "MINUTE", "2026-11-01T08:10:00+08:00", "2026-11-01T08:20:00+08:00", "1", "mg/m3", null, null),
                new RawRecord("DA001", "a21026", "AUTOMATIC", "DAILY", "2026-10-31T16:00:00Z", null, "1", "mg/m3", null, null)));
        assertThat(valid.records().get(1).to()).isEqualTo(OffsetDateTime.parse("2026-11-02T00:00:00+08:00"));
        ApiException refused = catchThrowableOfType(ApiException.class, () -> validation().check(List.of(
                new RawRecord("DA001", "a21026", "AUTOMATIC", "MINUTE", "2026-11-01T08:10:00+08:00", "2026-11-01T09:20:00+08:00", "1", "mg/m3", null, null),
                new RawRecord("DA001", "a21026", "AUTOMATIC", "DAILY", "2026-11-01T00:00:00Z", null, "1", "mg/m3", null, null))));
        assertThat(refused.errors()).extracting(FieldError::path, FieldError::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple("body.records[0].to", "WINDOW_LENGTH"),
                org.assertj.core.groups.Tuple.tuple("body.records[1].from", "NOT_ALIGNED"));
    }
}
